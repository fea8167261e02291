#include "layout/decorations/connection_legend.hpp"

#include <algorithm>
#include <cmath>
#include <optional>
#include <string>

#include "layout/decorations/text_run.hpp"
#include "layout/layered/annotation_marks.hpp"
#include "layout/layered/connector_shapes.hpp"
#include "layout/layered/connectors.hpp"

namespace strata::layout {

void append_connection_legend(Scene& scene, const graph::Arrangement& arrangement,
                              const std::vector<DrawnBox>& boxes, const Options& options,
                              TextMeasurer& text, IdMaker& ids) {
    const Options& o = options;
    if (!o.legend) return;
    bool residual = false, copy = false;
    for (const graph::Skip& s : arrangement.skips) (s.copy ? copy : residual) = true;
    for (const graph::Bus& b : arrangement.buses) (b.copy ? copy : residual) = true;
    std::optional<Rgba> sum, product;  // outline colours of the glyphs drawn
    for (const DrawnBox& b : boxes) {
        if (b.merge == graph::MergeKind::add && !sum) sum = b.outline;
        if (b.merge == graph::MergeKind::multiply && !product) product = b.outline;
    }
    if (!residual && !copy && !sum && !product) return;
    const FontSpec font = annotation_font(o);
    const double line_h = annotation_line_height(text, o) + 4;
    double y = scene.height;
    Group g;
    g.id = ids.make("legend-connections");
    g.label = "legend of the connections";
    g.role = Role::legend;
    auto entry = [&](const std::string& label, Rgba color, int glyph = 0) {
        const TextMetrics m = text.measure(label, font);
        const double mid = y + line_h / 2;
        if (glyph == 0) {
            g.items.push_back(Polyline{"sample",
                                       {{o.padding, mid}, {o.padding + 30, mid}},
                                       color,
                                       std::max(o.connector_width, 1.0)});
        } else {
            for (Primitive& p : merge_glyph({o.padding + 15, mid}, std::min(6.0, line_h / 2 - 1),
                                            glyph == 2, Rgba{255, 255, 255, 255}, color, 1))
                g.items.push_back(std::move(p));
        }
        g.items.push_back(make_text_run(
            text, font, label, {o.padding + 36, mid - (m.ascent + m.descent) / 2 + m.ascent},
            m.advance, o.font_color, TextAnchor::start));
        scene.width = std::max(scene.width, std::ceil(o.padding + 36 + m.advance + o.padding));
        y += line_h;
    };
    if (residual) entry("residual connection (sum)", o.connector_fill);
    if (copy) entry("copy connection (concatenation)", kCopyColor);
    if (sum) entry("sum (Add)", *sum, 1);
    if (product) entry("product (Multiply)", *product, 2);
    scene.height = std::ceil(y + o.padding);
    scene.groups.push_back(std::move(g));
}

}  // namespace strata::layout
