#include "layout/fitting/readable_text.hpp"

#include <algorithm>
#include <cmath>
#include <utility>
#include <vector>

#include "layout/detail/text_scaling.hpp"
#include "style/length.hpp"

namespace strata::layout {
namespace {

// Slack for rounding in the fitting, px.
constexpr double kTolerancePx = 0.005;
// The steps between the size asked for and min_font_size, as shares of the size asked for.
constexpr double kSizeStep = 0.1;

// The smallest text size the options ask for, px: the default one, a style's or a group's;
// none below min_font_size, as the fitting raises them to it.
double smallest_asked(const Options& o) {
    double smallest = o.font_size;
    for (const auto& [key, style] : o.styles) {
        if (style.font_size) smallest = std::min(smallest, *style.font_size);
    }
    for (const LayerGroup& group : o.layered_groups) smallest = std::min(smallest, group.font_size);
    return std::max(smallest, std::min(o.font_size, points_to_px(o.min_font_size)));
}

// The ways to try, the options asked for first: captions as asked and, when below, in turn;
// each at the size asked for and at smaller sizes down to min_font_size.
std::vector<Options> ways_to_try(const Options& options, bool captioned) {
    std::vector<Options> captions{options};
    if (captioned && options.caption_position == CaptionPosition::below) {
        Options in_turn = options;
        in_turn.caption_position = CaptionPosition::alternate;
        captions.push_back(std::move(in_turn));
    }
    const double least = points_to_px(options.min_font_size);
    std::vector<double> sizes{options.font_size};
    for (int step = 1; options.font_size * (1 - step * kSizeStep) > least * (1 + 1e-9); ++step)
        sizes.push_back(options.font_size * (1 - step * kSizeStep));
    if (options.font_size > least * (1 + 1e-9)) sizes.push_back(least);
    std::vector<Options> ways;
    for (const Options& o : captions) {
        for (const double size : sizes) ways.push_back(with_text_size(o, size, least));
    }
    return ways;
}

}  // namespace

FittedScene with_text_kept_large(const Options& options, const PageLayOut& lay_out,
                                 Warnings& warnings) {
    Warnings first_warnings;
    FittedScene first = lay_out(options, first_warnings);
    const bool search = !options.width.empty() && !options.height.empty() &&
                        options.view == View::layered && !options.compat_visualkeras;
    if (!search || smallest_text(first) >= smallest_asked(options) - kTolerancePx) {
        warnings.insert(warnings.end(), first_warnings.begin(), first_warnings.end());
        return first;
    }
    const bool captioned = std::any_of(first.scene.groups.begin(), first.scene.groups.end(),
                                       [](const Group& g) { return g.role == Role::caption; });
    struct Candidate {
        FittedScene fitted;
        Warnings warnings;
        double text = 0;
    };
    std::vector<Candidate> candidates;
    const std::vector<Options> ways = ways_to_try(options, captioned);
    for (std::size_t w = 0; w < ways.size(); ++w) {
        Candidate candidate;
        // The first way is the options asked for: laid out already.
        if (w == 0) {
            candidate.fitted = std::move(first);
            candidate.warnings = std::move(first_warnings);
        } else {
            candidate.fitted = lay_out(ways[w], candidate.warnings);
        }
        candidate.text = smallest_text(candidate.fitted);
        candidates.push_back(std::move(candidate));
    }
    // Text no smaller than min_font_size where some way has it; then the largest reading size.
    const double least = points_to_px(options.min_font_size) - kTolerancePx;
    const bool some_readable = std::any_of(candidates.begin(), candidates.end(),
                                           [&](const Candidate& c) { return c.text >= least; });
    Candidate* kept = nullptr;
    for (Candidate& c : candidates) {
        if (some_readable && c.text < least) continue;
        if (!kept || reading_size(c.fitted) > reading_size(kept->fitted)) kept = &c;
    }
    warnings.insert(warnings.end(), kept->warnings.begin(), kept->warnings.end());
    return std::move(kept->fitted);
}

}  // namespace strata::layout
