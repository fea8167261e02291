"""Keyword values as Python has them (classes, layer objects, RGB tuples, fonts) turned into
the option values of strata's option files, which the library checks."""

from __future__ import annotations

import json
import os
from typing import Any, Dict, List, Mapping, Tuple


def class_or_name(key: Any) -> str:
    """A Keras or torch class, or a layer object, by the name strata knows it by."""
    if isinstance(key, str):
        return key
    if isinstance(key, type):
        return key.__name__
    name = getattr(key, "name", None)
    if isinstance(name, str):
        return name
    return str(key)


def colour(value: Any) -> Any:
    """A colour name or '#rrggbb' as given; an (r, g, b[, a]) tuple as '#rrggbb[aa]'."""
    if isinstance(value, (tuple, list)) and len(value) in (3, 4):
        try:
            parts = [int(v) for v in value]
        except (TypeError, ValueError):
            return value
        if all(0 <= v <= 255 for v in parts):
            return "#" + "".join(f"{v:02x}" for v in parts)
    return value


_COLOUR_KEYS = {"fill", "outline", "font_color", "color"}


def _style(entry: Mapping[str, Any]) -> Dict[str, Any]:
    out: Dict[str, Any] = {}
    for key, value in entry.items():
        if key in _COLOUR_KEYS:
            value = colour(value)
        elif key == "layers" and isinstance(value, (list, tuple)):
            value = [class_or_name(v) for v in value]
        elif key in ("image", "file") and isinstance(value, os.PathLike):
            value = os.fspath(value)
        elif key == "font":
            value = font_value(value)[0]
        out[str(key)] = value
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
    raise TypeError(
        "font must be a font file path, a family name or a Pillow FreeTypeFont, not "
        + type(font).__name__
    )


def option_value(key: str, value: Any) -> Any:
    """The option file value of keyword `key`."""
    if key in ("type_ignore",):
        return [class_or_name(v) for v in value]
    if key in ("index_ignore", "index_2D"):
        return [int(v) for v in value]
    if key in ("background_fill", "font_color", "connector_fill"):
        return colour(value)
    if key in ("color_map", "styles"):
        return {class_or_name(k): _style(v) if isinstance(v, Mapping) else colour(v)
                for k, v in value.items()}
    if key in ("layered_groups", "logo_groups"):
        return [_style(entry) for entry in value]
    if key == "logos_legend":
        return value if isinstance(value, bool) else _style(value)
    if key == "dimension_caps":
        return {str(k): v for k, v in value.items()}
    if key == "expand":
        return [value] if isinstance(value, str) else [str(v) for v in value]
    if key == "captions":
        return {class_or_name(k): str(v) for k, v in value.items()}
    return value


def option_layers(values: Mapping[str, Any], source: str) -> List[Tuple[str, str]]:
    """One (source, option file text) per option, so that a bad value is named alone."""
    layers = []
    for key, value in values.items():
        text = json.dumps({key: option_value(key, value)}, ensure_ascii=False)
        layers.append((f"{source} {key}", text))
    return layers
