// The ONNX reader as the rest of strata calls it: the onnx module (ONNX and protobuf), loaded
// on first use. Recognising an ONNX file needs no library.

#include "import/onnx/compact.hpp"
#include "import/onnx/onnx_reader.hpp"
#include "modules/module_tables.hpp"

namespace strata {

bool looks_like_onnx(std::string_view bytes) {
    return onnx_import::looks_like_onnx(bytes);
}

Model read_onnx(std::string_view bytes, const std::string& source_name, Warnings& warnings,
                bool raw) {
    const auto& module = *static_cast<const OnnxModule*>(
        load_module_table(kOnnxModuleFile, kOnnxModuleEntry, source_name));
    return module.read_onnx(bytes, source_name, warnings, raw);
}

}  // namespace strata
