// libhdf5 (and the network and crypto libraries it needs) is loaded only by the child that
// reads an .h5 file: the tool itself must not link it, or every run pays for loading it. The
// same for ONNX and protobuf, libzip and cairo: their modules are loaded only by a run that
// reads an ONNX or .keras file or writes a PNG or PDF.
#include <boost/test/unit_test.hpp>

#include <cstdio>
#include <filesystem>
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

// The files the dynamic loader opened during one run of the tool (LD_DEBUG=files) with `args`.
std::string libraries_loaded_by(const std::string& args, const std::string& name) {
    const auto dir = scratch_dir("loaded-" + name);
    const std::string command = "LD_DEBUG=files " + shell_quote(STRATA_CLI_PATH) + " " + args +
                                " -o " + shell_quote((dir / name).string()) + " 2>&1 >/dev/null";
    std::string listing;
    if (FILE* pipe = ::popen(command.c_str(), "r")) {
        char buffer[4096];
        std::size_t got = 0;
        while ((got = std::fread(buffer, 1, sizeof buffer, pipe)) > 0) listing.append(buffer, got);
        BOOST_TEST(::pclose(pipe) == 0, listing);
    }
    BOOST_TEST(std::filesystem::exists(dir / name));
    return listing;
}

// The loader names every file it loads, and only those (a module by its path).
bool loaded(const std::string& listing, const std::string& library) {
    return listing.find(library) != std::string::npos;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(startup_libraries)

BOOST_AUTO_TEST_CASE(keras_json_to_svg_loads_no_format_or_raster_library) {
    const std::string listing =
        libraries_loaded_by("render " + strata::test::example("vgg16.json"), "vgg16.svg");
    // The listing is real only if it names the libraries every run needs.
    BOOST_TEST_REQUIRE(loaded(listing, "libharfbuzz.so"), listing);
    for (const char* library : {"libonnx", "libprotobuf", "libzip", "libcairo", "libX11",
                                "strata-onnx.so", "strata-keras-archive.so", "strata-cairo.so"}) {
        BOOST_TEST(!loaded(listing, library), library << " was loaded:\n" << listing);
    }
}

BOOST_AUTO_TEST_CASE(png_output_loads_the_cairo_module,
                     *boost::unit_test::enable_if<(STRATA_WITH_CAIRO)>()) {
    const std::string listing =
        libraries_loaded_by("render " + strata::test::example("vgg16.json"), "vgg16.png");
    BOOST_TEST(loaded(listing, "strata-cairo.so"), listing);
    BOOST_TEST(loaded(listing, "libcairo.so"), listing);
    BOOST_TEST(!loaded(listing, "libonnx"), listing);
}

BOOST_AUTO_TEST_CASE(onnx_model_loads_the_onnx_module,
                     *boost::unit_test::enable_if<(STRATA_WITH_ONNX)>()) {
    const std::string listing =
        libraries_loaded_by("render " + strata::test::corpus("onnx/alexnet.onnx"), "alexnet.svg");
    BOOST_TEST(loaded(listing, "strata-onnx.so"), listing);
    BOOST_TEST(loaded(listing, "libonnx"), listing);
    BOOST_TEST(!loaded(listing, "libcairo"), listing);
}

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

// The program's own place decides where its modules are, not argv[0], which whoever starts it
// chooses: started as ./strata in a folder holding strata/strata-cairo.so, it never opens that.
BOOST_AUTO_TEST_CASE(argv0_does_not_choose_the_module_folder) {
    const auto dir = scratch_dir("argv0-modules");
    std::filesystem::create_directories(dir / "strata");
    {
        std::FILE* planted = std::fopen((dir / "strata" / "strata-cairo.so").c_str(), "w");
        std::fputs("not a module", planted);
        std::fclose(planted);
    }
    const std::string command = "cd " + shell_quote(dir.string()) +
                                " && LD_DEBUG=files bash -c 'exec -a ./strata \"$0\" \"$@\"' " +
                                shell_quote(STRATA_CLI_PATH) + " render " +
                                strata::test::example("vgg16.json") + " -o out.png 2>&1 >/dev/null";
    std::string listing;
    if (FILE* pipe = ::popen(command.c_str(), "r")) {
        char buffer[4096];
        std::size_t got = 0;
        while ((got = std::fread(buffer, 1, sizeof buffer, pipe)) > 0) listing.append(buffer, got);
        BOOST_TEST(::pclose(pipe) == 0, listing);
    }
    BOOST_TEST(std::filesystem::exists(dir / "out.png"));
    BOOST_TEST(loaded(listing, "strata-cairo.so"));
    BOOST_TEST(!loaded(listing, "./strata/strata-cairo.so"), listing);
    BOOST_TEST(listing.find((dir / "strata").string()) == std::string::npos, listing);
}

BOOST_AUTO_TEST_SUITE_END()
