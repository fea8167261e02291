"""layered_view as visualkeras users call it: same keywords, same precedence, a Figure back."""

import io
import json
import warnings

import pytest

import strata
from conftest import EXAMPLES, KerasLike, cli_scene


def scene(fig):
    return json.loads(fig.scene_json())


def captions(fig):
    """Caption text and where it stands against its layer's box: {layer: (text, above)}."""
    data = scene(fig)
    boxes = {g["name"]: g["box"] for g in data["groups"] if g["role"] == "layer" and "box" in g}
    out = {}
    for g in data["groups"]:
        if g["role"] != "caption":
            continue
        text = "\n".join(t["text"] for t in g["texts"])
        layer = g["name"].removeprefix("caption of ")
        box = boxes[layer]
        out[layer] = (text, g["texts"][0]["box"]["y2"] <= box["y1"])
    return out


def test_a_path_draws_what_the_tool_draws(vgg16_path, tmp_path):
    assert scene(strata.layered_view(str(vgg16_path))) == cli_scene(vgg16_path, tmp_path=tmp_path)


def test_an_object_with_to_json_draws_what_the_tool_draws_from_that_json(keras_like, vgg16_path,
                                                                         tmp_path):
    fig = strata.layered_view(keras_like, legend=True, spacing=14)
    expected = cli_scene(vgg16_path, "--legend", "--spacing", "14", tmp_path=tmp_path)
    assert scene(fig) == expected


def test_bytes_and_text_of_a_model_file_are_models(vgg16_path):
    from_path = scene(strata.layered_view(vgg16_path))
    assert scene(strata.layered_view(vgg16_path.read_bytes())) == from_path
    assert scene(strata.layered_view(vgg16_path.read_text(encoding="utf-8"))) == from_path


def test_a_model_spec_keeps_its_own_options(small_model_path, tmp_path):
    fig = strata.layered_view(small_model_path)
    assert scene(fig) == cli_scene(small_model_path, tmp_path=tmp_path)
    assert captions(fig)["predictions"][0] == "10 classes"


# Every keyword of visualkeras' layered_view (and strata's own) with a value that must change
# the picture of the reference model, and the context it needs.
CHANGING = {
    "min_z": 30, "min_xy": 30, "max_z": 100, "max_xy": 40, "scale_z": 3, "scale_xy": 2,
    "type_ignore": ["Dense"], "index_ignore": [2], "index_2D": [2],
    "color_map": {"Conv2D": {"fill": (255, 0, 0), "outline": "black"}},
    "one_dim_orientation": "y", "background_fill": "red", "draw_volume": False,
    "draw_reversed": True, "padding": 20, "text_callable": "type", "text_vspacing": 9,
    "spacing": 30, "draw_funnel": False, "shade_step": 40, "legend": True,
    "font_color": "red", "show_dimension": True, "sizing_mode": "logarithmic",
    "connector_fill": "red", "connector_width": 3,
    "layered_groups": [{"name": "pool", "layers": ["block1_pool"]}],
    "styles": {"Conv2D": {"fill": "red"}},
    "width": "100px", "font_size": 14, "caption": "{index}", "caption_position": "above",
    "captions": {"block1_conv1": "hello"}, "compat_visualkeras": True,
    "height": "100px", "dimension_caps": {"channels": 30}, "relative_base_size": 7, "level": "block",
    "stages": True, "min_font_size": 12, "expand": ["block2"],
    "image_fit": "contain", "image_axis": "y", "link_images": True,
    "logo_groups": [{"file": "PICTURE", "layers": ["Dense"], "name": "dense"}],
    "logos_legend": True, "legend_position": "right",
}
CONTEXT = {
    "text_vspacing": {"text_callable": "name_shape"},
    "font_color": {"text_callable": "name"},
    "show_dimension": {"legend": True},
    "legend_position": {"legend": True},
    "font_size": {"text_callable": "name"},
    "caption_position": {"text_callable": "name"},
    "dimension_caps": {"sizing_mode": "balanced"},
    "relative_base_size": {"sizing_mode": "relative"},
    "min_font_size": {"width": "300px", "font_size": 6, "text_callable": "name"},
    "expand": {"level": "block", "width": "17cm"},
    "image_fit": {"styles": {"block1_conv1": {"image": "PICTURE"}}},
    "image_axis": {"styles": {"block1_conv1": {"image": "PICTURE"}}},
    "link_images": {"styles": {"block1_conv1": {"image": "PICTURE"}}},
    "logos_legend": {"logo_groups": [{"file": "PICTURE", "layers": ["Dense"], "name": "dense"}]},
}


def with_picture(value, picture):
    """`value` with every "PICTURE" replaced by the picture's path."""
    if value == "PICTURE":
        return str(picture)
    if isinstance(value, dict):
        return {k: with_picture(v, picture) for k, v in value.items()}
    if isinstance(value, list):
        return [with_picture(v, picture) for v in value]
    return value


@pytest.mark.parametrize("keyword", sorted(CHANGING))
def test_every_keyword_changes_the_picture(keyword, tmp_path):
    Image = pytest.importorskip("PIL.Image")
    picture = tmp_path / "face.png"
    Image.new("RGB", (20, 10), (200, 30, 30)).save(picture)
    model = EXAMPLES / "vgg16.json"
    context = with_picture(CONTEXT.get(keyword, {}), picture)
    value = with_picture(CHANGING[keyword], picture)
    before = strata.layered_view(model, options=context).svg
    after = strata.layered_view(model, options=context, **{keyword: value}).svg
    assert before != after


def test_a_callable_text_callable_writes_its_text_where_it_says(vgg16_path):
    seen = []

    def label(index, layer):
        seen.append((index, type(layer).__name__, layer.name))
        return f"#{index} {layer.name}", index % 2 == 0

    fig = strata.layered_view(vgg16_path, text_callable=label)
    got = captions(fig)
    assert seen[0] == (0, "InputLayer", "input_1")
    assert ("block1_conv1" in dict((n, i) for i, _, n in seen))
    for index, _, name in seen:
        assert got[name] == (f"#{index} {name}", index % 2 == 0)


def test_a_callable_is_given_shapes_and_parameter_counts(vgg16_path):
    found = {}

    def label(index, layer):
        found[layer.name] = (layer.output_shape, layer.count_params())
        return "", False

    strata.layered_view(vgg16_path, text_callable=label)
    assert found["block1_conv1"] == ((None, 224, 224, 64), 1792)
    assert found["predictions"] == ((None, 1000), 4097000)


def test_a_live_keras_model_gives_its_own_layer_objects():
    class Dense:
        def __init__(self, name):
            self.name = name

    model = KerasLike(EXAMPLES / "vgg16.json")
    model.layers = [Dense("fc1"), Dense("fc2")]
    given = {}

    def label(index, layer):
        given[layer.name] = layer
        return layer.name, False

    strata.layered_view(model, text_callable=label)
    assert given["fc1"] is model.layers[0]
    assert type(given["block1_conv1"]).__name__ == "Conv2D"


def test_builtin_callables_are_drawn_as_their_names(vgg16_path):
    by_callable = strata.layered_view(
        vgg16_path, text_callable=strata.LAYERED_TEXT_CALLABLES["name_shape"])
    by_name = strata.layered_view(vgg16_path, text_callable="name_shape")
    assert by_callable.svg == by_name.svg


def test_presets_options_and_keywords_in_that_order(vgg16_path):
    presentation = strata.LAYERED_PRESETS["presentation"]
    assert presentation.spacing == 18 and presentation.legend is True
    assert set(strata.LAYERED_PRESETS) >= {"default", "compact", "presentation", "paper", "slides"}
    assert strata.LAYERED_PRESETS["paper"].width == "8.5cm"
    by_preset = strata.layered_view(vgg16_path, preset="presentation")
    by_options = strata.layered_view(vgg16_path, options=presentation)
    assert by_preset.svg == by_options.svg
    # A mapping overrides only its keys; an explicit keyword that differs from its default
    # wins; one equal to its default cannot undo the preset.
    mapped = strata.layered_view(vgg16_path, preset="presentation", options={"spacing": 30})
    assert mapped.svg == strata.layered_view(
        vgg16_path, spacing=30, padding=20, connector_width=2, text_callable="name_shape",
        legend=True).svg
    assert strata.layered_view(vgg16_path, preset="presentation", spacing=10).svg == by_preset.svg
    assert strata.layered_view(vgg16_path, preset="presentation", spacing=40).svg != by_preset.svg
    with pytest.raises(strata.Error, match="Available presets"):
        strata.layered_view(vgg16_path, preset="nope")
    with pytest.raises(TypeError):
        strata.layered_view(vgg16_path, options=42)


def test_layered_options_has_the_visualkeras_fields_and_defaults():
    o = strata.LayeredOptions()
    assert (o.min_z, o.min_xy, o.max_z, o.max_xy, o.scale_z, o.scale_xy) == (20, 20, 400, 2000,
                                                                             1.5, 4.0)
    assert (o.padding, o.spacing, o.text_vspacing, o.shade_step) == (10, 10, 4, 10)
    assert (o.background_fill, o.font_color, o.connector_fill) == ("white", "black", "gray")
    assert o.sizing_mode == "accurate" and o.image_fit == "fill" and o.logos_legend is False
    assert strata.options.LayeredOptions is strata.LayeredOptions


def test_show_draws_the_layered_view(vgg16_path):
    assert strata.show(vgg16_path, mode=" Layers ", legend=True).svg == strata.layered_view(
        vgg16_path, legend=True).svg
    with pytest.raises(ValueError, match="Unknown mode"):
        strata.show(vgg16_path, mode="tree")


def test_notebook_reprs_and_pillow(vgg16_path):
    fig = strata.layered_view(vgg16_path)
    assert fig._repr_svg_().lstrip().startswith(("<?xml", "<svg"))
    png = fig._repr_png_()
    assert png[:8] == b"\x89PNG\r\n\x1a\n"
    image = fig.to_pil()
    assert image.mode == "RGBA"
    assert image.size == (round(fig.width), round(fig.height))
    assert fig.to_pil(dpi=192).size == (round(fig.width * 2), round(fig.height * 2))
    from PIL import Image
    decoded = Image.open(io.BytesIO(fig.png())).convert("RGBA")
    assert decoded.size == image.size and decoded.tobytes() == image.tobytes()
    # The image holds the pixels strata drew, not a copy of them (a large figure is held once);
    # drawing on it copies them first, as Pillow does for any image over a read-only buffer.
    assert image.readonly
    image.putpixel((0, 0), (1, 2, 3, 255))
    assert image.getpixel((0, 0)) == (1, 2, 3, 255)
    assert fig.to_pil().getpixel((0, 0)) == decoded.getpixel((0, 0))


def test_save_by_extension_and_to_file(vgg16_path, tmp_path):
    fig = strata.layered_view(vgg16_path, to_file=str(tmp_path / "to_file.png"))
    assert (tmp_path / "to_file.png").read_bytes()[:4] == b"\x89PNG"
    for name, magic in [("a.svg", b"<"), ("a.pdf", b"%PDF"), ("a.json", b"{"),
                        ("a.tex", b"%")]:
        fig.save(tmp_path / name)
        assert (tmp_path / name).read_bytes().lstrip()[: len(magic)] == magic
    import subprocess
    from conftest import CLI
    subprocess.run([CLI, "render", str(vgg16_path), "-o", str(tmp_path / "cli.tex")], check=True)
    assert (tmp_path / "a.tex").read_bytes() == (tmp_path / "cli.tex").read_bytes()
    (tmp_path / "cli.tex").unlink()
    with pytest.raises(ValueError, match="output format"):
        fig.save(tmp_path / "a.unknown")
    assert sorted(p.name for p in tmp_path.iterdir()) == [
        "a.json", "a.pdf", "a.svg", "a.tex", "to_file.png"]


def test_a_pillow_font_gives_its_file_and_size(vgg16_path):
    ImageFont = pytest.importorskip("PIL.ImageFont")
    import subprocess
    path = subprocess.run(["fc-match", "-f", "%{file}", "DejaVu Sans Mono"], check=True,
                          capture_output=True, text=True).stdout
    font = ImageFont.truetype(path, 17)
    by_font = strata.layered_view(vgg16_path, text_callable="name", font=font)
    by_path = strata.layered_view(vgg16_path, text_callable="name", font=path, font_size=17)
    assert by_font.svg == by_path.svg
    sizes = {t["size"] for g in scene(by_font)["groups"] if g["role"] == "caption"
             for t in g["texts"]}
    assert sizes == {17}


def test_bad_inputs_raise(vgg16_path, tmp_path):
    with pytest.raises(FileNotFoundError):
        strata.layered_view(tmp_path / "missing.json")
    with pytest.raises(strata.Error, match="sizing_mode") as bad_option:
        strata.layered_view(vgg16_path, sizing_mode="huge")
    assert isinstance(bad_option.value, ValueError)
    assert "expected one of" in str(bad_option.value)
    with pytest.raises(strata.Error, match="model bytes"):
        strata.layered_view(b'{"class_name": "Sequential", "config": {"layers": [}')
    with pytest.raises(TypeError):
        strata.layered_view(object())
    with pytest.raises(TypeError):
        strata.layered_view(vgg16_path, font=3.5)


def test_warnings_reach_python(vgg16_path):
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        strata.layered_view(vgg16_path, width="0.5in", min_font_size=30, text_callable="name")
    assert any(issubclass(w.category, UserWarning) for w in caught)


def test_the_gil_is_released_while_the_library_works(vgg16_path):
    import threading
    import time

    fig = strata.layered_view(vgg16_path, text_callable="name_shape")
    ticks = []
    done = threading.Event()

    def count():
        while not done.is_set():
            ticks.append(time.perf_counter())
            time.sleep(0.0005)

    counter = threading.Thread(target=count)
    counter.start()
    try:
        time.sleep(0.01)
        started = time.perf_counter()
        fig.png(dpi=600)  # one call into the library
        ended = time.perf_counter()
    finally:
        done.set()
        counter.join()
    took = ended - started
    if took < 0.03:
        pytest.skip("the drawing was too quick to tell")
    during = [started] + [t for t in ticks if started <= t <= ended] + [ended]
    # Held through the call, the GIL would stop the counter for the whole of it.
    assert max(b - a for a, b in zip(during, during[1:])) < took / 2


def test_every_option_field_has_a_test():
    from dataclasses import fields

    elsewhere = {
        "to_file",  # test_save_by_extension_and_to_file
        "font",  # test_a_pillow_font_gives_its_file_and_size
        "text_callable",  # the callable tests; its names in CHANGING too
        "legend_text_spacing_offset",  # accepted for compatibility, without effect
        "collapse",  # VGG16 repeats nothing; the library's tests show its effect
    }
    untested = {f.name for f in fields(strata.LayeredOptions)} - set(CHANGING) - elsewhere
    assert not untested


def test_options_and_keywords_compare_numbers_as_numbers(vgg16_path):
    two = strata.layered_view(vgg16_path, scale_xy=2).svg
    assert strata.layered_view(vgg16_path, options={"scale_xy": 2}).svg == two
    assert strata.layered_view(vgg16_path, options=strata.LayeredOptions(scale_xy=2)).svg == two
    presentation = strata.layered_view(vgg16_path, preset="presentation").svg
    assert strata.layered_view(vgg16_path, preset="presentation", spacing=10.0).svg == presentation


def test_single_values_where_lists_go(vgg16_path):
    assert (strata.layered_view(vgg16_path, type_ignore="Dense").svg
            == strata.layered_view(vgg16_path, type_ignore=["Dense"]).svg)
    assert (strata.layered_view(vgg16_path, index_ignore=2).svg
            == strata.layered_view(vgg16_path, index_ignore=[2]).svg)


def test_wrong_types_name_the_keyword(vgg16_path):
    for keyword, value in [("color_map", ["Conv2D"]), ("dimension_caps", [1, 2]),
                           ("layered_groups", 5), ("index_ignore", "2")]:
        with pytest.raises((TypeError, ValueError), match=keyword):
            strata.layered_view(vgg16_path, **{keyword: value})
    with pytest.raises(ValueError, match=r"color_map\.Conv2D\.fill.*not a colour"):
        strata.layered_view(vgg16_path, color_map={"Conv2D": {"fill": (300, 0, 0)}})
    with pytest.raises(strata.Error) as bad:
        strata.layered_view(vgg16_path, spacing=[1, 2])
    message = str(bad.value)
    assert message.startswith("keyword spacing=[1, 2]: ") and ":1:" not in message
    with pytest.raises(strata.Error, match="from 0 to 1000000,"):
        strata.layered_view(vgg16_path, padding=-5)


def test_a_text_callable_must_return_text_and_where(vgg16_path):
    with pytest.raises(TypeError, match=r"\(text, above\)"):
        strata.layered_view(vgg16_path, text_callable=lambda i, layer: "just text")


def test_a_class_no_layer_has_is_a_warning_that_names_the_callers_line(vgg16_path):
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        strata.layered_view(vgg16_path, color_map={"Conv2d": {"fill": "red"}})
    found = [w for w in caught if "no layer of the model is a Conv2d" in str(w.message)]
    assert found and found[0].filename == __file__
    assert issubclass(found[0].category, strata.StrataWarning)


def test_save_into_a_missing_folder_names_the_path(vgg16_path, tmp_path):
    fig = strata.layered_view(vgg16_path)
    with pytest.raises(FileNotFoundError) as missing:
        fig.save(tmp_path / "nowhere" / "x.svg")
    assert missing.value.filename == str(tmp_path / "nowhere" / "x.svg")
    assert not (tmp_path / "nowhere").exists()


def test_a_notebook_gets_a_png_it_can_show(vgg16_path):
    from PIL import Image

    fig = strata.layered_view(vgg16_path)
    assert fig.width > 2400 and fig.level == "layer"
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        shown = Image.open(io.BytesIO(fig._repr_png_()))
    assert shown.width <= 2400 and shown.width >= 2300


def test_a_spec_as_text_or_bytes_keeps_its_options(small_model_path):
    from_path = strata.layered_view(small_model_path).svg
    assert strata.layered_view(small_model_path.read_text(encoding="utf-8")).svg == from_path
    assert strata.layered_view(small_model_path.read_bytes()).svg == from_path


def test_values_too_large_are_refused_before_the_work(vgg16_path):
    # Refused by their size as given, before they are converted or laid out.
    with pytest.raises(ValueError, match="caption: 50000000 characters; the options may hold"):
        strata.layered_view(vgg16_path, caption="x" * 50_000_000)
    with pytest.raises(ValueError, match="layered_groups: 1000000 entries"):
        strata.layered_view(vgg16_path, layered_groups=[{"name": "g", "layers": ["fc1"]}] * 10**6)
    with pytest.raises(ValueError, match="a caption may have at most 65536"):
        strata.layered_view(vgg16_path, text_callable=lambda i, layer: ("x" * 10**6, False))


def test_an_absurd_resolution_is_reported_in_whole_numbers(vgg16_path):
    fig = strata.layered_view(vgg16_path)
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        try:
            fig.png(dpi=1e300)
        except strata.Error as e:
            caught.append(e)
    assert caught
    assert not any("-9223372036854775808" in str(getattr(w, "message", w)) for w in caught)


def test_a_tex_figure_of_a_preset_is_the_tools(vgg16_path, tmp_path):
    # The document's font and size govern a .tex figure unless the call chose them; a preset's
    # text size gives way, as on the command line.
    import subprocess
    from conftest import CLI

    for preset in ("slides", "paper"):
        out = tmp_path / f"{preset}.tex"
        subprocess.run([CLI, "render", str(vgg16_path), "--preset", preset, "-o", str(out)],
                       check=True, capture_output=True)
        assert strata.layered_view(vgg16_path, preset=preset).tikz() == out.read_text(
            encoding="utf-8")
    chosen = strata.layered_view(vgg16_path, preset="slides", font_size=20).tikz()
    assert "\\fontsize{15.056}" in chosen


def test_an_empty_text_from_a_callable_takes_no_room(vgg16_path):
    plain = strata.layered_view(vgg16_path).to_pil().size
    for above in (True, False):
        empty = strata.layered_view(vgg16_path, text_callable=lambda i, layer: ("", above))
        assert empty.to_pil().size == plain
    some = strata.layered_view(vgg16_path, text_callable=lambda i, layer: ("x" if i == 3 else "", True))
    assert some.to_pil().size[1] > plain[1]
