// Keras JSON (every vintage) through import and shape inference.

#include "fuzz_support.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    fuzz::import_model(std::string_view(reinterpret_cast<const char*>(data), size), "fuzz.json");
    return 0;
}
