#!/usr/bin/env python3
"""Draws the graph-view reference pictures with visualkeras itself.

There is no TensorFlow here: each model is read with `strata info MODEL --json` (layer names,
types, inputs, output shapes) and rebuilt as stand-ins that look like Keras objects to
visualkeras' graph_view (layers with _inbound_nodes, units or filters; a model with _layers,
outputs and output_names). visualkeras runs on them with Pillow and aggdraw.

usage: make_references.py STRATA_CLI VISUALKERAS_CHECKOUT CORPUS_DIR OUT_DIR

Writes OUT_DIR/<model>-<options>.png for every model and option set below that visualkeras
can draw, OUT_DIR/MANIFEST.tsv (picture, corpus model, option set) that the test reads, and
OUT_DIR/README.md (where the pictures come from).
"""

import json
import os
import subprocess
import warnings
import sys
from pathlib import Path

# (picture name, corpus path, channel axis of a convolution's output: -1 Keras, 1 ONNX)
MODELS = [
    ("dense_mnist", "keras/k3_dense_mnist_seq.json", -1),
    ("fer2013_cnn", "keras/fer2013_cnn.json", -1),
    ("conv1d_multibranch", "keras/conv1d_multibranch_text.json", -1),
    ("lstm_sentiment", "keras/lstm_sentiment_k210.json", -1),
    ("gru_fakenews", "keras/gru_fakenews.json", -1),
    ("bilstm_attention", "keras/bilstm_attention_music.json", -1),
    ("onnx_small_lstm", "onnx/small_lstm.onnx", 1),
    ("onnx_small_conv1d", "onnx/small_conv1d.onnx", 1),
]

# The option sets, as graph_view keyword arguments; the test passes the same as strata flags.
OPTION_SETS = {
    "defaults": {},
    "small": {
        "node_size": 30,
        "layer_spacing": 120,
        "node_spacing": 6,
        "ellipsize_after": 5,
        "inout_as_tensor": False,
        "connector_fill": "#3366cc",
        "background_fill": "#f0f0f0",
    },
}

# Keras classes with a `units` or a `filters` attribute: visualkeras draws their neurons.
UNITS_CLASSES = {"Dense", "SimpleRNN", "LSTM", "GRU", "CuDNNLSTM", "CuDNNGRU"}
FILTERS_CLASSES = {
    "Conv1D", "Conv2D", "Conv3D", "Conv1DTranspose", "Conv2DTranspose", "Conv3DTranspose",
    "SeparableConv1D", "SeparableConv2D", "ConvLSTM1D", "ConvLSTM2D", "ConvLSTM3D",
}


class StandInNode:
    def __init__(self, inbound_layers):
        self.inbound_layers = inbound_layers


class StandInOutbound:
    def __init__(self, layer):
        self.outbound_layer = layer


class StandInLayer:
    pass


_classes = {}


def layer_class(type_name):
    """A class named like the Keras class, so that visualkeras' checks by name hold."""
    if type_name not in _classes:
        _classes[type_name] = type(type_name, (StandInLayer,), {})
    return _classes[type_name]


class StandInModel:
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
                layer._inbound_nodes.append(StandInNode(parents))
            for parent in parents:
                parent._outbound_nodes.append(StandInOutbound(layer))
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


def main():
    if len(sys.argv) != 5:
        sys.exit(__doc__)
    strata, checkout, corpus, out = sys.argv[1:]
    sys.path.insert(0, checkout)
    import visualkeras  # noqa: E402 (from the checkout named)

    warnings.simplefilter("ignore", UserWarning)  # its advice to use presets for many options
    out_dir = Path(out)
    out_dir.mkdir(parents=True, exist_ok=True)
    # A checkout exported without its history names its commit in VISUALKERAS_COMMIT.
    commit = os.environ.get("VISUALKERAS_COMMIT") or subprocess.run(
        ["git", "-C", checkout, "rev-parse", "HEAD"], capture_output=True,
        text=True).stdout.strip() or "unknown"
    rows = ["picture\tmodel\toptions"]
    failures = []
    for name, path, channel_axis in MODELS:
        info = json.loads(
            subprocess.run([strata, "info", str(Path(corpus) / path), "--json"],
                           check=True, capture_output=True, text=True).stdout)
        for set_name, kwargs in OPTION_SETS.items():
            model = StandInModel(info, channel_axis)
            try:
                image = visualkeras.graph_view(model, **kwargs)
            except Exception as error:  # visualkeras' own failures: no reference for these
                failures.append(f"{name}-{set_name}: {type(error).__name__}: {error}")
                continue
            image.save(out_dir / f"{name}-{set_name}.png", optimize=True)
            rows.append(f"{name}-{set_name}.png\t{path}\t{set_name}")
            print(f"{name}-{set_name}.png {image.size[0]}x{image.size[1]}")
    (out_dir / "MANIFEST.tsv").write_text("\n".join(rows) + "\n")
    sets = "\n".join(f"- `{k}`: {v or 'graph_view defaults'}" for k, v in OPTION_SETS.items())
    failed = "\n".join(f"- {f}" for f in failures) or "- none"
    (out_dir / "README.md").write_text(f"""# Graph view references

Drawn by visualkeras' `graph_view` at commit {commit}, with Pillow and aggdraw, on stand-ins
built from `strata info MODEL --json` (no TensorFlow): made by

    python3 tests/views/graph/make_references.py build/tools/strata/strata VISUALKERAS_CHECKOUT \\
        tests/data/corpus tests/views/graph/references

`MANIFEST.tsv` lists each picture's model and option set. The option sets:

{sets}

The graph view draws no text, so the pictures are compared whole. Pictures visualkeras could
not draw (no reference):

{failed}
""")


if __name__ == "__main__":
    main()
