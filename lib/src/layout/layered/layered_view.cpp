// The layered view, and its fitting to a width: the figure is built again at smaller box sizes
// (never smaller text) until it fits, with balanced rows when some size has them.

#include "layout/layered/layered_view.hpp"

#include <algorithm>
#include <cmath>
#include <functional>
#include <limits>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "layout/detail/text_scaling.hpp"
#include "layout/layered/layered_figure.hpp"
#include "layout/layered/text_strips.hpp"
#include "style/length.hpp"

namespace strata::layout {

namespace {

// The smallest box size a fitting tries, as a share of the size asked for.
constexpr double kSmallestFactor = 0.02;
// How many times wider than any narrowing could mend a figure must be to be given up at once.
constexpr double kHopelessMargin = 4;

// A figure built at one box size, with what the fitting needs to know about its rows.
struct Trial {
    Scene scene;
    Warnings warnings;
    double narrowest_row_share = 1;
    double height_but_text = 0;  // the scene's height but for strips only text takes
};

Trial build_trial(const Model& model, const Options& options, const LayoutContext& context,
                  double factor, double limit) {
    Trial trial;
    LayeredFigure figure = layered_figure(model, options, context, trial.warnings, {factor, limit});
    trial.scene = std::move(figure.scene);
    trial.narrowest_row_share = figure.narrowest_row_share;
    trial.height_but_text = trial.scene.height - text_only_height(trial.scene);
    return trial;
}

RowFit fitted_view(const Model& model, const Options& options, const LayoutContext& context,
                   Warnings& warnings, bool may_widen, bool retry = true) {
    const double limit = options.width.empty() || options.compat_visualkeras
                             ? 0
                             : length_in_px(options.width, "width");
    // Rows are worth their carriage returns only when each carries a fair share: a model whose
    // skips leave no break but near its ends (a U-Net) is better drawn smaller in one row
    // than as a few boxes, the row, and a few boxes.
    constexpr double kLeastRowShare = 0.25;
    // A height asked for bounds the whole figure, text included: it is the room on the page
    // or slide.
    const double tallest = limit <= 0 || options.height.empty()
                               ? std::numeric_limits<double>::infinity()
                               : length_in_px(options.height, "height");
    const auto fits_room = [&](const Trial& t) {
        return t.scene.width <= limit && t.scene.height <= tallest;
    };
    // Captions and labels add their lines under the rows instead of shrinking the boxes
    // (smaller boxes would leave them as they are): the strips only text takes are not counted.
    const auto fits_both = [&](const Trial& t) {
        return fits_room(t) && t.height_but_text <= kMostHeightPerWidth * limit;
    };
    const auto fair = [&](const Trial& t) { return t.narrowest_row_share >= kLeastRowShare; };
    const auto balanced = [&](const Trial& t) { return fits_both(t) && fair(t); };
    Trial full = build_trial(model, options, context, 1, limit);
    if (limit <= 0 || balanced(full)) {
        warnings.insert(warnings.end(), full.warnings.begin(), full.warnings.end());
        return {std::move(full.scene), false};
    }
    // Shrink the boxes (never the text), collapsed and wrapped anew at each size, to the
    // largest size that fits, with balanced rows if any size has them.
    // Captions side by side can need more rows than the share allows at any box size: such a
    // figure may grow as tall as it is wide before its boxes shrink further.
    const bool captioned = std::any_of(full.scene.groups.begin(), full.scene.groups.end(),
                                       [](const Group& g) { return g.role == Role::caption; });
    const auto square = [&](const Trial& t) {
        return captioned && fits_room(t) && fair(t) && t.height_but_text <= limit;
    };
    // The smallest size is where every search below starts or ends. Each trial costs a whole
    // layout (of every edge of a wide fan-in), so it is built once, and kept only as the sizes
    // the searches compare: built again in the rare case that it is the one drawn.
    std::optional<Trial> smallest_sizes;
    const auto smallest = [&]() -> const Trial& {
        if (!smallest_sizes) {
            smallest_sizes = build_trial(model, options, context, kSmallestFactor, limit);
            smallest_sizes->scene.groups.clear();
            smallest_sizes->scene.groups.shrink_to_fit();
        }
        return *smallest_sizes;
    };
    std::optional<Trial> best;
    for (const auto& fits :
         {std::function<bool(const Trial&)>(balanced), std::function<bool(const Trial&)>(fits_both),
          std::function<bool(const Trial&)>(square)}) {
        if (fits(full)) {
            best = std::move(full);
            break;
        }
        double fitting = 0, too_big = 1;
        for (int step = 0; step < 14; ++step) {
            if (step == 0) {
                if (!fits(smallest())) break;
                fitting = kSmallestFactor;
                best = build_trial(model, options, context, kSmallestFactor, limit);
                continue;
            }
            const double factor = (fitting + too_big) / 2;
            Trial trial = build_trial(model, options, context, factor, limit);
            if (fits(trial)) {
                fitting = factor;
                best = std::move(trial);
            } else {
                too_big = factor;
            }
        }
        if (best) break;
    }
    // No size is short enough (the gaps and the text take the room): the shortest figure
    // that fits the width, with balanced rows if any size has them. Taller than a height
    // asked for, it is scaled down to it afterwards (fitted_layout).
    // Far too wide even at the smallest boxes: smaller text (down to min_font_size) and
    // captions above and below in turn narrow a row by at most their two factors, so the
    // searches below (each fitting a whole figure again) cannot succeed. Say so once.
    const double least_text = points_to_px(options.min_font_size);
    const double most_narrowing = 2 * std::max(1.0, options.font_size / least_text);
    if (!best && smallest().scene.width > kHopelessMargin * most_narrowing * limit) {
        Trial drawn = build_trial(model, options, context, kSmallestFactor, limit);
        warnings.insert(warnings.end(), drawn.warnings.begin(), drawn.warnings.end());
        warnings.push_back(
            {"width", "the figure cannot be made as narrow as " + options.width + " (" +
                          std::to_string(static_cast<long long>(std::ceil(limit))) +
                          " px): at its smallest boxes it is " +
                          std::to_string(static_cast<long long>(std::ceil(drawn.scene.width))) +
                          " px wide, and is drawn so; give a coarser level (block or stage), "
                          "collapse similar blocks or a far larger width"});
        return {std::move(drawn.scene), false};
    }
    if (!best) {
        const auto better = [&](const Trial& t) {
            if (!best) return true;
            if (fair(t) != fair(*best)) return fair(t);
            return t.scene.height < best->scene.height;
        };
        for (const double factor : {1.0, 0.7, 0.5, 0.35, 0.25, 0.15, 0.1, 0.05}) {
            Trial trial = factor == 1.0 ? std::move(full)
                                        : build_trial(model, options, context, factor, limit);
            if (trial.scene.width <= limit && better(trial)) best = std::move(trial);
        }
        if (smallest().scene.width <= limit && better(smallest()))
            best = build_trial(model, options, context, kSmallestFactor, limit);
    }
    if (!best) {
        // Captions side by side under a row that cannot be broken (a residual block drawn
        // layer by layer inside its skip) may be wider than the width: above and below in turn,
        // each has the room of two boxes (the skips' legs keep theirs below); failing that,
        // smaller text, the largest size down to min_font_size that fits (a few halvings).
        // Each such figure is fitted once, without trying again.
        const double least = points_to_px(options.min_font_size);
        std::vector<Options> ways;
        if (retry && captioned) {
            Options in_turn = options;
            in_turn.caption_position = CaptionPosition::alternate;
            if (options.caption_position == CaptionPosition::below) ways.push_back(in_turn);
            if (options.font_size > least * (1 + 1e-9)) {
                ways.push_back(options);
                if (options.caption_position == CaptionPosition::below) ways.push_back(in_turn);
            }
        }
        for (std::size_t w = 0; w < ways.size(); ++w) {
            const bool shrink = ways[w].caption_position == options.caption_position || w > 0;
            const auto at_size = [&](double size, Warnings& laid) {
                return fitted_view(model, with_text_size(ways[w], size, least), context, laid,
                                   may_widen, false);
            };
            Warnings laid_out;
            RowFit fit = at_size(shrink ? least : options.font_size, laid_out);
            if (fit.scene.width > limit) continue;
            if (shrink) {
                double fitting = least, too_big = options.font_size;
                for (int step = 0; step < 4; ++step) {
                    const double size = (fitting + too_big) / 2;
                    Warnings laid;
                    RowFit larger = at_size(size, laid);
                    if (larger.scene.width > limit) {
                        too_big = size;
                        continue;
                    }
                    fitting = size;
                    fit = std::move(larger);
                    laid_out = std::move(laid);
                }
            }
            warnings.insert(warnings.end(), laid_out.begin(), laid_out.end());
            return fit;
        }
        // Captions the width cannot hold side by side: a row that no break can shorten (skips
        // that span it, parallel branches kept side by side, one box) needs its captions'
        // widths however small its boxes. Say what helps.
        const std::string why =
            captioned ? "the captions of a row that cannot be broken further (skips that span "
                        "it, parallel branches, one box) are wider than that, even above and "
                        "below in turn and at min_font_size: give "
                        "a wider width, shorter or fewer captions (captions, text_callable "
                        "none) or a coarser level (block or stage) where the "
                        "model has one"
                      : "give a wider width, a coarser level (block or stage) or fewer captions";
        warnings.push_back({"width", "the figure cannot be made as narrow as " + options.width +
                                         " without text smaller than min_font_size: " + why});
        return {build_trial(model, options, context, kSmallestFactor, limit).scene, false};
    }
    // Every size that fits leaves a stub row: at the smallest size, a little more width may
    // give fair rows, and the caller scales the geometry down to the width.
    bool widened = false;
    if (may_widen && !fair(*best)) {
        for (const double wider : {1.1, 1.25, 1.5}) {
            Trial trial = build_trial(model, options, context, kSmallestFactor, limit * wider);
            if (!fair(trial)) continue;
            best = std::move(trial);
            widened = true;
            break;
        }
    }
    warnings.insert(warnings.end(), best->warnings.begin(), best->warnings.end());
    return {std::move(best->scene), widened};
}

}  // namespace

Scene layered_view(const Model& model, const Options& options, const LayoutContext& context,
                   Warnings& warnings) {
    return fitted_view(model, options, context, warnings, false).scene;
}

RowFit layered_view_may_widen(const Model& model, const Options& options,
                              const LayoutContext& context, Warnings& warnings) {
    return fitted_view(model, options, context, warnings, true);
}

}  // namespace strata::layout
