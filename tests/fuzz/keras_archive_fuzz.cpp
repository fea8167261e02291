// Keras 3 .keras archives (zip): only config.json and metadata.json are read.

#include "fuzz_support.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    fuzz::import_model(std::string_view(reinterpret_cast<const char*>(data), size), "fuzz.keras");
    return 0;
}
