#include <boost/test/unit_test.hpp>

#include <algorithm>
#include <cstdint>
#include <cstdlib>
#include <string>

#include "emit/scene_builders.hpp"
#include "raster/raster_support.hpp"
#include "strata/error.hpp"
#include "strata/limits.hpp"
#include "strata/render.hpp"

using namespace strata;
using namespace strata::test;

namespace {

// A 40 x 20 scene: a red square and a half-transparent blue one over each other.
Scene two_squares(Rgba background) {
    Scene scene;
    scene.width = 40;
    scene.height = 20;
    scene.background = background;
    Group group;
    group.id = "squares";
    group.items.push_back(
        Polygon{"red", {{10, 5}, {20, 5}, {20, 15}, {10, 15}}, Rgba{255, 0, 0, 255}, {}, 1});
    group.items.push_back(
        Polygon{"blue", {{15, 2}, {35, 2}, {35, 18}, {15, 18}}, Rgba{0, 0, 255, 128}, {}, 1});
    scene.groups.push_back(group);
    return scene;
}

// The PNG's pixel (x, y) as straight RGBA bytes, as to_rgba writes them.
std::uint32_t straight_rgba(const Surface& png, int x, int y) {
    const std::uint32_t p = pixel(png, x, y);
    const unsigned a = p >> 24;
    const auto straight = [a](unsigned c) { return a == 0 ? 0u : (c * 255 + a / 2) / a; };
    return straight((p >> 16) & 0xff) | straight((p >> 8) & 0xff) << 8 | straight(p & 0xff) << 16 |
           a << 24;
}

// Slanted shapes from x = `left` on, `right` pixels wide; the canvas starts at `canvas_left`.
Scene slanted_shapes(double left, double right, double canvas_left) {
    Scene scene;
    scene.width = left + right - canvas_left;
    scene.height = 300;
    scene.background = Rgba{255, 255, 255, 255};
    const double x = left - canvas_left;
    Group group;
    group.id = "shapes";
    group.items.push_back(Polygon{
        "wedge", {{x, 10}, {x + 1500.3, 250.7}, {x + 20.5, 290}}, Rgba{200, 30, 40, 255}, {}, 1});
    group.items.push_back(Polygon{"band",
                                  {{x + 300.25, 5.5}, {x + 1400.75, 120.5}, {x + 1390, 160.2}},
                                  Rgba{20, 90, 220, 160},
                                  Rgba{0, 0, 0, 255},
                                  1.5});
    scene.groups.push_back(group);
    return scene;
}

// The bytes of pixel (x, y).
std::uint32_t rgba_at(const RgbaImage& image, int x, int y) {
    const unsigned char* p =
        image.pixels.get() + 4 * (static_cast<std::size_t>(y) * image.width + x);
    return p[0] | p[1] << 8 | p[2] << 16 | static_cast<std::uint32_t>(p[3]) << 24;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(rgba_pixels)

BOOST_AUTO_TEST_CASE(the_pixels_are_those_of_the_png_in_rgba_order) {
    for (const Rgba background : {Rgba{255, 255, 255, 255}, Rgba{0, 0, 0, 0}}) {
        const Scene scene = two_squares(background);
        Warnings warnings;
        const RasterOptions raster{192, 1};
        const RgbaImage image = to_rgba(scene, raster, warnings);
        const Surface png = decode_png(to_png(scene, raster));
        BOOST_TEST_REQUIRE(image.width == 80);
        BOOST_TEST_REQUIRE(image.height == 40);
        BOOST_TEST_REQUIRE(image.byte_count() == 80u * 40u * 4u);
        int differing = 0;
        for (int y = 0; y < image.height; ++y) {
            for (int x = 0; x < image.width; ++x) {
                const unsigned char* p = image.pixels.get() + 4 * (y * 80 + x);
                const std::uint32_t mine =
                    p[0] | p[1] << 8 | p[2] << 16 | static_cast<std::uint32_t>(p[3]) << 24;
                differing += mine != straight_rgba(png, x, y);
            }
        }
        BOOST_TEST(differing == 0);
        // Red at the red square's middle, stored red first.
        const unsigned char* red = image.pixels.get() + 4 * (20 * 80 + 24);
        BOOST_TEST((red[0] == 255 && red[1] == 0 && red[3] == 255));
    }
}

// Wider than a PNG may be (limits::kMaxRasterSide): drawn in columns, each where it belongs.
// The same shapes moved left onto a canvas narrow enough to draw in one tile give the same
// pixels, around x = kMaxRasterSide where the columns meet and across the rows' seams.
BOOST_AUTO_TEST_CASE(an_image_wider_than_a_surface_is_drawn_in_columns_that_meet) {
    const double seam = limits::kMaxRasterSide;
    const double left = seam - 700;
    const Scene wide = slanted_shapes(left, 2000, 0);
    const Scene narrow = slanted_shapes(left, 2000, left);
    Warnings warnings;
    const RgbaImage whole = to_rgba(wide, RasterOptions{96, 1}, warnings);
    const RgbaImage part = to_rgba(narrow, RasterOptions{96, 1}, warnings);
    BOOST_TEST_REQUIRE(whole.width == static_cast<int>(left) + 2000);
    BOOST_TEST_REQUIRE(whole.height == 300);
    BOOST_TEST_REQUIRE(part.width == 2000);
    // cairo antialiases the rows where a surface's side cuts a shape a little differently (up
    // to 16 levels on a shallow edge); a column drawn anywhere else, or a shape cut short at a
    // seam, differs by whole colours.
    int largest_difference = 0, differing = 0, coloured = 0;
    for (int y = 0; y < part.height; ++y) {
        for (int x = 0; x < part.width; ++x) {
            const std::uint32_t p = rgba_at(part, x, y);
            const std::uint32_t q = rgba_at(whole, x + static_cast<int>(left), y);
            for (int shift = 0; shift < 32; shift += 8) {
                const int a = static_cast<int>((p >> shift) & 0xffu);
                const int b = static_cast<int>((q >> shift) & 0xffu);
                largest_difference = std::max(largest_difference, std::abs(a - b));
            }
            differing += p != q;
            coloured += p != 0xffffffffu;
        }
    }
    BOOST_TEST(largest_difference <= 32);
    BOOST_TEST(differing < 2000);   // a few edges' pixels of 600 000
    BOOST_TEST(coloured > 100000);  // the shapes are there, across the seam
    const int seam_x = static_cast<int>(seam);
    int seam_coloured = 0;
    for (int y = 0; y < whole.height; ++y)
        seam_coloured += rgba_at(whole, seam_x, y) != 0xffffffffu;
    BOOST_TEST(seam_coloured > 50);
    // Left of the shapes the background only.
    BOOST_TEST(rgba_at(whole, 10, 10) == 0xffffffffu);
    // A PNG of that width is refused: its readers would not take it.
    BOOST_CHECK_THROW(to_png(wide, RasterOptions{96, 1}), Error);
}

BOOST_AUTO_TEST_CASE(an_image_of_too_many_pixels_is_refused_with_the_count) {
    Scene scene = two_squares(Rgba{255, 255, 255, 255});
    scene.width = 40000;
    scene.height = 40000;
    Warnings warnings;
    try {
        to_rgba(scene, RasterOptions{96, 1}, warnings);
        BOOST_FAIL("drawn");
    } catch (const Error& e) {
        BOOST_TEST(e.message() ==
                   "the image would be 40000 x 40000 pixels; at most 268435456 pixels are "
                   "allowed (lower the dpi or scale)");
    }
    // A side beyond what cairo's coordinates reach is refused, however few the pixels.
    scene.width = 5e6;
    scene.height = 1;
    try {
        to_rgba(scene, RasterOptions{96, 1}, warnings);
        BOOST_FAIL("drawn");
    } catch (const Error& e) {
        BOOST_TEST(e.message() ==
                   "the image would be 5000000 x 1 pixels; a side may be at most 4194304 (lower "
                   "the dpi or scale)");
    }
}

// A resolution far beyond any image is reported as its number, not through an integer the
// number does not fit (whether it is refused or lowered).
BOOST_AUTO_TEST_CASE(an_absurd_resolution_is_reported_as_its_number) {
    const Scene scene = two_squares(Rgba{255, 255, 255, 255});
    for (const double dpi : {1e300, 1e18}) {
        Warnings warnings;
        std::string said;
        try {
            fit_raster(scene, RasterOptions{dpi, 1}, warnings);
            BOOST_TEST_REQUIRE(warnings.size() == 1u);
            said = warnings[0].message;
        } catch (const Error& e) {
            said = e.message();
        }
        BOOST_TEST(said.find("-9223372036854775808") == std::string::npos, said);
        // Counts past a trillion pixels are written short: 4.17e+299, 4.17e+17.
        BOOST_TEST(said.find("the image would be 4.17e+") != std::string::npos, said);
    }
}

BOOST_AUTO_TEST_SUITE_END()
