#include <boost/test/unit_test.hpp>
#include <nlohmann/json.hpp>
#include <pugixml.hpp>

#include "run_tool.hpp"

using namespace strata::test;
namespace fs = std::filesystem;

BOOST_AUTO_TEST_CASE(renders_vgg16_to_an_editable_svg) {
    auto dir = scratch_dir("vgg16");
    ToolResult r = run_strata(
        "render " + example("vgg16.json") + " -o " + shell_quote((dir / "vgg16.svg").string()),
        dir);
    BOOST_TEST_REQUIRE(r.status == 0, r.err);
    pugi::xml_document doc;
    BOOST_TEST_REQUIRE(doc.load_file((dir / "vgg16.svg").c_str()));
    auto conv = doc.select_node("//g[@id='block1_conv1']").node();
    BOOST_TEST_REQUIRE(!conv.empty());
    BOOST_TEST(std::string(conv.attribute("data-type").value()) == "Conv2D");
    BOOST_TEST(std::string(conv.attribute("data-shape").value()) == "224 x 224 x 64");
    BOOST_TEST(doc.select_nodes("//g[@data-role='layer']").size() == 23u);
    BOOST_TEST(!doc.select_node("//path[@id='block1_conv1-front']").node().empty());
    // Only the final file is left behind: no temporary next to it.
    std::size_t files = 0;
    for (const auto& entry : fs::directory_iterator(dir))
        files += entry.path().extension() == ".svg" ||
                 entry.path().string().find(".tmp-") != std::string::npos;
    BOOST_TEST(files == 1u);
}

BOOST_AUTO_TEST_CASE(scene_json_has_the_documented_fields) {
    auto dir = scratch_dir("scene-json");
    ToolResult r = run_strata("render " + example("vgg16.json") + " -o " +
                                  shell_quote((dir / "s.json").string()) +
                                  " --type-ignore InputLayer --no-draw-volume",
                              dir);
    BOOST_TEST_REQUIRE(r.status == 0, r.err);
    auto scene = nlohmann::json::parse(read_text(dir / "s.json"));
    BOOST_TEST(scene["width"].get<double>() > 0);
    std::size_t layers = 0;
    for (const auto& g : scene["groups"]) {
        if (g["role"] != "layer") continue;
        ++layers;
        BOOST_TEST(g["box"]["de"].get<double>() == 0);  // --no-draw-volume
        BOOST_TEST(g["name"] != "input_1");             // --type-ignore InputLayer
    }
    BOOST_TEST(layers == 22u);
}

BOOST_AUTO_TEST_CASE(flags_override_the_option_file) {
    auto dir = scratch_dir("options-file");
    {
        std::ofstream yaml(dir / "fig.yaml");
        yaml << "spacing: 40\npadding: 30\ntype_ignore: [InputLayer]\n";
    }
    auto render = [&](const std::string& extra) {
        ToolResult r = run_strata("render " + example("vgg16.json") + " -o " +
                                      shell_quote((dir / "s.json").string()) + " --options " +
                                      shell_quote((dir / "fig.yaml").string()) + extra,
                                  dir);
        BOOST_TEST_REQUIRE(r.status == 0, r.err);
        return nlohmann::json::parse(read_text(dir / "s.json"));
    };
    auto from_file = render("");
    auto overridden = render(" --padding 12");
    auto first_box = [](const nlohmann::json& s) {
        return s["groups"][0]["box"]["x1"].get<double>();
    };
    BOOST_TEST(from_file["groups"][0]["name"] == "block1_conv1");      // type_ignore from the file
    BOOST_TEST(first_box(from_file) - first_box(overridden) == 18.0);  // padding 30 → 12
}

BOOST_AUTO_TEST_CASE(info_lists_layers_and_shapes) {
    auto dir = scratch_dir("info");
    ToolResult r = run_strata("info --json " + example("vgg16.json"), dir);
    BOOST_TEST_REQUIRE(r.status == 0, r.err);
    auto info = nlohmann::json::parse(r.out);
    BOOST_TEST(info["layers"].size() == 23u);
    BOOST_TEST(info["layers"][0]["output_shapes"].dump() == "[[null,224,224,3]]");
    BOOST_TEST(info["layers"][1]["inputs"].dump() == "[\"input_1\"]");
    BOOST_TEST(info["layers"][22]["output_shapes"].dump() == "[[null,1000]]");
}

namespace {

// Width and height from a PNG's header.
std::pair<unsigned, unsigned> png_size(const std::string& png) {
    auto be32 = [&](std::size_t at) {
        unsigned v = 0;
        for (std::size_t i = 0; i < 4; ++i) v = v << 8 | static_cast<unsigned char>(png[at + i]);
        return v;
    };
    return {be32(16), be32(20)};
}

}  // namespace

BOOST_AUTO_TEST_CASE(renders_png_by_extension_and_by_format_flag,
                     *boost::unit_test::enable_if<(STRATA_WITH_CAIRO)>()) {
    auto dir = scratch_dir("png");
    ToolResult r = run_strata(
        "render " + example("vgg16.json") + " -o " + shell_quote((dir / "vgg16.png").string()),
        dir);
    BOOST_TEST_REQUIRE(r.status == 0, r.err);
    const std::string png = read_text(dir / "vgg16.png");
    BOOST_TEST_REQUIRE(png.rfind("\x89PNG\r\n\x1a\n", 0) == 0);
    const auto [width, height] = png_size(png);

    // --scale and --dpi multiply; --format png wins over the file name.
    r = run_strata("render " + example("vgg16.json") + " -o " +
                       shell_quote((dir / "big.img").string()) + " --format png --dpi 48 --scale 4",
                   dir);
    BOOST_TEST_REQUIRE(r.status == 0, r.err);
    const auto [big_width, big_height] = png_size(read_text(dir / "big.img"));
    BOOST_TEST(big_width == 2 * width);
    BOOST_TEST(big_height == 2 * height);
}

BOOST_AUTO_TEST_CASE(renders_a_pdf_with_selectable_captions,
                     *boost::unit_test::enable_if<(STRATA_WITH_CAIRO)>()) {
    auto dir = scratch_dir("pdf");
    const std::string pdf = (dir / "vgg16.pdf").string();
    ToolResult r = run_strata("render " + example("vgg16.json") + " -o " + shell_quote(pdf) +
                                  " --text-callable name_shape",
                              dir);
    BOOST_TEST_REQUIRE(r.status == 0, r.err);
    BOOST_TEST(read_text(pdf).rfind("%PDF-", 0) == 0);
    if (std::system("command -v pdftotext >/dev/null 2>&1") != 0) return;
    const std::string text_file = (dir / "vgg16.txt").string();
    BOOST_TEST_REQUIRE(
        std::system(
            ("pdftotext -raw " + shell_quote(pdf) + " " + shell_quote(text_file)).c_str()) == 0);
    const std::string text = read_text(text_file);
    BOOST_TEST(text.find("block1_conv1") != std::string::npos, text);
    BOOST_TEST(text.find("224 \u00d7 224 \u00d7 64") != std::string::npos, text);
    BOOST_TEST(text.find("predictions") != std::string::npos, text);
}

BOOST_AUTO_TEST_CASE(presets_and_printed_options) {
    auto dir = scratch_dir("presets");
    ToolResult printed = run_strata("options --preset presentation --padding 7", dir);
    BOOST_TEST_REQUIRE(printed.status == 0, printed.err);
    BOOST_TEST(printed.out.find("spacing: 18\n") != std::string::npos, printed.out);
    BOOST_TEST(printed.out.find("padding: 7\n") != std::string::npos);  // flags after the preset
    BOOST_TEST(printed.out.find("legend: true\n") != std::string::npos);
    { std::ofstream(dir / "fig.yaml") << printed.out; }
    auto scene = [&](const std::string& args) {
        ToolResult r = run_strata("render " + example("vgg16.json") + " -o " +
                                      shell_quote((dir / "s.json").string()) + " " + args,
                                  dir);
        BOOST_TEST_REQUIRE(r.status == 0, r.err);
        return read_text(dir / "s.json");
    };
    // The printed options reproduce the preset and flags exactly.
    BOOST_TEST(scene("--options " + shell_quote((dir / "fig.yaml").string())) ==
               scene("--preset presentation --padding 7"));
    // Only what was chosen: the font stays with the document or the defaults.
    BOOST_TEST(printed.out.find("font:") == std::string::npos, printed.out);
    ToolResult all = run_strata("options --all", dir);
    BOOST_TEST(all.out.find("font: ") != std::string::npos, all.out);
    { std::ofstream(dir / "from-preset.yaml") << "preset: presentation\npadding: 7\n"; }
    BOOST_TEST(scene("--options " + shell_quote((dir / "from-preset.yaml").string())) ==
               scene("--preset presentation --padding 7"));
    ToolResult bad =
        run_strata("render " + example("vgg16.json") + " -o x.svg --preset fancy", dir);
    BOOST_TEST(bad.status == 1);
    BOOST_TEST(bad.err.find("unknown preset 'fancy'") != std::string::npos, bad.err);
}
