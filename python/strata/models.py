"""The model argument: a path, bytes or text of a model file, or a live model object."""

from __future__ import annotations

import errno
import io
import os
from typing import Any, Optional

from . import _strata


def _is_torch_module(model: Any) -> bool:
    return any(
        cls.__module__.startswith("torch.nn") and cls.__name__ == "Module"
        for cls in type(model).__mro__
    )


def _torch_onnx_bytes(model: Any, input_shape: Any, example_input: Any) -> bytes:
    import torch  # only for a torch model

    if example_input is None:
        if input_shape is None:
            raise ValueError(
                "a torch model needs input_shape=(batch, ...) or example_input=tensor "
                "to be exported to ONNX"
            )
        example_input = torch.zeros(tuple(int(d) for d in input_shape))
    args = example_input if isinstance(example_input, tuple) else (example_input,)
    buffer = io.BytesIO()
    was_training = model.training
    model.eval()
    try:
        with torch.no_grad():
            torch.onnx.export(model, args, buffer)
    finally:
        model.train(was_training)
    return buffer.getvalue()


def _looks_like_content(text: str) -> bool:
    stripped = text.lstrip()
    return "\n" in text or stripped.startswith(("{", "[", "strata:"))


def load(
    model: Any,
    *,
    input_shape: Any = None,
    example_input: Any = None,
    onnx_raw: bool = False,
    allow_model_paths: bool = False,
) -> "_strata.Model":
    """Reads `model` with strata's importers, whatever form it comes in."""
    if isinstance(model, os.PathLike) or (isinstance(model, str) and not _looks_like_content(model)):
        path = os.fspath(model)
        if not os.path.exists(path):
            raise FileNotFoundError(errno.ENOENT, "no such model file", path)
        return _strata.load_path(path, onnx_raw, allow_model_paths)
    if isinstance(model, str):
        return _strata.load_bytes(model.encode("utf-8"), "<model text>", onnx_raw)
    if isinstance(model, (bytes, bytearray, memoryview)):
        return _strata.load_bytes(bytes(model), "<model bytes>", onnx_raw)
    if _is_torch_module(model):
        data = _torch_onnx_bytes(model, input_shape, example_input)
        return _strata.load_bytes(data, f"<{type(model).__name__} exported to ONNX>", onnx_raw)
    to_json = getattr(model, "to_json", None)
    if callable(to_json):
        name = getattr(model, "name", None) or type(model).__name__
        return _strata.load_bytes(to_json().encode("utf-8"), f"<{name}.to_json()>", onnx_raw)
    serialize = getattr(model, "SerializeToString", None)
    if callable(serialize) and hasattr(model, "graph"):  # an onnx.ModelProto
        return _strata.load_bytes(serialize(), "<onnx.ModelProto>", onnx_raw)
    raise TypeError(
        "model must be a path, the bytes or text of a model file, a Keras model (to_json), "
        "a torch.nn.Module or an onnx.ModelProto, not " + type(model).__name__
    )


def live_layers(model: Any) -> Optional[dict]:
    """The layer objects of a live Keras model by name, for a text_callable."""
    layers = getattr(model, "layers", None)
    if layers is None or isinstance(model, (str, bytes)) or _is_torch_module(model):
        return None
    try:
        return {layer.name: layer for layer in layers}
    except Exception:  # noqa: BLE001 - not a Keras-like model
        return None
