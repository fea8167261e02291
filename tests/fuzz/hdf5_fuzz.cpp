// Keras HDF5 files, read by libhdf5 in the isolated child process.

#include "fuzz_support.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    fuzz::import_model(std::string_view(reinterpret_cast<const char*>(data), size), "fuzz.h5");
    return 0;
}
