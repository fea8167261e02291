// The cairo module's one exported function: the table of its PNG and PDF writers.

#include "modules/module_tables.hpp"
#include "strata/emit.hpp"

namespace {

std::string png(const strata::Scene& scene, const strata::RasterOptions& options,
                strata::Warnings& warnings) {
    return strata::to_png(scene, options, warnings);
}

std::string pdf(const strata::Scene& scene, strata::Warnings& warnings) {
    return strata::to_pdf(scene, warnings);
}

constexpr strata::CairoModule kTable{
    {STRATA_VERSION}, png, strata::to_rgba, strata::fit_raster, pdf};

}  // namespace

STRATA_MODULE_ENTRY const strata::ModuleHeader* strata_cairo_module() {
    return &kTable.header;
}
