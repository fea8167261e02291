// PNG and PDF as the rest of strata calls them: drawn by the cairo module, loaded on first use.

#include "modules/module_tables.hpp"
#include "strata/emit.hpp"

namespace strata {
namespace {

const CairoModule& cairo_module() {
    return *static_cast<const CairoModule*>(
        load_module_table(kCairoModuleFile, kCairoModuleEntry, ""));
}

}  // namespace

std::string to_png(const Scene& scene, const RasterOptions& options) {
    Warnings ignored;
    return cairo_module().to_png(scene, options, ignored);
}

std::string to_png(const Scene& scene, const RasterOptions& options, Warnings& warnings) {
    return cairo_module().to_png(scene, options, warnings);
}

RgbaImage to_rgba(const Scene& scene, const RasterOptions& options, Warnings& warnings) {
    return cairo_module().to_rgba(scene, options, warnings);
}

RasterOptions fit_raster(const Scene& scene, const RasterOptions& requested, Warnings& warnings) {
    return cairo_module().fit_raster(scene, requested, warnings);
}

std::string to_pdf(const Scene& scene, Warnings& warnings) {
    return cairo_module().to_pdf(scene, warnings);
}

std::string to_pdf(const Scene& scene) {
    Warnings ignored;
    return cairo_module().to_pdf(scene, ignored);
}

}  // namespace strata
