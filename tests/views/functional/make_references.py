#!/usr/bin/python3
"""Makes the reference pictures of the functional view with visualkeras itself.

Usage: make_references.py VISUALKERAS_CHECKOUT STRATA_BINARY CORPUS_DIR

No Keras is needed: each model is read with `strata info MODEL --json` (layer names, types,
producers, output shapes), and stand-ins with the attributes visualkeras reads (a model's
_layers and output_names, a layer's name, class, output_shape and _inbound_nodes) are handed to
visualkeras.functional_view. Shapes are given channels-last, as Keras holds them. Text is off
(no text_callable), so the pictures compare whatever fonts each side has. Writes
references/MODEL-SET.png beside this script, and MODEL-collapse.png for the collapse cases.
"""

import json
import os
import subprocess
import sys

# The corpus models compared (path under the corpus folder) and their short names: a CNN, a
# branching model, an encoder-decoder, a 1-D CNN, an RNN (ONNX) and a residual network (ONNX).
MODELS = {
    "vgg16": "generated/vgg16.json",
    "unet": "generated/unet.json",
    "autoencoder": "generated/autoencoder.json",
    "conv1d_audio": "generated/conv1d_audio.json",
    "small_lstm": "onnx/small_lstm.onnx",
    "resnet18": "onnx/resnet18.onnx",
}

# The option sets: visualkeras' defaults, and one that changes the spacing, the padding, the
# connectors and the extra nodes. Each key is also a strata flag (underscores become hyphens).
OPTION_SETS = {
    "default": {},
    "options": {
        "column_spacing": 50,
        "row_spacing": 25,
        "component_spacing": 60,
        "padding": 30,
        "connector_width": 3,
        "connector_arrow": True,
        "add_output_nodes": True,
        "render_virtual_nodes": True,
        "virtual_node_size": 10,
    },
}

# Collapse rules on the models whose runs repeat: layer and block rules, the arrow above and
# below. Selectors name classes (layer_class turns each into the stand-in class visualkeras
# matches); each case writes references/MODEL-collapse.png with visualkeras' defaults otherwise.
COLLAPSE_CASES = {
    "vgg16": [
        {"kind": "layer", "selector": "Conv2D", "repeat_count": 3},
        {"kind": "block", "selector": ["Conv2D", "Conv2D", "MaxPooling2D"], "repeat_count": 2,
         "label": "2 blocks"},
    ],
    "conv1d_audio": [
        {"kind": "block",
         "selector": ["Conv1D", "BatchNormalization", "Activation", "MaxPooling1D"],
         "repeat_count": 2, "annotation_position": "below"},
    ],
}


def with_classes(rules):
    """The rules with each selector's class names as the stand-in classes."""
    out = []
    for rule in rules:
        rule = dict(rule)
        selector = rule["selector"]
        rule["selector"] = (
            [layer_class(s) for s in selector] if isinstance(selector, list) else layer_class(selector)
        )
        out.append(rule)
    return out


def layer_class(name, classes={}):
    if name not in classes:
        classes[name] = type(name, (object,), {})
    return classes[name]


class InboundNode:
    def __init__(self, layers):
        self.inbound_layers = layers


def channels_last(shape, channel_axis):
    shape = list(shape)
    if channel_axis is not None and 0 < channel_axis < len(shape):
        shape.append(shape.pop(channel_axis))
    return tuple(shape)


class StandInModel:
    def __init__(self, info):
        by_name = {}
        self._layers = []
        for entry in info["layers"]:
            layer = layer_class(entry["type"])()
            layer.name = entry["name"]
            shapes = entry["output_shapes"]
            layer.output_shape = (
                channels_last(shapes[0], entry.get("channel_axis")) if shapes else None
            )
            layer._inbound_nodes = []
            by_name[layer.name] = layer
            self._layers.append(layer)
        consumed = set()
        for entry in info["layers"]:
            producers = [by_name[n] for n in entry["inputs"] if n in by_name]
            if producers:
                by_name[entry["name"]]._inbound_nodes.append(InboundNode(producers))
            consumed.update(entry["inputs"])
        self.output_names = [l.name for l in self._layers if l.name not in consumed]
        self._by_name = by_name

    def get_layer(self, name):
        return self._by_name[name]


def main():
    if len(sys.argv) != 4:
        sys.exit(__doc__)
    checkout, strata, corpus = sys.argv[1:]
    sys.path.insert(0, checkout)
    import visualkeras  # noqa: E402

    out_dir = os.path.join(os.path.dirname(os.path.abspath(__file__)), "references")
    os.makedirs(out_dir, exist_ok=True)
    for short, path in MODELS.items():
        info = json.loads(
            subprocess.run(
                [strata, "info", os.path.join(corpus, path), "--json"],
                check=True,
                capture_output=True,
                text=True,
            ).stdout
        )
        for set_name, options in OPTION_SETS.items():
            image = visualkeras.functional_view(StandInModel(info), **options)
            image.save(os.path.join(out_dir, f"{short}-{set_name}.png"))
            print(f"{short}-{set_name}.png {image.size[0]}x{image.size[1]}")
        if short in COLLAPSE_CASES:
            image = visualkeras.functional_view(
                StandInModel(info),
                collapse_enabled=True,
                collapse_rules=with_classes(COLLAPSE_CASES[short]),
            )
            image.save(os.path.join(out_dir, f"{short}-collapse.png"))
            print(f"{short}-collapse.png {image.size[0]}x{image.size[1]}")


if __name__ == "__main__":
    main()
