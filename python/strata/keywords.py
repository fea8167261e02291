"""Keyword values as Python has them (classes, layer objects, RGB tuples, fonts) turned into
the option values of strata's option files, which the library checks."""

from __future__ import annotations

import json
import os
from typing import Any, Dict, List, Mapping, Optional, Tuple

from . import _strata


def same_keyword(a: Any, b: Any) -> bool:
    """Equal as visualkeras compares a keyword with its default (10.0 is 10), but a bool
    is not a number here (True is not 1)."""
    if isinstance(a, bool) or isinstance(b, bool):
        return a is b
    try:
        return bool(a == b)
    except Exception:  # noqa: BLE001 - values that cannot be compared differ
        return a is b


def resolved_keywords(view: str, presets: Mapping[str, Any], options_class: type,
                      base: Dict[str, Any], preset: Optional[str], options: Any,
                      given: Dict[str, Any]) -> Dict[str, Any]:
    """visualkeras' precedence for a view's call: its defaults `base`, then the preset of that
    name in `presets`, then `options` (an `options_class` or a mapping of its fields), then
    each keyword in `given` whose value differs from its default."""
    values = dict(base)
    if preset is not None:
        if preset not in presets:
            raise _strata.Error(f"preset: unknown {view}preset '{preset}'. Available presets: "
                                + ", ".join(sorted(presets)))
        values.update(presets[preset].to_kwargs())
    if isinstance(options, options_class):
        values.update(options.to_kwargs())
    elif isinstance(options, Mapping):
        unknown = sorted(set(options) - set(base))
        if unknown:
            raise TypeError("options has no field " + ", ".join(unknown))
        values.update(options)
    elif options is not None:
        raise TypeError(f"options must be a {options_class.__name__}, a mapping or None, not "
                        + type(options).__name__)
    for key, value in given.items():
        if not same_keyword(value, base[key]):
            values[key] = value
    return values


# torch.nn classes by the Keras word strata gives the ONNX ops they export to.
_TORCH_WORDS = {
    "Linear": "Dense", "Bilinear": "Dense", "LazyLinear": "Dense",
    "BatchNorm1d": "BatchNormalization", "BatchNorm2d": "BatchNormalization",
    "BatchNorm3d": "BatchNormalization", "LayerNorm": "LayerNormalization",
    "AdaptiveAvgPool1d": "GlobalAveragePooling1D", "AdaptiveAvgPool2d": "GlobalAveragePooling2D",
    "AdaptiveAvgPool3d": "GlobalAveragePooling3D", "AdaptiveMaxPool1d": "GlobalMaxPooling1D",
    "AdaptiveMaxPool2d": "GlobalMaxPooling2D", "AdaptiveMaxPool3d": "GlobalMaxPooling3D",
    "Upsample": "UpSampling2D", "UpsamplingNearest2d": "UpSampling2D",
    "UpsamplingBilinear2d": "UpSampling2D", "RNN": "SimpleRNN", "Softmax": "Softmax",
    "ZeroPad2d": "ZeroPadding2D", "ConstantPad2d": "ZeroPadding2D",
}


def _torch_word(cls: type) -> str | None:
    if not cls.__module__.startswith("torch.nn"):
        return None
    name = cls.__name__
    if name in _TORCH_WORDS:
        return _TORCH_WORDS[name]
    for torch_prefix, keras_prefix in (("ConvTranspose", "Conv"), ("Conv", "Conv"),
                                       ("MaxPool", "MaxPooling"), ("AvgPool", "AveragePooling")):
        rank = name[len(torch_prefix):]
        if name.startswith(torch_prefix) and rank in ("1d", "2d", "3d"):
            word = keras_prefix + rank.upper()
            return word + "Transpose" if torch_prefix == "ConvTranspose" else word
    return name


def class_or_name(key: Any) -> str:
    """A Keras or torch class, or a layer object, by the name strata knows it by (a torch
    class by the Keras word of what it exports to: nn.Conv2d is Conv2D, nn.Linear Dense)."""
    if isinstance(key, str):
        return key
    if isinstance(key, type):
        return _torch_word(key) or key.__name__
    name = getattr(key, "name", None)
    if isinstance(name, str):
        return name
    return str(key)


def colour(value: Any, key: str = "colour") -> Any:
    """A colour name or '#rrggbb' as given; an (r, g, b[, a]) tuple as '#rrggbb[aa]'."""
    if isinstance(value, str):
        return value
    if isinstance(value, (tuple, list)) and len(value) in (3, 4):
        if all(isinstance(v, int) and not isinstance(v, bool) and 0 <= v <= 255 for v in value):
            return "#" + "".join(f"{v:02x}" for v in value)
    raise ValueError(
        f"{key}: {value!r} is not a colour (a name, '#rrggbb[aa]' or an (r, g, b[, a]) tuple "
        "of 0 to 255)"
    )


_COLOUR_KEYS = {"fill", "outline", "font_color", "color"}


def _mapping(value: Any, key: str) -> Mapping[Any, Any]:
    if not isinstance(value, Mapping):
        raise TypeError(f"{key} must be a mapping, not {type(value).__name__}")
    return value


def _sequence(value: Any, key: str) -> List[Any]:
    """A list from a list or tuple; a single value as a list of one."""
    if isinstance(value, (list, tuple, set, frozenset)):
        return list(value)
    return [value]


def _style(entry: Any, where: str = "style") -> Dict[str, Any]:
    out: Dict[str, Any] = {}
    for key, value in _mapping(entry, where).items():
        if key in _COLOUR_KEYS:
            value = colour(value, f"{where}.{key}")
        elif key == "layers" and isinstance(value, (list, tuple)):
            value = [class_or_name(v) for v in value]
        elif key in ("image", "file") and isinstance(value, os.PathLike):
            value = os.fspath(value)
        elif key == "font":
            value = font_value(value)[0]
        out[str(key)] = value
    return out


def _collapse_rule(entry: Any, where: str) -> Dict[str, Any]:
    """A collapse rule with its selector as names: a layer class stands for its class name."""
    out = {str(k): v for k, v in _mapping(entry, where).items()}
    selector = out.get("selector")
    if isinstance(selector, (list, tuple)):
        out["selector"] = [class_or_name(v) for v in selector]
    elif selector is not None:
        out["selector"] = class_or_name(selector)
    return out


def font_value(font: Any) -> Tuple[Any, Any]:
    """A font as (family or file, size or None): a path, a family name, or a Pillow font
    (its file and its size)."""
    if font is None or isinstance(font, str):
        return font, None
    if isinstance(font, os.PathLike):
        return os.fspath(font), None
    path = getattr(font, "path", None)
    if isinstance(path, (str, os.PathLike)):
        return os.fspath(path), getattr(font, "size", None)
    if type(font).__module__.startswith("PIL."):
        return None, None  # Pillow's built-in bitmap font: strata's default font stands in
    raise TypeError(
        "font must be a font file path, a family name or a Pillow FreeTypeFont, not "
        + type(font).__name__
    )


def option_value(key: str, value: Any) -> Any:
    """The option file value of keyword `key`."""
    if key in ("type_ignore",):
        return [class_or_name(v) for v in _sequence(value, key)]
    if key in ("index_ignore", "index_2D"):
        items = _sequence(value, key)
        if not all(isinstance(v, int) and not isinstance(v, bool) for v in items):
            raise TypeError(f"{key} takes layer indices (integers), not {value!r}")
        return items
    if key in ("background_fill", "font_color", "connector_fill"):
        return colour(value, key)
    if key in ("color_map", "styles"):
        return {
            class_or_name(k): _style(v, f"{key}.{class_or_name(k)}")
            if isinstance(v, Mapping) or key == "styles"
            else colour(v, f"{key}.{class_or_name(k)}")
            for k, v in _mapping(value, key).items()
        }
    if key in ("layered_groups", "logo_groups"):
        return [_style(entry, f"{key}[{i}]") for i, entry in enumerate(_sequence(value, key))]
    if key == "collapse_rules":
        if isinstance(value, Mapping):
            # visualkeras takes a list of rules only: a single rule is no list of one.
            raise TypeError("collapse_rules takes a list of rules, not a single rule (a dict)")
        return [_collapse_rule(entry, f"{key}[{i}]") for i, entry in enumerate(_sequence(value, key))]
    if key == "logos_legend":
        return value if isinstance(value, bool) else _style(value, key)
    if key == "dimension_caps":
        return {str(k): v for k, v in _mapping(value, key).items()}
    if key == "expand":
        return [str(v) for v in _sequence(value, key)]
    if key in ("top_labels", "bottom_labels"):
        return {class_or_name(k): "" if v is None else str(v)
                for k, v in _mapping(value, key).items()}
    if key == "captions":
        return {class_or_name(k): str(v) for k, v in _mapping(value, key).items()}
    return value


# The most text the keywords may make, as for an option file (the library's limit), checked
# as each is converted so that no value costs more than that before it is refused.
MAX_OPTION_BYTES = 4 << 20
MAX_OPTION_ENTRIES = 20_000  # the most layers a model may have


def option_layers(values: Mapping[str, Any], source: str) -> List[Tuple[str, str]]:
    """One (source, option file text) per option, so that a bad value is named alone."""
    layers = []
    total = 0
    for key, value in values.items():
        if isinstance(value, (str, bytes)) and len(value) > MAX_OPTION_BYTES:
            raise ValueError(f"{key}: {len(value)} characters; the options may hold at most "
                             f"{MAX_OPTION_BYTES} bytes in all")
        if isinstance(value, (list, tuple, set, dict)) and len(value) > MAX_OPTION_ENTRIES:
            raise ValueError(f"{key}: {len(value)} entries; an option may hold at most "
                             f"{MAX_OPTION_ENTRIES}, the most layers a model may have")
        text = json.dumps({key: option_value(key, value)}, ensure_ascii=False)
        total += len(text.encode("utf-8", "surrogatepass"))
        if total > MAX_OPTION_BYTES:
            raise ValueError(f"{key}: the options would hold more than {MAX_OPTION_BYTES} bytes "
                             "(the limit of an option file)")
        layers.append((f"{source} {key}={value!r}"[:200], text))
    return layers
