// The layered view with --compat-visualkeras against visualkeras' own pictures: every case of
// tests/views/layered/cases.tsv (made by make_references.py, which ran visualkeras' layered_view
// on the same models) must come out the same size with a mean channel difference of at most
// 3/255.

#include <boost/test/unit_test.hpp>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "raster/raster_support.hpp"
#include "strata/emit.hpp"
#include "strata/import.hpp"
#include "strata/layout.hpp"
#include "strata/option_table.hpp"

namespace fs = std::filesystem;
using namespace strata;
using strata::test::decode_png;
using strata::test::height_of;
using strata::test::pixel;
using strata::test::Surface;
using strata::test::width_of;

namespace {

const fs::path kCases = fs::path(STRATA_SOURCE_DIR) / "tests" / "views" / "layered";

struct Case {
    std::string id;
    std::string model;                                         // under the corpus folder
    std::vector<std::pair<std::string, std::string>> options;  // visualkeras' keywords
};

std::vector<Case> read_cases() {
    std::ifstream in(kCases / "cases.tsv");
    std::vector<Case> cases;
    std::string line;
    while (std::getline(in, line)) {
        if (line.empty() || line[0] == '#') continue;
        std::istringstream fields(line);
        Case c;
        std::string options;
        std::getline(fields, c.id, '\t');
        std::getline(fields, c.model, '\t');
        std::getline(fields, options);
        std::istringstream words(options);
        for (std::string word; words >> word;) {
            const auto equals = word.find('=');
            std::string value = word.substr(equals + 1);
            if (value.size() >= 2 && value.front() == '"')
                value = value.substr(1, value.size() - 2);
            c.options.emplace_back(word.substr(0, equals), value);
        }
        cases.push_back(c);
    }
    return cases;
}

std::string read_bytes(const fs::path& path) {
    std::ifstream in(path, std::ios::binary);
    return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

// Mean absolute difference of the red, green and blue channels, in 1/255 units.
double mean_rgb_difference(const Surface& a, const Surface& b) {
    double total = 0;
    for (int y = 0; y < height_of(a); ++y) {
        for (int x = 0; x < width_of(a); ++x) {
            const std::uint32_t p = pixel(a, x, y), q = pixel(b, x, y);
            for (int shift = 0; shift < 24; shift += 8)
                total += std::abs(static_cast<int>((p >> shift) & 0xFF) -
                                  static_cast<int>((q >> shift) & 0xFF));
        }
    }
    return total / (3.0 * width_of(a) * height_of(a));
}

}  // namespace

BOOST_AUTO_TEST_SUITE(layered_compat)

BOOST_AUTO_TEST_CASE(the_compat_picture_is_visualkeras_own) {
    const std::vector<Case> cases = read_cases();
    BOOST_TEST_REQUIRE(cases.size() >= 12u);
    for (const Case& c : cases) {
        BOOST_TEST_CONTEXT(c.id) {
            Warnings warnings;
            const Model model =
                load_model(std::string(STRATA_CORPUS_DIR) + "/" + c.model, warnings);
            Options options;
            options.compat_visualkeras = true;
            for (const auto& [key, value] : c.options) set_option(options, key, value, key);
            const Scene scene = layout_layered(model, options, warnings);
            const Surface ours = decode_png(to_png(scene, RasterOptions{}));
            const Surface theirs = decode_png(read_bytes(kCases / "references" / (c.id + ".png")));
            const bool same_size =
                width_of(ours) == width_of(theirs) && height_of(ours) == height_of(theirs);
            BOOST_TEST(same_size, width_of(ours) << "x" << height_of(ours) << " against "
                                                 << width_of(theirs) << "x" << height_of(theirs));
            if (same_size) BOOST_TEST(mean_rgb_difference(ours, theirs) <= 3.0);
        }
    }
}

BOOST_AUTO_TEST_SUITE_END()
