"""A bad option or an unreadable model raises ValueError with the command line's message."""

import subprocess

import pytest

import strata
from conftest import CLI, EXAMPLES

BAD_JSON = '{"class_name": "Sequential", "config": {"layers": [}'


def cli_error(*arguments, tmp_path):
    run = subprocess.run([CLI, "render", *map(str, arguments), "-o", str(tmp_path / "x.svg")],
                         capture_output=True, text=True)
    assert run.returncode != 0 and not (tmp_path / "x.svg").exists()
    line = run.stderr.strip()
    assert line.startswith("strata: error: ")
    return line.removeprefix("strata: error: ")


def test_a_bad_option_value_says_what_the_flag_says(tmp_path):
    said = cli_error(EXAMPLES / "vgg16.json", "--sizing-mode", "huge", tmp_path=tmp_path)
    with pytest.raises(ValueError) as raised:
        strata.layered_view(EXAMPLES / "vgg16.json", sizing_mode="huge")
    # The flag's name gives way to the keyword's; what was expected is word for word the same.
    assert said.startswith("--sizing-mode: ")
    assert str(raised.value).endswith("sizing_mode: " + said.removeprefix("--sizing-mode: "))


def test_an_unreadable_model_says_what_the_tool_says(tmp_path):
    bad = tmp_path / "bad.json"
    bad.write_text(BAD_JSON, encoding="utf-8")
    said = cli_error(bad, tmp_path=tmp_path)
    with pytest.raises(strata.Error) as from_path:
        strata.layered_view(bad)
    assert str(from_path.value) == said
    with pytest.raises(strata.Error) as from_bytes:
        strata.layered_view(BAD_JSON.encode())
    # Bytes have no file name: the place is the same line and column of "<model bytes>".
    assert str(from_bytes.value) == said.replace(str(bad), "<model bytes>")


def test_a_font_not_found_names_the_keyword_without_a_made_up_place(tmp_path):
    said = cli_error(EXAMPLES / "vgg16.json", "--legend", "--font", "NoSuchFamilyXYZ",
                     tmp_path=tmp_path)
    with pytest.raises(strata.Error) as raised:
        strata.layered_view(EXAMPLES / "vgg16.json", legend=True, font="NoSuchFamilyXYZ")
    # The keyword's option text is the package's own: its line and column mean nothing.
    assert str(raised.value).startswith("keyword font='NoSuchFamilyXYZ': font: ")
    assert str(raised.value).endswith(said.split(": ", 1)[1])
