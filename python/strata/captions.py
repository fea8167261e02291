"""Captions written by a Python callable, as visualkeras' ``text_callable`` is called."""

from __future__ import annotations

from typing import Any, Callable, Dict, Tuple


def _shape_of(layer: Any) -> Any:
    shape = getattr(layer, "output_shape", None)
    if shape is not None:
        return shape
    tensor_shape = getattr(getattr(layer, "output", None), "shape", None)
    if tensor_shape is None:
        return None
    try:
        return tuple(tensor_shape.as_list())
    except Exception:  # noqa: BLE001 - any shape object that is not a TensorShape
        try:
            return tuple(tensor_shape)
        except Exception:  # noqa: BLE001
            return tensor_shape


def shape_text(shape: Any) -> str:
    """A shape as visualkeras' ``shape`` caption writes it: no batch, unknowns left out."""
    if shape is None:
        return "?"
    if isinstance(shape, (list, tuple)) and shape and isinstance(shape[0], (list, tuple)):
        shape = shape[0]
    if not isinstance(shape, (list, tuple)):
        return str(shape)
    dims = [d for d in shape[1:] if d is not None] or list(shape[1:])
    if not dims:
        return "?"
    return " x ".join("?" if d is None else str(d) for d in dims)


def _name(index: int, layer: Any) -> str:
    return str(getattr(layer, "name", None) or f"layer_{index}")


TextCallable = Callable[[int, Any], Tuple[str, bool]]

LAYERED_TEXT_CALLABLES: Dict[str, TextCallable] = {
    "name": lambda i, layer: (_name(i, layer), False),
    "type": lambda i, layer: (type(layer).__name__, False),
    "shape": lambda i, layer: (shape_text(_shape_of(layer)), False),
    "name_shape": lambda i, layer: (f"{_name(i, layer)}\n{shape_text(_shape_of(layer))}", False),
}
"""The built-in captions by name; strata draws these itself when one is passed."""


def builtin_name(text_callable: Any) -> str | None:
    """The name of a built-in caption, given by name or as the callable itself."""
    if isinstance(text_callable, str):
        return text_callable
    for name, fn in LAYERED_TEXT_CALLABLES.items():
        if fn is text_callable:
            return name
    return None


def is_encodable(text: str) -> bool:
    """False for a str holding a lone surrogate (from surrogateescape or a bad decode), which
    no UTF-8 encoder, and so not the library, can take."""
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


def template_text(text: str) -> str:
    """Text as a caption template that writes it unchanged (braces doubled)."""
    return text.replace("{", "{{").replace("}", "}}")
