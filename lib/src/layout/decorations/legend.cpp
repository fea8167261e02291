#include "layout/decorations/legend.hpp"

#include <algorithm>
#include <cmath>
#include <limits>
#include <set>

#include "layout/decorations/captions.hpp"
#include "layout/decorations/legend_grid.hpp"
#include "layout/decorations/text_run.hpp"
#include "layout/layered/box_faces.hpp"
#include "style/length.hpp"

namespace strata::layout {
namespace {

// visualkeras' legend (§6): one entry's patch, its size and where its cube and label sit.
struct Patch {
    double width = 0, height = 0;
    BoxPlacement cube;
    Point label_origin;  // ascender-line origin of the label
    TextMetrics label;
};

// visualkeras sizes the patch by the cube alone, so a label whose ink reaches above or below
// it is cut.
Patch make_patch(const TextMetrics& label, double cube, double dep, double spacing,
                 double text_height, const Options& o) {
    Patch p;
    p.label = label;
    p.cube = BoxPlacement{cube, dep, 2 * cube, dep + cube, dep, o.draw_reversed};
    p.label_origin = {2 * cube + dep + spacing, (cube + dep - text_height) / 2};
    p.width = 2 * cube + dep + spacing + label.right;
    p.height = cube + dep;
    return p;
}

Group entry_group(const LegendEntry& entry, const Patch& patch, Point at, const Options& o,
                  const FontSpec& font, TextMeasurer& text, IdMaker& ids) {
    Group g;
    g.id = ids.make(entry.id);
    g.label = entry.label;
    g.role = Role::legend;
    g.type = entry.type;
    g.fill = entry.fill;
    g.outline = entry.outline;
    BoxPlacement cube = patch.cube;
    cube.x1 += at.x;
    cube.x2 += at.x;
    cube.y1 += at.y;
    cube.y2 += at.y;
    g.items = box_primitives(cube, entry.fill, entry.outline, o.shade_step);
    g.items.push_back(make_text_run(
        text, font, entry.label,
        {at.x + patch.label_origin.x, at.y + patch.label_origin.y + patch.label.ascent},
        patch.label.advance, o.font_color, TextAnchor::start));
    return g;
}

}  // namespace

std::string dimension_list_text(const Layer& layer) {
    std::string out = "[";
    if (layer.shape_known && !layer.shapes.empty()) {
        for (Dim d : layer.shapes.front()) {
            if (d < 0) continue;  // unknown dims (None) are not digits
            if (out.size() > 1) out += ", ";
            out += "'" + std::to_string(d) + "'";
        }
    }
    return out + "]";
}

std::vector<LegendEntry> legend_entries(const std::vector<LegendLayer>& drawn, bool show_dimension,
                                        bool compat_visualkeras) {
    std::vector<LegendEntry> entries;
    std::set<std::string> seen;
    for (const LegendLayer& d : drawn) {
        const Layer& layer = *d.layer;
        if (show_dimension) {
            // Each entry stands for one box, so it shows that box's colours.
            const std::string label =
                compat_visualkeras ? layer.type + "(" + dimension_list_text(layer) + ")"
                                   : layer.type + " (" + shape_text(layer, kTypesetTimes) + ")";
            entries.push_back({"legend-" + layer.name, label, layer.type, d.fill, d.outline});
            continue;
        }
        // visualkeras shows the colours of the class's last layer (its color_map is overwritten
        // layer by layer); strata shows those of the first, the one the legend entry is
        // ordered by.
        if (!seen.insert(layer.type).second) continue;
        entries.push_back({"legend-" + layer.type, layer.type, layer.type, d.fill, d.outline});
    }
    return entries;
}

namespace {

// visualkeras' legend: cubes as tall as the text, patches flowed left to right and wrapped at
// the picture's width, its `spacing` and `padding` for gaps.
void append_visualkeras_legend(Scene& scene, const std::vector<LegendEntry>& entries,
                               const Options& o, TextMeasurer& text, IdMaker& ids) {
    const FontSpec font{o.font, o.font_size};
    const double text_height = text.measure("Ag", font).bottom;
    const double cube = text_height;
    const double dep = o.draw_volume ? std::floor(cube / 2) : 0;
    const double picture_width = scene.width, origin_y = scene.height;
    double x = o.padding, y = o.padding, width = 0, height = 0;
    bool row_empty = true;
    for (const LegendEntry& entry : entries) {
        const Patch patch =
            make_patch(text.measure(entry.label, font), cube, dep, o.spacing, text_height, o);
        // A patch wider than the picture starts its own row but never an empty one.
        if (x + patch.width > picture_width && !row_empty) {
            x = o.padding;
            y = height - o.padding + o.spacing;
        }
        scene.groups.push_back(entry_group(entry, patch, {x, origin_y + y}, o, font, text, ids));
        width = std::max(width, x + patch.width + o.padding);
        height = std::max(height, y + patch.height + o.padding);
        x += patch.width + o.spacing;
        row_empty = false;
    }
    scene.width = std::max(scene.width, std::ceil(width));
    scene.height += std::ceil(height);
}

}  // namespace

bool legend_beside(const Options& o) {
    return o.legend && !o.compat_visualkeras && o.legend_position == LegendPosition::right;
}

namespace {

// The height a legend beside the picture may take: the figure's height less its padding.
double beside_room(const Options& o) {
    if (o.height.empty()) return std::numeric_limits<double>::infinity();
    return std::max(0.0, length_in_px(o.height, "height") - 2 * o.padding);
}

std::vector<LegendEntry> grid_entries(const std::vector<LegendLayer>& drawn,
                                      const std::vector<LegendEntry>& connections,
                                      const Options& o) {
    std::vector<LegendEntry> entries = legend_entries(drawn, o.show_dimension, false);
    entries.insert(entries.end(), connections.begin(), connections.end());
    return entries;
}

}  // namespace

double legend_beside_width(const std::vector<LegendLayer>& drawn,
                           const std::vector<LegendEntry>& connections, const Options& o,
                           TextMeasurer& text) {
    if (!legend_beside(o)) return 0;
    return legend_grid_beside_width(grid_entries(drawn, connections, o), o, beside_room(o), text);
}

void append_legend(Scene& scene, const std::vector<LegendLayer>& drawn,
                   const std::vector<LegendEntry>& connections, const Options& o,
                   double width_limit, TextMeasurer& text, IdMaker& ids) {
    if (!o.legend) return;
    if (o.compat_visualkeras) {
        const std::vector<LegendEntry> entries = legend_entries(drawn, o.show_dimension, true);
        if (!entries.empty()) append_visualkeras_legend(scene, entries, o, text, ids);
        return;
    }
    const std::vector<LegendEntry> entries = grid_entries(drawn, connections, o);
    if (legend_beside(o)) {
        append_legend_grid_beside(scene, entries, o, beside_room(o), text, ids);
        return;
    }
    append_legend_grid(scene, entries, o, width_limit, text, ids);
}

}  // namespace strata::layout
