// TensorFlow.js model.json: the fuzzer's bytes are the model topology inside the envelope
// the browser format wraps around it.

#include "fuzz_support.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string document =
        R"({"format": "layers-model", "generatedBy": "TensorFlow.js tfjs-layers v4.22.0", )"
        R"("convertedBy": null, "modelTopology": )" +
        std::string(reinterpret_cast<const char*>(data), size) +
        R"(, "weightsManifest": [{"paths": ["group1-shard1of1.bin"], "weights": []}]})";
    fuzz::import_model(document, "model.json");
    return 0;
}
