"""``functional_view``: visualkeras' functional view, drawn by strata's library."""

from __future__ import annotations

from dataclasses import dataclass, fields
from typing import Any, Dict, Mapping, Optional, Sequence

from .captions import LAYERED_TEXT_CALLABLES
from .figure import Figure
from .keywords import font_value, option_layers, resolved_keywords, same_keyword
from .layered import _caption_values, _warn_unmatched
from .models import load


@dataclass(frozen=True)
class FunctionalOptions:
    """visualkeras' FunctionalOptions: functional_view's keywords, same names and defaults."""

    to_file: Optional[str] = None
    color_map: Optional[Mapping[Any, Mapping[str, Any]]] = None
    background_fill: Any = "white"
    padding: int = 20
    column_spacing: int = 80
    row_spacing: int = 40
    component_spacing: int = 80
    connector_fill: Any = "gray"
    connector_width: int = 2
    connector_arrow: bool = False
    connector_padding: int = 5
    min_z: int = 20
    min_xy: int = 20
    max_z: int = 400
    max_xy: int = 2000
    scale_z: float = 1.5
    scale_xy: float = 4.0
    one_dim_orientation: str = "z"
    sizing_mode: str = "balanced"
    dimension_caps: Optional[Mapping[str, int]] = None
    relative_base_size: int = 20
    text_callable: Any = None
    text_vspacing: int = 4
    font: Any = None
    font_color: Any = "black"
    add_output_nodes: bool = False
    layout_iterations: int = 4
    virtual_node_size: int = 12
    render_virtual_nodes: bool = False
    draw_volume: bool = False
    orientation_rotation: Optional[float] = None
    shade_step: int = 10
    image_fit: str = "fill"
    image_axis: str = "z"
    layered_groups: Optional[Sequence[Dict[str, Any]]] = None
    logo_groups: Optional[Sequence[Dict[str, Any]]] = None
    logos_legend: Any = False
    simple_text_visualization: bool = False
    simple_text_label_mode: str = "below"
    collapse_enabled: bool = False
    collapse_rules: Optional[Sequence[Mapping[str, Any]]] = None
    collapse_annotations: bool = True
    styles: Optional[Mapping[Any, Mapping[str, Any]]] = None

    def to_kwargs(self) -> Dict[str, Any]:
        return {f.name: getattr(self, f.name) for f in fields(self)}


# The same values as templates/presets/functional-*.yaml, which the command line reads.
FUNCTIONAL_PRESETS: Dict[str, FunctionalOptions] = {
    "default": FunctionalOptions(),
    "compact": FunctionalOptions(column_spacing=60, row_spacing=30, connector_width=1,
                                 component_spacing=60),
    "presentation": FunctionalOptions(column_spacing=120, row_spacing=50, connector_width=2,
                                      component_spacing=100, sizing_mode="balanced",
                                      text_callable=LAYERED_TEXT_CALLABLES["name_shape"]),
}
"""visualkeras' functional presets: default, compact, presentation."""


def _resolved(preset: Optional[str], options: Any, given: Dict[str, Any]) -> Dict[str, Any]:
    """Preset, then options, then each keyword that differs from its default."""
    return resolved_keywords("functional ", FUNCTIONAL_PRESETS, FunctionalOptions,
                             FunctionalOptions().to_kwargs(), preset, options, given)

def functional_view(
    model: Any,
    to_file: Optional[str] = None,
    color_map: Optional[Mapping[Any, Mapping[str, Any]]] = None,
    background_fill: Any = "white",
    padding: int = 20,
    column_spacing: int = 80,
    row_spacing: int = 40,
    component_spacing: int = 80,
    connector_fill: Any = "gray",
    connector_width: int = 2,
    connector_arrow: bool = False,
    connector_padding: int = 5,
    min_z: int = 20,
    min_xy: int = 20,
    max_z: int = 400,
    max_xy: int = 2000,
    scale_z: float = 1.5,
    scale_xy: float = 4.0,
    one_dim_orientation: str = "z",
    sizing_mode: str = "balanced",
    dimension_caps: Optional[Mapping[str, int]] = None,
    relative_base_size: int = 20,
    text_callable: Any = None,
    text_vspacing: int = 4,
    font: Any = None,
    font_color: Any = "black",
    add_output_nodes: bool = False,
    layout_iterations: int = 4,
    virtual_node_size: int = 12,
    render_virtual_nodes: bool = False,
    draw_volume: bool = False,
    orientation_rotation: Optional[float] = None,
    shade_step: int = 10,
    image_fit: str = "fill",
    image_axis: str = "z",
    layered_groups: Optional[Sequence[Dict[str, Any]]] = None,
    logo_groups: Optional[Sequence[Dict[str, Any]]] = None,
    logos_legend: Any = False,
    styles: Optional[Mapping[Any, Mapping[str, Any]]] = None,
    *,
    simple_text_visualization: bool = False,
    simple_text_label_mode: str = "below",
    collapse_enabled: bool = False,
    collapse_rules: Optional[Sequence[Mapping[str, Any]]] = None,
    collapse_annotations: bool = True,
    options: Any = None,
    preset: Optional[str] = None,
    width: Optional[str] = None,
    height: Optional[str] = None,
    font_size: Optional[float] = None,
    caption: Optional[str] = None,
    captions: Optional[Mapping[str, str]] = None,
    compat_visualkeras: Optional[bool] = None,
    input_shape: Optional[Sequence[int]] = None,
    example_input: Any = None,
    onnx_raw: bool = False,
    allow_model_paths: bool = False,
) -> Figure:
    """Draws `model` as visualkeras' functional view and returns a :class:`Figure`.

    visualkeras' keywords keep their names, defaults and precedence (``preset`` from
    ``FUNCTIONAL_PRESETS``, then ``options``, then each keyword that differs from its
    default); strata's ``width``, ``height``, ``font_size``, ``caption``, ``captions`` and
    ``compat_visualkeras`` follow. Raises strata.Error (a ValueError) for a model or an option
    strata cannot use. ``collapse_rules`` selectors may be layer classes (their names are
    matched).
    """
    arguments = locals()
    given = {f.name: arguments[f.name] for f in fields(FunctionalOptions)}
    values = _resolved(preset, options, given)
    defaults = FunctionalOptions().to_kwargs()
    loaded = load(model, input_shape=input_shape, example_input=example_input,
                  onnx_raw=onnx_raw, allow_model_paths=allow_model_paths)
    target = values.pop("to_file", None)
    font_name, size_from_font = font_value(values.pop("font", None))
    caption_values = _caption_values(values, model, loaded)
    # The view first: choosing it brings its defaults, which the values below then change.
    sent: Dict[str, Any] = {"view": "functional"}
    for key, value in values.items():
        if value is not None and not same_keyword(value, defaults.get(key)):
            sent[key] = value
    for key, value in (("width", width), ("height", height), ("font_size", font_size),
                       ("caption", caption), ("captions", captions),
                       ("compat_visualkeras", compat_visualkeras)):
        if value is not None:
            sent[key] = value
    if font_name is not None:
        sent["font"] = font_name
    if size_from_font is not None and font_size is None:
        sent["font_size"] = size_from_font
    sent.update(caption_values)
    layers = option_layers(sent, "keyword")
    _warn_unmatched(sent, loaded.layers)
    figure = Figure(loaded, layers, font is not None, font_size is not None)
    if target is not None:
        figure.save(target)
    return figure
