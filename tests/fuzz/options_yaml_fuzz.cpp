// YAML option files; options that are read must be written back as a file that reads the same.

#include "fuzz_support.hpp"
#include "strata/error.hpp"
#include "strata/option_table.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    strata::Options options;
    try {
        strata::apply_options_yaml(
            options, std::string_view(reinterpret_cast<const char*>(data), size), "fuzz.yaml");
    } catch (const strata::Error& error) {
        fuzz::check(error.file() == "fuzz.yaml", "an error names another file", error.what());
        return 0;
    }
    const std::string written = strata::options_to_yaml(options);
    strata::Options again;
    try {
        strata::apply_options_yaml(again, written, "written.yaml");
    } catch (const strata::Error& error) {
        fuzz::fail("options written by strata do not read back", error.what());
    }
    fuzz::check(strata::options_to_yaml(again) == written, "options change on a round trip",
                written);
    return 0;
}
