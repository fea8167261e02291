// The README lists every Inkscape layer the SVG holds, in paint order: the files agree.
#include <boost/test/unit_test.hpp>
#include <pugixml.hpp>

#include <algorithm>
#include <regex>
#include <set>
#include <string>
#include <vector>

#include "run_tool.hpp"

using namespace strata::test;

namespace {

// The numbered list of "What the SVG holds": `  1. "groups": ...`.
std::vector<std::string> readme_layers() {
    const std::string readme = read_text(std::string(STRATA_SOURCE_DIR) + "/README.md");
    const std::size_t start = readme.find("### What the SVG holds");
    const std::size_t end = readme.find("\n### ", start + 1);
    const std::string section = readme.substr(start, end - start);
    const std::regex item(R"re(\n  \d+\. "([^"]+)")re");
    std::vector<std::string> labels;
    for (auto it = std::sregex_iterator(section.begin(), section.end(), item);
         it != std::sregex_iterator(); ++it)
        labels.push_back((*it)[1].str());
    return labels;
}

struct InkscapeLayer {
    std::string label, id;
};

std::vector<InkscapeLayer> layers_of(const std::string& svg) {
    pugi::xml_document doc;
    BOOST_REQUIRE(doc.load_string(svg.c_str()));
    std::vector<InkscapeLayer> layers;
    for (pugi::xml_node g : doc.child("svg").children("g")) {
        if (std::string(g.attribute("inkscape:groupmode").value()) == "layer")
            layers.push_back({g.attribute("inkscape:label").value(), g.attribute("id").value()});
    }
    return layers;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(svg_layers)

BOOST_AUTO_TEST_CASE(the_readme_lists_the_svg_s_layers_in_paint_order) {
    const std::vector<std::string> listed = readme_layers();
    BOOST_REQUIRE_EQUAL(listed.size(), 8u);
    const auto dir = scratch_dir("svg-layers");
    // Between them these figures use every layer: groups, ×N ghosts and brackets, skip
    // connections, captions, a legend, group titles.
    const std::vector<std::string> figures = {
        "render " + example("resnet50.json") +
            " --width 17cm --level block --legend --text-callable name --stages"
            " --layered-groups '[{name: Stem, layers: [conv1_conv, pool1_pool]}]'",
        "render " + example("vgg16.json") +
            " --legend --text-callable name"
            " --layered-groups '[{name: First, layers: [block1_conv1, block1_pool]}]'",
        "render " + example("vgg16.json")};
    std::set<std::string> seen;
    for (const std::string& figure : figures) {
        BOOST_TEST_CONTEXT(figure) {
            const ToolResult r =
                run_strata(figure + " -o " + shell_quote((dir / "fig.svg").string()), dir);
            BOOST_TEST_REQUIRE(r.status == 0, r.err);
            std::size_t at = 0;  // each layer comes after the previous one in the README's list
            for (const InkscapeLayer& layer : layers_of(read_text(dir / "fig.svg"))) {
                const auto found = std::find(listed.begin() + at, listed.end(), layer.label);
                BOOST_TEST((found != listed.end()),
                           layer.label << " is not listed, or out of order");
                if (found == listed.end()) continue;
                at = static_cast<std::size_t>(found - listed.begin()) + 1;
                std::string id = "layer-" + layer.label;
                std::replace(id.begin(), id.end(), ' ', '-');
                BOOST_TEST(layer.id == id);
                seen.insert(layer.label);
            }
        }
    }
    BOOST_TEST(seen == std::set<std::string>(listed.begin(), listed.end()));
}

BOOST_AUTO_TEST_SUITE_END()
