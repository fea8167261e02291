#pragma once

// The tables the modules export: plain function pointers with the signatures of the public
// functions they implement, so that loading a module changes no caller.

#include <cstddef>
#include <string>
#include <string_view>

#include "modules/optional_module.hpp"
#include "strata/diagnostics.hpp"
#include "strata/emit.hpp"
#include "strata/model.hpp"

namespace strata {

struct OnnxModule {
    ModuleHeader header;
    Model (*read_onnx)(std::string_view bytes, const std::string& source_name, Warnings& warnings,
                       bool raw);
};
inline constexpr const char* kOnnxModuleFile = "strata-onnx.so";
inline constexpr const char* kOnnxModuleEntry = "strata_onnx_module";

struct KerasArchiveModule {
    ModuleHeader header;
    Model (*read_file)(const std::string& path, Warnings& warnings, std::size_t max_member_bytes);
    Model (*read_bytes)(std::string_view bytes, const std::string& source_name, Warnings& warnings,
                        std::size_t max_member_bytes);
};
inline constexpr const char* kKerasArchiveModuleFile = "strata-keras-archive.so";
inline constexpr const char* kKerasArchiveModuleEntry = "strata_keras_archive_module";

struct CairoModule {
    ModuleHeader header;
    std::string (*to_png)(const Scene& scene, const RasterOptions& options, Warnings& warnings);
    RgbaImage (*to_rgba)(const Scene& scene, const RasterOptions& options, Warnings& warnings);
    RasterOptions (*fit_raster)(const Scene& scene, const RasterOptions& requested,
                                Warnings& warnings);
    std::string (*to_pdf)(const Scene& scene, Warnings& warnings);
};
inline constexpr const char* kCairoModuleFile = "strata-cairo.so";
inline constexpr const char* kCairoModuleEntry = "strata_cairo_module";

}  // namespace strata

// The one symbol a module exports.
#define STRATA_MODULE_ENTRY extern "C" __attribute__((visibility("default")))
