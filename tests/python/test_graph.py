"""graph_view as visualkeras users call it: same keywords, same presets, a Figure back."""

import json
import warnings

import pytest

import strata
from conftest import cli_scene


def scene(fig):
    return json.loads(fig.scene_json())


def test_a_path_draws_what_the_tool_draws(vgg16_path, tmp_path):
    fig = strata.graph_view(str(vgg16_path))
    assert scene(fig) == cli_scene(vgg16_path, "--view", "graph", tmp_path=tmp_path)


def test_keywords_are_the_tools_options(vgg16_path, tmp_path):
    fig = strata.graph_view(str(vgg16_path), node_size=30, layer_spacing=100,
                            ellipsize_after=4, inout_as_tensor=False)
    expected = cli_scene(vgg16_path, "--view", "graph", "--node-size", "30", "--layer-spacing",
                         "100", "--ellipsize-after", "4", "--no-inout-as-tensor",
                         tmp_path=tmp_path)
    assert scene(fig) == expected


def test_presets_then_options_then_keywords(vgg16_path):
    compact = strata.graph_view(str(vgg16_path), preset="compact")
    assert compact.width < strata.graph_view(str(vgg16_path)).width
    from_options = strata.graph_view(str(vgg16_path), preset="compact",
                                     options=strata.GraphOptions(layer_spacing=250, node_size=50))
    assert from_options.width == strata.graph_view(str(vgg16_path)).width
    # A keyword other than its default beats the preset and the options (as in visualkeras,
    # one equal to its default cannot be told from one not given).
    keyword = strata.graph_view(str(vgg16_path), preset="compact",
                                options={"layer_spacing": 250}, layer_spacing=100)
    assert keyword.width < compact.width


def test_show_draws_the_graph_view(vgg16_path):
    assert scene(strata.show(str(vgg16_path), mode="graph")) == scene(
        strata.graph_view(str(vgg16_path)))
    with pytest.raises(strata.Error):
        strata.graph_view(str(vgg16_path), preset="no-such-preset")


def test_pictures_of_nodes_are_refused_with_a_warning(vgg16_path):
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        strata.graph_view(str(vgg16_path), circular_crop=False)
    assert any("circular_crop" in str(w.message) for w in caught)
