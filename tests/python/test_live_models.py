"""Live PyTorch and ONNX models: drawn exactly as strata draws the ONNX file they export to."""

import io
import json

import pytest

import strata
from conftest import cli_scene

torch = pytest.importorskip("torch")
torchvision = pytest.importorskip("torchvision")


def scene(fig):
    return json.loads(fig.scene_json())


def exported(model, shape, path):
    model.eval()
    with torch.no_grad():
        torch.onnx.export(model, (torch.zeros(shape),), str(path))


@pytest.mark.parametrize("name", ["resnet18", "mobilenet_v2"])
def test_a_torchvision_model_draws_as_its_onnx_export(name, tmp_path):
    torch.manual_seed(0)
    model = getattr(torchvision.models, name)(weights=None)
    shape = (1, 3, 224, 224)
    exported(model, shape, tmp_path / "model.onnx")
    expected = cli_scene(tmp_path / "model.onnx", "--width", "17cm", tmp_path=tmp_path)
    fig = strata.layered_view(model, input_shape=shape, width="17cm")
    assert scene(fig) == expected
    by_example = strata.layered_view(model, example_input=torch.zeros(shape), width="17cm")
    assert scene(by_example) == expected


def test_a_torch_model_needs_an_input():
    with pytest.raises(ValueError, match="input_shape"):
        strata.layered_view(torch.nn.Sequential(torch.nn.Linear(4, 2)))


def test_a_small_torch_model_layer_by_layer(tmp_path):
    model = torch.nn.Sequential(
        torch.nn.Conv2d(3, 8, 3), torch.nn.ReLU(), torch.nn.MaxPool2d(2), torch.nn.Flatten(),
        torch.nn.Linear(8 * 15 * 15, 10))
    fig = strata.layered_view(model, input_shape=(1, 3, 32, 32), text_callable="name_shape")
    shapes = [g["shape"] for g in scene(fig)["groups"] if g["role"] == "layer"]
    assert shapes[0].replace("\u00d7", "x").replace(" ", "") in ("3x32x32",)
    assert any(s.replace(" ", "") in ("10",) for s in shapes)


def test_an_onnx_model_proto(tmp_path):
    onnx = pytest.importorskip("onnx")
    model = torchvision.models.resnet18(weights=None)
    exported(model, (1, 3, 224, 224), tmp_path / "r.onnx")
    proto = onnx.load(str(tmp_path / "r.onnx"))
    assert scene(strata.layered_view(proto)) == scene(strata.layered_view(tmp_path / "r.onnx"))
