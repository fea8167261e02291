"""Images beyond what a PNG may hold: to_pil() draws any side, as visualkeras' PIL image has."""

import io
import math
import warnings

import pytest

import strata
from conftest import CORPUS

# The widest PNG strata writes: a wider image is drawn in columns.
PNG_SIDE = 32767
# How much more padding the shifted figure has: its columns meet elsewhere in the picture.
SHIFT = 37


def deep(**keywords):
    """A thousand layers side by side, each named: about 71 000 px wide at 96 dpi."""
    return strata.layered_view(CORPUS / "generated" / "deep.1000.json", level="layer",
                               collapse="none", text_callable="name", **keywords)


@pytest.fixture(scope="module")
def deep_figure():
    return deep()


def test_to_pil_draws_a_figure_wider_than_a_png_may_be(deep_figure):
    fig = deep_figure
    assert fig.width > 2 * PNG_SIDE
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        image = fig.to_pil()
    assert image.size == (math.ceil(fig.width), math.ceil(fig.height))
    # The same figure with more padding is the same picture moved by whole pixels, its columns
    # meeting SHIFT pixels further left. The two agree everywhere, around every seam of either
    # too: a column drawn at the wrong place, or a blank or doubled seam, differs by whole
    # colours. (cairo antialiases the rows where a surface's side cuts a shape a few levels
    # differently, and text moved by a whole pixel may differ as little: hence the tolerance.)
    from PIL import ImageChops

    padding = strata.LayeredOptions().padding
    shifted = deep(padding=padding + SHIFT).to_pil()
    assert shifted.size == (image.width + 2 * SHIFT, image.height + 2 * SHIFT)
    moved = shifted.crop((SHIFT, SHIFT, image.width + SHIFT, image.height + SHIFT))
    difference = ImageChops.difference(image, moved)
    assert max(high for _, high in difference.getextrema()) <= 32
    differing = sum(1 for v in difference.convert("L").getdata() if v)
    assert differing < image.width * image.height / 10000
    for seam in range(PNG_SIDE, image.width, PNG_SIDE):
        around = image.crop((seam - 30, 0, seam + 30, image.height)).tobytes()
        assert around.count(b"\xff\xff\xff\xff") < len(around) // 4 * 0.9, seam  # not blank


def test_a_png_file_keeps_its_side_limit(deep_figure):
    from PIL import Image

    with pytest.warns(strata.figure.StrataWarning, match="more than PNG readers accept"):
        png = deep_figure.png()
    assert Image.open(io.BytesIO(png)).width <= PNG_SIDE


def test_to_pil_refuses_more_pixels_than_it_may_hold(deep_figure):
    with pytest.raises(strata.Error, match=r"at most 268435456 pixels are allowed"):
        deep_figure.to_pil(dpi=96 * 8)


def test_a_notebook_gets_a_png_and_no_huge_svg_of_a_very_wide_figure(deep_figure):
    # 96 * 2400 / 71 000 px is about 3 dpi; the thumbnail is never below 1 dpi, strata's least.
    png = deep_figure._repr_png_()
    assert png.startswith(b"\x89PNG")
    # The SVG of a thousand captioned layers is over two megabytes: the notebook shows the PNG.
    assert len(deep_figure.svg) > 2 << 20
    assert deep_figure._repr_svg_() is None
