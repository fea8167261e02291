#!/usr/bin/env python3
"""Writes the layered view's reference pictures: visualkeras' own layered_view of corpus models.

    python3 tests/views/layered/make_references.py --strata build/tools/strata/strata \
        --visualkeras /path/to/visualkeras-checkout

Run once by hand (visualkeras is not part of strata and CI has no copy of it); the pictures
and cases.tsv it writes are kept in the repository, and the views test compares strata's
--compat-visualkeras picture of each case with them. visualkeras needs Pillow, NumPy and
aggdraw (Debian: python3-pil, python3-numpy, python3-aggdraw) and no TensorFlow here: it is
given stand-ins for the Keras model and layers, made from what `strata info --json` says of
the file (each layer an object of a class named like its Keras class, with `name` and
`output_shape`, which is all its layered view reads), in the list Keras 3 would give (a
Sequential model's without its InputLayer). An ONNX box's shape is turned channels last, as a
Keras layer of that model would have it.
"""

import argparse
import json
import pathlib
import sys

from stand_ins import stand_in_model

HERE = pathlib.Path(__file__).resolve().parent
CORPUS = HERE.parents[1] / "data" / "corpus"

# The models: a CNN, an autoencoder, two recurrent networks, a branching model, ONNX.
MODELS = [
    "generated/vgg16.json",
    "generated/autoencoder.json",
    "generated/lstm_text_classifier.json",
    "keras/gru_fakenews.json",
    "keras/conv1d_multibranch_text.json",
    "onnx/alexnet.onnx",
]

# Option sets, as visualkeras' keywords; the test gives each to strata as --key value. Text
# (legend, captions) is left out: its font differs between the two.
OPTION_SETS = {
    "defaults": {},
    "balanced": {"sizing_mode": "balanced", "draw_volume": False, "spacing": 24,
                 "padding": 30, "draw_funnel": False},
}


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--strata", required=True, help="the strata command-line tool")
    parser.add_argument("--visualkeras", required=True, help="a checkout of visualkeras")
    args = parser.parse_args()
    sys.path.insert(0, args.visualkeras)
    import warnings

    import visualkeras

    rows = ["# id\tmodel (under tests/data/corpus)\toptions (visualkeras keywords)"]
    for model_path in MODELS:
        model = stand_in_model(args.strata, CORPUS / model_path)
        for set_name, keywords in OPTION_SETS.items():
            case = pathlib.Path(model_path).stem + "." + set_name
            with warnings.catch_warnings():
                warnings.simplefilter("ignore")
                image = visualkeras.layered_view(model, **keywords)
            image.save(HERE / "references" / (case + ".png"), optimize=True)
            options = " ".join(f"{k}={json.dumps(v)}" for k, v in keywords.items())
            rows.append(f"{case}\t{model_path}\t{options}")
            print(case, image.size)
    (HERE / "cases.tsv").write_text("\n".join(rows) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
