// The SVG's faces inherit their layer group's fill under shading overlays: rasterised, the
// shading matches the exact face colours closely, and changing the group's one fill recolours
// every face with the shading kept.
#include <boost/test/unit_test.hpp>

#include <algorithm>
#include <string>
#include <vector>

#include "layout/layered/box_faces.hpp"
#include "raster/color_difference.hpp"
#include "raster/raster_support.hpp"
#include "strata/emit.hpp"
#include "style/palette.hpp"

using namespace strata;
using namespace strata::test;

namespace {

constexpr double kShadeStep = 10;  // visualkeras' default: top 10 darker, side 20

// One 40 x 40 box with depth 20 per colour of visualkeras' palette (the darkest colours any
// palette has), in a row.
Scene palette_boxes() {
    Scene scene;
    scene.width = 10 * 80 + 20;
    scene.height = 100;
    scene.background = {255, 255, 255, 255};
    layout::Palette palette(true);
    for (int i = 0; i < 10; ++i) {
        const Rgba fill = palette.color_for("Class" + std::to_string(i));
        const layout::BoxPlacement box{10.0 + 80 * i, 40, 50.0 + 80 * i, 80, 20};
        Group g;
        g.id = "box" + std::to_string(i);
        g.label = g.id;
        g.role = Role::layer;
        g.box = BoxGeometry{box.x1, box.y1, box.x2, box.y2, box.de};
        g.fill = fill;
        g.outline = Rgba{0, 0, 0, 255};
        g.items = layout::box_primitives(box, fill, *g.outline, kShadeStep);
        scene.groups.push_back(std::move(g));
    }
    return scene;
}

struct FaceCentres {
    int front_x, front_y, top_x, top_y, side_x, side_y;
};

FaceCentres centres(const BoxGeometry& b) {
    const double mid_x = (b.x1 + b.x2) / 2, mid_y = (b.y1 + b.y2) / 2;
    return {int(mid_x),           int(mid_y),           int(mid_x + b.de / 2),
            int(b.y1 - b.de / 2), int(b.x2 + b.de / 2), int(mid_y - b.de / 2)};
}

struct Rgb {
    std::uint8_t r, g, b;
};

Rgb rgb_at(const Surface& s, int x, int y) {
    const std::uint32_t p = pixel(s, x, y);  // opaque: premultiplied is plain
    return {std::uint8_t(p >> 16), std::uint8_t(p >> 8), std::uint8_t(p)};
}

double difference(Rgb p, Rgb q) {
    return delta_e_2000(lab_of(p.r, p.g, p.b), lab_of(q.r, q.g, q.b));
}

Surface rasterised(const fs::path& folder, const std::string& name, const std::string& svg) {
    write_file(folder / (name + ".svg"), svg);
    const std::string command = "rsvg-convert " + quoted(folder / (name + ".svg")) + " -o " +
                                quoted(folder / (name + ".png")) + " 2>/dev/null";
    BOOST_REQUIRE(std::system(command.c_str()) == 0);
    Surface s = decode_png(read_file(folder / (name + ".png")));
    BOOST_REQUIRE(s);
    return s;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(svg_face_shade)

BOOST_AUTO_TEST_CASE(overlays_match_the_exact_shades_closely) {
    if (!strata_test::needs_tool(strata_test::kRasterTools, "rsvg-convert")) return;
    ScratchDir scratch("face-shade");
    const Scene scene = palette_boxes();
    const std::string shaded_svg = to_svg(scene);
    const std::string exact_svg = to_svg(scene, SvgOptions{true});
    BOOST_TEST(shaded_svg.find("-side-shade") != std::string::npos);
    BOOST_TEST(exact_svg.find("-shade") == std::string::npos);
    const Surface shaded = rasterised(scratch.path, "shaded", shaded_svg);
    const Surface exact = rasterised(scratch.path, "exact", exact_svg);
    double worst = 0, total = 0;
    int faces = 0;
    for (const Group& g : scene.groups) {
        const FaceCentres c = centres(*g.box);
        // The exact rendering has visualkeras' colours; the front face is the fill itself.
        const Rgb top = rgb_at(exact, c.top_x, c.top_y), side = rgb_at(exact, c.side_x, c.side_y);
        const Rgba want_side = layout::fade(*g.fill, 2 * kShadeStep);
        BOOST_TEST(side.r == want_side.r);
        BOOST_TEST(side.g == want_side.g);
        BOOST_TEST(side.b == want_side.b);
        BOOST_TEST(difference(rgb_at(shaded, c.front_x, c.front_y),
                              rgb_at(exact, c.front_x, c.front_y)) < 0.5);
        for (const double d : {difference(rgb_at(shaded, c.top_x, c.top_y), top),
                               difference(rgb_at(shaded, c.side_x, c.side_y), side)}) {
            worst = std::max(worst, d);
            total += d;
            ++faces;
        }
    }
    BOOST_TEST_MESSAGE("shaded faces against exact: CIEDE2000 worst " << worst << ", mean "
                                                                      << total / faces);
    BOOST_TEST(worst < 3.5);
    BOOST_TEST(total / faces < 1.5);
}

BOOST_AUTO_TEST_CASE(one_group_fill_recolours_every_face_with_the_shading_kept) {
    if (!strata_test::needs_tool(strata_test::kRasterTools, "rsvg-convert")) return;
    ScratchDir scratch("face-recolour");
    const Scene scene = palette_boxes();
    std::string svg = to_svg(scene);
    // The second box (#ef476f): its group's fill is the one place its colour is written.
    const std::string group_fill = "data-role=\"layer\" fill=\"#ef476f\"";
    BOOST_REQUIRE(svg.find(group_fill) != std::string::npos);
    BOOST_TEST(svg.find("fill=\"#ef476f\"", svg.find(group_fill) + group_fill.size()) ==
               std::string::npos);
    svg.replace(svg.find(group_fill), group_fill.size(), "data-role=\"layer\" fill=\"#00aa00\"");
    const Surface s = rasterised(scratch.path, "recoloured", svg);
    const FaceCentres c = centres(*scene.groups[1].box);
    const Rgb front = rgb_at(s, c.front_x, c.front_y), top = rgb_at(s, c.top_x, c.top_y),
              side = rgb_at(s, c.side_x, c.side_y);
    BOOST_TEST(int(front.r) == 0);
    BOOST_TEST(int(front.g) == 170);
    BOOST_TEST(int(front.b) == 0);
    for (const Rgb face : {top, side}) {
        BOOST_TEST(int(face.r) == 0);
        BOOST_TEST(int(face.b) == 0);
    }
    // Shaded as before: the top darker than the front, the side darker still, by about the
    // amounts visualkeras subtracts (10 and 20 of 255).
    BOOST_TEST(int(top.g) < 170 - 4);
    BOOST_TEST(int(top.g) > 170 - 16);
    BOOST_TEST(int(side.g) < int(top.g) - 4);
    BOOST_TEST(int(side.g) > 170 - 30);
}

BOOST_AUTO_TEST_SUITE_END()
