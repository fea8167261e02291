// libhdf5 (and the network and crypto libraries it needs) is loaded only by the child that
// reads an .h5 file: the tool itself must not link it, or every run pays for loading it.
#include <boost/test/unit_test.hpp>

#include <cstdio>
#include <string>

#include "cli/run_tool.hpp"

using strata::test::run_strata;
using strata::test::scratch_dir;
using strata::test::shell_quote;

namespace {

// What the dynamic loader would load for the tool at start-up, as `ldd` lists it.
std::string libraries_listed_by_ldd() {
    const std::string command = "ldd " + shell_quote(STRATA_CLI_PATH) + " 2>&1";
    std::string listing;
    if (FILE* pipe = ::popen(command.c_str(), "r")) {
        char buffer[4096];
        std::size_t got = 0;
        while ((got = std::fread(buffer, 1, sizeof buffer, pipe)) > 0) listing.append(buffer, got);
        ::pclose(pipe);
    }
    return listing;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(startup_libraries)

BOOST_AUTO_TEST_CASE(tool_does_not_link_libhdf5) {
    const std::string listing = libraries_listed_by_ldd();
    // The listing is real only if it names the C library every program loads.
    BOOST_TEST_REQUIRE(listing.find("libc.so") != std::string::npos, listing);
    BOOST_TEST(listing.find("libhdf5") == std::string::npos, listing);
}

BOOST_AUTO_TEST_CASE(hdf5_model_renders_with_the_library_loaded_on_demand,
                     *boost::unit_test::enable_if<(STRATA_WITH_HDF5)>()) {
    const auto dir = scratch_dir("hdf5-on-demand");
    const std::string model =
        shell_quote(std::string(STRATA_SOURCE_DIR) + "/tests/fixtures/keras2_sequential.h5");
    const auto result =
        run_strata("render " + model + " -o " + shell_quote((dir / "h5.svg").string()), dir);
    BOOST_TEST(result.status == 0, result.err);
    BOOST_TEST(result.err.empty(), result.err);
    BOOST_TEST(strata::test::read_text(dir / "h5.svg").find("data-type=\"Dense\"") !=
               std::string::npos);
}

BOOST_AUTO_TEST_SUITE_END()
