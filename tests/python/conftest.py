"""Shared fixtures: the tool the package is compared with, and the files both read."""

import json
import os
import subprocess
from pathlib import Path

import pytest

EXAMPLES = Path(os.environ.get("STRATA_EXAMPLES_DIR", Path(__file__).parents[2] / "examples"))
CORPUS = Path(os.environ.get("STRATA_CORPUS_DIR", Path(__file__).parents[1] / "data" / "corpus"))
CLI = os.environ.get("STRATA_CLI", "strata")


def cli_scene(model_path, *flags, tmp_path):
    """The scene JSON `strata render` writes for a model file."""
    out = Path(tmp_path) / "cli-scene.json"
    subprocess.run([CLI, "render", str(model_path), "-o", str(out), *flags], check=True,
                   capture_output=True)
    return json.loads(out.read_text(encoding="utf-8"))


@pytest.fixture
def vgg16_path():
    return EXAMPLES / "vgg16.json"


@pytest.fixture
def small_model_path():
    """A small Keras CNN: the model of visualkeras' reference pictures."""
    return EXAMPLES / "mnist_cnn.yaml"


class KerasLike:
    """What strata needs of a live Keras model: to_json(), a name and its layers."""

    def __init__(self, path):
        self._text = Path(path).read_text(encoding="utf-8")
        self.name = json.loads(self._text)["config"].get("name", "model")
        self.layers = []

    def to_json(self):
        return self._text


@pytest.fixture
def keras_like(vgg16_path):
    return KerasLike(vgg16_path)
