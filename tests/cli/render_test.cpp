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
