#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <variant>
#include <vector>

#include "strata/color.hpp"
#include "strata/picture_bytes.hpp"

namespace strata {

// A resolved picture: every coordinate in CSS pixels (y down), every colour RGBA, every text
// run already measured. Emitters translate it and never lay anything out themselves.

struct Point {
    double x = 0, y = 0;
};

// A filled and/or stroked closed shape. `name` says what it is (front, top, side).
struct Polygon {
    std::string name;
    std::vector<Point> points;
    std::optional<Rgba> fill;
    std::optional<Rgba> stroke;
    double stroke_width = 1;
};

// An open stroked path (funnel edges, hidden box edges).
struct Polyline {
    std::string name;
    std::vector<Point> points;
    Rgba stroke;
    double stroke_width = 1;
};

// One shaped glyph: its index in the font file and its pen position relative to the run's
// origin (x right, y down), in pixels.
struct Glyph {
    std::uint32_t id = 0;
    double x = 0, y = 0;
};

// Which point of a line of text stays in place when a renderer sets it with widths of its own
// (SVG text-anchor, a TikZ node anchor): its start, the middle of its measured advance, or
// its end.
enum class TextAnchor { start, middle, end };

// The bytes of a font file as they were read and measured, shared by every run set in it, and
// the face inside them (collections hold several).
struct FontData {
    std::shared_ptr<const std::string> bytes;  // empty when the measurer has no font file
    int index = 0;
};

// One line of text as measured: its left end on the baseline at (x, y), its measured advance,
// the font's ascent and descent at the size measured (so x .. x + advance by y - ascent ..
// y + descent is the box the layout gave it), and the point that `anchor` keeps (anchor_x).
// `font_file` is the file that was measured and `font_data` its bytes; renderers that draw
// glyphs take them from those bytes, never opening the file again.
struct TextRun {
    std::string text;
    std::string font_family;
    std::string font_file;
    double font_size = 10;  // pixels
    double x = 0, y = 0;
    double advance = 0;              // measured width of the run
    double ascent = 0, descent = 0;  // above and below the baseline, both positive
    TextAnchor anchor = TextAnchor::start;
    Rgba fill;
    // The glyphs HarfBuzz chose for `text` in `font_file`, so that renderers which draw glyphs
    // (PNG, PDF) show exactly what was measured. Empty when the measurer has no font file.
    std::vector<Glyph> glyphs;
    FontData font_data;  // last, so that initialisers naming the fields above stay valid
};

// A plane affine map, as SVG's matrix(a b c d e f): x' = a·x + c·y + e, y' = b·x + d·y + f.
struct Affine {
    double a = 1, b = 0, c = 0, d = 1, e = 0, f = 0;
};

// A raster or vector picture (face image, logo). `transform` maps the image's own pixel box
// 0..width × 0..height onto the canvas; when `clip` is not empty nothing outside that polygon
// (canvas coordinates) shows. `data` holds the file's bytes, shared by every placement of the
// picture (emitters embed and decode one picture once); `linked` asks document emitters to
// refer to `file` instead of embedding `data` (raster emitters still draw `data`).
struct Image {
    std::string name;
    std::string file;
    std::string mime_type;  // image/png, image/jpeg or image/svg+xml
    PictureBytes data;
    bool linked = false;
    double width = 0, height = 0;
    Affine transform;
    std::vector<Point> clip;
};

// The x of the point of `run` that its anchor keeps, on the baseline.
inline double anchor_x(const TextRun& run) {
    switch (run.anchor) {
        case TextAnchor::start:
            break;
        case TextAnchor::middle:
            return run.x + run.advance / 2;
        case TextAnchor::end:
            return run.x + run.advance;
    }
    return run.x;
}

using Primitive = std::variant<Polygon, Polyline, TextRun, Image>;

// visualkeras' box geometry of a layer: front face and depth offset.
struct BoxGeometry {
    double x1 = 0, y1 = 0, x2 = 0, y2 = 0, de = 0;
};

// What a group is; emitters put each role on its own Inkscape layer.
enum class Role {
    layer,
    funnel,
    caption,
    legend,
    group,
    group_title,
    logo,
    image,
    connector,  // skip connections, branch links, row carriage returns
    merge,      // a sum or product drawn as a small glyph
    repeat,     // ghost outlines behind a block drawn once for ×N
    annotation  // brackets and their labels (×N, stages)
};

struct Group {
    std::string id;     // unique, XML-safe, stable (derived from the layer name)
    std::string label;  // human-readable: the layer name
    Role role = Role::layer;
    std::string type;   // layer class, for layers and their captions
    std::string shape;  // printed output shape, e.g. "224 x 224 x 64"
    std::optional<BoxGeometry> box;
    std::optional<Rgba> fill, outline;
    std::vector<Primitive> items;  // in paint order
};

struct Scene {
    std::string title;  // the model's name, for document titles and metadata
    double width = 0, height = 0;
    Rgba background;
    std::vector<Group> groups;  // in paint order
    // What a box stands for: "block" or "stage" (options' level), or the level auto chose at a
    // width ("layer" too); empty for a figure drawn by layer otherwise.
    std::string level;
    // The view that drew it ("graph", …; empty: layered): its layers' groups are named for what
    // they are in the SVG's Inkscape layers (nodes in the graph view, not boxes).
    std::string view;
};

const char* to_string(Role role);

}  // namespace strata
