"""``lenet_view``: visualkeras' LeNet-style figure (stacks of feature maps), drawn by strata."""

from __future__ import annotations

from dataclasses import dataclass, fields
from typing import Any, Dict, Mapping, Optional, Sequence

from . import _strata
from .figure import Figure
from .keywords import class_or_name, font_value, option_layers, resolved_keywords
from .layers import drawn_layers
from .models import live_layers, load
from .options import _scalar


@dataclass(frozen=True)
class LenetOptions:
    """The options of :func:`strata.lenet_view`, to define once and reuse.

    visualkeras' names and defaults, but for the colours: ``None`` is strata's printable
    white background with black text (visualkeras draws black with white text; pass
    ``background_fill="black", font_color="white"`` or ``compat_visualkeras=True`` for it)."""

    to_file: Optional[str] = None
    min_xy: int = 20
    max_xy: int = 220
    scale_xy: float = 4.0
    type_ignore: Optional[Sequence[Any]] = None
    index_ignore: Optional[Sequence[int]] = None
    color_map: Optional[Mapping[Any, Mapping[str, Any]]] = None
    background_fill: Any = None
    padding: int = 20
    layer_spacing: int = 40
    map_spacing: int = 4
    max_visual_channels: int = 12
    connector_fill: Any = "gray"
    connector_width: int = 1
    patch_fill: Any = "#7db7ff"
    patch_outline: Any = "black"
    patch_scale: float = 1.0
    patch_alpha_on_image: int = 140
    seed: Optional[int] = None
    draw_connections: bool = True
    draw_patches: bool = True
    font: Any = None
    font_color: Any = None
    top_label_padding: int = 6
    bottom_label_padding: int = 6
    top_label: bool = True
    bottom_label: bool = True
    styles: Optional[Mapping[Any, Mapping[str, Any]]] = None
    # strata's own.
    width: Optional[str] = None
    height: Optional[str] = None
    font_size: Optional[float] = None
    min_font_size: Optional[float] = None
    compat_visualkeras: Optional[bool] = None
    top_labels: Optional[Mapping[str, Any]] = None
    bottom_labels: Optional[Mapping[str, Any]] = None

    def to_kwargs(self) -> Dict[str, Any]:
        """The options as keyword arguments of lenet_view."""
        return {f.name: getattr(self, f.name) for f in fields(self)}


def _defaults() -> Dict[str, Any]:
    return LenetOptions().to_kwargs()


def _preset(name: str) -> LenetOptions:
    values: Dict[str, Any] = {}
    known = {f.name for f in fields(LenetOptions)}
    for line in _strata.preset_yaml(name, "lenet").splitlines():
        key, sep, value = line.partition(": ")
        if sep and not line.startswith((" ", "#")) and key in known:
            values[key] = _scalar(value.strip())
    return LenetOptions(**values)


LENET_PRESETS: Dict[str, LenetOptions] = {
    name: _preset(name) for name in ("default", "compact", "presentation")
}
"""visualkeras' lenet presets: default, compact and presentation."""

@dataclass(frozen=True)
class RenderShape:
    """A layer's output as the lenet view draws it, as visualkeras hands it to a label
    callable: ``kind`` "spatial" (a stack of ``c`` maps of ``h`` x ``w``) or "vector"."""

    kind: str
    h: int
    w: int
    c: int
    h_dim: int
    w_dim: int
    c_dim: int


def _render_shape(info: Dict[str, Any], every_sequence: bool) -> RenderShape:
    """The library's reading of a layer's first output (lenet/render_shape): rank 3 is
    H x W x C, rank 2 a 1 x L x C sequence (visualkeras: only for a Conv1D or 1-D pooling,
    as compat_visualkeras keeps), anything else a vector of the product of its dimensions."""
    shapes = info.get("shapes") or []
    if not shapes:
        return RenderShape("vector", 1, 1, 1, 1, 1, 1)
    shape = list(shapes[0])
    dims = [1 if d is None or d < 0 else int(d) for d in (shape[1:] if len(shape) > 1 else shape)]
    first = bool(info.get("channels_first"))
    if len(dims) == 3:
        c, h, w = dims if first else (dims[2], dims[0], dims[1])
        return RenderShape("spatial", h, w, c, h, w, c)
    type_name = str(info.get("type", "")).lower()
    if len(dims) == 2 and (every_sequence or "conv1d" in type_name or "pool1d" in type_name):
        c, w = (dims[0], dims[1]) if first and every_sequence else (dims[1], dims[0])
        return RenderShape("spatial", 1, w, c, 1, w, c)
    units = 1
    for d in dims:
        units *= d
    return RenderShape("vector", 1, 1, units, 1, 1, units)


# The labels strata writes itself, by the name a label callable may be given as.
LENET_LABEL_CALLABLES = ("type", "size", "name", "shape", "none")

# A label's longest text, as the library allows it (64 KiB).
_MAX_LABEL_CHARS = 64 << 10


def _label_values(key: str, label_callable: Any, values: Dict[str, Any], model: Any,
                  loaded: Any) -> Dict[str, Any]:
    """A built-in label by name is drawn by the library; a Python callable is called as
    visualkeras calls it, ``(layer, render_shape)`` for every drawn stack, and its texts become
    each layer's own label (None or "" draws none)."""
    if label_callable is None:
        return {}
    if isinstance(label_callable, str):
        if label_callable not in LENET_LABEL_CALLABLES:
            raise ValueError(f"{key} must be one of {', '.join(LENET_LABEL_CALLABLES)} or a "
                             f"callable (layer, render_shape), not {label_callable!r}")
        return {key: label_callable}
    if not callable(label_callable):
        raise TypeError(f"{key} must be a built-in name or a callable (layer, render_shape)")
    ignored_types = {class_or_name(t) for t in values.get("type_ignore") or ()}
    ignored_indices = {int(i) for i in values.get("index_ignore") or ()}
    live = live_layers(model)
    every_sequence = not values.get("compat_visualkeras")
    texts: Dict[str, str] = {}
    for info in loaded.layers:
        if info["index"] is None or info["type"] in ignored_types:
            continue
        if info["index"] in ignored_indices:
            continue
        layer = live.get(info["name"]) if live else None
        if layer is None:
            layer = drawn_layers([info], [], [], None)[0][1]
        text = label_callable(layer, _render_shape(info, every_sequence))
        text = "" if text is None else str(text)
        if len(text) > _MAX_LABEL_CHARS:
            raise ValueError(f"{key}: the label of {info['name']} has {len(text)} characters; "
                             f"a label may have at most {_MAX_LABEL_CHARS}")
        texts[info["name"]] = text
    return {key.replace("_callable", "s"): texts}


def _resolved(preset: Optional[str], options: Any, given: Dict[str, Any]) -> Dict[str, Any]:
    """Preset, then options, then each keyword that differs from its default."""
    return resolved_keywords("lenet ", LENET_PRESETS, LenetOptions, _defaults(), preset, options,
                             given)

def lenet_view(
    model: Any,
    to_file: Optional[str] = None,
    min_xy: int = 20,
    max_xy: int = 220,
    scale_xy: float = 4.0,
    type_ignore: Optional[Sequence[Any]] = None,
    index_ignore: Optional[Sequence[int]] = None,
    color_map: Optional[Mapping[Any, Mapping[str, Any]]] = None,
    background_fill: Any = None,
    padding: int = 20,
    layer_spacing: int = 40,
    map_spacing: int = 4,
    max_visual_channels: int = 12,
    connector_fill: Any = "gray",
    connector_width: int = 1,
    patch_fill: Any = "#7db7ff",
    patch_outline: Any = "black",
    patch_scale: float = 1.0,
    patch_alpha_on_image: int = 140,
    seed: Optional[int] = None,
    draw_connections: bool = True,
    draw_patches: bool = True,
    font: Any = None,
    font_color: Any = None,
    top_label_callable: Any = None,
    bottom_label_callable: Any = None,
    top_label: bool = True,
    bottom_label: bool = True,
    top_label_padding: int = 6,
    bottom_label_padding: int = 6,
    styles: Optional[Mapping[Any, Mapping[str, Any]]] = None,
    *,
    options: Any = None,
    preset: Optional[str] = None,
    width: Optional[str] = None,
    height: Optional[str] = None,
    font_size: Optional[float] = None,
    min_font_size: Optional[float] = None,
    compat_visualkeras: Optional[bool] = None,
    top_labels: Optional[Mapping[str, Any]] = None,
    bottom_labels: Optional[Mapping[str, Any]] = None,
    input_shape: Optional[Sequence[int]] = None,
    example_input: Any = None,
    onnx_raw: bool = False,
    allow_model_paths: bool = False,
) -> Figure:
    """Draws `model` as visualkeras' lenet view and returns a :class:`Figure`.

    Every keyword of visualkeras' ``lenet_view`` is here with its name and default, but
    ``background_fill`` and ``font_color``: ``None`` draws strata's printable white with black
    text. ``top_label_callable`` and ``bottom_label_callable`` are a built-in name (``"type"``,
    ``"size"``, ``"name"``, ``"shape"``, ``"none"``) or, as in visualkeras, a callable given
    ``(layer, render_shape)`` for each stack that returns its label (``None``: none);
    ``patch_alpha_on_image`` has no effect (strata's lenet view has no face images).
    ``options`` (a :class:`LenetOptions` or a mapping) and ``preset`` (a name of
    ``LENET_PRESETS``) come first, then each keyword that differs from its default; strata's
    own options follow (``width="8.5cm"`` ...); ``top_labels`` and ``bottom_labels`` give
    layers their own label by name (``{"conv1": "first conv"}``, ``""``: none), over what
    the label callables say. A ``"\\n"`` in a label starts a new line.
    """
    arguments = locals()
    given = {f.name: arguments[f.name] for f in fields(LenetOptions)}
    values = _resolved(preset, options, given)
    loaded = load(model, input_shape=input_shape, example_input=example_input,
                  onnx_raw=onnx_raw, allow_model_paths=allow_model_paths)
    target = values.pop("to_file", None)
    values.pop("patch_alpha_on_image", None)
    labels: Dict[str, Any] = {}
    for key in ("top_label_callable", "bottom_label_callable"):
        labels.update(_label_values(key, arguments[key], values, model, loaded))
    base = _defaults()
    chosen_font = values.get("font") is not None
    font_name, size_from_font = font_value(values.pop("font", None))
    sent: Dict[str, Any] = {"view": "lenet"}
    for key, value in values.items():
        if value is None or (key in base and value is base[key]):
            continue
        if key in base and type(value) is type(base[key]) and value == base[key]:
            continue
        sent[key] = value
    for key, texts in labels.items():
        # A layer's own label goes over what a callable says of it.
        sent[key] = {**texts, **sent[key]} if isinstance(texts, dict) and key in sent else texts
    if font_name is not None:
        sent["font"] = font_name
    if size_from_font is not None and values.get("font_size") is None:
        sent["font_size"] = size_from_font
    chosen_size = values.get("font_size") is not None or size_from_font is not None
    figure = Figure(loaded, option_layers(sent, "keyword"), chosen_font, chosen_size)
    if target is not None:
        figure.save(target)
    return figure
