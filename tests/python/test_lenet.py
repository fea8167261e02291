"""lenet_view as visualkeras users call it: same keywords, the tool's picture, a Figure back."""

import json
import re

import pytest

import strata
from conftest import cli_scene


def scene(fig):
    return json.loads(fig.scene_json())


def roles(fig):
    return [g["role"] for g in scene(fig)["groups"]]


def test_a_path_draws_what_the_tool_draws(vgg16_path, tmp_path):
    fig = strata.lenet_view(str(vgg16_path))
    assert scene(fig) == cli_scene(vgg16_path, "--view", "lenet", tmp_path=tmp_path)


def test_keywords_are_the_tools_options(vgg16_path, tmp_path):
    fig = strata.lenet_view(vgg16_path, layer_spacing=60, max_visual_channels=5, seed=3,
                            draw_patches=False, background_fill="black", font_color="white")
    expected = cli_scene(vgg16_path, "--view", "lenet", "--layer-spacing", "60",
                         "--max-visual-channels", "5", "--seed", "3", "--no-draw-patches",
                         "--background-fill", "black", "--font-color", "white",
                         tmp_path=tmp_path)
    assert scene(fig) == expected


def test_every_lenet_keyword_changes_the_picture(vgg16_path):
    plain = strata.lenet_view(vgg16_path).svg
    changing = {
        "min_xy": 60, "max_xy": 100, "scale_xy": 2, "type_ignore": ["MaxPooling2D"],
        "index_ignore": [0], "color_map": {"Conv2D": {"fill": "red"}},
        "background_fill": "navy", "padding": 50, "layer_spacing": 80, "map_spacing": 7,
        "max_visual_channels": 3, "connector_fill": "red", "connector_width": 3,
        "patch_fill": "yellow", "patch_outline": "red", "patch_scale": 2.5, "seed": 11,
        "draw_connections": False, "draw_patches": False, "font_color": "blue",
        "top_label": False, "bottom_label": False, "top_label_padding": 20,
        "bottom_label_padding": 20, "styles": {"Conv2D": {"fill": "green"}},
    }
    for key, value in changing.items():
        assert strata.lenet_view(vgg16_path, **{key: value}).svg != plain, key


def test_options_and_presets_come_before_keywords(vgg16_path):
    compact = strata.LENET_PRESETS["compact"]
    assert compact.layer_spacing == 28 and compact.max_xy == 180
    assert set(strata.LENET_PRESETS) == {"default", "compact", "presentation"}
    assert strata.LAYERED_PRESETS["compact"].padding == 6  # visualkeras' layered compact
    by_preset = strata.lenet_view(vgg16_path, preset="compact").svg
    by_options = strata.lenet_view(vgg16_path, options=compact).svg
    assert by_preset == by_options
    assert by_preset != strata.lenet_view(vgg16_path).svg
    assert strata.lenet_view(vgg16_path, preset="compact", layer_spacing=90).svg != by_preset
    with pytest.raises(strata.Error):
        strata.lenet_view(vgg16_path, preset="nonesuch")


def test_show_draws_the_lenet_mode(vgg16_path):
    assert scene(strata.show(vgg16_path, mode="lenet")) == scene(strata.lenet_view(vgg16_path))
    assert "funnel" in roles(strata.show(vgg16_path, mode="lenet_style"))


def label_texts(fig):
    return [item["text"] for g in scene(fig)["groups"] if g["role"] == "caption"
            for item in g.get("texts", [])]


def test_built_in_labels_are_the_tools_choices(vgg16_path, tmp_path):
    fig = strata.lenet_view(vgg16_path, top_label_callable="name", bottom_label_callable="none")
    expected = cli_scene(vgg16_path, "--view", "lenet", "--top-label-callable", "name",
                         "--bottom-label-callable", "none", tmp_path=tmp_path)
    assert scene(fig) == expected
    assert "block1_conv1" in label_texts(fig)
    assert not any("@" in text for text in label_texts(fig))
    with pytest.raises(ValueError, match="bottom_label_callable"):
        strata.lenet_view(vgg16_path, bottom_label_callable="nonesuch")


def test_label_callables_are_called_as_visualkeras_calls_them(vgg16_path):
    seen = []

    def top(layer, shape):
        seen.append((type(layer).__name__, shape.kind, shape.c))
        return f"{layer.name}!"

    fig = strata.lenet_view(vgg16_path, top_label_callable=top,
                            bottom_label_callable=lambda layer, shape: None)
    texts = label_texts(fig)
    assert "block1_conv1!" in texts
    assert not any("@" in text for text in texts)  # None: no bottom label
    assert ("Conv2D", "spatial", 64) in seen
    assert any(kind == "vector" for _, kind, _ in seen)


def test_labels_with_line_breaks_are_drawn_line_by_line(vgg16_path, tmp_path):
    fig = strata.lenet_view(vgg16_path, top_label_callable=lambda l, r: l.name + "\nsecond",
                            bottom_label_callable=lambda l, r: f"{r.c_dim}ch\n{r.h_dim}x{r.w_dim}")
    texts = label_texts(fig)
    assert "block1_conv1" in texts and "second" in texts
    assert "64ch" in texts and "224x224" in texts
    assert not any("\n" in text for text in texts)
    assert not any("\n" in text for text in re.findall(r"<text[^>]*>([^<]*)<", fig.svg))
    fig.save(tmp_path / "x.png")
    assert (tmp_path / "x.png").stat().st_size > 0
    # Every line is inside the picture.
    for g in scene(fig)["groups"]:
        for item in g.get("texts", []):
            assert item["box"]["y1"] >= 0 and item["box"]["y2"] <= fig.height


def test_layers_have_their_own_labels_by_name(vgg16_path, tmp_path):
    fig = strata.lenet_view(vgg16_path, top_labels={"block1_conv1": "first conv"},
                            bottom_labels={"block1_conv1": ""})
    texts = label_texts(fig)
    assert "first conv" in texts
    assert texts.count("64@224\u00d7224") == strata.lenet_view(vgg16_path).svg.count(
        "64@224\u00d7224") - 1
    options_file = tmp_path / "labels.yaml"
    options_file.write_text('top_labels: {block1_conv1: "first conv"}\n'
                            'bottom_labels: {block1_conv1: ""}\n', encoding="utf-8")
    assert scene(fig) == cli_scene(vgg16_path, "--view", "lenet", "--options",
                                   str(options_file), tmp_path=tmp_path)
    by_options = strata.lenet_view(vgg16_path, options={"top_labels": {"block1_conv1": "first conv"},
                                                        "bottom_labels": {"block1_conv1": ""}})
    assert by_options.svg == fig.svg
    dataclass = strata.LenetOptions(top_labels={"block1_conv1": "first conv"},
                                    bottom_labels={"block1_conv1": ""})
    assert strata.lenet_view(vgg16_path, options=dataclass).svg == fig.svg
    # A layer's own label goes over what a callable says.
    mixed = label_texts(strata.lenet_view(vgg16_path, top_label_callable=lambda l, r: "said",
                                          top_labels={"block1_conv1": "first conv"}))
    assert "first conv" in mixed and "said" in mixed
    # A line break in an option file's label starts a new line.
    options_file.write_text('top_labels: {block1_conv1: "first\\nconv"}\n', encoding="utf-8")
    broken = cli_scene(vgg16_path, "--view", "lenet", "--options", str(options_file),
                       tmp_path=tmp_path)
    texts = [item["text"] for g in broken["groups"] if g["role"] == "caption"
             for item in g.get("texts", [])]
    assert "first" in texts and "conv" in texts


def test_width_gives_that_width(vgg16_path):
    fig = strata.lenet_view(vgg16_path, width="8.5cm")
    assert fig.width == pytest.approx(8.5 / 2.54 * 96, abs=0.01)
