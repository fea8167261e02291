"""Typed options of the layered view and the built-in presets.

``LayeredOptions`` has visualkeras' fields, with the same names and defaults, and strata's
own after them; ``None`` for one of strata's own means "as the library decides".
"""

from __future__ import annotations

from dataclasses import dataclass, field, fields
from typing import Any, Dict, Mapping, Optional, Sequence, Union

from . import _strata
from .captions import LAYERED_TEXT_CALLABLES, TextCallable


@dataclass(frozen=True)
class LayeredOptions:
    """The options of :func:`strata.layered_view`, to define once and reuse."""

    # visualkeras' layered_view keywords, same names and defaults.
    to_file: Optional[str] = None
    min_z: int = 20
    min_xy: int = 20
    max_z: int = 400
    max_xy: int = 2000
    scale_z: float = 1.5
    scale_xy: float = 4.0
    type_ignore: Optional[Sequence[Any]] = None
    index_ignore: Optional[Sequence[int]] = None
    color_map: Optional[Mapping[Any, Mapping[str, Any]]] = None
    one_dim_orientation: str = "z"
    index_2D: Sequence[int] = field(default_factory=tuple)
    background_fill: Any = "white"
    draw_volume: bool = True
    draw_reversed: bool = False
    padding: int = 10
    text_callable: Union[None, str, TextCallable] = None
    text_vspacing: int = 4
    spacing: int = 10
    draw_funnel: bool = True
    shade_step: int = 10
    legend: bool = False
    legend_text_spacing_offset: int = 15
    font: Any = None
    font_color: Any = "black"
    show_dimension: bool = False
    sizing_mode: str = "accurate"
    dimension_caps: Optional[Mapping[str, int]] = None
    relative_base_size: int = 20
    connector_fill: Any = "gray"
    connector_width: int = 1
    image_fit: str = "fill"
    image_axis: str = "z"
    layered_groups: Optional[Sequence[Mapping[str, Any]]] = None
    logo_groups: Optional[Sequence[Mapping[str, Any]]] = None
    logos_legend: Union[bool, Mapping[str, Any]] = False
    styles: Optional[Mapping[Any, Mapping[str, Any]]] = None
    # strata's own.
    width: Optional[str] = None
    height: Optional[str] = None
    level: Optional[str] = None
    collapse: Optional[str] = None
    min_font_size: Optional[float] = None
    stages: Optional[bool] = None
    expand: Optional[Sequence[str]] = None
    font_size: Optional[float] = None
    caption: Optional[str] = None
    caption_position: Optional[str] = None
    legend_position: Optional[str] = None
    captions: Optional[Mapping[str, str]] = None
    link_images: Optional[bool] = None
    compat_visualkeras: Optional[bool] = None

    def to_kwargs(self) -> Dict[str, Any]:
        """The options as keyword arguments of layered_view."""
        return {f.name: getattr(self, f.name) for f in fields(self)}


def defaults() -> Dict[str, Any]:
    return LayeredOptions().to_kwargs()


def _scalar(text: str) -> Any:
    """A scalar of the library's option YAML as Python reads it."""
    if text in ("true", "false"):
        return text == "true"
    if len(text) >= 2 and text[0] == text[-1] and text[0] in "'\"":
        return text[1:-1]
    for kind in (int, float):
        try:
            return kind(text)
        except ValueError:
            pass
    return text


def _preset(name: str) -> LayeredOptions:
    values: Dict[str, Any] = {}
    known = {f.name for f in fields(LayeredOptions)}
    for line in _strata.preset_yaml(name).splitlines():
        key, sep, value = line.partition(": ")
        if not sep or line.startswith((" ", "#")) or key not in known:
            continue
        values[key] = _scalar(value.strip())
    if isinstance(values.get("text_callable"), str):
        values["text_callable"] = LAYERED_TEXT_CALLABLES.get(
            values["text_callable"], values["text_callable"]
        )
    return LayeredOptions(**values)


LAYERED_PRESETS: Dict[str, LayeredOptions] = {name: _preset(name) for name in _strata.preset_names()}
"""The built-in presets: visualkeras' default, compact and presentation, and strata's paper
(a column figure) and slides (a 16:9 slide)."""
