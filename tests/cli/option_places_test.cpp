// Options whose values are checked late (a caption template filled in per layer, a font looked
// up when text is measured) and options checked at once (colours in styles and color_map):
// from a model spec's `options:` or an --options file, each error names FILE:LINE:COL.
#include <boost/test/unit_test.hpp>

#include <fstream>

#include "run_tool.hpp"

using namespace strata::test;
namespace fs = std::filesystem;

namespace {

const char* const kLayers =
    "layers:\n"
    "  - {type: InputLayer, shape: [null, 8, 8, 3], name: in}\n"
    "  - {type: Dense, name: fc, config: {units: 4}}\n";

// A spec whose `options:` are the given lines (each indented by two spaces): option line k is
// line k + 2 of the file.
std::string spec_with_options(const std::string& lines) {
    return "strata: 1\noptions:\n" + lines + kLayers;
}

struct Run {
    ToolResult result;
    fs::path file;  // the spec or option file the error must name
};

Run render_spec(const std::string& name, const std::string& spec) {
    const fs::path dir = scratch_dir("option-places-" + name);
    const fs::path file = dir / "spec.yaml";
    std::ofstream(file) << spec;
    return {run_strata("render " + shell_quote(file.string()) + " -o " +
                           shell_quote((dir / "o.svg").string()),
                       dir),
            file};
}

Run render_with_options_file(const std::string& name, const std::string& options) {
    const fs::path dir = scratch_dir("option-places-file-" + name);
    const fs::path model = dir / "spec.yaml";
    std::ofstream(model) << "strata: 1\n" << kLayers;
    const fs::path file = dir / "fig.yaml";
    std::ofstream(file) << options;
    return {
        run_strata("render " + shell_quote(model.string()) + " --options " +
                       shell_quote(file.string()) + " -o " + shell_quote((dir / "o.svg").string()),
                   dir),
        file};
}

// The one line the run must print, exactly.
void expect_error(const Run& run, const std::string& place_and_message) {
    BOOST_TEST(run.result.status == 1);
    BOOST_TEST(
        run.result.err == "strata: error: " + run.file.string() + ":" + place_and_message + "\n",
        run.result.err);
}

const std::string kUnknownField =
    "unknown field {nosuchfield} in a caption (expected name, type, shape, index, params, "
    "layers or in_shape)";

}  // namespace

BOOST_AUTO_TEST_SUITE(option_places)

BOOST_AUTO_TEST_CASE(an_option_the_layout_refuses_names_the_flag_that_gave_it) {
    const fs::path dir = scratch_dir("option-places-expand-flag");
    const std::string model = std::string(STRATA_CORPUS_DIR) + "/generated/vgg16.json";
    const ToolResult result = run_strata("render " + shell_quote(model) + " --expand nothere -o " +
                                             shell_quote((dir / "o.svg").string()),
                                         dir);
    BOOST_TEST(result.status == 1);
    BOOST_TEST(result.err.find("strata: error: --expand: no block or stage named 'nothere'") !=
                   std::string::npos,
               result.err);
}

BOOST_AUTO_TEST_CASE(a_caption_template_error_names_its_place_in_the_spec) {
    expect_error(
        render_spec("caption", spec_with_options("  caption: \"{name}\\n{nosuchfield}\"\n")),
        "3:12: caption: " + kUnknownField);
    expect_error(render_spec("caption-brace", spec_with_options("  caption: \"{name\"\n")),
                 "3:12: caption: a '{' without its '}' in a caption");
    expect_error(
        render_spec("captions", spec_with_options("  captions:\n    fc: \"{nosuchfield}\"\n")),
        "4:9: captions.fc: " + kUnknownField);
}

BOOST_AUTO_TEST_CASE(a_layer_caption_error_names_its_place_in_the_spec) {
    const std::string spec =
        "strata: 1\nlayers:\n"
        "  - {type: InputLayer, shape: [null, 8], name: in}\n"
        "  - {type: Dense, name: fc, caption: \"a}b\", config: {units: 4}}\n";
    expect_error(render_spec("layer-caption", spec),
                 "4:38: caption: a '}' without its '{' in a caption (write }} for a brace)");
}

BOOST_AUTO_TEST_CASE(a_caption_template_error_names_its_place_in_an_options_file) {
    expect_error(render_with_options_file("caption", "padding: 4\ncaption: \"{nosuchfield}\"\n"),
                 "2:10: caption: " + kUnknownField);
}

BOOST_AUTO_TEST_CASE(a_font_that_cannot_be_found_names_its_place_in_the_spec) {
    const std::string missing =
        "font 'NoSuchFontFamilyQ' not found (fontconfig has no such family)";
    expect_error(render_spec("font", spec_with_options("  text_callable: name\n"
                                                       "  font: NoSuchFontFamilyQ\n")),
                 "4:9: font: " + missing);
    expect_error(render_spec("style-font",
                             spec_with_options("  text_callable: name\n"
                                               "  styles: {Dense: {font: NoSuchFontFamilyQ}}\n")),
                 "4:26: styles.Dense.font: " + missing);
    expect_error(
        render_spec("group-font",
                    spec_with_options(
                        "  layered_groups: [{name: g, layers: [fc], font: NoSuchFontFamilyQ}]\n")),
        "3:50: layered_groups[0].font: " + missing);
    expect_error(render_spec("legend-font", spec_with_options("  legend: true\n"
                                                              "  font: NoSuchFontFamilyQ\n")),
                 "4:9: font: " + missing);
}

BOOST_AUTO_TEST_CASE(a_font_file_that_is_not_a_font_names_its_place_in_the_spec) {
    const Run run = render_spec("font-file", spec_with_options("  text_callable: name\n"
                                                               "  font: ./absent.ttf\n"));
    BOOST_TEST(run.result.status == 1);
    BOOST_TEST(run.result.err.starts_with("strata: error: " + run.file.string() + ":4:9: font: "),
               run.result.err);
}

BOOST_AUTO_TEST_CASE(a_font_that_cannot_be_found_names_its_place_in_an_options_file) {
    expect_error(render_with_options_file("font", "text_callable: name\nfont: NoSuchFontFamilyQ\n"),
                 "2:7: font: font 'NoSuchFontFamilyQ' not found (fontconfig has no such family)");
}

BOOST_AUTO_TEST_CASE(bad_colours_in_styles_and_color_map_name_their_place) {
    const std::string colour =
        ": expected a colour (a CSS name, #rrggbb, #rrggbbaa, rgb(), hsl() ...), got 'notacolour'";
    expect_error(
        render_spec("styles", spec_with_options("  styles: {Dense: {fill: notacolour}}\n")),
        "3:26: styles.Dense.fill" + colour);
    expect_error(render_spec("color-map", spec_with_options("  color_map: {Dense: notacolour}\n")),
                 "3:22: color_map.Dense" + colour);
    expect_error(render_with_options_file("color-map", "color_map:\n  Dense: notacolour\n"),
                 "2:10: color_map.Dense" + colour);
}

// Names to expand are matched against the model only when it is laid out.
BOOST_AUTO_TEST_CASE(names_to_expand_that_match_nothing_name_their_place) {
    const std::string none =
        "expand: no block or stage named 'nosuchblock': this model has no "
        "blocks or stages";
    expect_error(render_spec("expand", spec_with_options("  level: block\n"
                                                         "  expand: [nosuchblock]\n")),
                 "4:11: " + none);
    expect_error(render_with_options_file("expand", "level: block\nexpand: nosuchblock\n"),
                 "2:9: " + none);
}

// A flag replaces the file's value, and with it the file's place.
BOOST_AUTO_TEST_CASE(a_flag_that_replaces_an_option_takes_its_place_away) {
    const fs::path dir = scratch_dir("option-places-flag");
    const fs::path file = dir / "spec.yaml";
    std::ofstream(file) << spec_with_options("  level: block\n  expand: [fine]\n");
    const ToolResult result =
        run_strata("render " + shell_quote(file.string()) + " --expand flagname -o " +
                       shell_quote((dir / "o.svg").string()),
                   dir);
    BOOST_TEST(result.status == 1);
    BOOST_TEST(result.err ==
                   "strata: error: --expand: no block or stage named 'flagname': this "
                   "model has no blocks or stages\n",
               result.err);
}

// A template is checked where it is read; the text it fills in is bounded only per layer.
BOOST_AUTO_TEST_CASE(a_caption_over_its_limit_names_its_place) {
    const std::string big(70'000, 'x');
    const std::string too_long = "a caption longer than 64 KiB after expanding its fields";
    expect_error(render_spec("caption-64k", spec_with_options("  caption: \"" + big + "\"\n")),
                 "3:12: caption: " + too_long + " (layer 'in')");
    expect_error(
        render_spec("captions-64k", spec_with_options("  captions:\n    fc: \"" + big + "\"\n")),
        "4:9: captions.fc: " + too_long + " (layer 'fc')");
    expect_error(render_spec("layer-caption-64k",
                             "strata: 1\nlayers:\n"
                             "  - {type: InputLayer, shape: [null, 8], name: in}\n"
                             "  - {type: Dense, name: fc, caption: \"" +
                                 big + "\", config: {units: 4}}\n"),
                 "4:38: caption: " + too_long + " (layer 'fc')");
    expect_error(render_with_options_file("caption-64k", "captions: {fc: \"" + big + "\"}\n"),
                 "1:16: captions.fc: " + too_long + " (layer 'fc')");
}

// A picture is read only when it is placed: its errors name the key that named it, the path as
// written there, and what is wrong.
BOOST_AUTO_TEST_CASE(a_picture_that_cannot_be_read_names_its_place) {
    const auto not_found = [](const Run& run, const std::string& place) {
        expect_error(run, place + " not found (a path relative to the folder of '" +
                              run.file.string() + "')");
    };
    not_found(render_spec("image-missing",
                          spec_with_options("  styles: {Dense: {image: missing.png}}\n")),
              "3:27: styles.Dense.image: image 'missing.png'");
    not_found(render_spec("layer-style-image",
                          "strata: 1\nlayers:\n"
                          "  - {type: InputLayer, shape: [null, 8], name: in}\n"
                          "  - {type: Dense, name: fc, style: {image: gone.png}, config: "
                          "{units: 4}}\n"),
              "4:44: style.image: image 'gone.png'");
    not_found(render_with_options_file("image", "styles:\n  Dense:\n    image: gone.png\n"),
              "3:12: styles.Dense.image: image 'gone.png'");
    expect_error(
        render_with_options_file("image-absolute", "styles: {Dense: {image: /no/x.png}}\n"),
        "1:25: styles.Dense.image: image '/no/x.png' not found");

    const fs::path dir = scratch_dir("option-places-logo-not-a-picture");
    std::ofstream(dir / "logo.png") << "not a picture";
    const fs::path file = dir / "spec.yaml";
    std::ofstream(file) << spec_with_options("  logo_groups: [{file: logo.png, layers: [fc]}]\n");
    expect_error({run_strata("render " + shell_quote(file.string()) + " -o " +
                                 shell_quote((dir / "o.svg").string()),
                             dir),
                  file},
                 "3:24: logo_groups[0].file: image 'logo.png': not a PNG, JPEG or SVG image");
}

// The lenet view measures its labels as the layered view measures captions.
BOOST_AUTO_TEST_CASE(a_font_of_the_lenet_view_names_its_place) {
    expect_error(render_with_options_file("lenet-font", "view: lenet\nfont: NoSuchFontFamilyQ\n"),
                 "2:7: font: font 'NoSuchFontFamilyQ' not found (fontconfig has no such family)");
}

// A count with a fraction would be cut off unseen; a negative gap draws stacks over each other.
BOOST_AUTO_TEST_CASE(counts_with_a_fraction_and_negative_gaps_name_their_place) {
    expect_error(render_with_options_file("channels", "view: lenet\nmax_visual_channels: 2.5\n"),
                 "2:22: max_visual_channels: expected a whole number, got 2.5");
    expect_error(render_with_options_file("ellipsize", "view: graph\nellipsize_after: 3.7\n"),
                 "2:18: ellipsize_after: expected a whole number, got 3.7");
    for (const char* key : {"layer_spacing", "top_label_padding", "bottom_label_padding"}) {
        const Run run =
            render_with_options_file(key, std::string("view: lenet\n") + key + ": -5\n");
        BOOST_TEST(run.result.status == 1);
        BOOST_TEST(run.result.err.starts_with("strata: error: " + run.file.string() +
                                              ":2:" + std::to_string(std::string(key).size() + 3) +
                                              ": " + key + ": "),
                   run.result.err);
    }
}

BOOST_AUTO_TEST_SUITE_END()
