#include "emit/cairo_text.hpp"

#include <cairo-ft.h>
#include <fontconfig/fontconfig.h>

#include <memory>
#include <vector>

#include "emit/xml_text.hpp"
#include "text/font_handles.hpp"
#include "text/unicode_text.hpp"

namespace strata::emit {
namespace {

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
    std::vector<cairo_text_cluster_t> clusters;  // one per character: its bytes, one glyph
    bool one_to_one = true;
    for (std::size_t pos = 0; pos < text.size() && one_to_one;) {
        const std::size_t start = pos;
        one_to_one = !right_to_left(unicode::decode_next(text, pos));
        clusters.push_back({static_cast<int>(pos - start), 1});
    }
    if (!one_to_one || clusters.size() != glyphs) {
        return {{static_cast<int>(text.size()), static_cast<int>(glyphs)}};
    }
    return clusters;
}

// Unhinted outlines, as the layout measured them; grey antialiasing, as SVG renderers use.
// A FreeType face over the font bytes a run was measured in, with its own library: cairo may
// keep the face past the painter, and frees these with it.
struct MemoryFace {
    FT_Library library = nullptr;
    FT_Face face = nullptr;
    std::shared_ptr<const std::string> data;
};

const cairo_user_data_key_t kMemoryFaceKey{};

void release_memory_face(void* pointer) {
    auto* memory = static_cast<MemoryFace*>(pointer);
    if (memory->face != nullptr) FT_Done_Face(memory->face);
    if (memory->library != nullptr) FT_Done_FreeType(memory->library);
    delete memory;
}

// A cairo face drawing from `font`, or null when FreeType cannot load it.
CairoFontFacePtr face_from_bytes(const FontData& font) {
    const std::string& data = *font.bytes;
    auto memory = std::make_unique<MemoryFace>();
    memory->data = font.bytes;
    if (FT_Init_FreeType(&memory->library) != 0) {
        memory->library = nullptr;
        return nullptr;
    }
    if (FT_New_Memory_Face(memory->library, reinterpret_cast<const FT_Byte*>(data.data()),
                           static_cast<FT_Long>(data.size()), font.index, &memory->face) != 0) {
        memory->face = nullptr;
        release_memory_face(memory.release());
        return nullptr;
    }
    CairoFontFacePtr face(cairo_ft_font_face_create_for_ft_face(memory->face, FT_LOAD_NO_HINTING));
    MemoryFace* owned = memory.release();
    if (cairo_font_face_set_user_data(face.get(), &kMemoryFaceKey, owned, release_memory_face) !=
        CAIRO_STATUS_SUCCESS) {
        face.reset();
        release_memory_face(owned);
        return nullptr;
    }
    return face;
}

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
    // A run without glyphs was never measured in a font file: there is nothing to draw it with.
    if (!run.glyphs.empty() && !run.font_file.empty()) draw_glyphs(run, text);
}

cairo_font_face_t* CairoTextPainter::face_for(const TextRun& run) {
    if (!run.font_data.bytes) return face_for_file(run.font_file);
    const MemoryKey key{run.font_data.bytes.get(), run.font_data.index};
    if (auto it = memory_faces_.find(key); it != memory_faces_.end()) return it->second.get();
    return memory_faces_.emplace(key, face_from_bytes(run.font_data)).first->second.get();
}

cairo_font_face_t* CairoTextPainter::face_for_file(const std::string& file) {
    if (auto it = faces_.find(file); it != faces_.end()) return it->second.get();
    // A pattern naming the file (and no family) makes cairo load exactly that file: cairo
    // matches nothing with fontconfig for it.
    const FcPatternPtr pattern(FcPatternCreate());
    FcPatternAddString(pattern.get(), FC_FILE, reinterpret_cast<const FcChar8*>(file.c_str()));
    FcPatternAddInteger(pattern.get(), FC_INDEX, 0);
    FcPatternAddBool(pattern.get(), FC_HINTING, FcFalse);
    CairoFontFacePtr face(cairo_ft_font_face_create_for_pattern(pattern.get()));
    return faces_.emplace(file, std::move(face)).first->second.get();
}

void CairoTextPainter::draw_glyphs(const TextRun& run, const std::string& text) {
    cairo_font_face_t* face = face_for(run);
    if (face == nullptr) return;  // the bytes measured are no font FreeType loads
    cairo_set_font_face(context_, face);
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

}  // namespace strata::emit
