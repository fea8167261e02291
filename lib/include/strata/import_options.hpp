#pragma once

namespace strata {

// How a model file is read (as opposed to Options, which say how it is drawn).
struct ImportOptions {
    // ONNX: one box per op, as in the file, instead of the folded, module-named boxes.
    bool onnx_raw = false;
};

}  // namespace strata
