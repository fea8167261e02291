// Built instead of the cairo emitters when strata is configured with STRATA_WITH_CAIRO=OFF:
// PNG and PDF output are refused with a message that says why; SVG, TikZ and JSON remain.

#include "strata/emit.hpp"
#include "strata/error.hpp"

namespace strata {
namespace {

[[noreturn]] void without_cairo(const char* format) {
    throw Error("", std::string("strata was built without cairo (STRATA_WITH_CAIRO=OFF), so it "
                                "cannot write ") +
                        format + "; write SVG and convert it");
}

}  // namespace

std::string to_png(const Scene&, const RasterOptions&) {
    without_cairo("PNG");
}

std::string to_png(const Scene&, const RasterOptions&, Warnings&) {
    without_cairo("PNG");
}

RgbaImage to_rgba(const Scene&, const RasterOptions&, Warnings&) {
    without_cairo("PNG");
}

RasterOptions fit_raster(const Scene&, const RasterOptions&, Warnings&) {
    without_cairo("PNG");
}

std::string to_pdf(const Scene&, Warnings&) {
    without_cairo("PDF");
}

std::string to_pdf(const Scene&) {
    without_cairo("PDF");
}

}  // namespace strata
