// External checks of the emitted SVG: xmllint validates the XML, rsvg-convert renders it.
// Each fails when its program is missing, unless STRATA_TEST_RASTER_TOOLS is off.

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>
#include <system_error>

#include <unistd.h>

#include <boost/test/unit_test.hpp>

#include "emit/scene_builders.hpp"
#include "external_tools.hpp"
#include "strata/render.hpp"

namespace fs = std::filesystem;
using namespace strata;
using namespace strata::test;

namespace {

// A scratch folder removed when the test ends.
struct ScratchDir {
    fs::path path = fs::temp_directory_path() / ("strata-emit-" + std::to_string(::getpid()));
    ScratchDir() { fs::create_directories(path); }
    ~ScratchDir() {
        std::error_code ignored;
        fs::remove_all(path, ignored);
    }
};

fs::path write_svg(const fs::path& folder, const Scene& scene) {
    const fs::path file = folder / "scene.svg";
    std::ofstream(file, std::ios::binary) << to_svg(scene);
    return file;
}

Scene hostile_scene() {
    Scene scene = two_layer_scene();
    scene.groups[0].label = "a<b&c\"d'e>\x01\xff";
    std::get<TextRun>(scene.groups[3].items[0]).text = "caption <&> \x02\xc3";
    return scene;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(svg_render)

BOOST_AUTO_TEST_CASE(xmllint_accepts_the_document) {
    const Scene scene = hostile_scene();
    parse_svg(to_svg(scene));
    if (!strata_test::needs_tool(strata_test::kRasterTools, "xmllint")) return;
    ScratchDir scratch;
    const fs::path svg = write_svg(scratch.path, scene);
    const std::string command = "xmllint --noout '" + svg.string() + "' 2>/dev/null";
    BOOST_TEST(std::system(command.c_str()) == 0);
}

BOOST_AUTO_TEST_CASE(rsvg_convert_renders_a_png) {
    const Scene scene = hostile_scene();
    parse_svg(to_svg(scene));
    if (!strata_test::needs_tool(strata_test::kRasterTools, "rsvg-convert")) return;
    ScratchDir scratch;
    const fs::path svg = write_svg(scratch.path, scene);
    const fs::path png = scratch.path / "scene.png";
    const std::string command =
        "rsvg-convert '" + svg.string() + "' -o '" + png.string() + "' 2>/dev/null";
    BOOST_TEST(std::system(command.c_str()) == 0);
    BOOST_REQUIRE(fs::exists(png));
    std::ifstream in(png, std::ios::binary);
    std::string magic(8, '\0');
    in.read(magic.data(), 8);
    BOOST_TEST(magic == "\x89PNG\r\n\x1a\n");
    BOOST_TEST(fs::file_size(png) > 100u);
}

BOOST_AUTO_TEST_SUITE_END()
