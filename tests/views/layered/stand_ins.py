"""Stand-ins for a Keras model and its layers, made from what `strata info --json` says of a
model file, which is all visualkeras' layered view reads of a model: `model.layers`, each an
object of a class named like its Keras class, with `name` and `output_shape`. The list is the
one Keras 3 would give (a Sequential model's without its InputLayer); an ONNX box's shape is
turned channels last, as a Keras layer of that model would have it. visualkeras runs on them
without TensorFlow."""

import json
import pathlib
import subprocess


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


def stand_in_model(strata_cli, path):
    info = json.loads(subprocess.check_output([strata_cli, "info", str(path), "--json"]))
    if is_sequential(path):
        info["layers"] = [layer for layer in info["layers"] if layer["type"] != "InputLayer"]
    classes = {}

    class StandInModel:
        pass

    model = StandInModel()
    model.layers = []
    for layer in info["layers"]:
        kind = classes.setdefault(layer["type"], type(layer["type"], (), {}))
        stand_in = kind()
        stand_in.name = layer["name"]
        shapes = [channels_last(s, layer.get("channel_axis")) for s in layer["output_shapes"]]
        stand_in.output_shape = shapes[0] if len(shapes) == 1 else shapes
        model.layers.append(stand_in)
    return model
