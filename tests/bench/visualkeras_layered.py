"""Times visualkeras' layered_view on a model strata reads, for the bench's side-by-side line.

usage: visualkeras_layered.py VISUALKERAS_CHECKOUT STRATA_TOOL MODEL OUT.png

visualkeras needs no TensorFlow when given objects that look like Keras layers: each has the
class name of its Keras type, a name and an output_shape. They are made from `strata info
--json`, so both tools draw the same layers. Prints the best of several runs, in milliseconds,
of layered_view plus saving the PNG.
"""

import json
import subprocess
import sys
import time


def duck_model(tool, model):
    info = json.loads(subprocess.run([tool, "info", model, "--json"], check=True,
                                     capture_output=True, text=True).stdout)
    classes = {}
    layers = []
    for entry in info["layers"]:
        cls = classes.setdefault(entry["type"], type(entry["type"], (), {}))
        layer = cls()
        layer.name = entry["name"]
        layer.output_shape = tuple(entry["output_shapes"][0])
        layers.append(layer)
    return type("Model", (), {"layers": layers})()


def main():
    checkout, tool, model, out = sys.argv[1:5]
    sys.path.insert(0, checkout)
    import visualkeras  # noqa: E402  (from the checkout named on the command line)

    duck = duck_model(tool, model)
    best = float("inf")
    for _ in range(5):
        start = time.perf_counter()
        visualkeras.layered_view(duck).save(out)
        best = min(best, time.perf_counter() - start)
    print(f"{best * 1000:.1f}")


if __name__ == "__main__":
    main()
