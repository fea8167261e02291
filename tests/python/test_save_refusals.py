"""Figure.save refuses what the command line refuses, and text Python cannot encode is
refused with a ValueError that names the argument."""

import os
import shutil

import pytest

import strata
from conftest import EXAMPLES


@pytest.fixture
def model_copy(tmp_path):
    path = tmp_path / "vgg16.json"
    shutil.copyfile(EXAMPLES / "vgg16.json", path)
    return path


def test_save_refuses_the_model_file_it_was_read_from(model_copy):
    before = model_copy.read_bytes()
    figure = strata.layered_view(model_copy)
    with pytest.raises(ValueError, match="also an input"):
        figure.save(model_copy, format="svg")
    hard_link = model_copy.parent / "same.svg"
    os.link(model_copy, hard_link)
    with pytest.raises(ValueError, match="also an input"):
        figure.save(hard_link)
    assert model_copy.read_bytes() == before


def test_save_refuses_a_symbolic_link(model_copy, tmp_path):
    target = tmp_path / "target.svg"
    target.write_text("kept", encoding="utf-8")
    link = tmp_path / "link.svg"
    link.symlink_to(target)
    figure = strata.layered_view(model_copy)
    with pytest.raises(ValueError, match="symbolic link"):
        figure.save(link)
    assert target.read_text(encoding="utf-8") == "kept" and link.is_symlink()


def test_a_lone_surrogate_in_the_path_is_a_value_error(model_copy, tmp_path):
    figure = strata.layered_view(model_copy)
    with pytest.raises(ValueError, match="path: .*lone surrogate"):
        figure.save(str(tmp_path / "a\udc80.svg"))
    assert sorted(p.name for p in tmp_path.iterdir()) == ["vgg16.json"]


def test_a_lone_surrogate_in_a_text_callable_result_is_a_value_error(model_copy):
    with pytest.raises(ValueError, match="text_callable: .*box 0.*lone surrogate"):
        strata.layered_view(model_copy, text_callable=lambda i, layer: ("x\ud800", False))


@pytest.mark.parametrize("keyword", ["dpi", "scale"])
def test_a_bool_is_not_a_number(model_copy, keyword):
    figure = strata.layered_view(model_copy)
    with pytest.raises(TypeError, match=f"{keyword} must be a number"):
        figure.png(**{keyword: True})
    with pytest.raises(TypeError, match=f"{keyword} must be a number"):
        figure.to_pil(**{keyword: False})
    assert figure.png(dpi=48).startswith(b"\x89PNG")
