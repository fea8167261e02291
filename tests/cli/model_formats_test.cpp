// The tool reads .keras and .h5 files and reports broken ones in one clean line.
#include <boost/test/unit_test.hpp>

#include <algorithm>
#include <string>

#include "cli/run_tool.hpp"

using strata::test::run_strata;
using strata::test::scratch_dir;
using strata::test::shell_quote;

namespace {

std::string fixture(const std::string& name) {
    return shell_quote(std::string(STRATA_SOURCE_DIR) + "/tests/fixtures/" + name);
}

}  // namespace

BOOST_AUTO_TEST_SUITE(model_formats_cli)

BOOST_AUTO_TEST_CASE(keras_archive_and_hdf5_render,
                     *boost::unit_test::enable_if<(STRATA_WITH_HDF5 && STRATA_WITH_LIBZIP)>()) {
    const auto dir = scratch_dir("model-formats");
    for (const char* name :
         {"keras3_sequential.keras", "keras2_sequential.h5", "tfkeras_functional.h5"}) {
        const auto result = run_strata(
            "render " + fixture(name) + " -o " + shell_quote((dir / "out.svg").string()), dir);
        BOOST_TEST(result.status == 0, name << ": " << result.err);
        BOOST_TEST(result.out.empty());
    }
    const auto result = run_strata("render " + fixture("keras3_sequential.keras") + " -o " +
                                       shell_quote((dir / "k.svg").string()),
                                   dir);
    BOOST_TEST(strata::test::read_text(dir / "k.svg").find("data-type=\"Dense\"") !=
               std::string::npos);
}

BOOST_AUTO_TEST_CASE(hdf5_crasher_is_one_clean_error_line,
                     *boost::unit_test::enable_if<(STRATA_WITH_HDF5)>()) {
    const auto dir = scratch_dir("hdf5-crasher");
    const std::string path =
        std::string(STRATA_CORPUS_DIR) + "/hostile/hdf5-crashes-libhdf5-in-H5Aexists.h5";
    const auto result = run_strata(
        "render " + shell_quote(path) + " -o " + shell_quote((dir / "x.svg").string()), dir);
    BOOST_TEST(result.status == 1);
    // libhdf5 overflows a heap buffer here: its child dies (malformed HDF5 file), or it hands
    // back an attribute of whatever lay beyond the buffer, refused for what it holds.
    // (JSON that is no model names the attribute as its file).
    const std::string prefix = "strata: error: " + path;
    BOOST_TEST_REQUIRE(result.err.rfind(prefix, 0) == 0, result.err);
    const std::string message = result.err.substr(prefix.size());
    BOOST_TEST((message == ": malformed HDF5 file\n" ||
                message.rfind(": in the model_config attribute", 0) == 0 ||
                message.rfind("/model_config: expected a JSON object", 0) == 0),
               message);
    BOOST_TEST(std::count(result.err.begin(), result.err.end(), '\n') == 1);
    BOOST_TEST(!std::filesystem::exists(dir / "x.svg"));
}

BOOST_AUTO_TEST_CASE(hdf5_errors_print_no_library_traces,
                     *boost::unit_test::enable_if<(STRATA_WITH_HDF5)>()) {
    const auto dir = scratch_dir("hdf5-weights-only");
    const auto result = run_strata("info " + fixture("weights_only.h5"), dir);
    BOOST_TEST(result.status == 1);
    BOOST_TEST(result.err.find("HDF5-DIAG") == std::string::npos);
    BOOST_TEST(result.err.find("weights only") != std::string::npos);
    BOOST_TEST(std::count(result.err.begin(), result.err.end(), '\n') == 1);
}

BOOST_AUTO_TEST_CASE(pytorch_checkpoints_are_told_apart_and_say_how_to_export) {
    const auto dir = scratch_dir("pytorch-checkpoint");
    // torch.save's zip, and the bare pickle it wrote before PyTorch 1.6.
    for (const char* name : {"tiny_checkpoint.pt", "tiny_checkpoint_legacy.pth"}) {
        const std::string path = std::string(STRATA_SOURCE_DIR) + "/tests/fixtures/" + name;
        for (const std::string& command :
             {"info " + shell_quote(path),
              "render " + shell_quote(path) + " -o " + shell_quote((dir / "x.svg").string())}) {
            const auto result = run_strata(command, dir);
            BOOST_TEST_INFO(command);
            BOOST_TEST(result.status == 1);
            BOOST_TEST(result.err.starts_with("strata: error: " + path + ": a PyTorch checkpoint"));
            BOOST_TEST(result.err.find("torch.onnx.export(model, example_input, \"model.onnx\")") !=
                       std::string::npos);
            BOOST_TEST(std::count(result.err.begin(), result.err.end(), '\n') == 1);
            BOOST_TEST(!std::filesystem::exists(dir / "x.svg"));
        }
    }
}

BOOST_AUTO_TEST_SUITE_END()
