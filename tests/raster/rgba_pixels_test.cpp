#include <boost/test/unit_test.hpp>

#include <cstdint>
#include <string>

#include "emit/scene_builders.hpp"
#include "raster/raster_support.hpp"
#include "strata/error.hpp"
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

BOOST_AUTO_TEST_CASE(a_too_large_image_is_refused_as_for_png) {
    Scene scene = two_squares(Rgba{255, 255, 255, 255});
    scene.width = 40000;
    Warnings warnings;
    BOOST_CHECK_THROW(to_rgba(scene, RasterOptions{96, 1}, warnings), Error);
}

// A resolution far beyond any image is reported in whole pixels, not through an integer
// the number does not fit (whether it is refused or lowered).
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
        BOOST_TEST(said.find("the image would be 41666666666666") != std::string::npos, said);
    }
}

BOOST_AUTO_TEST_SUITE_END()
