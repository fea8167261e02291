// Choosing the layout for a figure that LaTeX sets: the font LaTeX will use, and text sizes
// that come out right once the geometry is scaled to a given width. Both act on the Options
// before layout; the layout itself never learns the output format.

#include <cmath>
#include <optional>
#include <string>
#include <variant>

#include "emit/number_format.hpp"
#include "layout/layered_view.hpp"
#include "strata/error.hpp"
#include "strata/render.hpp"
#include "style/length.hpp"
#include "text/harfbuzz_engine.hpp"

namespace strata {
namespace {

constexpr double kTexPtPerPx = 72.27 / 96.0;

// The Latin Modern design size LaTeX's font definitions load for a font size in TeX points
// (t1lmr.fd and tulmr.fd for Roman, t1lmss.fd and tulmss.fd for Sans).
int latin_modern_design_size(double pt, bool sans) {
    if (sans) {
        if (pt < 8.5) return 8;
        if (pt < 9.5) return 9;
        if (pt < 11) return 10;
        if (pt < 15.5) return 12;
        return 17;
    }
    if (pt < 5.5) return 5;
    if (pt < 6.5) return 6;
    if (pt < 7.5) return 7;
    if (pt < 8.5) return 8;
    if (pt < 9.5) return 9;
    if (pt < 11) return 10;
    if (pt < 15) return 12;
    return 17;
}

// Every size that belongs to text, multiplied by `factor`; geometry stays.
Options with_text_scaled(Options o, double factor) {
    o.font_size *= factor;
    o.text_vspacing *= factor;
    for (auto& [key, style] : o.styles) {
        if (style.font_size) *style.font_size *= factor;
        if (style.text_vspacing) *style.text_vspacing *= factor;
    }
    for (LayerGroup& group : o.layered_groups) {
        group.font_size *= factor;
        group.text_spacing *= factor;
    }
    return o;
}

// The geometry of `scene`, laid out for the scale `used`, grown to exactly `width_px`: text
// sizes are divided by the growth, as the picture multiplies them by the scale; growing only
// moves text further apart.
Scene grown_to_width(Scene scene, double used, double width_px, double& scale) {
    scale = used;
    if (scene.width <= 0) return scene;
    const double growth = width_px / (scene.width * used);
    scale = used * growth;
    for (Group& group : scene.groups) {
        for (Primitive& item : group.items) {
            if (auto* run = std::get_if<TextRun>(&item)) run->font_size /= growth;
        }
    }
    return scene;
}

// A figure whose rows at the width would leave a stub, laid out as a little wider with fair
// rows, with its text sized so that it comes out right once the geometry is scaled down to
// `width_px`. Nullopt when no such layout is found in a few rounds.
std::optional<Scene> widened_to_width(const Model& model, const Options& options, double width_px,
                                      double& scale, Warnings& warnings) {
    TextEngine text;
    double used = 1;
    for (int round = 0; round < 8; ++round) {
        Options o = with_text_scaled(options, 1 / used);
        o.width = std::to_string(width_px / used) + "px";
        layout::RowFit fit;
        fit.may_widen = true;
        Warnings last;
        Scene scene = layout::layered_view(model, o, text, last, fit);
        const double rendered = scene.width * used;
        if (rendered <= width_px * (1 + 1e-9)) {
            warnings.insert(warnings.end(), last.begin(), last.end());
            return grown_to_width(std::move(scene), used, width_px, scale);
        }
        if (!fit.widened) return std::nullopt;  // text, not the rows, keeps it wider
        used *= width_px / rendered;
    }
    return std::nullopt;
}

}  // namespace

Options latex_text_options(Options options, double font_pt, bool sans) {
    if (!std::isfinite(font_pt) || font_pt < 1 || font_pt > 1000) {
        throw Error("", "the document font size must be between 1 and 1000 pt");
    }
    options.font = std::string(sans ? "LM Sans " : "LM Roman ") +
                   std::to_string(latin_modern_design_size(font_pt, sans));
    options.font_size = font_pt / kTexPtPerPx;
    return options;
}

Options latex_title_fonts(Options options) {
    for (const char* family : {"LM Roman ", "LM Sans "}) {
        if (options.font.rfind(family, 0) != 0) continue;
        const bool sans = family[3] == 'S';
        for (LayerGroup& group : options.layered_groups) {
            if (group.font) continue;
            group.font = family + std::to_string(latin_modern_design_size(
                                      group.font_size * kTexPtPerPx, sans));
        }
    }
    return options;
}

Scene layout_to_width(const Model& model, const Options& options, double width_px, double& scale,
                      Warnings& warnings) {
    if (!std::isfinite(width_px) || width_px <= 0) {
        throw Error("", "the figure width must be a positive length");
    }
    constexpr double kTolerancePx = 0.005;
    constexpr double kSmallestScale = 1e-3;
    TextEngine text;
    double s = 1, used = 1;  // the next scale to try, and the one the scene was laid out for
    Scene scene;
    Warnings last;
    for (int round = 0; round < 60; ++round) {
        last.clear();
        used = s;
        scene = layout::layered_view(model, with_text_scaled(options, 1 / used), text, last);
        const double rendered = scene.width * used;
        if (std::fabs(rendered - width_px) <= kTolerancePx) break;
        const double next = used * width_px / rendered;
        if (next < kSmallestScale) break;
        s = next;
    }
    warnings.insert(warnings.end(), last.begin(), last.end());
    const double rendered = scene.width * used;
    if (rendered > width_px + 0.5) {
        warnings.push_back(
            {"", "the text of this figure is wider than the width asked for: the figure is " +
                     emit::format_number(rendered * 0.75) + " bp wide instead of " +
                     emit::format_number(width_px * 0.75) +
                     " bp (use smaller text, fewer captions or a wider figure)"});
    }
    scale = used;
    return scene;
}

Scene layout_for_latex(const Model& model, const Options& options, double& scale,
                       Warnings& warnings) {
    scale = 1;
    if (options.width.empty()) return layout_layered(model, options, warnings);
    const double width_px = length_in_px(options.width, "width");
    Warnings fitting;
    TextEngine text;
    layout::RowFit fit;
    fit.may_widen = true;
    Scene scene = layout::layered_view(model, options, text, fitting, fit);
    constexpr double kTolerancePx = 0.005;
    if (scene.width <= width_px + kTolerancePx) {
        // It fits: grow its geometry to the width.
        warnings.insert(warnings.end(), fitting.begin(), fitting.end());
        return grown_to_width(std::move(scene), 1, width_px, scale);
    }
    // Fair rows only a little wider than the width: scale their geometry down to it.
    if (fit.widened) {
        if (auto widened = widened_to_width(model, options, width_px, scale, warnings)) {
            return std::move(*widened);
        }
    }
    // Text alone keeps the figure wider: scale the geometry of the unwrapped figure instead.
    Options unfitted = options;
    unfitted.width.clear();
    return layout_to_width(model, unfitted, width_px, scale, warnings);
}

}  // namespace strata
