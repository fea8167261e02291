// libhdf5 is loaded with dlopen inside the isolated child that reads an .h5 file: the
// calling process never maps it, and a missing library is one clean error for that file.
#include <boost/test/unit_test.hpp>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

#include "import/hdf5_library.hpp"
#include "import/isolated_call.hpp"
#include "import/load.hpp"
#include "strata/error.hpp"

namespace fs = std::filesystem;

namespace {

std::string mapped_files_of_this_process() {
    std::ifstream in("/proc/self/maps");
    std::stringstream s;
    s << in.rdbuf();
    return s.str();
}

// The error `work` throws through run_isolated; a default Error when it throws none.
strata::Error error_of_isolated(const std::function<std::string()>& work) {
    try {
        strata::run_isolated(work, "model.h5", "the child failed");
    } catch (const strata::Error& error) {
        return error;
    }
    return strata::Error("", "");
}

}  // namespace

BOOST_AUTO_TEST_SUITE(hdf5_library)

BOOST_AUTO_TEST_CASE(soname_is_the_configured_libhdf5) {
    const std::string soname = strata::hdf5_soname();
    BOOST_TEST(soname.rfind("libhdf5", 0) == 0, soname);
    BOOST_TEST(soname.find(".so.") != std::string::npos, soname);
}

BOOST_AUTO_TEST_CASE(reading_an_h5_file_leaves_libhdf5_out_of_this_process) {
    const fs::path model =
        fs::path(STRATA_SOURCE_DIR) / "tests" / "fixtures" / "keras2_sequential.h5";
    strata::Warnings warnings;
    const strata::Model read = strata::import_model_file(model.string(), warnings);
    BOOST_TEST(read.format == "keras-hdf5");
    BOOST_TEST(!read.layers.empty());
    const std::string maps = mapped_files_of_this_process();
    BOOST_TEST_REQUIRE(maps.find("libc.so") != std::string::npos);  // the listing is real
    BOOST_TEST(maps.find("libhdf5") == std::string::npos);
}

BOOST_AUTO_TEST_CASE(the_child_resolves_every_function_and_id) {
    const std::string answer = strata::run_isolated(
        [] {
            const strata::Hdf5Library h5 = strata::load_hdf5_library("model.h5");
            bool all = h5.file_access_class >= 0 && h5.c_string_type >= 0;
#define STRATA_TEST_RESOLVED(name) all = all && h5.name != nullptr;
            STRATA_HDF5_FUNCTIONS(STRATA_TEST_RESOLVED)
#undef STRATA_TEST_RESOLVED
            return std::string(all ? "resolved" : "missing");
        },
        "model.h5", "the child failed");
    BOOST_TEST(answer == "resolved");
}

BOOST_AUTO_TEST_CASE(a_missing_library_is_one_clean_error_for_the_file) {
    const strata::Error error = error_of_isolated([] {
        strata::load_hdf5_library("model.h5", "libstrata-absent-hdf5.so.0");
        return std::string();
    });
    BOOST_TEST(error.file() == "model.h5");
    BOOST_TEST(error.message() ==
               "reading HDF5 files needs libhdf5 (libstrata-absent-hdf5.so.0), which is not "
               "installed");
}

BOOST_AUTO_TEST_SUITE_END()
