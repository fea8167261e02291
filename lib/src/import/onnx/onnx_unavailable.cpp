// Built instead of the ONNX reader when strata is configured with STRATA_WITH_ONNX=OFF: an
// ONNX file is still recognised (on the protobuf wire, no library needed), and refused with
// a message that says why.

#include "import/onnx/compact.hpp"
#include "import/onnx/onnx_reader.hpp"
#include "strata/error.hpp"

namespace strata {

bool looks_like_onnx(std::string_view bytes) {
    return onnx_import::looks_like_onnx(bytes);
}

Model read_onnx(std::string_view, const std::string& source_name, Warnings&, bool) {
    throw Error(source_name, "strata was built without ONNX support (STRATA_WITH_ONNX=OFF)");
}

}  // namespace strata
