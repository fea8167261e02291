#!/usr/bin/env python3
"""Draws the lenet reference pictures with visualkeras itself.

    make_references.py VISUALKERAS_CHECKOUT STRATA_BINARY CORPUS_DIR [OUT_DIR]

For each model below it reads `strata info MODEL --json` (layer names, classes, inputs,
output shapes, channel axis) and `strata spec MODEL` (the kernel_size and pool_size the
connections read), builds stand-ins for a Keras model and its layers that carry just those
facts (tests/views/layered/stand_ins.py), and runs visualkeras.lenet_view on them with each
option set; the PNGs go to OUT_DIR (default: references/ next to this script). Labels are off: visualkeras sets them in
Pillow's bitmap font, which no other renderer has, so the pictures hold geometry and colour
only. Needs Pillow and aggdraw; no TensorFlow.
"""

import os
import pathlib
import sys

# The stand-ins every view's references are made with.
sys.path.insert(0, str(pathlib.Path(__file__).resolve().parents[1] / "layered"))
from stand_ins import lenet_stand_in_model  # noqa: E402

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
        model = lenet_stand_in_model(strata, os.path.join(corpus, relative))
        for set_name, kwargs in OPTION_SETS.items():
            image = visualkeras.lenet_view(model, **kwargs, **NO_LABELS)
            target = os.path.join(out_dir, f"{name}-{set_name}.png")
            image.convert("RGB").save(target, optimize=True)
            print(target, image.size)


if __name__ == "__main__":
    main()
