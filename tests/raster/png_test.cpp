#include <boost/test/unit_test.hpp>

#include <random>
#include <string>
#include <vector>

#include "emit/png_encoder.hpp"
#include "emit/scene_builders.hpp"
#include "raster/raster_support.hpp"
#include "strata/error.hpp"
#include "strata/render.hpp"

using namespace strata;
using namespace strata::test;

namespace {

// A 40 x 20 scene: one opaque red square at (10, 5)-(20, 15) on the given background.
Scene square_scene(Rgba background) {
    Scene scene;
    scene.width = 40;
    scene.height = 20;
    scene.background = background;
    Group group;
    group.id = "square";
    group.items.push_back(
        Polygon{"front", {{10, 5}, {20, 5}, {20, 15}, {10, 15}}, Rgba{255, 0, 0, 255}, {}, 1});
    scene.groups.push_back(group);
    return scene;
}

constexpr std::uint32_t kOpaqueRed = 0xFFFF0000, kOpaqueWhite = 0xFFFFFFFF;

}  // namespace

BOOST_AUTO_TEST_SUITE(png_output)

BOOST_AUTO_TEST_CASE(one_scene_pixel_is_one_image_pixel_at_96_dpi) {
    const Surface image = decode_png(to_png(square_scene(white)));
    BOOST_TEST_REQUIRE(image != nullptr);
    BOOST_TEST(width_of(image) == 40);
    BOOST_TEST(height_of(image) == 20);
    BOOST_TEST(pixel(image, 15, 10) == kOpaqueRed);
    BOOST_TEST(pixel(image, 0, 0) == kOpaqueWhite);
    BOOST_TEST(pixel(image, 9, 10) == kOpaqueWhite);  // the square's edges are on pixel edges
    BOOST_TEST(pixel(image, 20, 10) == kOpaqueWhite);
}

BOOST_AUTO_TEST_CASE(dpi_and_scale_multiply) {
    const Scene scene = square_scene(white);
    for (const RasterOptions& options :
         {RasterOptions{.dpi = 192, .scale = 1}, RasterOptions{.dpi = 96, .scale = 2},
          RasterOptions{.dpi = 48, .scale = 4}}) {
        const Surface image = decode_png(to_png(scene, options));
        BOOST_TEST_REQUIRE(image != nullptr);
        BOOST_TEST(width_of(image) == 80);
        BOOST_TEST(height_of(image) == 40);
        BOOST_TEST(pixel(image, 39, 29) == kOpaqueRed);
        BOOST_TEST(pixel(image, 41, 31) == kOpaqueWhite);
    }
    const Surface fractional = decode_png(to_png(scene, {.dpi = 96, .scale = 0.55}));
    BOOST_TEST(width_of(fractional) == 22);  // 40 x 0.55, rounded up
    BOOST_TEST(height_of(fractional) == 11);
}

BOOST_AUTO_TEST_CASE(a_transparent_background_stays_transparent) {
    const Surface image = decode_png(to_png(square_scene(Rgba{255, 255, 255, 0})));
    BOOST_TEST_REQUIRE(image != nullptr);
    BOOST_TEST(pixel(image, 0, 0) == 0u);
    BOOST_TEST(pixel(image, 15, 10) == kOpaqueRed);
    // A half-transparent background keeps its alpha.
    const Surface half = decode_png(to_png(square_scene(Rgba{0, 0, 255, 128})));
    BOOST_TEST((pixel(half, 0, 0) >> 24) == 128u);
}

BOOST_AUTO_TEST_CASE(bad_resolutions_and_huge_images_are_errors) {
    const Scene scene = square_scene(white);
    BOOST_CHECK_THROW(to_png(scene, {.dpi = 0, .scale = 1}), Error);
    BOOST_CHECK_THROW(to_png(scene, {.dpi = -96, .scale = 1}), Error);
    BOOST_CHECK_THROW(to_png(scene, {.dpi = 96, .scale = std::nan("")}), Error);
    BOOST_CHECK_THROW(to_png(scene, {.dpi = 96, .scale = 1e300}), Error);
    BOOST_CHECK_THROW(to_png(scene, {.dpi = 96, .scale = 820}), Error);  // 32800 px wide
    Scene big = scene;
    big.width = big.height = 20000;  // 4e8 pixels: each side fits, the total does not
    BOOST_CHECK_THROW(to_png(big), Error);
    Scene broken = scene;
    broken.width = std::numeric_limits<double>::infinity();
    BOOST_CHECK_THROW(to_png(broken), Error);
}

// The encoder against cairo's decoder, on pixels of every alpha, opaque and not.
BOOST_AUTO_TEST_CASE(encoded_pixels_decode_unchanged) {
    std::mt19937 random(7);
    for (const bool opaque : {true, false}) {
        const int width = 37, height = 23, stride = width * 4;
        std::vector<std::uint32_t> pixels(width * height);
        for (int i = 0; i < width * height; ++i) {
            // Runs and repeated rows, as in diagrams, plus noise.
            const std::uint32_t alpha = opaque ? 255 : random() % 256;
            const std::uint32_t base = (i / width) % 3 == 0 ? pixels[std::max(0, i - width)]
                                                            : static_cast<std::uint32_t>(random());
            auto premultiplied = [&](std::uint32_t c) { return (c & 0xFF) * alpha / 255; };
            pixels[i] = alpha << 24 | premultiplied(base >> 16) << 16 |
                        premultiplied(base >> 8) << 8 | premultiplied(base);
            if (i >= width && (i / width) % 3 == 0) pixels[i] = pixels[i - width];
        }
        const std::string png = emit::encode_png(
            {reinterpret_cast<const unsigned char*>(pixels.data()), width, height, stride});
        const Surface image = decode_png(png);
        BOOST_TEST_REQUIRE(image != nullptr);
        BOOST_TEST(png[25] == (opaque ? 2 : 6));  // colour type: RGB when opaque, else RGBA
        int wrong = 0;
        for (int y = 0; y < height; ++y) {
            for (int x = 0; x < width; ++x) {
                const std::uint32_t expected = pixels[y * width + x];
                // Unpremultiplying and premultiplying again may round away low colour bits.
                const std::uint32_t got = pixel(image, x, y);
                for (int shift = 0; shift < 32; shift += 8) {
                    const int e = (expected >> shift) & 0xFF, g = (got >> shift) & 0xFF;
                    wrong += std::abs(e - g) > (opaque ? 0 : 1);
                }
            }
        }
        BOOST_TEST(wrong == 0);
    }
}

BOOST_AUTO_TEST_SUITE_END()
