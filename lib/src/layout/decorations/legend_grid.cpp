#include "layout/decorations/legend_grid.hpp"

#include <algorithm>
#include <cmath>
#include <cstddef>

#include "layout/decorations/text_run.hpp"
#include "layout/detail/model_at_level.hpp"
#include "layout/layered/box_faces.hpp"
#include "layout/layered/connector_shapes.hpp"

namespace strata::layout {
namespace {

// Sizes in lines of text (T: the font's ascent plus descent) or in em (the font size).
constexpr double kCubeFront = 0.7;      // T: front face of a cube swatch; with its depth
constexpr double kCubeDepth = 0.35;     // T   a cube is as tall as 1.05 lines
constexpr double kFlatSquare = 0.9;     // T: a swatch of a flat drawing
constexpr double kLineSample = 1.4;     // T: length of a connector sample
constexpr double kGlyphRadius = 0.4;    // T: a merge glyph
constexpr double kSampleStroke = 0.09;  // em: 6 pt text gives a 0.54 pt line
constexpr double kLabelGap = 0.4;       // em: swatch to label
constexpr double kColumnGap = 1.2;      // em
constexpr double kRowGap = 0.35;        // em
constexpr double kTopGap = 0.8;         // em: at least this from the picture to the first row
// The most of the picture's height a legend below it takes while the width holds more columns.
constexpr double kMostPictureShare = 0.5;

struct SwatchSize {
    double width = 0, height = 0;
};

// The grid of one font size: its metrics, the slot every swatch is centred in, the cell.
struct Grid {
    FontSpec font;
    double line = 0, ascent = 0;  // T and the font's ascent
    // The labels' line, widened to hold their ink: from `text_top` to `text_bottom` below the
    // ascender line.
    double text_top = 0, text_bottom = 0;
    double stroke = 0;  // of line samples and glyphs
    double slot = 0;    // the widest swatch
    double row = 0;     // cell height
    double label_gap = 0, column_gap = 0, row_gap = 0;
    std::size_t columns = 1, rows = 1;
    std::vector<TextMetrics> labels;
    std::vector<double> cells;   // each entry's swatch slot, gap and label
    std::vector<double> widths;  // each column's: its widest cell

    std::vector<double> lefts;  // where each column begins, from the grid's left
    double total_width = 0;

    double width() const { return total_width; }
    double column_left(std::size_t c) const { return lefts[c]; }
    double height() const {
        return static_cast<double>(rows) * row + static_cast<double>(rows - 1) * row_gap;
    }
};

SwatchSize swatch_size(Swatch swatch, double line, double stroke, bool volume) {
    switch (swatch) {
        case Swatch::box: {
            const double side = volume ? (kCubeFront + kCubeDepth) * line : kFlatSquare * line;
            return {side, side};
        }
        case Swatch::line:
            return {kLineSample * line, stroke};
        case Swatch::sum:
        case Swatch::product:
            break;
    }
    const double diameter = 2 * kGlyphRadius * line + stroke;
    return {diameter, diameter};
}

// The entries at `font_size`, measured once: labels, cells, slot and row; one column.
Grid measured_entries(const std::vector<LegendEntry>& entries, const Options& o, TextMeasurer& text,
                      double font_size) {
    Grid g;
    g.font = FontSpec{o.font, font_size};
    const TextMetrics m = text.measure("Ag", g.font);
    g.line = m.ascent + m.descent;
    g.ascent = m.ascent;
    g.stroke = std::max(o.connector_width, kSampleStroke * font_size);
    g.label_gap = kLabelGap * font_size;
    g.column_gap = kColumnGap * font_size;
    g.row_gap = kRowGap * font_size;
    g.row = g.line;
    for (const LegendEntry& entry : entries) {
        const SwatchSize s = swatch_size(entry.swatch, g.line, g.stroke, o.draw_volume);
        g.slot = std::max(g.slot, s.width);
        g.row = std::max(g.row, s.height);
        const TextMetrics& label = g.labels.emplace_back(text.measure(entry.label, g.font));
        g.text_top = std::min(g.text_top, label.top);
        g.text_bottom = std::max(g.text_bottom, label.bottom);
    }
    g.text_bottom = std::max(g.text_bottom, g.line);
    g.row = std::max(g.row, g.text_bottom - g.text_top);
    for (const TextMetrics& label : g.labels)
        g.cells.push_back(g.slot + g.label_gap + std::max(label.advance, label.right));
    return g;
}

// The arrangements a grid can take, most columns first: rows filled evenly (no column left
// empty), so of n entries only the column counts ceil(n / rows) occur, fewer than
// 2 sqrt(n) of them; each with its rows and its width, worked out once.
struct Arrangement {
    std::size_t columns = 1, rows = 1;
    double width = 0;
};

std::vector<Arrangement> arrangements(const Grid& measured) {
    const std::size_t n = measured.cells.size();
    std::vector<Arrangement> out;
    std::vector<double> widths;
    for (std::size_t rows = 1; rows <= n; ++rows) {
        const std::size_t columns = (n + rows - 1) / rows;
        if (!out.empty() && out.back().columns == columns) continue;
        widths.assign(columns, 0.0);
        for (std::size_t k = 0; k < n; ++k)
            widths[k % columns] = std::max(widths[k % columns], measured.cells[k]);
        double width = static_cast<double>(columns - 1) * measured.column_gap;
        for (double w : widths) width += w;
        out.push_back({columns, rows, width});
    }
    return out;
}

// `measured` in the most columns, each as wide as its widest entry, that `available` holds,
// and at least `least_columns`: the fewest rows the width allows, so a long legend in a
// narrow column is no taller than it must be, and the same entries at the same width always
// give the same grid.
Grid arranged(const Grid& measured, const std::vector<Arrangement>& options, double available,
              std::size_t least_columns) {
    Grid g = measured;
    Arrangement chosen{1, std::max<std::size_t>(1, measured.cells.size()), 0};
    for (const Arrangement& a : options) {
        chosen = a;
        if (a.columns <= least_columns || a.width <= available) break;
    }
    g.columns = chosen.columns;
    g.rows = chosen.rows;
    g.widths.assign(g.columns, 0.0);
    for (std::size_t k = 0; k < g.cells.size(); ++k)
        g.widths[k % g.columns] = std::max(g.widths[k % g.columns], g.cells[k]);
    g.lefts.assign(g.columns, 0.0);
    for (std::size_t c = 1; c < g.columns; ++c)
        g.lefts[c] = g.lefts[c - 1] + g.widths[c - 1] + g.column_gap;
    g.total_width = chosen.width;
    return g;
}

// The grid for the picture: as many columns as the picture's width holds, and more while the
// grid is taller than half the picture and the width the figure is fitted to (or the canvas)
// holds them: a key, not a second figure (a picture narrower than a column, rows wrapped short
// or grown by LaTeX afterwards while the legend keeps its text's size, would otherwise stack a
// long legend one or two entries to a row). The text stays at its size (a figure LaTeX sets
// has its text at the document's size).
Grid fitted_grid(const std::vector<LegendEntry>& entries, const Options& o, TextMeasurer& text,
                 double available, double widest, double picture_height) {
    const Grid measured = measured_entries(entries, o, text, o.font_size);
    const std::vector<Arrangement> options = arrangements(measured);
    Grid g = arranged(measured, options, available, 1);
    for (std::size_t least = g.columns + 1;
         g.height() > kMostPictureShare * picture_height && g.rows > 1; ++least) {
        Grid wider = arranged(measured, options, widest, least);
        if (wider.width() > std::max(widest, g.width())) break;
        g = std::move(wider);
    }
    return g;
}

Group entry_group(const LegendEntry& entry, const Grid& grid, std::size_t k, Point at,
                  const Options& o, TextMeasurer& text, IdMaker& ids) {
    Group g;
    g.id = ids.make(entry.id);
    g.label = entry.label;
    g.role = Role::legend;
    g.type = entry.type;
    const SwatchSize s = swatch_size(entry.swatch, grid.line, grid.stroke, o.draw_volume);
    const Point centre{at.x + grid.slot / 2, at.y + grid.row / 2};
    const double left = centre.x - s.width / 2, top = centre.y - s.height / 2;
    switch (entry.swatch) {
        case Swatch::box: {
            g.fill = entry.fill;
            g.outline = entry.outline;
            const double depth = o.draw_volume ? kCubeDepth * grid.line : 0;
            const double front = s.width - depth;
            const double x1 = left + (o.draw_reversed ? depth : 0);
            const BoxPlacement cube{x1,    top + depth,    x1 + front, top + s.height,
                                    depth, o.draw_reversed};
            g.items = box_primitives(cube, entry.fill, entry.outline, o.shade_step);
            if (entry.type == layout::detail::kBlockType)
                g.items.push_back(block_inset(cube, entry.outline));
            break;
        }
        case Swatch::line:
            g.items.push_back(Polyline{"sample",
                                       {{left, centre.y}, {left + s.width, centre.y}},
                                       entry.outline,
                                       grid.stroke});
            break;
        case Swatch::sum:
        case Swatch::product:
            g.items = merge_glyph(centre, kGlyphRadius * grid.line, entry.swatch == Swatch::product,
                                  Rgba{255, 255, 255, 255}, entry.outline, grid.stroke);
            break;
    }
    const TextMetrics& label = grid.labels[k];
    const double text_height = grid.text_bottom - grid.text_top;
    const Point baseline{at.x + grid.slot + grid.label_gap,
                         at.y + (grid.row - text_height) / 2 - grid.text_top + grid.ascent};
    g.items.push_back(make_text_run(text, grid.font, entry.label, baseline, label.advance,
                                    o.font_color, TextAnchor::start));
    return g;
}

// The grid beside the picture: as few columns as keep it within `room_height` (every entry
// in one column without a bound), its rows filled evenly.
Grid beside_grid(const std::vector<LegendEntry>& entries, const Options& o, TextMeasurer& text,
                 double room_height) {
    const Grid measured = measured_entries(entries, o, text, o.font_size);
    const std::vector<Arrangement> options = arrangements(measured);
    const Grid one = arranged(measured, options, 0, 1);
    if (one.height() <= room_height) return one;
    const double rows = std::floor((room_height + one.row_gap) / (one.row + one.row_gap));
    const std::size_t n = entries.size();
    const std::size_t most_rows = rows < 1 ? 1 : static_cast<std::size_t>(rows);
    return arranged(measured, options, 0, (n + most_rows - 1) / most_rows);
}

// From the picture's right edge (its padding included) to the legend's first column.
double beside_gap(const Options& o) {
    return std::max(o.padding, kColumnGap * o.font_size);
}

}  // namespace

double legend_grid_beside_width(const std::vector<LegendEntry>& entries, const Options& o,
                                double room_height, TextMeasurer& text) {
    if (entries.empty()) return 0;
    return beside_gap(o) + beside_grid(entries, o, text, room_height).width();
}

void append_legend_grid_beside(Scene& scene, const std::vector<LegendEntry>& entries,
                               const Options& o, double room_height, TextMeasurer& text,
                               IdMaker& ids) {
    if (entries.empty()) return;
    const Grid grid = beside_grid(entries, o, text, room_height);
    const double left = scene.width - o.padding + beside_gap(o);
    const double height = std::max(scene.height, std::ceil(grid.height() + 2 * o.padding));
    // Centred on the picture's height: a slide's eye finds it beside the middle row.
    const double top = (height - grid.height()) / 2;
    for (std::size_t k = 0; k < entries.size(); ++k) {
        const double row = static_cast<double>(k / grid.columns);
        const Point at{left + grid.column_left(k % grid.columns),
                       top + row * (grid.row + grid.row_gap)};
        scene.groups.push_back(entry_group(entries[k], grid, k, at, o, text, ids));
    }
    scene.width = std::ceil(left + grid.width() + o.padding);
    scene.height = height;
}

void append_legend_grid(Scene& scene, const std::vector<LegendEntry>& entries, const Options& o,
                        double width_limit, TextMeasurer& text, IdMaker& ids) {
    if (entries.empty()) return;
    const double available = std::max(0.0, scene.width - 2 * o.padding);
    const double widest = std::max(available, width_limit - 2 * o.padding);
    const double picture_height = std::max(0.0, scene.height - 2 * o.padding);
    const Grid grid = fitted_grid(entries, o, text, available, widest, picture_height);
    // Below the picture's own bottom padding, or a little more where it is thin.
    const double top = scene.height - o.padding + std::max(o.padding, kTopGap * grid.font.size);
    for (std::size_t k = 0; k < entries.size(); ++k) {
        const double row = static_cast<double>(k / grid.columns);
        const Point at{o.padding + grid.column_left(k % grid.columns),
                       top + row * (grid.row + grid.row_gap)};
        scene.groups.push_back(entry_group(entries[k], grid, k, at, o, text, ids));
    }
    scene.width = std::max(scene.width, std::ceil(grid.width() + 2 * o.padding));
    scene.height = std::ceil(top + grid.height() + o.padding);
}

}  // namespace strata::layout
