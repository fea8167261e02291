// The onnx module's one exported function: the table of its reader.

#include "import/onnx/onnx_reader.hpp"
#include "modules/module_tables.hpp"

namespace {

constexpr strata::OnnxModule kTable{{STRATA_VERSION}, strata::read_onnx};

}  // namespace

STRATA_MODULE_ENTRY const strata::ModuleHeader* strata_onnx_module() {
    return &kTable.header;
}
