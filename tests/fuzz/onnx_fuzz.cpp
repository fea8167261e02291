// ONNX models: protobuf parsing, constant propagation and folding; the checker and inference run in
// the isolated child.

#include "fuzz_support.hpp"

extern "C" int LLVMFuzzerInitialize(int*, char***) {
    fuzz::cap_isolated_calls();
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    fuzz::import_model(std::string_view(reinterpret_cast<const char*>(data), size), "fuzz.onnx");
    return 0;
}
