"""``lenet_view``: visualkeras' LeNet-style figure (stacks of feature maps), drawn by strata."""

from __future__ import annotations

from dataclasses import dataclass, fields
from typing import Any, Dict, Mapping, Optional, Sequence

from . import _strata
from .figure import Figure
from .keywords import font_value, option_layers, resolved_keywords
from .models import load
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

# visualkeras' keywords strata does not take: its labels are the class and the size.
_UNSUPPORTED = ("top_label_callable", "bottom_label_callable")


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
    input_shape: Optional[Sequence[int]] = None,
    example_input: Any = None,
    onnx_raw: bool = False,
    allow_model_paths: bool = False,
) -> Figure:
    """Draws `model` as visualkeras' lenet view and returns a :class:`Figure`.

    Every keyword of visualkeras' ``lenet_view`` is here with its name and default, but
    ``background_fill`` and ``font_color``: ``None`` draws strata's printable white with black
    text. ``top_label_callable`` and ``bottom_label_callable`` are not supported (the labels
    are the class and the size, each switched by ``top_label`` and ``bottom_label``);
    ``patch_alpha_on_image`` has no effect (strata's lenet view has no face images).
    ``options`` (a :class:`LenetOptions` or a mapping) and ``preset`` (a name of
    ``LENET_PRESETS``) come first, then each keyword that differs from its default; strata's
    own options follow (``width="8.5cm"`` ...).
    """
    arguments = locals()
    for key in _UNSUPPORTED:
        if arguments[key] is not None:
            raise ValueError(f"{key} is not supported by strata's lenet view; the labels are "
                             "the layer class (top_label) and the size (bottom_label)")
    given = {f.name: arguments[f.name] for f in fields(LenetOptions)}
    values = _resolved(preset, options, given)
    loaded = load(model, input_shape=input_shape, example_input=example_input,
                  onnx_raw=onnx_raw, allow_model_paths=allow_model_paths)
    target = values.pop("to_file", None)
    values.pop("patch_alpha_on_image", None)
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
    if font_name is not None:
        sent["font"] = font_name
    if size_from_font is not None and values.get("font_size") is None:
        sent["font_size"] = size_from_font
    chosen_size = values.get("font_size") is not None or size_from_font is not None
    figure = Figure(loaded, option_layers(sent, "keyword"), chosen_font, chosen_size)
    if target is not None:
        figure.save(target)
    return figure
