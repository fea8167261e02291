#include "layout/detail/auto_level.hpp"

#include <algorithm>
#include <limits>
#include <optional>
#include <string>
#include <variant>
#include <vector>

#include "layout/detail/expansion.hpp"
#include "layout/detail/model_at_level.hpp"
#include "layout/layered/layered_view.hpp"
#include "layout/layered/text_strips.hpp"
#include "style/length.hpp"

namespace strata::layout::detail {
namespace {

// The smallest front face a printed box may have: 2 mm, in CSS pixels.
constexpr double kSmallestFacePx = 2 / 25.4 * 96;
// Slack for rounding in the fitting.
constexpr double kWidthSlackPx = 0.5;
constexpr double kTextSlackPx = 0.01;
constexpr double kFaceSlackPx = 0.01;

// Whether the figure, printed at its scale, is no wider than `width_px` and no taller than
// `height_px`, sets no text smaller than `smallest_px`, and gives every box of a tensor with
// two axes or more a face at least 2 mm tall. A vector is drawn as a thin bar on purpose, so
// its height says nothing.
bool readable(const FittedScene& fitted, double width_px, double height_px, double smallest_px) {
    if (fitted.scene.width * fitted.scale > width_px + kWidthSlackPx) return false;
    if (fitted.scene.height * fitted.scale > height_px + kWidthSlackPx) return false;
    for (const Group& g : fitted.scene.groups) {
        for (const Primitive& item : g.items) {
            const auto* run = std::get_if<TextRun>(&item);
            if (run && run->font_size * fitted.scale < smallest_px - kTextSlackPx) return false;
        }
        if (g.role != Role::layer || !g.box || g.shape.find(" x ") == std::string::npos) continue;
        if ((g.box->y2 - g.box->y1) * fitted.scale < kSmallestFacePx - kFaceSlackPx) return false;
    }
    return true;
}

// Whether the figure is no taller than the fitting keeps a figure of its width when it can:
// boxes kept 2 mm tall by stacking rows into a tower would otherwise pass as readable. As the
// fitting counts it: the strips only text takes (captions, ×N labels) left out, so that a
// level the fitting laid out as fitting is not refused for its labels (a wider width would
// then fall to a coarser level).
bool short_enough(const FittedScene& fitted, double width_px) {
    const double height = fitted.scene.height - text_only_height(fitted.scene);
    return height * fitted.scale <= kMostHeightPerWidth * width_px + kWidthSlackPx;
}

FittedScene at(const Model& model, const Options& options, Level level, const LayOut& lay_out,
               Warnings& warnings, bool expanded_as_blocks = false) {
    Options wanted = options;
    wanted.level = level;
    const ModelAtLevel coarse(model, wanted, warnings, expanded_as_blocks);
    FittedScene fitted = lay_out(coarse.model(), coarse.options(), warnings);
    if (coarse.coarsened()) fitted.scene.level = std::string(name_of(level));
    return fitted;
}

// A figure of stages with a stage expanded that does not fit its width: the same with that
// stage drawn block by block, when that one fits, or at least is no wider than the width.
// Nullopt otherwise, or when nothing is expanded.
std::optional<FittedScene> expanded_by_blocks(const Model& model, const Options& options,
                                              const FittedScene& drawn, const LayOut& lay_out,
                                              double width_px, double height_px, double smallest_px,
                                              Warnings& warnings) {
    const auto fits = [&](const FittedScene& f) {
        return readable(f, width_px, height_px, smallest_px) && short_enough(f, width_px);
    };
    if (options.expand.empty() || fits(drawn) ||
        !expandable_at(model, find_blocks(model), Level::stage, options.expand))
        return std::nullopt;
    Warnings laid;
    FittedScene by_blocks = at(model, options, Level::stage, lay_out, laid, true);
    by_blocks.scene.level = std::string(name_of(Level::stage));
    const auto within = [&](const FittedScene& f) {
        return f.scene.width * f.scale <= width_px + kWidthSlackPx;
    };
    if (!fits(by_blocks) && (within(drawn) || !within(by_blocks))) return std::nullopt;
    warnings.insert(warnings.end(), laid.begin(), laid.end());
    return by_blocks;
}

}  // namespace

FittedScene lay_out_at_level(const Model& model, const Options& asked, const LayOut& lay_out,
                             Warnings& warnings) {
    Options options = asked;
    // Similar blocks fold where a width chooses the level; without one every block is drawn
    // as it is, but identical ones.
    if (options.collapse == Collapse::automatic)
        options.collapse = options.level == Level::automatic && !options.width.empty() &&
                                   !options.compat_visualkeras && options.view == View::layered
                               ? Collapse::similar
                               : Collapse::exact;
    check_expand_names(model, options.expand);
    // visualkeras draws every layer, and so does a figure compared with its pictures. The
    // choice of a level by the boxes' size in print is the layered and functional views': another
    // view at level auto (a preset's, as paper's) draws every layer; a level it is given, it draws.
    if (options.level != Level::automatic || options.width.empty() || options.compat_visualkeras ||
        (options.view != View::layered && options.view != View::functional)) {
        const Level level = options.level == Level::automatic ? Level::layer : options.level;
        if (level != Level::stage || options.width.empty() || options.compat_visualkeras)
            return at(model, options, level, lay_out, warnings);
        Warnings laid;
        FittedScene fitted = at(model, options, level, lay_out, laid);
        const double width_px = length_in_px(options.width, "width");
        const double height_px = options.height.empty() ? std::numeric_limits<double>::infinity()
                                                        : length_in_px(options.height, "height");
        const double smallest_px = std::min(points_to_px(options.min_font_size), options.font_size);
        if (auto by_blocks = expanded_by_blocks(model, options, fitted, lay_out, width_px,
                                                height_px, smallest_px, warnings))
            return std::move(*by_blocks);
        warnings.insert(warnings.end(), laid.begin(), laid.end());
        return fitted;
    }
    const double width_px = length_in_px(options.width, "width");
    const double height_px = options.height.empty() ? std::numeric_limits<double>::infinity()
                                                    : length_in_px(options.height, "height");
    // Text is never drawn smaller than min_font_size, nor than the size asked for when that is
    // smaller still: no level can make it larger.
    const double smallest_px = std::min(points_to_px(options.min_font_size), options.font_size);
    // A level's figure and the warnings its layout gave.
    struct Candidate {
        FittedScene fitted;
        Warnings warnings;
    };
    std::optional<Candidate> last;
    std::vector<Candidate> readable_ones;  // finest first
    bool fitting = false;
    for (const Level level : {Level::layer, Level::block, Level::stage}) {
        // A level where a block to expand is no unit of its own (a block among stages) is
        // no candidate.
        if (level == Level::stage && !options.expand.empty() &&
            !expandable_at(model, find_blocks(model), level, options.expand))
            continue;
        Warnings found;
        Options wanted = options;
        wanted.level = level;
        const ModelAtLevel coarse(model, wanted, found);
        if (level != Level::layer && !coarse.coarsened()) continue;
        Warnings laid;
        FittedScene fitted = lay_out(coarse.model(), coarse.options(), laid);
        // Level auto always names the level it chose, layer included.
        fitted.scene.level = std::string(name_of(level));
        const bool is_readable = readable(fitted, width_px, height_px, smallest_px);
        const bool fits = is_readable && short_enough(fitted, width_px);
        last = Candidate{std::move(fitted), std::move(laid)};
        if (is_readable && !fits && !options.height.empty()) readable_ones.push_back(*last);
        if (fits) {
            fitting = true;
            break;
        }
    }
    // With a height asked for, that height is the bound: when no level is as short as the
    // fitting likes, the finest that fits the width and the height and is no taller than
    // wide, or than the coarsest level's figure and a quarter, wins over a coarser one, which
    // would only be smaller (ResNet-50's stages in a column: a quarter narrower than its blocks
    // and hardly shorter). A finer level that only a tower of rows fits (DenseNet-121's
    // blocks in a column, 1.75 times as tall as its stages) gives way.
    constexpr double kFinerLevelHeightShare = 1.25;
    if (!fitting) {
        const double coarsest = last->fitted.scene.height * last->fitted.scale;
        const double tallest =
            std::max(width_px, kFinerLevelHeightShare * coarsest) + kWidthSlackPx;
        for (Candidate& candidate : readable_ones) {
            if (candidate.fitted.scene.height * candidate.fitted.scale > tallest) continue;
            last = std::move(candidate);
            break;
        }
    }
    // No level fits with the expanded stage's layers: its blocks, if they do.
    if (!fitting && last->fitted.scene.level == name_of(Level::stage)) {
        if (auto by_blocks = expanded_by_blocks(model, options, last->fitted, lay_out, width_px,
                                                height_px, smallest_px, warnings))
            return std::move(*by_blocks);
    }
    warnings.insert(warnings.end(), last->warnings.begin(), last->warnings.end());
    return std::move(last->fitted);
}

}  // namespace strata::layout::detail
