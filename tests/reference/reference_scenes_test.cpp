// Reference scenes: every case of tests/reference/manifest.tsv is drawn by the strata tool and
// must give exactly the committed scene JSON (scenes/ID.json) and the committed picture
// (scenes/ID.png, compared pixel by pixel). STRATA_UPDATE_REFERENCES=1 rewrites both instead;
// a reviewer looks at every changed PNG before such a change is committed (README.md).

#include <boost/test/unit_test.hpp>

#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "raster/raster_support.hpp"

namespace fs = std::filesystem;
using namespace strata::test;

namespace {

struct Case {
    std::string id, model;
    std::vector<std::string> flags;
};

const fs::path kReferenceDir = fs::path(STRATA_SOURCE_DIR) / "tests" / "reference";

bool updating() {
    const char* update = std::getenv("STRATA_UPDATE_REFERENCES");
    return update && std::string(update) == "1";
}

std::vector<Case> read_manifest() {
    std::vector<Case> cases;
    std::ifstream in(kReferenceDir / "manifest.tsv");
    std::string line;
    bool header = true;
    while (std::getline(in, line)) {
        if (line.empty() || line[0] == '#') continue;
        if (header) {  // id, model, flags
            header = false;
            continue;
        }
        std::istringstream fields(line);
        Case c;
        std::string flags;
        std::getline(fields, c.id, '\t');
        std::getline(fields, c.model, '\t');
        std::getline(fields, flags);
        std::istringstream words(flags);
        for (std::string word; words >> word;) c.flags.push_back(word);
        cases.push_back(c);
    }
    return cases;
}

std::string shell_word(const fs::path& word) {
    return strata::test::quoted(word);
}

// Runs `strata render` in the models folder (option files name pictures beside them); returns
// its standard error, empty on success.
std::string render(const Case& c, const fs::path& output, const fs::path& scratch) {
    std::string command = "cd " + shell_word(kReferenceDir / "models") + " && " +
                          shell_word(STRATA_CLI_PATH) + " render " + shell_word(c.model) + " -o " +
                          shell_word(output);
    for (const std::string& flag : c.flags) command += " " + shell_word(flag);
    const fs::path err = scratch / "stderr.txt";
    command += " 2>" + shell_word(err);
    const int status = std::system(command.c_str());
    const std::string message = read_file(err);
    if (status != 0) return message.empty() ? "exit status " + std::to_string(status) : message;
    return {};
}

// The first line where two texts differ, both versions, for the failure message.
std::string first_difference(const std::string& expected, const std::string& actual) {
    std::istringstream a(expected), b(actual);
    std::string line_a, line_b;
    for (int line = 1;; ++line) {
        const bool more_a = bool(std::getline(a, line_a));
        const bool more_b = bool(std::getline(b, line_b));
        if (!more_a && !more_b) return "no difference";
        if (line_a != line_b || more_a != more_b) {
            return "line " + std::to_string(line) + ": expected '" + (more_a ? line_a : "") +
                   "', got '" + (more_b ? line_b : "") + "'";
        }
    }
}

long differing_pixels(const Surface& a, const Surface& b) {
    long count = 0;
    for (int y = 0; y < height_of(a); ++y) {
        for (int x = 0; x < width_of(a); ++x) count += pixel(a, x, y) != pixel(b, x, y);
    }
    return count;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(reference_scenes)

BOOST_AUTO_TEST_CASE(every_case_draws_its_reference) {
    const std::vector<Case> cases = read_manifest();
    BOOST_TEST_REQUIRE(cases.size() >= 20u);
    const fs::path scenes = kReferenceDir / "scenes";
    ScratchDir scratch("reference");
    std::set<std::string> expected_files;
    for (const Case& c : cases) {
        BOOST_TEST_CONTEXT("case " << c.id << " (" << c.model << ")") {
            expected_files.insert(c.id + ".json");
            expected_files.insert(c.id + ".png");
            const fs::path json = scratch.path / (c.id + ".json");
            const fs::path png = scratch.path / (c.id + ".png");
            const std::string json_error = render(c, json, scratch.path);
            // Without cairo (STRATA_WITH_CAIRO=OFF) the scene JSON alone is compared.
            const std::string png_error = STRATA_WITH_CAIRO ? render(c, png, scratch.path) : "";
            BOOST_TEST(json_error.empty(), json_error);
            BOOST_TEST(png_error.empty(), png_error);
            if (!json_error.empty() || !png_error.empty()) continue;
            if (updating()) {
                fs::create_directories(scenes);
                fs::copy_file(json, scenes / json.filename(), fs::copy_options::overwrite_existing);
                if (STRATA_WITH_CAIRO)
                    fs::copy_file(png, scenes / png.filename(),
                                  fs::copy_options::overwrite_existing);
                continue;
            }
            const std::string expected = read_file(scenes / json.filename());
            const std::string actual = read_file(json);
            BOOST_TEST(!expected.empty(), "no reference " << (scenes / json.filename()));
            BOOST_TEST(expected == actual, first_difference(expected, actual));
            if (!STRATA_WITH_CAIRO) continue;

            const Surface expected_picture = decode_png(read_file(scenes / png.filename()));
            const Surface actual_picture = decode_png(read_file(png));
            if (!expected_picture || !actual_picture) {
                BOOST_ERROR("no reference " << (scenes / png.filename()) << ", or no PNG drawn");
                continue;
            }
            const bool same_size = width_of(expected_picture) == width_of(actual_picture) &&
                                   height_of(expected_picture) == height_of(actual_picture);
            BOOST_TEST(same_size, "the picture is " << width_of(actual_picture) << " x "
                                                    << height_of(actual_picture) << ", expected "
                                                    << width_of(expected_picture) << " x "
                                                    << height_of(expected_picture));
            if (same_size) BOOST_TEST(differing_pixels(expected_picture, actual_picture) == 0);
        }
    }
    // Every reference belongs to a case: a renamed or removed case leaves no stale files.
    if (!updating()) {
        for (const auto& entry : fs::directory_iterator(scenes)) {
            const std::string name = entry.path().filename().string();
            BOOST_TEST(expected_files.count(name) == 1u, "stale reference " << name);
        }
    }
}

BOOST_AUTO_TEST_SUITE_END()
