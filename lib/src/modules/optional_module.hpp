#pragma once

// The parts of strata that need a large library (ONNX and protobuf, libzip, cairo and its X11
// chain) are built as modules of their own and loaded on first use: linked in, those libraries
// would cost every strata process milliseconds of start-up, also a run that never reads an
// ONNX file or writes a PNG. Each module exports one function that returns its table.

#include <string>

namespace strata {

// The entry of module `file` (e.g. "strata-cairo.so"): the table its function `entry` returns
// for this version of strata. Looked for beside the program or library that holds strata, in
// the installed module folder, and along the run path; loaded once per process. Throws
// strata::Error(source_name, ...) when the module is missing or from another version.
const void* load_module_table(const char* file, const char* entry, const std::string& source_name);

// What a module's entry returns first: the version it was built for, checked before use.
struct ModuleHeader {
    const char* version;
};

}  // namespace strata
