"""Files strata does not write itself are saved through Pillow, as visualkeras' to_file does."""

import warnings

import pytest

import strata
from conftest import CORPUS
from strata import StrataWarning

PIL = pytest.importorskip("PIL.Image")
PIL.init()

MODEL = CORPUS / "generated" / "vgg16.json"


@pytest.mark.parametrize("extension,pillow_format", [(".jpg", "JPEG"), (".bmp", "BMP"),
                                                       (".webp", "WEBP")])
def test_to_file_writes_a_raster_format_pillow_knows(tmp_path, extension, pillow_format):
    if pillow_format not in PIL.SAVE:
        pytest.skip(f"this Pillow cannot write {pillow_format}")
    target = tmp_path / ("model" + extension)
    figure = strata.layered_view(MODEL, to_file=str(target))
    with PIL.open(target) as image:
        assert image.format == pillow_format
        assert image.size == figure.to_pil().size
        # A white page: JPEG and BMP have no transparency, the figure is flattened on white.
        assert image.convert("RGB").getpixel((0, 0)) == (255, 255, 255)
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(".strata-")]


def test_an_extension_neither_writes_is_refused(tmp_path):
    with pytest.raises(ValueError, match=r"cannot tell the output format.*\.jpg"):
        strata.layered_view(MODEL).save(tmp_path / "model.unknown")


def test_legend_text_spacing_offset_says_it_has_no_effect():
    with pytest.warns(StrataWarning, match="legend_text_spacing_offset has no effect"):
        strata.layered_view(MODEL, legend_text_spacing_offset=60)
    with warnings.catch_warnings():
        warnings.simplefilter("error", StrataWarning)
        strata.layered_view(MODEL)
