// Keras HDF5 files, read by libhdf5 in the isolated child process.

#include "fuzz_support.hpp"
#include "import/hdf5_library.hpp"

// Each forked child would otherwise load and initialise libhdf5 anew, most of an execution's
// time: the fuzzer's own process loads it once and every child finds it loaded. The file is
// still read only in the child.
extern "C" int LLVMFuzzerInitialize(int*, char***) {
    fuzz::cap_isolated_calls();
    try {
        strata::load_hdf5_library("fuzz.h5");
    } catch (const strata::Error&) {
        // Then every child reports the missing library, which is what the target checks.
    }
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    fuzz::import_model(std::string_view(reinterpret_cast<const char*>(data), size), "fuzz.h5");
    return 0;
}
