"""Stand-ins for a Keras model and its layers, made from what `strata info --json` (and, for
the lenet view's windows, `strata spec`) says of a model file: each layer an object of a class
named like its Keras class, carrying just what a visualkeras view reads of it. visualkeras
runs on them without TensorFlow.

- stand_in_model: the layered view's (`model.layers` with `name` and `output_shape`). The
  list is the one Keras 3 would give (a Sequential model's without its InputLayer); an ONNX
  box's shape is turned channels last, as a Keras layer of that model would have it.
- lenet_stand_in_model: the lenet view's (`model._layers`, the file's shapes with
  `data_format` for channels first, and each layer's `kernel_size` / `pool_size`).
- GraphStandInModel: the graph view's (layers joined by `_inbound_nodes` and
  `_outbound_nodes`, with `units` or `filters`; the model's outputs).
"""

import json
import pathlib
import subprocess


def model_info(strata_cli, path):
    """What `strata info --json` says of a model file."""
    return json.loads(subprocess.check_output([strata_cli, "info", str(path), "--json"]))


_classes = {}


def layer_class(type_name):
    """A class named like the Keras class, so that visualkeras' checks by class name hold."""
    if type_name not in _classes:
        _classes[type_name] = type(type_name, (object,), {})
    return _classes[type_name]


def channels_last(shape, channel_axis):
    shape = list(shape)
    if channel_axis is None or len(shape) < 3:
        return tuple(shape)
    channels = shape.pop(channel_axis)
    return tuple(shape + [channels])


def is_sequential(path):
    """Whether a Keras JSON file holds a Sequential model, whose `layers` (Keras 3) has no
    InputLayer."""
    path = pathlib.Path(path)
    if path.suffix != ".json":
        return False
    document = json.loads(path.read_text(encoding="utf-8"))
    document = document.get("modelTopology", document)
    document = document.get("model_config", document)
    return document.get("class_name") == "Sequential"


class StandInModel:
    pass


def stand_in_model(strata_cli, path):
    info = model_info(strata_cli, path)
    if is_sequential(path):
        info["layers"] = [layer for layer in info["layers"] if layer["type"] != "InputLayer"]
    model = StandInModel()
    model.layers = []
    for layer in info["layers"]:
        stand_in = layer_class(layer["type"])()
        stand_in.name = layer["name"]
        shapes = [channels_last(s, layer.get("channel_axis")) for s in layer["output_shapes"]]
        stand_in.output_shape = shapes[0] if len(shapes) == 1 else shapes
        model.layers.append(stand_in)
    return model


def spec_facts(strata_cli, path):
    """From the model's spec: the kernel_size and pool_size of each layer (by name), which the
    lenet view's connections read, and the names of inputs Keras does not list (a Sequential
    model's)."""
    import yaml  # only here: the other stand-ins need no YAML reader

    out = subprocess.check_output([strata_cli, "spec", str(path)], text=True)
    layers = (yaml.safe_load(out) or {}).get("layers", []) or []
    windows = {}
    implicit = set()
    for layer in layers:
        config = layer.get("config") or {}
        windows[layer["name"]] = {k: config[k] for k in ("kernel_size", "pool_size") if k in config}
        if layer.get("implicit"):
            implicit.add(layer["name"])
    return windows, implicit


def lenet_stand_in_model(strata_cli, path):
    """A model with `_layers` as visualkeras' get_layers reads it; each layer with name,
    output_shape (as the file has it), data_format for channels first, and its window."""
    windows, implicit = spec_facts(strata_cli, path)
    model = StandInModel()
    model._layers = []
    for entry in model_info(strata_cli, path)["layers"]:
        if entry["name"] in implicit:
            continue
        layer = layer_class(entry["type"])()
        layer.name = entry["name"]
        shapes = [tuple(s) for s in entry["output_shapes"]]
        layer.output_shape = None if not shapes else (shapes[0] if len(shapes) == 1 else shapes)
        if entry.get("channel_axis") == 1:
            layer.data_format = "channels_first"
        for key, value in windows.get(entry["name"], {}).items():
            setattr(layer, key, tuple(value) if isinstance(value, list) else value)
        model._layers.append(layer)
    return model


# Keras classes with a `units` or a `filters` attribute: visualkeras' graph view draws their
# neurons.
UNITS_CLASSES = {"Dense", "SimpleRNN", "LSTM", "GRU", "CuDNNLSTM", "CuDNNGRU"}
FILTERS_CLASSES = {
    "Conv1D", "Conv2D", "Conv3D", "Conv1DTranspose", "Conv2DTranspose", "Conv3DTranspose",
    "SeparableConv1D", "SeparableConv2D", "ConvLSTM1D", "ConvLSTM2D", "ConvLSTM3D",
}


class InboundNode:
    def __init__(self, inbound_layers):
        self.inbound_layers = inbound_layers


class OutboundNode:
    def __init__(self, layer):
        self.outbound_layer = layer


class GraphStandInModel:
    """The graph view's model, from `info` (model_info's); `channel_axis` is where a
    convolution's filters are in its output shape: -1 Keras, 1 ONNX."""

    def __init__(self, info, channel_axis):
        by_name = {}
        self._layers = []
        for entry in info["layers"]:
            layer = layer_class(entry["type"])()
            layer.name = entry["name"]
            shapes = [tuple(s) if s is not None else None for s in entry["output_shapes"]]
            first = shapes[0] if shapes else None
            if first is not None and len(first) > 1:
                count = first[channel_axis] if entry["type"] in FILTERS_CLASSES else first[-1]
                if entry["type"] in UNITS_CLASSES and count is not None:
                    layer.units = count
                if entry["type"] in FILTERS_CLASSES and count is not None:
                    layer.filters = count
            if entry["type"] == "InputLayer":
                layer.input_shape = first
            layer.output_shape = first
            layer.output = object()
            layer._inbound_nodes = []
            layer._outbound_nodes = []
            parents = []
            for name in entry["inputs"]:
                if by_name[name] not in parents:
                    parents.append(by_name[name])
            if parents:
                layer._inbound_nodes.append(InboundNode(parents))
            for parent in parents:
                parent._outbound_nodes.append(OutboundNode(layer))
            by_name[layer.name] = layer
            self._layers.append(layer)
        self.layers = self._layers
        self.built = True
        outputs = [layer for layer in self._layers if not layer._outbound_nodes]
        self.output_names = [layer.name for layer in outputs]
        self.outputs = [layer.output for layer in outputs]
        shapes = [layer.output_shape for layer in outputs]
        self.output_shape = shapes[0] if len(shapes) == 1 else shapes
        self._by_name = by_name

    def get_layer(self, name=None):
        return self._by_name[name]
