#include <boost/test/unit_test.hpp>

#include "run_tool.hpp"

using namespace strata::test;
namespace fs = std::filesystem;

namespace {

fs::path write(const fs::path& dir, const std::string& name, const std::string& text) {
    std::ofstream(dir / name) << text;
    return dir / name;
}

bool one_line(const std::string& text) {
    return !text.empty() && text.find('\n') == text.size() - 1;
}

}  // namespace

BOOST_AUTO_TEST_CASE(broken_json_names_file_line_and_column) {
    auto dir = scratch_dir("broken-json");
    auto model =
        write(dir, "m.json",
              "{\"class_name\": \"Sequential\",\n \"config\": [\n  {\"class_name\" \"Dense\"}]}");
    ToolResult r = run_strata(
        "render " + shell_quote(model.string()) + " -o " + shell_quote((dir / "o.svg").string()),
        dir);
    BOOST_TEST(r.status == 1);
    BOOST_TEST(r.err.rfind("strata: error: " + model.string() + ":3:", 0) == 0, r.err);
    BOOST_TEST(one_line(r.err), r.err);
    BOOST_TEST(!fs::exists(dir / "o.svg"));
}

BOOST_AUTO_TEST_CASE(bad_colour_is_an_error) {
    auto dir = scratch_dir("bad-colour");
    ToolResult r =
        run_strata("render " + example("vgg16.json") + " -o " +
                       shell_quote((dir / "o.svg").string()) + " --background-fill notacolour",
                   dir);
    BOOST_TEST(r.status == 1);
    BOOST_TEST(r.err.find("--background-fill") != std::string::npos, r.err);
    BOOST_TEST(r.err.find("notacolour") != std::string::npos, r.err);
    BOOST_TEST(!fs::exists(dir / "o.svg"));
}

BOOST_AUTO_TEST_CASE(bad_option_file_value_names_line_and_column) {
    auto dir = scratch_dir("bad-yaml");
    auto yaml = write(dir, "fig.yaml", "padding: 10\nsizing_mode: full_range\n");
    ToolResult r = run_strata("render " + example("vgg16.json") + " -o " +
                                  shell_quote((dir / "o.svg").string()) + " --options " +
                                  shell_quote(yaml.string()),
                              dir);
    BOOST_TEST(r.status == 1);
    BOOST_TEST(
        r.err.rfind("strata: error: " + yaml.string() + ":2:14: sizing_mode: expected one of", 0) ==
            0,
        r.err);
}

BOOST_AUTO_TEST_CASE(usage_errors_exit_with_2) {
    auto dir = scratch_dir("usage");
    BOOST_TEST(
        run_strata("render " + example("vgg16.json") + " -o x.svg --no-such-flag", dir).status ==
        2);
    BOOST_TEST(run_strata("render " + example("vgg16.json"), dir).status == 2);
    BOOST_TEST(run_strata("frobnicate", dir).status == 2);
    BOOST_TEST(run_strata("render " + example("vgg16.json") + " -o x.bmp", dir).status == 2);
    BOOST_TEST(
        run_strata("render " + example("vgg16.json") + " -o x.svg --format bmp", dir).status == 2);
    BOOST_TEST(run_strata("render " + example("vgg16.json") + " -o x.png --dpi many", dir).status ==
               2);
    // --dpi and --scale size a PNG: for any other format they are a mistake.
    BOOST_TEST(run_strata("render " + example("vgg16.json") + " -o x.svg --dpi 300", dir).status ==
               2);
    BOOST_TEST(run_strata("--help", dir).status == 0);
}

BOOST_AUTO_TEST_CASE(unwritable_output_leaves_nothing_behind) {
    auto dir = scratch_dir("unwritable");
    ToolResult r = run_strata("render " + example("vgg16.json") + " -o " +
                                  shell_quote((dir / "missing" / "o.svg").string()),
                              dir);
    BOOST_TEST(r.status == 1);
    BOOST_TEST(r.err.find("cannot write the output") != std::string::npos, r.err);
    BOOST_TEST(!fs::exists(dir / "missing"));
}

BOOST_AUTO_TEST_CASE(a_failed_render_keeps_the_previous_file) {
    auto dir = scratch_dir("keep-previous");
    auto out = write(dir, "o.svg", "previous");
    auto model = write(dir, "m.json", "[1, 2");
    ToolResult r = run_strata(
        "render " + shell_quote(model.string()) + " -o " + shell_quote(out.string()), dir);
    BOOST_TEST(r.status == 1);
    BOOST_TEST(read_text(out) == "previous");
}

BOOST_AUTO_TEST_CASE(missing_model_file) {
    auto dir = scratch_dir("missing-model");
    ToolResult r = run_strata("info " + shell_quote((dir / "nope.json").string()), dir);
    BOOST_TEST(r.status == 1);
    BOOST_TEST(r.err.find("nope.json") != std::string::npos, r.err);
    BOOST_TEST(one_line(r.err), r.err);
}

BOOST_AUTO_TEST_CASE(bad_png_sizes_are_one_line_errors_and_write_nothing,
                     *boost::unit_test::enable_if<(STRATA_WITH_CAIRO)>()) {
    auto dir = scratch_dir("png-size");
    const std::string out = shell_quote((dir / "o.png").string());
    for (const char* flags : {"--dpi 0", "--dpi -96", "--scale 0", "--scale nan", "--scale inf",
                              "--scale 1e6", "--dpi 96000"}) {
        ToolResult r =
            run_strata("render " + example("vgg16.json") + " -o " + out + " " + flags, dir);
        BOOST_TEST(r.status == 1, flags);
        BOOST_TEST(r.err.rfind("strata: error: ", 0) == 0, r.err);
        BOOST_TEST(one_line(r.err), r.err);
        BOOST_TEST(!fs::exists(dir / "o.png"), flags);
    }
    // VGG16 is 7638 px wide: 5 times that is more than a PNG side may be.
    ToolResult r = run_strata("render " + example("vgg16.json") + " -o " + out + " --scale 5", dir);
    BOOST_TEST(r.err.find("a side may be at most 32767") != std::string::npos, r.err);
}

BOOST_AUTO_TEST_CASE(unwritable_png_leaves_nothing_behind,
                     *boost::unit_test::enable_if<(STRATA_WITH_CAIRO)>()) {
    auto dir = scratch_dir("unwritable-png");
    ToolResult r = run_strata("render " + example("vgg16.json") + " -o " +
                                  shell_quote((dir / "missing" / "o.png").string()),
                              dir);
    BOOST_TEST(r.status == 1);
    BOOST_TEST(one_line(r.err), r.err);
    BOOST_TEST(!fs::exists(dir / "missing"));
}

BOOST_AUTO_TEST_CASE(a_missing_font_names_the_option) {
    auto dir = scratch_dir("missing-font");
    ToolResult r = run_strata("render " + example("vgg16.json") + " -o " +
                                  shell_quote((dir / "o.svg").string()) +
                                  " --text-callable name --font NoSuchFontFamily",
                              dir);
    BOOST_TEST(r.status == 1);
    BOOST_TEST(r.err.rfind("strata: error: font: font 'NoSuchFontFamily' not found", 0) == 0,
               r.err);
    BOOST_TEST(!fs::exists(dir / "o.svg"));
}

BOOST_AUTO_TEST_CASE(a_model_too_wide_for_a_png_at_96_dpi_is_drawn_smaller_with_a_warning,
                     *boost::unit_test::enable_if<(STRATA_WITH_CAIRO)>()) {
    auto dir = scratch_dir("wide-png");
    const std::string model =
        shell_quote((fs::path(STRATA_CORPUS_DIR) / "generated" / "resnet50.json").string());
    // Unfolded, ResNet-50 is 59 189 px wide.
    ToolResult r = run_strata(
        "render " + model + " --collapse none -o " + shell_quote((dir / "o.png").string()), dir);
    BOOST_TEST(r.status == 0, r.err);
    BOOST_TEST(r.err.rfind("strata: warning: PNG: the image would be ", 0) == 0, r.err);
    BOOST_TEST(r.err.find("dpi instead") != std::string::npos, r.err);
    BOOST_TEST(fs::file_size(dir / "o.png") > 1000u);
}

BOOST_AUTO_TEST_CASE(a_huge_hostile_name_is_echoed_bounded_with_bidi_controls_escaped) {
    // A class name of 4 MB holding U+202E (right-to-left override): the message quotes its
    // start, marks the cut, and shows the override as <U+202E> instead of obeying it.
    auto dir = scratch_dir("huge-name");
    const std::string name = "Evil\u202Eexe.txt" + std::string(4 << 20, 'x');
    auto model = write(dir, "m.json", "{\"class_name\": \"" + name + "\", \"config\": {}}");
    ToolResult r = run_strata(
        "render " + shell_quote(model.string()) + " -o " + shell_quote((dir / "o.svg").string()),
        dir);
    BOOST_TEST(r.status == 1);
    BOOST_TEST(one_line(r.err), r.err.substr(0, 300));
    BOOST_TEST(r.err.size() < 2000u);
    BOOST_TEST(r.err.find("Evil<U+202E>exe.txt") != std::string::npos, r.err.substr(0, 300));
    BOOST_TEST(r.err.find("\u202E") == std::string::npos);
    BOOST_TEST(r.err.find("\u2026") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(warnings_escape_bidi_controls_and_stay_bounded) {
    // Two layers with one name: the renaming warning quotes it twice.
    auto dir = scratch_dir("bidi-warning");
    // Names are at most 4096 bytes; quoted twice the warning is longer than a message may be.
    const std::string name = "a\u2066b\u200Fc" + std::string(4000, 'n');
    const std::string layer = "{\"class_name\": \"Dense\", \"config\": {\"name\": \"" + name +
                              "\", \"units\": 2, \"batch_input_shape\": [null, 2]}}";
    auto model = write(dir, "m.json",
                       "{\"class_name\": \"Sequential\", \"config\": {\"name\": \"s\", "
                       "\"layers\": [" +
                           layer + ", " + layer + "]}}");
    ToolResult r = run_strata(
        "render " + shell_quote(model.string()) + " -o " + shell_quote((dir / "o.svg").string()),
        dir);
    BOOST_TEST(r.status == 0, r.err.substr(0, 300));
    BOOST_TEST(r.err.rfind("strata: warning: ", 0) == 0u, r.err.substr(0, 300));
    BOOST_TEST(r.err.find("a<U+2066>b<U+200F>c") != std::string::npos, r.err.substr(0, 300));
    BOOST_TEST(r.err.find("\u2066") == std::string::npos);
    BOOST_TEST(r.err.size() < 4000u);
}

BOOST_AUTO_TEST_CASE(a_layer_index_past_any_model_is_an_error_not_a_wrap) {
    auto dir = scratch_dir("index-range");
    auto model = write(dir, "m.json",
                       "{\"class_name\": \"Sequential\", \"config\": {\"name\": \"s\", \"layers\": "
                       "[{\"class_name\": \"Dense\", \"config\": {\"name\": \"d\", \"units\": 2, "
                       "\"batch_input_shape\": [null, 2]}}, {\"class_name\": \"Dense\", "
                       "\"config\": {\"name\": \"e\", \"units\": 2}}]}}");
    for (const char* flag : {"--index-2D", "--index-ignore"}) {
        ToolResult r =
            run_strata("render " + shell_quote(model.string()) + " -o " +
                           shell_quote((dir / "o.svg").string()) + " " + flag + " 4294967296",
                       dir);
        BOOST_TEST(r.status == 1, flag);
        BOOST_TEST(r.err.find("expected a layer index from 0 to 19999, got '4294967296'") !=
                       std::string::npos,
                   r.err);
        r = run_strata("render " + shell_quote(model.string()) + " -o " +
                           shell_quote((dir / "o.svg").string()) + " " + flag + " 0",
                       dir);
        BOOST_TEST(r.status == 0, r.err);
    }
}
