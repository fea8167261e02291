#!/usr/bin/env python3
"""Draws the graph-view reference pictures with visualkeras itself.

There is no TensorFlow here: each model is read with `strata info MODEL --json` (layer names,
types, inputs, output shapes) and rebuilt as stand-ins (tests/views/layered/stand_ins.py) that look like Keras objects to
visualkeras' graph_view (layers with _inbound_nodes, units or filters; a model with _layers,
outputs and output_names). visualkeras runs on them with Pillow and aggdraw.

usage: make_references.py STRATA_CLI VISUALKERAS_CHECKOUT CORPUS_DIR OUT_DIR

Writes OUT_DIR/<model>-<options>.png for every model and option set below that visualkeras
can draw, OUT_DIR/MANIFEST.tsv (picture, corpus model, option set) that the test reads, and
OUT_DIR/README.md (where the pictures come from).
"""

import os
import subprocess
import warnings
import sys
from pathlib import Path

# The stand-ins every view's references are made with.
sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "layered"))
from stand_ins import GraphStandInModel, model_info  # noqa: E402

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
        info = model_info(strata, Path(corpus) / path)
        for set_name, kwargs in OPTION_SETS.items():
            model = GraphStandInModel(info, channel_axis)
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
