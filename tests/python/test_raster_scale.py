"""A scale or dpi no image of the figure can be drawn at is refused in one short line that names
the parameter and the range it may take."""

import re

import pytest

import strata

pytest.importorskip("PIL.Image")


@pytest.fixture(scope="module")
def figure():
    from conftest import EXAMPLES

    return strata.layered_view(EXAMPLES / "vgg16.json")


RANGE = re.compile(r"^(scale|dpi) must be from ([0-9.e+-]+) to ([0-9.e+-]+) for this figure "
                   r"\(at most 268435456 pixels are allowed, a side of at most 4194304\); "
                   r"got ([0-9.e+-]+)$")


@pytest.mark.parametrize("scale", [1e300, 1e6, 1e3])
def test_a_huge_scale_is_named_with_its_range(figure, scale):
    with pytest.raises(strata.Error) as caught:
        figure.to_pil(scale=scale)
    message = str(caught.value)
    assert len(message) < 160, message
    found = RANGE.match(message)
    assert found, message
    name, low, high, got = found.groups()
    assert name == "scale" and float(got) == scale
    assert float(low) == pytest.approx(1 / 96, rel=1e-2)
    # The top of the range is drawn; a little above it is refused.
    high = float(high)
    assert 1 < high < scale
    image = figure.to_pil(scale=high * 0.99)
    assert image.width * image.height <= 1 << 28


def test_a_huge_dpi_is_named_as_the_dpi(figure):
    with pytest.raises(strata.Error, match=r"^dpi must be from 1 to [0-9.]+ for this figure .*; "
                                           r"got 1e\+200$"):
        figure.to_pil(dpi=1e200)


def test_a_png_of_a_huge_scale_is_drawn_smaller_with_a_short_warning(figure):
    # A PNG is drawn at the largest resolution it may have, and the warning stays one line.
    with pytest.warns(strata.figure.StrataWarning) as caught:
        png = figure.png(scale=1e300)
    assert png.startswith(b"\x89PNG")
    messages = [str(w.message) for w in caught]
    assert any("more than PNG readers accept" in m for m in messages), messages
    assert all(len(m) < 300 and "\n" not in m for m in messages), messages
