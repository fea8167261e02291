"""What a Python text_callable is given for each drawn box: the live layer object when the
model is a live Keras model, otherwise a small stand-in with the same attributes."""

from __future__ import annotations

from typing import Any, Dict, List, Optional, Sequence, Tuple


class Layer:
    """A layer as strata read it: ``name``, ``output_shape`` (batch first, ``None`` where
    unknown), ``input_shape``, ``count_params()``; ``type(layer).__name__`` is its class."""

    def __init__(self, info: Dict[str, Any], input_shapes: List[Any]):
        self.name: str = info["name"]
        shapes = [tuple(None if d < 0 else d for d in s) for s in info["shapes"]]
        self.output_shape = shapes[0] if len(shapes) == 1 else (shapes or None)
        self.input_shape = input_shapes[0] if len(input_shapes) == 1 else (input_shapes or None)
        self._params: Optional[int] = info["params"]

    def count_params(self) -> int:
        return self._params or 0

    def __repr__(self) -> str:
        return f"<{type(self).__name__} {self.name!r}>"


_classes: Dict[str, type] = {}


def _class_for(type_name: str) -> type:
    # Named after the layer's own class, since callables ask type(layer).__name__.
    cls = _classes.get(type_name)
    if cls is None:
        safe = type_name if type_name.isidentifier() else "Layer"
        cls = type(safe, (Layer,), {"__module__": "strata.layers"})
        _classes[type_name] = cls
    return cls


def drawn_layers(
    infos: Sequence[Dict[str, Any]],
    type_ignore: Sequence[str],
    index_ignore: Sequence[int],
    live: Optional[Dict[str, Any]],
) -> List[Tuple[str, Any]]:
    """(name, layer object) of every box in drawing order, as visualkeras counts boxes."""
    out = []
    ignore_types = set(type_ignore)
    ignore_indices = set(index_ignore)
    for info in infos:
        if info["index"] is None or info["type"] == "SpacingDummyLayer":
            continue
        if info["type"] in ignore_types or info["index"] in ignore_indices:
            continue
        layer = live.get(info["name"]) if live else None
        if layer is None:
            layer = _class_for(info["type"])(info, [])
        out.append((info["name"], layer))
    return out
