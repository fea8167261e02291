// The public layout calls: the layered view, and fitting it to a width. One decision serves
// every output (fitted_layout): the same width gives the same rows, boxes and warnings in SVG,
// PNG, PDF and TikZ. Outputs differ only in how they draw its scale: SVG, PNG and PDF get the
// scene multiplied by it; LaTeX draws the geometry scaled and sets its text at its own size
// (text sizes divided by the scale before layout), and also grows a figure narrower than the
// width towards that width, no taller than the fitting allows. The layout never learns the
// output format.

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <optional>
#include <string>
#include <variant>

#include "layout/detail/auto_level.hpp"
#include "layout/detail/expansion.hpp"
#include "layout/fitting/latin_modern.hpp"
#include "layout/fitting/legend_placement.hpp"
#include "layout/fitting/legend_shrink.hpp"
#include "layout/fitting/placed_option_errors.hpp"
#include "layout/fitting/readable_text.hpp"
#include "layout/fitting/scaled_scene.hpp"
#include "layout/views/view_scene.hpp"
#include "strata/error.hpp"
#include "strata/layout.hpp"
#include "strata/limits.hpp"
#include "style/length.hpp"

namespace strata {
namespace {

constexpr double kTolerancePx = 0.005;

// `px` pixels as big points, to 3 decimals at most, for a message.
std::string bp_text(double px) {
    char text[64];
    std::snprintf(text, sizeof text, "%.3f", px * 0.75);
    std::string s = text;
    while (s.back() == '0') s.pop_back();
    if (s.back() == '.') s.pop_back();
    return s == "-0" ? "0" : s;
}

// Every size that belongs to text, multiplied by `factor`; geometry stays. The smallest text
// size too: the picture multiplies the text by the scale again, and text lifted to the minimum
// must come out at the minimum.
Options with_text_scaled(Options o, double factor) {
    o.font_size *= factor;
    o.text_vspacing *= factor;
    o.min_font_size *= factor;
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

// Every text size below `min_font_size` raised to it: a figure fitted to a width draws no text
// smaller (captions, ×N labels, legend, group titles), also when the document's text is.
Options with_text_at_least_min(Options o) {
    const double least = points_to_px(o.min_font_size);
    o.font_size = std::max(o.font_size, least);
    for (auto& [key, style] : o.styles) {
        if (style.font_size) *style.font_size = std::max(*style.font_size, least);
    }
    for (LayerGroup& group : o.layered_groups) group.font_size = std::max(group.font_size, least);
    return o;
}

// The geometry of `scene`, laid out for the scale `used`, grown to exactly `width_px`: text
// sizes are divided by the growth, as the picture multiplies them by the scale; growing only
// moves text further apart. The legend, whose swatches and gaps are in proportion to its text,
// keeps that proportion: it shrinks as a whole (legend_shrunk).
FittedScene grown_to_width(Scene scene, double used, double width_px) {
    if (scene.width <= 0) return {std::move(scene), used};
    const double growth = width_px / (scene.width * used);
    for (Group& group : scene.groups) {
        if (group.role == Role::legend) continue;
        for (Primitive& item : group.items) {
            if (auto* run = std::get_if<TextRun>(&item)) layout::shrink_about_anchor(*run, growth);
        }
    }
    return {layout::legend_shrunk(std::move(scene), growth), used * growth};
}

// A figure whose rows at the width would leave a stub, laid out as a little wider with fair
// rows, with its text sized so that it comes out right once the geometry is scaled down to
// `width_px`. Nullopt when no such layout is found in a few rounds.
std::optional<FittedScene> widened_to_width(const Model& model, const Options& options,
                                            double width_px, const LayoutContext& context,
                                            Warnings& warnings) {
    double used = 1;
    for (int round = 0; round < 8; ++round) {
        Options o = with_text_scaled(options, 1 / used);
        o.width = std::to_string(width_px / used) + "px";
        if (!o.height.empty())
            o.height = std::to_string(length_in_px(options.height, "height") / used) + "px";
        Warnings last;
        layout::RowFit fit = layout::view_scene_may_widen(model, o, context, last);
        const double rendered = fit.scene.width * used;
        if (rendered <= width_px * (1 + 1e-9)) {
            warnings.insert(warnings.end(), last.begin(), last.end());
            return grown_to_width(std::move(fit.scene), used, width_px);
        }
        if (!fit.widened) return std::nullopt;  // text, not the rows, keeps it wider
        used *= width_px / rendered;
    }
    return std::nullopt;
}

// The one fitting of a figure to `options.width`, for every output: the layout at the width
// (repeats collapsed, rows wrapped, boxes shrunk, text at its own size) and the scale its
// geometry is drawn at. The scale is below 1 only when every size that fits leaves a stub row
// and fair rows a little wider were found: their text sizes are then divided by it already.
FittedScene fitted_layout(const Model& model, const Options& asked, const LayoutContext& context,
                          Warnings& warnings) {
    const Options options = with_text_at_least_min(asked);
    const double width_px = length_in_px(options.width, "width");
    Warnings fitting;
    layout::RowFit fit = layout::view_scene_may_widen(model, options, context, fitting);
    if (!fit.widened) {
        warnings.insert(warnings.end(), fitting.begin(), fitting.end());
        return {std::move(fit.scene), 1};
    }
    if (auto widened = widened_to_width(model, options, width_px, context, warnings)) {
        return std::move(*widened);
    }
    // No fair rows come out at the width once scaled: the rows the width itself gives.
    return {layout::view_scene(model, options, context, warnings), 1};
}

// The smallest text of `scene` drawn at `scale`, in pixels (0 without text).
double smallest_text_px(const Scene& scene, double scale) {
    double smallest = 0;
    for (const Group& group : scene.groups) {
        for (const Primitive& item : group.items) {
            const auto* run = std::get_if<TextRun>(&item);
            if (!run || run->text.empty()) continue;
            const double size = run->font_size * scale;
            if (smallest == 0 || size < smallest) smallest = size;
        }
    }
    return smallest;
}

// A figure larger than the page `options.height` and `options.width` make at every level and
// box size (its text and gaps take the room): the whole of it drawn smaller, text included,
// so that it keeps within both. Never an overflow; a warning says so when its text then
// prints under min_font_size, or when the figure has no text to judge by (a figure whose text
// stays readable is what the page asked for). Without a height only the width's own warning
// stands.
FittedScene within_page(FittedScene fitted, const Options& options, Warnings& warnings) {
    if (options.height.empty()) return fitted;
    const double height_px = length_in_px(options.height, "height");
    const double width_px = options.width.empty() ? fitted.scene.width * fitted.scale
                                                  : length_in_px(options.width, "width");
    const double drawn_height = fitted.scene.height * fitted.scale;
    const double drawn_width = fitted.scene.width * fitted.scale;
    if (drawn_height <= height_px + kTolerancePx && drawn_width <= width_px + kTolerancePx)
        return fitted;
    const double shrink = std::min(height_px / drawn_height, width_px / drawn_width);
    fitted.scale *= shrink;
    const double text_px = smallest_text_px(fitted.scene, fitted.scale);
    // Text that stays readable: the figure is what the page asked for.
    if (text_px > 0 && text_px >= points_to_px(options.min_font_size) - 1e-6) return fitted;
    // Without a width nothing was tried first: the figure is only scaled.
    const std::string page = options.width.empty() ? "taller than " + options.height
                                                   : "larger than " + options.width + " x " +
                                                         options.height + " at every size";
    const std::string text = text_px <= 0 ? ""
                                          : ", its smallest text at " + bp_text(text_px) +
                                                " pt, smaller than min_font_size: too small to "
                                                "read (give a larger height, a coarser level or "
                                                "fewer captions)";
    // Named by the bound that made it smaller: the width's own warning has said why already.
    const bool too_wide = drawn_width > width_px + kTolerancePx;
    const bool too_tall = drawn_height > height_px + kTolerancePx;
    warnings.push_back({too_tall || !too_wide ? "height" : "width",
                        "the figure is " + page + ": it is drawn at " +
                            std::to_string(static_cast<int>(std::round(shrink * 100))) +
                            "% of its size to fit" + text});
    return fitted;
}

// A LaTeX figure given no height that its text still keeps wider than `options.width`: drawn
// smaller as a whole, so that the document's column is never overfull, with a warning that
// says how small its text now prints. With a height, within_page has seen to it.
FittedScene within_width(FittedScene fitted, const Options& options, Warnings& warnings) {
    if (options.width.empty() || !options.height.empty()) return fitted;
    const double width_px = length_in_px(options.width, "width");
    const double drawn_width = fitted.scene.width * fitted.scale;
    if (drawn_width <= width_px + kTolerancePx) return fitted;
    const double shrink = width_px / drawn_width;
    fitted.scale *= shrink;
    const double text_px = smallest_text_px(fitted.scene, fitted.scale);
    const bool too_small = text_px > 0 && text_px < points_to_px(options.min_font_size) - 1e-6;
    warnings.push_back(
        {"width", "the figure's text keeps it wider than " + options.width + ": it is drawn at " +
                      std::to_string(static_cast<int>(std::round(shrink * 100))) +
                      "% of its size to fit" +
                      (text_px > 0 ? ", its smallest text at " + bp_text(text_px) + " pt" : "") +
                      (too_small ? ", smaller than min_font_size: too small to read (give a "
                                   "wider width, a coarser level or fewer captions)"
                                 : "")});
    return fitted;
}

// A figure fitted to `width` (as the user wrote it) that TeX still cannot measure, refused
// here with what keeps it so large: the TikZ emitter's own check can only ask for a width.
FittedScene measurable_by_tex(FittedScene fitted, const std::string& width) {
    const double px_per_bp = 1 / 0.75;
    const double largest_px = limits::kMaxTexSideBp * px_per_bp;
    const double w = fitted.scene.width * fitted.scale, h = fitted.scene.height * fitted.scale;
    const std::string size = bp_text(w) + " x " + bp_text(h) + " bp";
    if (w > largest_px) {
        throw Error("", "fitted to the width " + width + ", the picture is still " + size +
                            ", wider than TeX can measure (16000 bp): its text keeps it wide "
                            "(use smaller text or shorter captions)");
    }
    if (h > largest_px) {
        throw Error("", "fitted to the width " + width + ", the picture is " + size +
                            ", taller than TeX can measure (16000 bp) (give a wider width or "
                            "draw fewer rows)");
    }
    return fitted;
}

}  // namespace

// Each public call lays the model out at the level its options ask for, through itself at
// level layer.

namespace {

// The figure at the level its options ask for, fitted to their width, not yet kept to their
// height: level auto compares the levels as they come out at their own size.
FittedScene layered_at_level(const Model& model, const Options& options,
                             const LayoutContext& context, Warnings& warnings) {
    // At level layer every block is drawn layer by layer: the names to expand are only checked.
    if (options.level == Level::layer) layout::detail::check_expand_names(model, options.expand);
    if (options.level != Level::layer || options.collapse == Collapse::similar) {
        const auto at_level = [&](const Model& m, const Options& o, Warnings& w) {
            return layered_at_level(m, o, context, w);
        };
        return layout::detail::lay_out_at_level(model, options, at_level, warnings);
    }
    if (options.width.empty()) return {layout::view_scene(model, options, context, warnings), 1};
    return fitted_layout(model, options, context, warnings);
}

}  // namespace

// An error the layout finds in an option's value is placed where a file gave the option.

Scene layout_layered(const Model& model, const Options& options, const LayoutContext& context,
                     Warnings& warnings) {
    return layout::with_option_places(options.option_places, [&] {
        validate(options);
        const auto on_page = [&](const Options& o, Warnings& w) {
            return within_page(layered_at_level(model, o, context, w), o, w);
        };
        const auto placed = [&](const Options& o, Warnings& w) {
            return layout::with_legend_placed(o, on_page, w);
        };
        FittedScene fitted = layout::with_text_kept_large(options, placed, warnings);
        return layout::scaled_scene(std::move(fitted.scene), fitted.scale);
    });
}

namespace {

FittedScene to_width(const Model& model, const Options& options, double width_px,
                     const LayoutContext& context, Warnings& warnings) {
    validate(options);
    // At level layer every block is drawn layer by layer: the names to expand are only checked.
    if (options.level == Level::layer) layout::detail::check_expand_names(model, options.expand);
    if (options.level != Level::layer || options.collapse == Collapse::similar) {
        const auto at_level = [&](const Model& m, const Options& o, Warnings& w) {
            return to_width(m, o, width_px, context, w);
        };
        return layout::detail::lay_out_at_level(model, options, at_level, warnings);
    }
    if (!std::isfinite(width_px) || width_px <= 0) {
        throw Error("", "the figure width must be a positive length");
    }
    constexpr double kSmallestScale = 1e-3;
    double s = 1, used = 1;  // the next scale to try, and the one the scene was laid out for
    Scene scene;
    Warnings last;
    for (int round = 0; round < 60; ++round) {
        last.clear();
        used = s;
        scene = layout::view_scene(model, with_text_scaled(options, 1 / used), context, last);
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
                     bp_text(rendered) + " bp wide instead of " + bp_text(width_px) +
                     " bp (use smaller text, fewer captions or a wider figure)"});
    }
    return {std::move(scene), used};
}

}  // namespace

FittedScene layout_to_width(const Model& model, const Options& options, double width_px,
                            const LayoutContext& context, Warnings& warnings) {
    return layout::with_option_places(options.option_places, [&] {
        return to_width(model, options, width_px, context, warnings);
    });
}

Options latex_defaults(Options base, const LatexDocument& document) {
    if (!std::isfinite(document.font_pt) || document.font_pt < 1 || document.font_pt > 1000) {
        throw Error("", "the document font size must be between 1 and 1000 pt");
    }
    base.font = std::string(document.sans ? "LM Sans " : "LM Roman ") +
                std::to_string(layout::latin_modern_design_size(document.font_pt, document.sans));
    base.font_size = document.font_pt / layout::kTexPtPerPx;
    return base;
}

namespace {

// The figure fitted to `options.width` for LaTeX: grown, widened or its text scaled.
FittedScene fitted_for_latex(const Model& model, const Options& options,
                             const LayoutContext& context, Warnings& warnings) {
    const double width_px = length_in_px(options.width, "width");
    FittedScene fitted = fitted_layout(model, options, context, warnings);
    // Narrower than the width: the same picture drawn larger, its text still at its own size,
    // up to the width or to the height the fitting allows a figure of that width, whichever
    // comes first (a slide has no room for a figure grown taller). Wider (text keeps it so,
    // and the fitting said it): drawn as it is, like every output.
    if (fitted.scale == 1 && fitted.scene.width <= width_px + kTolerancePx) {
        // Grown by g, the figure is (height - legend) * g + legend tall: the legend keeps its
        // size (grown_to_width).
        double grown_width = width_px;
        const double legend = layout::legend_height_given_up(fitted.scene);
        const double rest = fitted.scene.height - legend;
        if (rest > 0) {
            double tallest = layout::kMostHeightPerWidth * width_px;
            if (!options.height.empty())
                tallest = std::min(tallest, length_in_px(options.height, "height"));
            grown_width = std::min(
                width_px,
                std::max(fitted.scene.width, (tallest - legend) / rest * fitted.scene.width));
        }
        return grown_to_width(std::move(fitted.scene), 1, grown_width);
    }
    return fitted;
}

}  // namespace

namespace {

// The figure for LaTeX at the level its options ask for, not yet kept to their height.
FittedScene latex_at_level(const Model& model, const Options& options, const LayoutContext& context,
                           Warnings& warnings) {
    // At level layer every block is drawn layer by layer: the names to expand are only checked.
    if (options.level == Level::layer) layout::detail::check_expand_names(model, options.expand);
    if (options.level != Level::layer || options.collapse == Collapse::similar) {
        const auto at_level = [&](const Model& m, const Options& o, Warnings& w) {
            return latex_at_level(m, o, context, w);
        };
        return layout::detail::lay_out_at_level(model, options, at_level, warnings);
    }
    if (options.width.empty()) return layered_at_level(model, options, context, warnings);
    return measurable_by_tex(fitted_for_latex(model, options, context, warnings), options.width);
}

}  // namespace

namespace {

// Whether `font` is a Latin Modern optical size, as latex_defaults names them.
bool is_latin_modern(const std::string& font) {
    return font.rfind("LM Roman ", 0) == 0 || font.rfind("LM Sans ", 0) == 0;
}

// The design size in the name of a Latin Modern font ("LM Roman 10": 10).
int design_of(const std::string& font) {
    return std::stoi(font.substr(font.rfind(' ') + 1));
}

}  // namespace

namespace {

// The figure with its legend placed, laid out again while text the fitting made smaller than
// the document's is set by LaTeX in the design of its own size (6 pt text in lmr6, wider than
// lmr10 scaled down): measured in that design. Smaller designs are wider, so text at a larger
// size measured so keeps its room; the design only ever gets smaller, so this ends.
FittedScene in_latin_modern_design(const Options& options, const layout::PageLayOut& on_page,
                                   Warnings& warnings) {
    // Text that does not fit at min_font_size in the design LaTeX loads for it fits, if at
    // all, only smaller: as small as the design's own sizes reach (at any larger size LaTeX
    // sets a design no narrower), rather than the whole figure drawn smaller (or wider) than
    // the width. Taken when it gives fewer warnings than `laid`.
    const auto smaller_in_design = [&](Options& o, Warnings& laid, FittedScene& fitted) {
        if (laid.empty()) return;
        Options smaller = o;
        smaller.min_font_size =
            std::min(o.min_font_size,
                     layout::latin_modern_smallest_pt(o.font) / layout::kTexPtPerPx * 0.75 + 0.01);
        if (smaller.min_font_size >= o.min_font_size) return;
        Warnings below;
        FittedScene small = layout::with_legend_placed(smaller, on_page, below);
        if (below.size() >= laid.size()) return;
        below.push_back({"width", "set in " + o.font +
                                      ", the design LaTeX loads for text this small, the text "
                                      "fits the width " +
                                      options.width + " only at " +
                                      bp_text(smallest_text_px(small.scene, small.scale)) +
                                      " pt, smaller than min_font_size (give a wider width, "
                                      "fewer captions or a coarser level)"});
        o = std::move(smaller);
        laid = std::move(below);
        fitted = std::move(small);
    };
    Options measured = options;
    Warnings laid;
    FittedScene fitted = layout::with_legend_placed(measured, on_page, laid);
    if (is_latin_modern(measured.font) && !options.width.empty())
        smaller_in_design(measured, laid, fitted);
    // Text the fitting made smaller than the document's is set by LaTeX in the design of its
    // own size (6 pt text in lmr6, wider than lmr10 scaled down): the figure is laid out again
    // measured in that design. Smaller designs are wider, so text at a larger size measured so
    // keeps its room; the design only ever gets smaller, so this ends.
    for (int round = 0; round < 4 && is_latin_modern(measured.font); ++round) {
        const double smallest = smallest_text_px(fitted.scene, fitted.scale);
        if (smallest <= 0) break;
        const std::string at_size = layout::latin_modern_at_size(measured.font, smallest);
        if (design_of(at_size) >= design_of(measured.font)) break;
        Options next = measured;
        next.font = at_size;
        // At the size the fitting chose: the wider design must not send it looking for
        // another size (larger text measured in a smaller design leaves gaps).
        next.font_size = std::min(measured.font_size, smallest / fitted.scale);
        Warnings again;
        FittedScene refit = layout::with_legend_placed(next, on_page, again);
        // Fitting no longer, as the first layout did.
        if (again.size() > laid.size()) smaller_in_design(next, again, refit);
        measured = std::move(next);
        laid = std::move(again);
        fitted = std::move(refit);
    }
    warnings.insert(warnings.end(), laid.begin(), laid.end());
    return fitted;
}

}  // namespace

FittedScene layout_for_latex(const Model& model, const Options& options,
                             const LayoutContext& context, Warnings& warnings) {
    return layout::with_option_places(options.option_places, [&] {
        validate(options);
        const auto on_page = [&](const Options& o, Warnings& w) {
            return within_page(latex_at_level(model, o, context, w), o, w);
        };
        const auto in_design = [&](const Options& o, Warnings& w) {
            return in_latin_modern_design(o, on_page, w);
        };
        return within_width(layout::with_text_kept_large(options, in_design, warnings), options,
                            warnings);
    });
}

}  // namespace strata
