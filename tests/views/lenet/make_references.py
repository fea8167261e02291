#!/usr/bin/env python3
"""Draws the lenet reference pictures with visualkeras itself.

    make_references.py VISUALKERAS_CHECKOUT STRATA_BINARY CORPUS_DIR [OUT_DIR]

For each model below it reads `strata info MODEL --json` (layer names, classes, inputs,
output shapes, channel axis) and `strata spec MODEL` (the kernel_size and pool_size the
connections read), builds stand-ins for a Keras model and its layers that carry just those
facts, and runs visualkeras.lenet_view on them with each option set; the PNGs go to
OUT_DIR (default: references/ next to this script). Labels are off: visualkeras sets them in
Pillow's bitmap font, which no other renderer has, so the pictures hold geometry and colour
only. Needs Pillow and aggdraw; no TensorFlow.
"""

import json
import os
import subprocess
import sys

import yaml

# name of the picture -> model file under the corpus folder
MODELS = {
    "fer2013_cnn": "keras/fer2013_cnn.json",
    "vgg16_sequential": "keras/vgg16_sequential_k212.json",
    "small_cnn_nested": "keras/small_cnn_nested_model_k211.json",
    "conv1d_multibranch": "keras/conv1d_multibranch_text.json",
    "lstm_sentiment": "keras/lstm_sentiment_k210.json",
    "conv1d_exoplanet": "keras/conv1d_exoplanet.json",
    "alexnet_onnx": "onnx/alexnet.onnx",
}

# name of the option set -> visualkeras keyword arguments (strata takes the same keys)
OPTION_SETS = {
    "default": {},
    "styled": {
        "layer_spacing": 28,
        "map_spacing": 3,
        "max_visual_channels": 6,
        "max_xy": 160,
        "min_xy": 16,
        "padding": 14,
        "patch_scale": 1.5,
        "seed": 7,
        "connector_fill": "#c05000",
        "patch_fill": "#ffd700",
    },
}

# Every picture is drawn without labels (see above).
NO_LABELS = {"top_label": False, "bottom_label": False}


def info(strata, model_path):
    out = subprocess.run([strata, "info", model_path, "--json"], check=True,
                         capture_output=True, text=True).stdout
    return json.loads(out)["layers"]


def spec_facts(strata, model_path):
    """From the model's spec: the kernel_size and pool_size of each layer (by name), which the
    connections read, and the names of inputs Keras does not list (a Sequential model's)."""
    out = subprocess.run([strata, "spec", model_path], check=True, capture_output=True,
                         text=True).stdout
    layers = (yaml.safe_load(out) or {}).get("layers", []) or []
    windows = {}
    implicit = set()
    for layer in layers:
        config = layer.get("config") or {}
        windows[layer["name"]] = {k: config[k] for k in ("kernel_size", "pool_size") if k in config}
        if layer.get("implicit"):
            implicit.add(layer["name"])
    return windows, implicit


def stand_in_model(layers, windows, implicit):
    """An object with `_layers` as visualkeras' get_layers reads it; each layer of a class
    named as the layer's, with name, output_shape, data_format and its window."""
    classes = {}

    class Model:
        pass

    model = Model()
    model._layers = []
    for entry in layers:
        if entry["name"] in implicit:
            continue
        cls = classes.setdefault(entry["type"], type(entry["type"], (object,), {}))
        layer = cls()
        layer.name = entry["name"]
        shapes = [tuple(s) for s in entry["output_shapes"]]
        layer.output_shape = None if not shapes else (shapes[0] if len(shapes) == 1 else shapes)
        if entry.get("channel_axis") == 1:
            layer.data_format = "channels_first"
        for key, value in windows.get(entry["name"], {}).items():
            setattr(layer, key, tuple(value) if isinstance(value, list) else value)
        model._layers.append(layer)
    return model


def main():
    if len(sys.argv) not in (4, 5):
        sys.exit(__doc__)
    checkout, strata, corpus = sys.argv[1:4]
    out_dir = sys.argv[4] if len(sys.argv) == 5 else os.path.join(
        os.path.dirname(os.path.abspath(__file__)), "references")
    sys.path.insert(0, checkout)
    import visualkeras  # noqa: E402

    os.makedirs(out_dir, exist_ok=True)
    for name, relative in MODELS.items():
        path = os.path.join(corpus, relative)
        layers = info(strata, path)
        model = stand_in_model(layers, *spec_facts(strata, path))
        for set_name, kwargs in OPTION_SETS.items():
            image = visualkeras.lenet_view(model, **kwargs, **NO_LABELS)
            target = os.path.join(out_dir, f"{name}-{set_name}.png")
            image.convert("RGB").save(target, optimize=True)
            print(target, image.size)


if __name__ == "__main__":
    main()
