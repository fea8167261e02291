// A layer Keras cannot build without a configuration key it lacks is an error naming the file,
// the layer's place and the key; nothing is written.

#include <boost/test/unit_test.hpp>

#include <fstream>
#include <string>

#include "run_tool.hpp"

using namespace strata::test;
namespace fs = std::filesystem;

namespace {

// A Sequential model of a Dense layer of `units` and then `layer` (a Keras JSON layer), one
// key a line, so that the second layer starts at line 11, column 3.
fs::path dense_then(const fs::path& dir, const std::string& units, const std::string& layer) {
    const fs::path path = dir / "m.json";
    std::ofstream(path) << "{\"class_name\": \"Sequential\",\n"
                           " \"config\": {\n"
                           "  \"name\": \"s\",\n"
                           "  \"layers\": [\n"
                           "  {\"class_name\": \"Dense\",\n"
                           "   \"config\": {\n"
                           "    \"name\": \"d\",\n"
                           "    \"units\": "
                        << units
                        << ",\n"
                           "    \"batch_input_shape\": [null, 4]}},\n"
                           "\n"
                           "  "
                        << layer << "]}}\n";
    return path;
}

void expect_refused(const std::string& units, const std::string& layer, const std::string& key,
                    const std::string& what) {
    const fs::path dir = scratch_dir("required-" + key);
    const fs::path model = dense_then(dir, units, layer);
    const fs::path out = dir / "m.svg";
    const ToolResult r = run_strata(
        "render " + shell_quote(model.string()) + " -o " + shell_quote(out.string()), dir);
    BOOST_TEST(r.status != 0);
    BOOST_TEST(r.err == "strata: error: " + model.string() + ":11:3: layer 'r' (" + what + "): '" +
                            key + "' is not given, and Keras cannot build the layer without it\n",
               r.err);
    BOOST_TEST(!fs::exists(out));
}

}  // namespace

BOOST_AUTO_TEST_SUITE(required_attributes)

BOOST_AUTO_TEST_CASE(a_reshape_without_target_shape_is_refused_with_its_place) {
    // Half a million values: with the target unknown every later layer was unknown too, and
    // the file was drawn with a warning.
    expect_refused("500000", R"({"class_name": "Reshape", "config": {"name": "r"}})",
                   "target_shape", "Reshape");
}

BOOST_AUTO_TEST_CASE(a_permute_without_dims_is_refused_with_its_place) {
    expect_refused("6", R"({"class_name": "Permute", "config": {"name": "r"}})", "dims", "Permute");
}

BOOST_AUTO_TEST_SUITE_END()
