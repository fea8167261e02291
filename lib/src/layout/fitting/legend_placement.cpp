#include "layout/fitting/legend_placement.hpp"

#include <algorithm>
#include <cmath>
#include <limits>
#include <string>
#include <utility>
#include <variant>

#include "style/length.hpp"

namespace strata::layout {
namespace {

// A legend beside the diagram is kept only when it draws the diagram larger by more than this
// share: about equal, the legend stays below, where a reader of a page expects it.
constexpr double kClearlyLarger = 1.02;

Options placed(Options o, LegendPosition position) {
    o.legend_position = position;
    return o;
}

// How fine a level of detail is: layers before blocks before stages. The level `auto` takes is
// the finest that fits; a legend beside that only gains by drawing blocks where the legend
// below left room for layers does not outrank it.
int coarseness(const std::string& level) {
    if (level == "stage") return 2;
    if (level == "block") return 1;
    return 0;
}

}  // namespace

double smallest_text(const FittedScene& fitted) {
    double smallest = std::numeric_limits<double>::infinity();
    for (const Group& g : fitted.scene.groups) {
        for (const Primitive& item : g.items) {
            const auto* run = std::get_if<TextRun>(&item);
            if (run && !run->text.empty())
                smallest = std::min(smallest, run->font_size * fitted.scale);
        }
    }
    return smallest;
}

double diagram_scale(const FittedScene& fitted) {
    double sum = 0;
    int boxes = 0;
    for (const Group& g : fitted.scene.groups) {
        if (g.role != Role::layer || !g.box) continue;
        sum += (g.box->x2 - g.box->x1) + (g.box->y2 - g.box->y1) + g.box->de;
        ++boxes;
    }
    return boxes == 0 ? 0 : sum / boxes * fitted.scale;
}

double reading_size(const FittedScene& fitted) {
    const double text = smallest_text(fitted);
    return (std::isfinite(text) ? text * text : 1) * diagram_scale(fitted);
}

FittedScene with_legend_placed(const Options& options, const PageLayOut& lay_out,
                               Warnings& warnings) {
    const bool choose = options.legend && options.legend_position == LegendPosition::automatic &&
                        !options.height.empty() && !options.compat_visualkeras &&
                        options.view == View::layered;
    if (!choose) return lay_out(options, warnings);
    Warnings below_warnings, beside_warnings;
    FittedScene below = lay_out(placed(options, LegendPosition::below), below_warnings);
    FittedScene beside = lay_out(placed(options, LegendPosition::right), beside_warnings);
    // Larger boxes are no gain where they cost text that was readable below the legend.
    const double readable = std::min(smallest_text(below), points_to_px(options.min_font_size));
    const int finer = coarseness(below.scene.level) - coarseness(beside.scene.level);
    const bool right =
        finer > 0 || (finer == 0 && reading_size(beside) > kClearlyLarger * reading_size(below) &&
                      smallest_text(beside) >= readable - 1e-6);
    Warnings& kept = right ? beside_warnings : below_warnings;
    warnings.insert(warnings.end(), kept.begin(), kept.end());
    return std::move(right ? beside : below);
}

}  // namespace strata::layout
