// A format or output left out at configure time (STRATA_WITH_*=OFF) is refused in one line that
// says so, and nothing is written; built in, the same file draws. Both ways are checked, so
// that this test means something in every configuration.
#include <boost/test/unit_test.hpp>

#include <filesystem>
#include <string>

#include "cli/run_tool.hpp"

using strata::test::run_strata;
using strata::test::scratch_dir;
using strata::test::shell_quote;

namespace {

struct Feature {
    const char* name;    // for messages
    bool built_in;       // STRATA_WITH_*
    std::string model;   // a file only this feature reads
    const char* output;  // the output file name (its extension picks the format)
};

void check(const Feature& feature) {
    BOOST_TEST_CONTEXT(feature.name) {
        const auto dir = scratch_dir(std::string("built-without-") + feature.name);
        const std::filesystem::path output = dir / feature.output;
        const auto result = run_strata(
            "render " + shell_quote(feature.model) + " -o " + shell_quote(output.string()), dir);
        if (feature.built_in) {
            BOOST_TEST(result.status == 0, result.err);
            BOOST_TEST(std::filesystem::exists(output));
        } else {
            BOOST_TEST(result.status == 1);
            BOOST_TEST(result.err.rfind("strata: error: ", 0) == 0u, result.err);
            BOOST_TEST(result.err.find("strata was built without") != std::string::npos,
                       result.err);
            BOOST_TEST(result.err.find('\n') == result.err.size() - 1, result.err);
            BOOST_TEST(!std::filesystem::exists(output));
        }
    }
}

const std::string kFixtures = std::string(STRATA_SOURCE_DIR) + "/tests/fixtures/";

}  // namespace

BOOST_AUTO_TEST_SUITE(built_without)

BOOST_AUTO_TEST_CASE(onnx_models) {
    check({"onnx", STRATA_WITH_ONNX != 0, std::string(STRATA_CORPUS_DIR) + "/onnx/alexnet.onnx",
           "out.svg"});
}

BOOST_AUTO_TEST_CASE(hdf5_models) {
    check({"hdf5", STRATA_WITH_HDF5 != 0, kFixtures + "keras2_sequential.h5", "out.svg"});
}

BOOST_AUTO_TEST_CASE(keras_archives) {
    check({"libzip", STRATA_WITH_LIBZIP != 0, kFixtures + "keras3_sequential.keras", "out.svg"});
}

BOOST_AUTO_TEST_CASE(png_and_pdf_output) {
    const std::string model = std::string(STRATA_SOURCE_DIR) + "/examples/vgg16.json";
    check({"cairo-png", STRATA_WITH_CAIRO != 0, model, "out.png"});
    check({"cairo-pdf", STRATA_WITH_CAIRO != 0, model, "out.pdf"});
}

BOOST_AUTO_TEST_SUITE_END()
