"""``layered_view`` and ``show``: visualkeras' calls, drawn by strata's library."""

from __future__ import annotations

import warnings
from dataclasses import fields
from typing import Any, Dict, List, Mapping, Optional, Sequence

from .captions import builtin_name, is_encodable, template_text
from .figure import Figure, StrataWarning, caller_level
from .graph import graph_view
from .keywords import (class_or_name, font_value, option_layers, option_value,
                       resolved_keywords, same_keyword)
from .layers import drawn_layers
from .models import live_layers, load
from .options import LAYERED_PRESETS, LayeredOptions, defaults


def _resolved(preset: Optional[str], options: Any, given: Dict[str, Any]) -> Dict[str, Any]:
    """Preset, then options, then each keyword that differs from its default (visualkeras'
    precedence; unlike visualkeras, every keyword counts on that path, image_fit and
    image_axis included, and logo_groups and logos_legend may come from the options)."""
    if preset is None and options is None:
        return dict(given)
    return resolved_keywords("", LAYERED_PRESETS, LayeredOptions, defaults(), preset, options,
                             given)

# A caption's longest text, as the library allows it (64 KiB), checked before the text is
# handed over.
MAX_CAPTION_CHARS = 64 << 10




def _caption_values(values: Dict[str, Any], model: Any, loaded: Any) -> Dict[str, Any]:
    """A Python text_callable, called for every box as visualkeras calls it, becomes each
    layer's own caption; a built-in one is drawn by the library."""
    text_callable = values.pop("text_callable", None)
    if text_callable is None:
        return {}
    name = builtin_name(text_callable)
    if name is not None:
        return {"text_callable": name}
    if not callable(text_callable):
        raise TypeError("text_callable must be a built-in name or a callable (index, layer)")
    ignored_types = [class_or_name(t) for t in values.get("type_ignore") or ()]
    ignored_indices = [int(i) for i in values.get("index_ignore") or ()]
    captions: Dict[str, str] = {}
    above: List[str] = []
    boxes = drawn_layers(loaded.layers, ignored_types, ignored_indices, live_layers(model))
    for index, (layer_name, layer) in enumerate(boxes):
        result = text_callable(index, layer)
        if not (isinstance(result, (tuple, list)) and len(result) == 2):
            raise TypeError(
                f"text_callable must return (text, above), as visualkeras calls it; for box "
                f"{index} ({layer_name}) it returned {result!r}"
            )
        text, on_top = result
        if text is None:
            continue
        text = str(text)
        if not is_encodable(text):
            raise ValueError(
                f"text_callable: the caption of box {index} ({layer_name}) holds a lone "
                "surrogate, which is not Unicode text; give a str that encodes as UTF-8"
            )
        if len(text) > MAX_CAPTION_CHARS:
            raise ValueError(
                f"text_callable: the caption of box {index} ({layer_name}) has {len(text)} "
                f"characters; a caption may have at most {MAX_CAPTION_CHARS}"
            )
        captions[layer_name] = template_text(text)
        if on_top:
            above.append(layer_name)
    own = dict(values.pop("captions", None) or {})
    captions.update({class_or_name(k): v for k, v in own.items()})
    return {"captions": captions, "captions_above": above}


def _warn_unmatched(sent: Dict[str, Any], layers: Sequence[Dict[str, Any]]) -> None:
    """A class named in color_map or type_ignore that no layer has is most likely a typo or
    another framework's name: say so rather than draw as if it were not given."""
    types = {layer["type"] for layer in layers}
    named = list(option_value("color_map", sent.get("color_map") or {}))
    named += option_value("type_ignore", sent.get("type_ignore") or [])
    unmatched = sorted({name for name in named if name not in types})
    for name in unmatched[:10]:  # a few say it; thousands would only cost time
        warnings.warn(
            f"no layer of the model is a {name} (its classes: {', '.join(sorted(types))})",
            StrataWarning, stacklevel=caller_level())


def layered_view(
    model: Any,
    to_file: Optional[str] = None,
    min_z: int = 20,
    min_xy: int = 20,
    max_z: int = 400,
    max_xy: int = 2000,
    scale_z: float = 1.5,
    scale_xy: float = 4,
    type_ignore: Optional[Sequence[Any]] = None,
    index_ignore: Optional[Sequence[int]] = None,
    color_map: Optional[Mapping[Any, Mapping[str, Any]]] = None,
    one_dim_orientation: str = "z",
    index_2D: Sequence[int] = (),
    background_fill: Any = "white",
    draw_volume: bool = True,
    draw_reversed: bool = False,
    padding: int = 10,
    text_callable: Any = None,
    text_vspacing: int = 4,
    spacing: int = 10,
    draw_funnel: bool = True,
    shade_step: int = 10,
    legend: bool = False,
    legend_text_spacing_offset: int = 15,
    font: Any = None,
    font_color: Any = "black",
    show_dimension: bool = False,
    sizing_mode: str = "accurate",
    dimension_caps: Optional[Mapping[str, int]] = None,
    relative_base_size: int = 20,
    connector_fill: Any = "gray",
    connector_width: int = 1,
    image_fit: str = "fill",
    image_axis: str = "z",
    layered_groups: Optional[Sequence[Mapping[str, Any]]] = None,
    logo_groups: Optional[Sequence[Mapping[str, Any]]] = None,
    logos_legend: Any = False,
    styles: Optional[Mapping[Any, Mapping[str, Any]]] = None,
    *,
    options: Any = None,
    preset: Optional[str] = None,
    width: Optional[str] = None,
    height: Optional[str] = None,
    level: Optional[str] = None,
    collapse: Optional[str] = None,
    min_font_size: Optional[float] = None,
    stages: Optional[bool] = None,
    expand: Optional[Sequence[str]] = None,
    font_size: Optional[float] = None,
    caption: Optional[str] = None,
    caption_position: Optional[str] = None,
    legend_position: Optional[str] = None,
    captions: Optional[Mapping[str, str]] = None,
    link_images: Optional[bool] = None,
    compat_visualkeras: Optional[bool] = None,
    input_shape: Optional[Sequence[int]] = None,
    example_input: Any = None,
    onnx_raw: bool = False,
    allow_model_paths: bool = False,
) -> Figure:
    """Draws `model` as visualkeras' layered view and returns a :class:`Figure`.

    Every keyword of visualkeras' ``layered_view`` is here with its name, default and meaning;
    ``options`` (a :class:`LayeredOptions` or a mapping) and ``preset`` (a name of
    ``LAYERED_PRESETS``) come first, then each keyword that differs from its default. strata's
    own options follow (``width="8.5cm"``, ``level``, ``collapse`` ...). A torch model needs
    ``input_shape`` (batch included) or ``example_input``. ``to_file`` writes the figure as
    visualkeras does. Raises FileNotFoundError for a missing file and strata.Error (a
    ValueError) for a model or an option strata cannot use.
    """
    arguments = locals()
    given = {f.name: arguments[f.name] for f in fields(LayeredOptions)}
    values = _resolved(preset, options, given)
    loaded = load(
        model,
        input_shape=input_shape,
        example_input=example_input,
        onnx_raw=onnx_raw,
        allow_model_paths=allow_model_paths,
    )
    base = defaults()
    target = values.pop("to_file", None)
    # For a .tex figure the document's font and size govern unless the call chose them (not a
    # preset): as the command line's --font and --font-size.
    chosen = {**(options.to_kwargs() if isinstance(options, LayeredOptions) else
                 dict(options) if isinstance(options, Mapping) else {}),
              **{k: v for k, v in given.items() if v is not None}}
    chosen_font = chosen.get("font") is not None
    font_name, size_from_font = font_value(values.pop("font", None))
    chosen_size = chosen.get("font_size") is not None or (chosen_font and size_from_font is not None)
    inherited: Dict[str, Any] = {}
    if preset is not None:
        inherited = {k: v for k, v in LAYERED_PRESETS[preset].to_kwargs().items()
                     if k in ("font", "font_size") and v is not None}
    caption_values = _caption_values(values, model, loaded)
    sent: Dict[str, Any] = {}
    for key, value in values.items():
        if value is None or (key in base and same_keyword(value, base[key])):
            continue
        sent[key] = value
    if font_name is not None:
        sent["font"] = font_name
    if size_from_font is not None and values.get("font_size") is None:
        sent["font_size"] = size_from_font
    sent.update(caption_values)
    layers = option_layers(sent, "keyword")  # refuses values too large before more work
    if "legend_text_spacing_offset" in sent:
        # visualkeras deprecated it; it moves nothing there either.
        warnings.warn("legend_text_spacing_offset has no effect (visualkeras deprecated it)",
                      StrataWarning, stacklevel=caller_level())
    _warn_unmatched(sent, loaded.layers)
    figure = Figure(loaded, layers, chosen_font, chosen_size,
                    option_layers(inherited, "preset"))
    if target is not None:
        figure.save(target)
    return figure


_MODES = {"layered": "layered", "layers": "layered", "graph": "graph", "graph_view": "graph",
          "functional": "functional", "func": "functional", "lenet": "lenet",
          "lenet_style": "lenet"}


def show(model: Any, *, mode: str = "layered", preset: Optional[str] = None,
         options: Any = None, **overrides: Any) -> Figure:
    """visualkeras' ``show``: the view `mode` names, with a preset, options and keywords."""
    view = _MODES.get(str(mode).strip().lower())
    if view is None:
        raise ValueError(
            f"Unknown mode '{mode}'. Expected one of: layered, graph, functional, lenet."
        )
    if view == "lenet":
        from .lenet import lenet_view

        return lenet_view(model, preset=preset, options=options, **overrides)
    if view == "functional":
        from .functional import functional_view

        return functional_view(model, preset=preset, options=options, **overrides)
    if view == "graph":
        return graph_view(model, preset=preset, options=options, **overrides)
    if options is not None and not isinstance(options, (Mapping, LayeredOptions)):
        raise TypeError(
            "options must be a LayeredOptions, a mapping or None, not " + type(options).__name__
        )
    if view != "layered":
        raise ValueError(f"the {view} view is not in strata yet; mode='layered' draws the layered view")
    return layered_view(model, preset=preset, options=options, **overrides)
