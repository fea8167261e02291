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


def test_orientation_rotation_turns_the_three_dimensional_boxes(vgg16_path, tmp_path):
    oblique = scene(strata.functional_view(str(vgg16_path), draw_volume=True))
    turned = scene(strata.functional_view(str(vgg16_path), draw_volume=True,
                                          orientation_rotation=30))
    assert turned == cli_scene(vgg16_path, "--view", "functional", "--draw-volume",
                               "--orientation-rotation", "30", tmp_path=tmp_path)
    assert turned != oblique
    # Flat boxes have nothing to turn.
    assert scene(strata.functional_view(str(vgg16_path), orientation_rotation=30)) == scene(
        strata.functional_view(str(vgg16_path)))


def test_layered_groups_are_drawn_around_their_boxes(vgg16_path, tmp_path):
    fig = strata.functional_view(
        str(vgg16_path), layered_groups=[{"name": "Block 1", "layers": ["block1_conv1",
                                                                        "block1_pool"]}])
    roles = [g["role"] for g in scene(fig)["groups"]]
    assert "group" in roles and "group-title" in roles
    expected = cli_scene(vgg16_path, "--view", "functional", "--layered-groups",
                         "[{name: Block 1, layers: [block1_conv1, block1_pool]}]",
                         tmp_path=tmp_path)
    assert scene(fig) == expected


class Conv2D:
    """A stand-in layer class: a class as a selector stands for its name."""


def test_collapse_rules_take_classes_and_draw_what_the_tool_draws(vgg16_path, tmp_path):
    rules = [{"kind": "layer", "selector": Conv2D, "repeat_count": 3},
             {"kind": "block", "selector": ["Conv2D", "Conv2D", "MaxPooling2D"],
              "repeat_count": 2, "label": "2 blocks"}]
    fig = strata.functional_view(str(vgg16_path), collapse_enabled=True, collapse_rules=rules)
    expected = cli_scene(
        vgg16_path, "--view", "functional", "--collapse-enabled", "--collapse-rules",
        "[{kind: layer, selector: Conv2D, repeat_count: 3}, {kind: block, selector: [Conv2D, "
        "Conv2D, MaxPooling2D], repeat_count: 2, label: 2 blocks}]", tmp_path=tmp_path)
    assert scene(fig) == expected
    drawn = boxes(fig)
    # Blocks 3 to 5 each become one box for their three convolutions, blocks 1 and 2 one box.
    assert "block3_conv2" not in drawn and "block1_pool" not in drawn
    assert sum(1 for name in drawn if "\u2026" in name) == 4
    marks = [g for g in scene(fig)["groups"] if g["role"] == "annotation"]
    assert len(marks) == 4
    # Without collapse_enabled the rules change nothing.
    assert boxes(strata.functional_view(str(vgg16_path), collapse_rules=rules)) == boxes(
        strata.functional_view(str(vgg16_path)))


def test_a_bad_collapse_rule_is_refused_with_its_place(vgg16_path):
    with pytest.raises(strata.Error, match=r"collapse_rules\[0\]"):
        strata.functional_view(str(vgg16_path), collapse_enabled=True,
                               collapse_rules=[{"kind": "block", "selector": "Conv2D",
                                                "repeat_count": 2}])


def test_collapse_rules_are_checked_as_visualkeras_checks_them(vgg16_path):
    rule = {"kind": "layer", "selector": "Conv2D", "repeat_count": 3}
    with pytest.raises(TypeError, match="list of rules"):
        strata.functional_view(str(vgg16_path), collapse_enabled=True, collapse_rules=rule)
    with pytest.raises(strata.Error, match=r"collapse_rules\[0\]\.label: expected text"):
        strata.functional_view(str(vgg16_path), collapse_enabled=True,
                               collapse_rules=[dict(rule, label=5)])
    with pytest.raises(strata.Error,
                       match=r"repeat_count: expected a whole number from 2 to 1000000, got 2\.0"):
        strata.functional_view(str(vgg16_path), collapse_enabled=True,
                               collapse_rules=[dict(rule, repeat_count=2.0)])
    # Kind and annotation position are trimmed and lower-cased; an unknown key is ignored.
    loose = strata.functional_view(str(vgg16_path), collapse_enabled=True, collapse_rules=[
        dict(rule, kind=" Layer ", annotation_position="Above", note="mine")])
    assert boxes(loose) == boxes(strata.functional_view(
        str(vgg16_path), collapse_enabled=True, collapse_rules=[rule]))


def test_simple_text_visualization_draws_flat_boxes_with_text(vgg16_path):
    plain = scene(strata.functional_view(str(vgg16_path), draw_volume=True))
    below = scene(strata.functional_view(str(vgg16_path), draw_volume=True,
                                         simple_text_visualization=True))
    inside = scene(strata.functional_view(str(vgg16_path), simple_text_visualization=True,
                                          simple_text_label_mode="inside"))
    assert any(g["box"]["de"] > 0 for g in plain["groups"] if g["role"] == "layer")
    assert all(g["box"]["de"] == 0 for g in below["groups"] if g["role"] == "layer")
    # Below: a name and shape caption under each box; inside: the class name in each box.
    captions = [g for g in below["groups"] if g["role"] == "caption"]
    assert len(captions) == len([g for g in below["groups"] if g["role"] == "layer"])
    texts = [g for g in inside["groups"] if g["id"].endswith("-text")]
    # The words of a class name, on one line or several as the box's width allows.
    assert any(" ".join(run["text"] for run in g.get("texts", [])) == "Max Pooling2D"
               for g in texts)
