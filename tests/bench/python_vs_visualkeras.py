#!/usr/bin/env python3
"""Times one strata.layered_view call against one visualkeras.layered_view call on the same
model, in one process.

    PYTHONPATH=build/python python3 tests/bench/python_vs_visualkeras.py \
        --strata build/tools/strata/strata --visualkeras /path/to/visualkeras-checkout \
        tests/data/corpus/generated/vgg16.json

visualkeras is not part of strata: point --visualkeras at a checkout of it (it needs Pillow,
NumPy and aggdraw, Debian's python3-pil, python3-numpy and python3-aggdraw). It runs without
TensorFlow on stand-ins for the Keras model and its layers, made from what `strata info --json`
says of the file: each layer an object of a class named like its Keras class, with `name` and
`output_shape`, which is all its layered view reads. Both calls draw the same picture
(visualkeras' canvas, --compat-visualkeras for strata) and return a PIL image; strata's call
is also timed up to the figure (layout only) and to its SVG text.
"""

import argparse
import statistics
import pathlib
import sys
import time

# The stand-ins the layered view's reference pictures are made with.
sys.path.insert(0, str(pathlib.Path(__file__).resolve().parents[1] / "views" / "layered"))
from stand_ins import stand_in_model  # noqa: E402


def timed(call, runs):
    """Median and best of `runs` calls, in milliseconds, and the last result."""
    times, result = [], None
    for _ in range(runs):
        start = time.perf_counter()
        result = call()
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times), min(times), result


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("model", help="a Keras JSON model file")
    parser.add_argument("--strata", required=True, help="the strata command-line tool")
    parser.add_argument("--visualkeras", required=True, help="a checkout of visualkeras")
    parser.add_argument("--runs", type=int, default=11)
    args = parser.parse_args()

    sys.path.insert(0, args.visualkeras)
    import warnings

    import numpy
    import strata
    import visualkeras

    model = stand_in_model(args.strata, args.model)
    with open(args.model, encoding="utf-8") as f:
        text = f.read()
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # visualkeras' notes on deprecated parameters
        rows = [
            ("strata.layered_view → Figure (layout)",
             timed(lambda: strata.layered_view(text, compat_visualkeras=True), args.runs)),
            ("strata.layered_view → .svg",
             timed(lambda: strata.layered_view(text, compat_visualkeras=True).svg, args.runs)),
            ("strata.layered_view → .to_pil()",
             timed(lambda: strata.layered_view(text, compat_visualkeras=True).to_pil(), args.runs)),
            ("visualkeras.layered_view → PIL image",
             timed(lambda: visualkeras.layered_view(model), args.runs)),
        ]
    ours, theirs = rows[2][1][2], rows[3][1][2]
    difference = "—"
    if ours.size == theirs.size:
        a = numpy.asarray(ours.convert("RGB"), dtype=float)
        b = numpy.asarray(theirs.convert("RGB"), dtype=float)
        difference = f"{abs(a - b).mean():.3f}/255"
    print(f"{args.model}: {args.runs} runs each; strata image {ours.size[0]}x{ours.size[1]}, "
          f"visualkeras image {theirs.size[0]}x{theirs.size[1]}, mean channel difference "
          f"{difference}")
    print("| call | median | best | visualkeras' median ÷ this median |")
    print("|---|---|---|---|")
    reference = rows[3][1][0]
    for name, (median, best, _) in rows:
        print(f"| {name} | {median:.2f} ms | {best:.2f} ms | {reference / median:.0f}× |")


if __name__ == "__main__":
    main()
