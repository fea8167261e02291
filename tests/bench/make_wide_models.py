#!/usr/bin/env python3
"""Writes the bench's wide models: N parallel Dense branches from one input into one
Concatenate (fan-in), and N Dense heads on one layer (fan-out).

Usage: make_wide_models.py OUT_DIR N...
       make_wide_models.py --mesh OUT_FILE RANKS WIDTH FAN_IN
The hostile-input suite imports wide() and mesh() for its bounds on wide layouts.
"""
import json
import os
import random
import sys


def node(name, cls, cfg, inbound):
    cfg = dict(cfg, name=name)
    return {"name": name, "class_name": cls, "config": cfg,
            "inbound_nodes": [[[i, 0, 0, {}] for i in inbound]] if inbound else []}


def wide(count, fan_in):
    layers = [node("in", "InputLayer", {"batch_input_shape": [None, 8]}, [])]
    trunk = "in"
    if not fan_in:
        layers.append(node("trunk", "Dense", {"units": 8}, ["in"]))
        trunk = "trunk"
    names = [f"b{i}" for i in range(count)]
    layers += [node(n, "Dense", {"units": 2 + i % 7}, [trunk]) for i, n in enumerate(names)]
    outputs = [[n, 0, 0] for n in names]
    if fan_in:
        layers.append(node("cat", "Concatenate", {"axis": -1}, names))
        outputs = [["cat", 0, 0]]
    return {"class_name": "Functional", "config": {"name": "m", "layers": layers,
            "input_layers": [["in", 0, 0]], "output_layers": outputs}}


def mesh(ranks, width, fan_in, seed=9):
    """A dense mesh as a strata spec: RANKS ranks of WIDTH layers, each layer after the first
    rank an Add of FAN_IN layers drawn (seeded) from the rank before."""
    pick = random.Random(seed)
    text = ["strata: 1", "model: mesh", "layers:",
            '  - {"name": "in", "type": "InputLayer", "shape": [null, 8]}']
    for w in range(width):
        text.append(f'  - {{"name": "r0w{w}", "type": "Dense", "inputs": ["in"], '
                    '"config": {"units": 8}}')
    for r in range(1, ranks):
        for w in range(width):
            inputs = ", ".join(f'"r{r - 1}w{k}"' for k in pick.sample(range(width), fan_in))
            text.append(f'  - {{"name": "r{r}w{w}", "type": "Add", "inputs": [{inputs}]}}')
    return "\n".join(text) + "\n"


def main(out, counts):
    os.makedirs(out, exist_ok=True)
    for n in counts:
        for kind, fan_in in (("fanin", True), ("fanout", False)):
            with open(os.path.join(out, f"{kind}.{n}.json"), "w") as f:
                json.dump(wide(n, fan_in), f)


if __name__ == "__main__":
    if sys.argv[1:2] == ["--mesh"]:
        with open(sys.argv[2], "w") as f:
            f.write(mesh(*map(int, sys.argv[3:6])))
        sys.exit(0)
    main(sys.argv[1], map(int, sys.argv[2:]))
