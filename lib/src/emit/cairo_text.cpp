#include "emit/cairo_text.hpp"

#include <cairo-ft.h>
#include <fontconfig/fontconfig.h>

#include <vector>

#include "emit/xml_text.hpp"
#include "text/font_handles.hpp"

namespace strata::emit {
namespace {

// One character of valid UTF-8: its code point and its length in bytes.
struct Utf8Char {
    char32_t code = 0;
    int bytes = 1;
};

std::vector<Utf8Char> decode_valid_utf8(const std::string& text) {
    std::vector<Utf8Char> chars;
    for (std::size_t i = 0; i < text.size();) {
        const auto lead = static_cast<unsigned char>(text[i]);
        const int bytes = lead < 0x80 ? 1 : lead < 0xE0 ? 2 : lead < 0xF0 ? 3 : 4;
        char32_t code = bytes == 1 ? lead : lead & (0x7F >> bytes);
        for (int k = 1; k < bytes && i + k < text.size(); ++k)
            code = (code << 6) | (static_cast<unsigned char>(text[i + k]) & 0x3F);
        chars.push_back({code, bytes});
        i += static_cast<std::size_t>(bytes);
    }
    return chars;
}

// Scripts written right to left: HarfBuzz gives their glyphs in visual order, reversed.
bool right_to_left(char32_t code) {
    return (code >= 0x0590 && code <= 0x08FF) || (code >= 0xFB1D && code <= 0xFDFF) ||
           (code >= 0xFE70 && code <= 0xFEFF) || (code >= 0x10800 && code <= 0x10FFF) ||
           (code >= 0x1E800 && code <= 0x1EFFF);
}

// Which bytes of the text each glyph shows. A glyph per character, left to right, maps one to
// one, so a PDF reader finds each character under its own glyph; anything else (ligatures,
// combining marks, right-to-left text) becomes a single cluster, which still extracts the
// whole text.
std::vector<cairo_text_cluster_t> clusters_of(const std::string& text, std::size_t glyphs) {
    const std::vector<Utf8Char> chars = decode_valid_utf8(text);
    bool one_to_one = chars.size() == glyphs;
    for (const Utf8Char& c : chars) one_to_one = one_to_one && !right_to_left(c.code);
    if (!one_to_one) return {{static_cast<int>(text.size()), static_cast<int>(glyphs)}};
    std::vector<cairo_text_cluster_t> clusters;
    clusters.reserve(chars.size());
    for (const Utf8Char& c : chars) clusters.push_back({c.bytes, 1});
    return clusters;
}

// Unhinted outlines, as the layout measured them; grey antialiasing, as SVG renderers use.
void set_unhinted_font_options(cairo_t* context) {
    const CairoFontOptionsPtr options(cairo_font_options_create());
    cairo_font_options_set_hint_style(options.get(), CAIRO_HINT_STYLE_NONE);
    cairo_font_options_set_hint_metrics(options.get(), CAIRO_HINT_METRICS_OFF);
    cairo_font_options_set_antialias(options.get(), CAIRO_ANTIALIAS_GRAY);
    cairo_set_font_options(context, options.get());
}

}  // namespace

CairoTextPainter::CairoTextPainter(cairo_t* context) : context_(context) {
    set_unhinted_font_options(context_);
}

void CairoTextPainter::draw(const TextRun& run) {
    // Scene text is sanitised upstream; cairo rejects invalid UTF-8, so make sure of it here.
    const std::string text = xml_safe_text(run.text);
    set_source_color(context_, run.fill);
    cairo_set_font_size(context_, run.font_size);
    if (!run.glyphs.empty() && !run.font_file.empty()) {
        draw_glyphs(run, text);
    } else if (!text.empty()) {
        draw_with_family(run, text);
    }
}

cairo_font_face_t* CairoTextPainter::face_for(const std::string& file) {
    if (auto it = faces_.find(file); it != faces_.end()) return it->second.get();
    // A pattern naming the file (and no family) makes cairo load exactly that file.
    const FcPatternPtr pattern(FcPatternCreate());
    FcPatternAddString(pattern.get(), FC_FILE, reinterpret_cast<const FcChar8*>(file.c_str()));
    FcPatternAddInteger(pattern.get(), FC_INDEX, 0);
    FcPatternAddBool(pattern.get(), FC_HINTING, FcFalse);
    CairoFontFacePtr face(cairo_ft_font_face_create_for_pattern(pattern.get()));
    return faces_.emplace(file, std::move(face)).first->second.get();
}

void CairoTextPainter::draw_glyphs(const TextRun& run, const std::string& text) {
    cairo_set_font_face(context_, face_for(run.font_file));
    std::vector<cairo_glyph_t> glyphs;
    glyphs.reserve(run.glyphs.size());
    for (const Glyph& g : run.glyphs) glyphs.push_back({g.id, run.x + g.x, run.y + g.y});
    const int count = static_cast<int>(glyphs.size());
    if (text.empty()) {
        cairo_show_glyphs(context_, glyphs.data(), count);
        return;
    }
    const std::vector<cairo_text_cluster_t> clusters = clusters_of(text, glyphs.size());
    cairo_show_text_glyphs(context_, text.data(), static_cast<int>(text.size()), glyphs.data(),
                           count, clusters.data(), static_cast<int>(clusters.size()),
                           cairo_text_cluster_flags_t{});
}

void CairoTextPainter::draw_with_family(const TextRun& run, const std::string& text) {
    cairo_select_font_face(context_, run.font_family.c_str(), CAIRO_FONT_SLANT_NORMAL,
                           CAIRO_FONT_WEIGHT_NORMAL);
    cairo_move_to(context_, run.x, run.y);
    cairo_show_text(context_, text.c_str());
    cairo_new_path(context_);
}

}  // namespace strata::emit
