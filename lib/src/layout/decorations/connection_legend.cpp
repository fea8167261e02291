#include "layout/decorations/connection_legend.hpp"

#include <optional>

#include "layout/layered/connectors.hpp"

namespace strata::layout {

std::vector<LegendEntry> connection_legend_entries(const graph::Arrangement& arrangement,
                                                   const std::vector<DrawnBox>& boxes,
                                                   const Options& options) {
    std::vector<LegendEntry> entries;
    if (!options.legend) return entries;
    bool residual = false, copy = false;
    for (const graph::Skip& s : arrangement.skips) (s.copy ? copy : residual) = true;
    for (const graph::Bus& b : arrangement.buses) (b.copy ? copy : residual) = true;
    std::optional<Rgba> sum, product;  // outline colours of the glyphs drawn
    for (const DrawnBox& b : boxes) {
        if (b.merge == graph::MergeKind::add && !sum) sum = b.outline;
        if (b.merge == graph::MergeKind::multiply && !product) product = b.outline;
    }
    const auto entry = [&](const char* id, const char* label, Rgba color, Swatch swatch) {
        entries.push_back({id, label, "", color, color, swatch});
    };
    if (residual) entry("legend-residual", "residual (sum)", options.connector_fill, Swatch::line);
    if (copy) entry("legend-copy", "copy (concatenation)", kCopyColor, Swatch::line);
    if (sum) entry("legend-sum", "sum (Add)", *sum, Swatch::sum);
    if (product) entry("legend-product", "product (Multiply)", *product, Swatch::product);
    return entries;
}

}  // namespace strata::layout
