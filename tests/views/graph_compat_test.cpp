#include <boost/test/unit_test.hpp>

#include <cmath>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "raster/raster_support.hpp"
#include "strata/render.hpp"
#include "views/graph_support.hpp"

using namespace strata;
using namespace strata::test;

namespace {

const fs::path kReferences = fs::path(STRATA_SOURCE_DIR) / "tests/views/graph/references";

// The option sets of make_references.py, as strata options.
Options option_set(const std::string& name) {
    Options o = graph_options();
    o.compat_visualkeras = true;
    if (name == "small") {
        o.node_size = 30;
        o.layer_spacing = 120;
        o.node_spacing = 6;
        o.ellipsize_after = 5;
        o.inout_as_tensor = false;
        o.connector_fill = *parse_color("#3366cc");
        o.background_fill = *parse_color("#f0f0f0");
    } else {
        BOOST_TEST_REQUIRE(name == "defaults");
    }
    return o;
}

std::string file_bytes(const fs::path& path) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream bytes;
    bytes << in.rdbuf();
    return bytes.str();
}

// The mean difference of the red, green and blue channels over all pixels, 0..255, of
// strata's picture and the reference (opaque, so cairo's premultiplied values are plain).
double mean_channel_difference(const RgbaImage& ours, const Surface& reference) {
    const unsigned char* data = cairo_image_surface_get_data(reference.get());
    const int stride = cairo_image_surface_get_stride(reference.get());
    double total = 0;
    for (int y = 0; y < ours.height; ++y) {
        for (int x = 0; x < ours.width; ++x) {
            std::uint32_t argb;
            std::memcpy(&argb, data + y * stride + 4 * x, 4);
            const int theirs[3] = {int(argb >> 16 & 0xff), int(argb >> 8 & 0xff), int(argb & 0xff)};
            const unsigned char* mine =
                ours.pixels.get() + (static_cast<std::size_t>(y) * ours.width + x) * 4;
            for (int c = 0; c < 3; ++c) total += std::abs(int(mine[c]) - theirs[c]);
        }
    }
    return total / (3.0 * ours.width * ours.height);
}

}  // namespace

BOOST_AUTO_TEST_SUITE(graph_view_compat)

// With compat_visualkeras, each reference visualkeras drew comes out on a canvas of its size
// with a mean channel difference of at most 3/255 (the pictures hold no text).
BOOST_AUTO_TEST_CASE(pictures_match_visualkeras) {
    std::ifstream manifest(kReferences / "MANIFEST.tsv");
    BOOST_TEST_REQUIRE(manifest.good());
    std::string line;
    std::getline(manifest, line);  // header
    int compared = 0;
    while (std::getline(manifest, line)) {
        std::istringstream fields(line);
        std::string picture, model_path, set;
        std::getline(fields, picture, '\t');
        std::getline(fields, model_path, '\t');
        std::getline(fields, set, '\t');
        BOOST_TEST_CONTEXT(picture) {
            Warnings warnings;
            const Model model =
                load_model((fs::path(STRATA_CORPUS_DIR) / model_path).string(), warnings);
            const Scene scene = layout_layered(model, option_set(set), warnings);
            const RgbaImage ours = to_rgba(scene, {}, warnings);
            const Surface reference = decode_png(file_bytes(kReferences / picture));
            BOOST_TEST_REQUIRE(reference != nullptr);
            BOOST_TEST(ours.width == width_of(reference));
            BOOST_TEST(ours.height == height_of(reference));
            if (ours.width == width_of(reference) && ours.height == height_of(reference)) {
                const double difference = mean_channel_difference(ours, reference);
                BOOST_TEST_MESSAGE(picture << ": mean channel difference " << difference);
                BOOST_TEST(difference <= 3.0);
            }
            ++compared;
        }
    }
    // At least six models, each in both option sets but one visualkeras cannot draw.
    BOOST_TEST(compared >= 12);
}

BOOST_AUTO_TEST_SUITE_END()
