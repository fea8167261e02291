#include "text/shaping_font.hpp"

#include FT_BBOX_H
#include FT_OUTLINE_H
#include <hb-ft.h>

#include <algorithm>
#include <climits>
#include <utility>

#include "strata/error.hpp"
#include "strata/printable.hpp"

namespace strata {
namespace {

// Unhinted outlines and advances: hinting would snap them to the pixel grid of one size.
constexpr FT_Int32 kLoadFlags = FT_LOAD_NO_HINTING | FT_LOAD_NO_BITMAP;

// FreeType gives outline coordinates in 26.6 fixed point.
constexpr double kFixed26_6 = 64.0;

FtFacePtr open_face(FT_Library library, const FontLocation& location, const std::string& data) {
    FT_Face face = nullptr;
    if (FT_New_Memory_Face(library, reinterpret_cast<const FT_Byte*>(data.data()),
                           static_cast<FT_Long>(data.size()), location.index, &face) != 0) {
        throw Error("", "cannot read font file " + quoted_text(location.file));
    }
    FtFacePtr owned(face);
    if (!FT_IS_SCALABLE(face) || face->units_per_EM == 0) {
        throw Error("", "font file " + quoted_text(location.file) + " has no scalable outlines");
    }
    // One pixel per font unit: advances and outlines come out as exact font units.
    if (FT_Set_Char_Size(face, 0, static_cast<FT_F26Dot6>(face->units_per_EM) * 64, 72, 72) != 0) {
        throw Error("", "cannot scale font file " + quoted_text(location.file));
    }
    return owned;
}

struct OutlineSink {
    double scale;
    PathPoint origin;
    TextPath* path;
    bool open = false;

    PathPoint point(const FT_Vector* v) const {
        return {origin.x + v->x / kFixed26_6 * scale, origin.y - v->y / kFixed26_6 * scale};
    }
    void close() {
        if (open) path->push_back({PathVerb::close, {}});
        open = false;
    }
};

OutlineSink& sink_of(void* user) {
    return *static_cast<OutlineSink*>(user);
}

int move_to(const FT_Vector* to, void* user) {
    OutlineSink& sink = sink_of(user);
    sink.close();
    sink.path->push_back({PathVerb::move, {sink.point(to)}});
    sink.open = true;
    return 0;
}

int line_to(const FT_Vector* to, void* user) {
    OutlineSink& sink = sink_of(user);
    sink.path->push_back({PathVerb::line, {sink.point(to)}});
    return 0;
}

int conic_to(const FT_Vector* control, const FT_Vector* to, void* user) {
    OutlineSink& sink = sink_of(user);
    sink.path->push_back({PathVerb::quad, {sink.point(control), sink.point(to)}});
    return 0;
}

int cubic_to(const FT_Vector* control1, const FT_Vector* control2, const FT_Vector* to,
             void* user) {
    OutlineSink& sink = sink_of(user);
    sink.path->push_back(
        {PathVerb::cubic, {sink.point(control1), sink.point(control2), sink.point(to)}});
    return 0;
}

}  // namespace

ShapingFont::ShapingFont(FT_Library library, const FontLocation& location, FontBytes data)
    : data_(data ? std::move(data) : std::make_shared<const std::string>()),
      face_(open_face(library, location, *data_)),
      font_(hb_ft_font_create_referenced(face_.get())),
      buffer_(hb_buffer_create()),
      family_(face_->family_name ? face_->family_name : ""),
      units_per_em_(face_->units_per_EM),
      ascender_(face_->ascender),
      descender_(-static_cast<double>(face_->descender)) {
    if (!hb_buffer_allocation_successful(buffer_.get())) {
        throw Error("", "out of memory while preparing the text shaper");
    }
    hb_ft_font_set_load_flags(font_.get(), kLoadFlags);
}

ShapedRun ShapingFont::shape(std::string_view text) {
    if (text.size() > static_cast<std::size_t>(INT_MAX)) {
        throw Error("", "text too long to shape");
    }
    hb_buffer_t* buffer = buffer_.get();
    hb_buffer_clear_contents(buffer);
    hb_buffer_add_utf8(buffer, text.data(), static_cast<int>(text.size()), 0,
                       static_cast<int>(text.size()));
    hb_buffer_guess_segment_properties(buffer);
    hb_shape(font_.get(), buffer, nullptr, 0);

    unsigned count = 0;
    const hb_glyph_info_t* infos = hb_buffer_get_glyph_infos(buffer, &count);
    const hb_glyph_position_t* positions = hb_buffer_get_glyph_positions(buffer, &count);
    ShapedRun run;
    run.glyphs.reserve(count);
    // HarfBuzz positions are 26.6 of the face's pixel size, which is one font unit.
    double pen_x = 0, pen_y = 0;
    for (unsigned i = 0; i < count; ++i) {
        run.glyphs.push_back({infos[i].codepoint, pen_x + positions[i].x_offset / kFixed26_6,
                              pen_y + positions[i].y_offset / kFixed26_6});
        pen_x += positions[i].x_advance / kFixed26_6;
        pen_y += positions[i].y_advance / kFixed26_6;
    }
    run.advance = pen_x;
    return run;
}

const RunExtent& ShapingFont::extent(std::string_view text) {
    if (auto it = extents_.find(text); it != extents_.end()) return it->second;
    const ShapedRun run = shape(text);
    RunExtent extent{run.advance, std::nullopt};
    for (const PlacedGlyph& placed : run.glyphs) {
        const std::optional<InkExtent>& ink = glyph_ink(placed.glyph);
        if (!ink) continue;
        const InkExtent moved{ink->x_min + placed.x, ink->y_min + placed.y, ink->x_max + placed.x,
                              ink->y_max + placed.y};
        if (!extent.ink) {
            extent.ink = moved;
            continue;
        }
        extent.ink->x_min = std::min(extent.ink->x_min, moved.x_min);
        extent.ink->y_min = std::min(extent.ink->y_min, moved.y_min);
        extent.ink->x_max = std::max(extent.ink->x_max, moved.x_max);
        extent.ink->y_max = std::max(extent.ink->y_max, moved.y_max);
    }
    return extents_.emplace(std::string(text), extent).first->second;
}

FT_Outline* ShapingFont::load_outline(unsigned glyph) {
    if (FT_Load_Glyph(face_.get(), glyph, kLoadFlags) != 0) return nullptr;
    FT_GlyphSlot slot = face_->glyph;
    if (slot->format != FT_GLYPH_FORMAT_OUTLINE || slot->outline.n_points == 0) return nullptr;
    return &slot->outline;
}

const std::optional<InkExtent>& ShapingFont::glyph_ink(unsigned glyph) {
    if (auto it = glyph_inks_.find(glyph); it != glyph_inks_.end()) return it->second;
    std::optional<InkExtent> ink;
    if (FT_Outline* outline = load_outline(glyph)) {
        // The exact box of the curves, not of their control points.
        FT_BBox box;
        if (FT_Outline_Get_BBox(outline, &box) == 0) {
            ink = InkExtent{box.xMin / kFixed26_6, box.yMin / kFixed26_6, box.xMax / kFixed26_6,
                            box.yMax / kFixed26_6};
        }
    }
    return glyph_inks_.emplace(glyph, ink).first->second;
}

void ShapingFont::append_outline(unsigned glyph, double scale, PathPoint origin, TextPath& path) {
    FT_Outline* outline = load_outline(glyph);
    if (!outline) return;
    const FT_Outline_Funcs funcs{move_to, line_to, conic_to, cubic_to, 0, 0};
    OutlineSink sink{scale, origin, &path};
    FT_Outline_Decompose(outline, &funcs, &sink);
    sink.close();
}

}  // namespace strata
