#pragma once

namespace strata {

// How a model file is read (as opposed to Options, which say how it is drawn).
struct ImportOptions {
    // ONNX: one box per op, as in the file, instead of the folded, module-named boxes.
    bool onnx_raw = false;
    // A model file may name files (face images, logos, font files) only inside its own folder;
    // this lifts that rule for a model the user trusts.
    bool allow_model_paths = false;
};

}  // namespace strata
