"""Each keyword changes what it names in the scene, as visualkeras' keyword does: box sizes,
gaps, order, colours, captions, the legend. (test_layered_view checks that every keyword
changes the picture at all.)"""

import json

import pytest

import strata
from conftest import EXAMPLES

VGG16 = EXAMPLES / "vgg16.json"


def scene(**keywords):
    return json.loads(strata.layered_view(VGG16, **keywords).scene_json())


def layers(data):
    return {g["name"]: g for g in data["groups"] if g["role"] == "layer"}


def size(layer):
    """A box's z (across) and xy (up) in pixels, and its drawn depth."""
    box = layer["box"]
    return box["x2"] - box["x1"], box["y2"] - box["y1"], box["de"]


def roles(data):
    return [g["role"] for g in data["groups"]]


@pytest.fixture(scope="module")
def default():
    return scene()


def test_box_size_bounds_and_scales(default):
    assert all(size(l)[0] >= 30 for l in layers(scene(min_z=30)).values())
    assert min(size(l)[0] for l in layers(default).values()) < 30
    assert all(size(l)[0] <= 100 + 1e-9 for l in layers(scene(max_z=100)).values())
    assert max(size(l)[0] for l in layers(default).values()) > 100
    assert all(size(l)[1] >= 30 for l in layers(scene(min_xy=30)).values())
    assert all(size(l)[1] <= 40 + 1e-9 for l in layers(scene(max_xy=40)).values())
    # 64 filters at 1.5 px each, then at 3; 224 rows at 4 px each, then at 2.
    assert size(layers(default)["block1_conv1"])[0] == 96
    assert size(layers(scene(scale_z=3))["block1_conv1"])[0] == 192
    assert size(layers(default)["input_1"])[1] == 896
    assert size(layers(scene(scale_xy=2))["input_1"])[1] == 448


def test_volume_orientation_and_order(default):
    assert all(size(l)[2] == 0 for l in layers(scene(draw_volume=False)).values())
    assert all(size(l)[2] > 0 for l in layers(default).values())
    across, up, _ = size(layers(default)["predictions"])
    assert across > up
    across, up, _ = size(layers(scene(one_dim_orientation="y"))["predictions"])
    assert up > across
    # Reversed, the boxes are drawn last layer first, their depth going back to the left.
    reversed_ = scene(draw_reversed=True)
    order = [g["name"] for g in reversed_["groups"] if g["role"] == "layer"]
    assert order[0] == "predictions" and order[-1] == "input_1"
    first = layers(reversed_)["input_1"]
    assert first["box"]["x1"] == pytest.approx(10 + size(first)[2])
    assert [g["name"] for g in default["groups"] if g["role"] == "layer"][0] == "input_1"


def test_padding_and_spacing(default):
    def gap(data):
        boxes = layers(data)
        return boxes["block1_conv1"]["box"]["x1"] - boxes["input_1"]["box"]["x2"]

    assert layers(default)["input_1"]["box"]["x1"] == 10
    assert layers(scene(padding=20))["input_1"]["box"]["x1"] == 20
    assert gap(default) == 10
    assert gap(scene(spacing=30)) == 30


def test_what_is_left_out(default):
    assert "fc1" in layers(default) and "block1_conv2" in layers(default)
    assert not any(l["type"] == "Dense" for l in layers(scene(type_ignore=["Dense"])).values())
    kept = layers(scene(index_ignore=[2]))
    assert "block1_conv2" not in kept and {"input_1", "block1_conv1", "block1_pool"} <= set(kept)
    assert "funnel" in roles(default) and "funnel" not in roles(scene(draw_funnel=False))


@pytest.mark.parametrize("keywords", [
    {"color_map": {"Conv2D": {"fill": (255, 0, 0), "outline": "black"}}},
    {"styles": {"Conv2D": {"fill": "red"}}},
])
def test_colours_by_class(keywords):
    for layer in layers(scene(**keywords)).values():
        assert (layer["fill"] == "#ff0000") == (layer["type"] == "Conv2D"), layer["name"]


def test_background_legend_and_groups(default):
    assert default["background"] == "#ffffff"
    assert scene(background_fill="red")["background"] == "#ff0000"
    assert "legend" not in roles(default)
    legend = [g["name"] for g in scene(legend=True)["groups"] if g["role"] == "legend"]
    assert sorted(legend) == sorted({l["type"] for l in layers(default).values()})
    grouped = scene(layered_groups=[{"name": "pool", "layers": ["block1_pool"]}])
    assert "group" in roles(grouped) and "group" not in roles(default)


def captions(data):
    return {g["name"].removeprefix("caption of "): g["texts"] for g in data["groups"]
            if g["role"] == "caption"}


def test_caption_keywords(default):
    assert not captions(default)
    by_type = captions(scene(text_callable="type"))
    assert by_type["block1_conv1"][0]["text"] == "Conv2D"
    assert by_type["fc1"][0]["text"] == "Dense"
    sized = captions(scene(text_callable="name", font_size=14))
    assert {t["size"] for texts in sized.values() for t in texts} == {14}
    assert captions(scene(captions={"block1_conv1": "hello"}))["block1_conv1"][0]["text"] == "hello"


def test_figure_size(default):
    # The figure fits the width or height asked for, margins included.
    assert default["width"] > 1000 and default["height"] > 1000
    assert 50 < scene(width="100px")["width"] <= 100
    with pytest.warns(strata.figure.StrataWarning, match="drawn at"):
        short = scene(height="100px")
    assert 50 < short["height"] <= 100
