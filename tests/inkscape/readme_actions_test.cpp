// The README's Inkscape actions, run by Inkscape on a VGG16 figure: recolouring one layer's
// group recolours all its faces with the shading kept, the legend moves as one, the captions
// hide as one.
#include <boost/test/unit_test.hpp>
#include <nlohmann/json.hpp>

#include <regex>
#include <string>
#include <vector>

#include "external_tools.hpp"
#include "raster/raster_support.hpp"
#include "style/palette.hpp"

using namespace strata::test;

namespace {

const fs::path kSource = STRATA_SOURCE_DIR;

// The `inkscape --actions=...` lines of the README, in order.
std::vector<std::string> readme_actions() {
    const std::string readme = read_file(kSource / "README.md");
    const std::regex line(R"((^|\n)(inkscape --actions="[^"\n]*" fig\.svg)(?=\n))");
    std::vector<std::string> found;
    for (auto it = std::sregex_iterator(readme.begin(), readme.end(), line);
         it != std::sregex_iterator(); ++it)
        found.push_back((*it)[2].str());
    return found;
}

// Runs `command` in `folder` with a home of its own (Inkscape writes its preferences there).
void run_in(const fs::path& folder, const std::string& command) {
    const std::string full = "cd " + quoted(folder) + " && HOME=" + quoted(folder / "home") + " " +
                             command + " >/dev/null 2>&1";
    BOOST_REQUIRE_MESSAGE(std::system(full.c_str()) == 0, command);
}

Surface rasterised(const fs::path& folder, const std::string& svg) {
    const std::string png = svg + ".png";
    run_in(folder, "inkscape --export-type=png --export-filename=" + strata::test::quoted(png) +
                       " " + strata::test::quoted(svg));
    Surface s = decode_png(read_file(folder / png));
    BOOST_REQUIRE(s);
    return s;
}

struct Rgb {
    int r, g, b;
};

Rgb rgb_at(const Surface& s, double x, double y) {
    const std::uint32_t p = pixel(s, int(x), int(y));
    return {int((p >> 16) & 0xFF), int((p >> 8) & 0xFF), int(p & 0xFF)};
}

struct Box {
    double x1, y1, x2, y2;
};

Box box_of(const nlohmann::json& b) {
    return {b["x1"].get<double>(), b["y1"].get<double>(), b["x2"].get<double>(),
            b["y2"].get<double>()};
}

// Pixels inside `box` (shifted by dx) darker than mid-grey in every channel: text.
int dark_pixels(const Surface& s, const Box& box, int dx = 0) {
    int n = 0;
    for (int y = int(box.y1) + 1; y < int(box.y2) - 1; ++y) {
        for (int x = int(box.x1) + 1; x < int(box.x2) - 1; ++x) {
            const Rgb c = rgb_at(s, x + dx, y);
            if (c.r < 100 && c.g < 100 && c.b < 100) ++n;
        }
    }
    return n;
}

const nlohmann::json& group_named(const nlohmann::json& scene, const std::string& id) {
    for (const auto& g : scene["groups"]) {
        if (g["id"] == id) return g;
    }
    BOOST_FAIL("no group " << id);
    return scene;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(inkscape_actions)

BOOST_AUTO_TEST_CASE(the_readme_s_actions_recolour_move_and_hide) {
    if (!strata_test::needs_tool(strata_test::kInkscapeTool, "inkscape")) return;
    ScratchDir scratch("inkscape-actions");
    const fs::path& dir = scratch.path;
    const std::string vgg16 = quoted(kSource / "examples" / "vgg16.json");
    const std::string draw =
        std::string(STRATA_CLI_PATH) + " render " + vgg16 + " --text-callable name --legend -o ";
    run_in(dir, draw + "fig.svg");
    run_in(dir, draw + "fig.json");
    const auto scene = nlohmann::json::parse(read_file(dir / "fig.json"));

    const std::vector<std::string> actions = readme_actions();
    BOOST_REQUIRE_EQUAL(actions.size(), 3u);
    for (const std::string& command : actions) run_in(dir, command);
    const Surface before = rasterised(dir, "fig.svg");

    // Recoloured: every face of block1_conv2 green, shaded as before; block1_conv1 untouched.
    BOOST_TEST_CONTEXT("recolour") {
        const Surface after = rasterised(dir, "recoloured.svg");
        const Box b = box_of(group_named(scene, "block1_conv2")["box"]);
        const double de = group_named(scene, "block1_conv2")["box"]["de"].get<double>();
        const double mid_x = (b.x1 + b.x2) / 2, mid_y = (b.y1 + b.y2) / 2;
        const Rgb front = rgb_at(after, mid_x, mid_y);
        const Rgb top = rgb_at(after, mid_x + de / 2, b.y1 - de / 2);
        // Near the side face's far end: the next box covers its middle.
        const Rgb side = rgb_at(after, b.x2 + 0.9 * de, b.y1 - 0.9 * de + (b.y2 - b.y1) / 10);
        for (const Rgb c : {front, top, side}) {
            BOOST_TEST(c.r < 10);
            BOOST_TEST(c.b < 10);
            BOOST_TEST(c.g > 120);
        }
        BOOST_TEST(front.g == 170);
        BOOST_TEST(top.g < front.g - 4);
        BOOST_TEST(side.g < top.g - 4);
        const Rgb was = rgb_at(before, b.x2 + 0.9 * de, b.y1 - 0.9 * de + (b.y2 - b.y1) / 10);
        const strata::Rgba conv = strata::layout::stable_class_color("Conv2D");
        BOOST_TEST(was.b > was.g);  // the Conv2D blue before, shaded
        BOOST_TEST(was.g > 40);
        const Box other = box_of(group_named(scene, "block1_conv1")["box"]);
        const Rgb kept = rgb_at(after, (other.x1 + other.x2) / 2, (other.y1 + other.y2) / 2);
        BOOST_TEST(kept.r == conv.r);
        BOOST_TEST(kept.g == conv.g);
        BOOST_TEST(kept.b == conv.b);
    }
    // The legend moved 300 px right as a whole: its first label is where it was plus 300.
    BOOST_TEST_CONTEXT("move the legend") {
        const Surface after = rasterised(dir, "legend-moved.svg");
        const nlohmann::json* legend = nullptr;
        for (const auto& g : scene["groups"]) {
            if (g["role"] == "legend" && g.contains("texts")) {
                legend = &g;
                break;
            }
        }
        BOOST_REQUIRE(legend);
        const Box label = box_of((*legend)["texts"][0]["box"]);
        const int text = dark_pixels(before, label);
        BOOST_TEST(text > 20);
        BOOST_TEST(dark_pixels(after, label, 300) == text);
        BOOST_TEST(dark_pixels(after, label) < text);
    }
    // The captions are hidden, all of them.
    BOOST_TEST_CONTEXT("hide the captions") {
        const Surface after = rasterised(dir, "no-captions.svg");
        int shown = 0, hidden = 0;
        for (const auto& g : scene["groups"]) {
            if (g["role"] != "caption") continue;
            for (const auto& t : g["texts"]) {
                shown += dark_pixels(before, box_of(t["box"]));
                hidden += dark_pixels(after, box_of(t["box"]));
            }
        }
        BOOST_TEST(shown > 200);
        BOOST_TEST(hidden == 0);
    }
}

BOOST_AUTO_TEST_SUITE_END()
