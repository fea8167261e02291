"""``graph_view``: visualkeras' graph view, drawn by strata's library."""

from __future__ import annotations

import warnings
from dataclasses import dataclass, fields
from typing import Any, Dict, Mapping, Optional, Sequence

from .figure import Figure, StrataWarning, caller_level
from .keywords import option_layers, resolved_keywords, same_keyword
from .models import load


@dataclass(frozen=True)
class GraphOptions:
    """The options of :func:`strata.graph_view` (visualkeras' names and defaults)."""

    to_file: Optional[str] = None
    color_map: Optional[Mapping[Any, Mapping[str, Any]]] = None
    node_size: int = 50
    background_fill: Any = "white"
    padding: int = 10
    layer_spacing: int = 250
    node_spacing: int = 10
    connector_fill: Any = "gray"
    connector_width: int = 1
    ellipsize_after: int = 10
    inout_as_tensor: bool = True
    show_neurons: bool = True
    styles: Optional[Mapping[Any, Mapping[str, Any]]] = None
    image_fit: str = "contain"
    circular_crop: bool = True
    layered_groups: Optional[Sequence[Mapping[str, Any]]] = None

    def to_kwargs(self) -> Dict[str, Any]:
        return {f.name: getattr(self, f.name) for f in fields(self)}


GRAPH_PRESETS: Dict[str, GraphOptions] = {
    "default": GraphOptions(),
    "compact": GraphOptions(layer_spacing=180, node_size=40),
    "presentation": GraphOptions(layer_spacing=300, node_size=60, connector_width=2),
}

# Keywords visualkeras' graph view takes for node pictures and group boxes, which strata's
# graph view does not draw: a value other than the default is said, not silently dropped.
_NOT_DRAWN = ("image_fit", "circular_crop", "layered_groups")




def _resolved(preset: Optional[str], options: Any, given: Dict[str, Any]) -> Dict[str, Any]:
    """Preset, then options, then each keyword that differs from its default."""
    return resolved_keywords("graph ", GRAPH_PRESETS, GraphOptions, GraphOptions().to_kwargs(),
                             preset, options, given)

def graph_view(
    model: Any,
    to_file: Optional[str] = None,
    color_map: Optional[Mapping[Any, Mapping[str, Any]]] = None,
    node_size: int = 50,
    background_fill: Any = "white",
    padding: int = 10,
    layer_spacing: int = 250,
    node_spacing: int = 10,
    connector_fill: Any = "gray",
    connector_width: int = 1,
    ellipsize_after: int = 10,
    inout_as_tensor: bool = True,
    show_neurons: bool = True,
    styles: Optional[Mapping[Any, Mapping[str, Any]]] = None,
    image_fit: str = "contain",
    circular_crop: bool = True,
    layered_groups: Optional[Sequence[Mapping[str, Any]]] = None,
    *,
    options: Any = None,
    preset: Optional[str] = None,
    width: Optional[str] = None,
    height: Optional[str] = None,
    compat_visualkeras: Optional[bool] = None,
    input_shape: Optional[Sequence[int]] = None,
    example_input: Any = None,
    onnx_raw: bool = False,
    allow_model_paths: bool = False,
) -> Figure:
    """Draws `model` as visualkeras' graph view and returns a :class:`Figure`.

    Every keyword of visualkeras' ``graph_view`` is here with its name and default;
    ``preset`` (a name of ``GRAPH_PRESETS``) and ``options`` (a :class:`GraphOptions` or a
    mapping) come first, then each keyword that differs from its default. ``width`` and
    ``height`` fit the figure to a size, ``compat_visualkeras`` keeps visualkeras' quirks.
    Node pictures and group boxes (``image_fit``, ``circular_crop``, ``layered_groups``) are
    not drawn, with a warning.
    """
    arguments = locals()
    given = {f.name: arguments[f.name] for f in fields(GraphOptions)}
    values = _resolved(preset, options, given)
    base = GraphOptions().to_kwargs()
    for key in _NOT_DRAWN:
        if not same_keyword(values.pop(key), base[key]):
            warnings.warn(f"{key}: strata's graph view draws no node pictures or group boxes",
                          StrataWarning, stacklevel=caller_level())
    loaded = load(model, input_shape=input_shape, example_input=example_input,
                  onnx_raw=onnx_raw, allow_model_paths=allow_model_paths)
    target = values.pop("to_file", None)
    # The view first: it brings its defaults, which the values after it change.
    sent: Dict[str, Any] = {"view": "graph"}
    for key, value in values.items():
        if value is not None:
            sent[key] = value
    for key, value in (("width", width), ("height", height),
                       ("compat_visualkeras", compat_visualkeras)):
        if value is not None:
            sent[key] = value
    figure = Figure(loaded, option_layers(sent, "keyword"), False, False)
    if target is not None:
        figure.save(target)
    return figure
