"""functional_view as visualkeras users call it: same keywords, same precedence, a Figure back."""

import json

import pytest

import strata
from conftest import CORPUS, EXAMPLES, cli_scene


def scene(fig):
    return json.loads(fig.scene_json())


def boxes(fig):
    return {g["name"]: g["box"] for g in scene(fig)["groups"] if g["role"] == "layer"}


def test_a_path_draws_what_the_tool_draws_with_the_view(vgg16_path, tmp_path):
    fig = strata.functional_view(str(vgg16_path))
    assert scene(fig) == cli_scene(vgg16_path, "--view", "functional", tmp_path=tmp_path)


def test_keywords_are_options_of_the_view(vgg16_path, tmp_path):
    fig = strata.functional_view(str(vgg16_path), column_spacing=30, connector_arrow=True,
                                 text_callable="name")
    expected = cli_scene(vgg16_path, "--view", "functional", "--column-spacing", "30",
                         "--connector-arrow", "--text-callable", "name", tmp_path=tmp_path)
    assert scene(fig) == expected


def test_presets_and_options_come_before_keywords(vgg16_path):
    compact = boxes(strata.functional_view(str(vgg16_path), preset="compact"))
    default = boxes(strata.functional_view(str(vgg16_path)))
    # compact's columns are 60 px apart instead of 80.
    assert compact["block1_conv1"]["x1"] - compact["input_1"]["x1"] < (
        default["block1_conv1"]["x1"] - default["input_1"]["x1"])
    options = strata.FunctionalOptions(column_spacing=200)
    wide = boxes(strata.functional_view(str(vgg16_path), options=options))
    wider = boxes(strata.functional_view(str(vgg16_path), options=options, column_spacing=300))
    assert wider["block1_conv1"]["x1"] - wide["block1_conv1"]["x1"] == 100
    assert strata.FUNCTIONAL_PRESETS["presentation"].column_spacing == 120


def test_show_draws_the_functional_view(vgg16_path):
    assert scene(strata.show(str(vgg16_path), mode="functional")) == scene(
        strata.functional_view(str(vgg16_path)))


def test_a_keyword_the_view_does_not_draw_is_refused(vgg16_path):
    with pytest.raises(strata.Error, match="collapse_enabled"):
        strata.functional_view(str(vgg16_path), collapse_enabled=True)
