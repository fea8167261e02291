#include "text/harfbuzz_engine.hpp"

#include <algorithm>
#include <cmath>
#include <utility>

#include "strata/error.hpp"
#include "strata/printable.hpp"

namespace strata {
namespace {

double checked_size(const FontSpec& spec) {
    if (!std::isfinite(spec.size) || spec.size <= 0) {
        throw Error("", "font size of " + quoted_text(spec.name) + " must be a positive number");
    }
    return spec.size;
}

}  // namespace

TextEngine::TextEngine(ModelNamedFiles named) : locator_(std::move(named)) {
    FT_Library library = nullptr;
    if (FT_Init_FreeType(&library) != 0) throw Error("", "FreeType could not be initialised");
    library_.reset(library);
}

TextEngine::~TextEngine() = default;

const TextEngine::LoadedFont& TextEngine::load(const std::string& name) {
    if (auto it = by_name_.find(name); it != by_name_.end()) return it->second;
    const FontLocation location = locator_.locate(name.empty() ? kDefaultFontFamily : name);
    auto font = fonts_.find(location);
    if (font == fonts_.end()) {
        font = fonts_
                   .emplace(location, std::make_unique<ShapingFont>(library_.get(), location,
                                                                    locator_.read(location)))
                   .first;
    }
    return by_name_.emplace(name, LoadedFont{location, font->second.get()}).first->second;
}

ShapingFont& TextEngine::font_for(const FontSpec& spec) {
    return *load(spec.name).font;
}

TextMetrics TextEngine::measure(std::string_view text, const FontSpec& spec) {
    const double size = checked_size(spec);
    ShapingFont& font = font_for(spec);
    const double scale = size / font.units_per_em();
    const RunExtent& extent = font.extent(text);

    TextMetrics metrics;
    metrics.ascent = font.ascender() * scale;
    metrics.descent = font.descender() * scale;
    if (text.empty()) return metrics;  // Pillow's box of "" is all zero
    metrics.advance = extent.advance * scale;
    // Like Pillow's box, the ink box also spans the pen line: from the origin to the
    // advance along the baseline.
    metrics.left = 0;
    metrics.right = std::max(0.0, metrics.advance);
    metrics.top = metrics.bottom = metrics.ascent;
    if (extent.ink) {
        metrics.left = std::min(metrics.left, extent.ink->x_min * scale);
        metrics.right = std::max(metrics.right, extent.ink->x_max * scale);
        metrics.top = std::min(metrics.top, metrics.ascent - extent.ink->y_max * scale);
        metrics.bottom = std::max(metrics.bottom, metrics.ascent - extent.ink->y_min * scale);
    }
    return metrics;
}

ResolvedFont TextEngine::resolve(const FontSpec& spec) {
    const LoadedFont& loaded = load(spec.name);
    return {loaded.font->family(), loaded.location.file};
}

FontData TextEngine::font_data(const FontSpec& spec) {
    const LoadedFont& loaded = load(spec.name);
    return {loaded.font->data(), loaded.location.index};
}

std::vector<Glyph> TextEngine::shape(std::string_view text, const FontSpec& spec) {
    const double size = checked_size(spec);
    ShapingFont& font = font_for(spec);
    const double scale = size / font.units_per_em();
    const ShapedRun run = font.shape(text);
    std::vector<Glyph> glyphs;
    glyphs.reserve(run.glyphs.size());
    // Font units are y up from the baseline; a scene's glyphs are y down from it.
    for (const PlacedGlyph& placed : run.glyphs)
        glyphs.push_back({placed.glyph, placed.x * scale, 0.0 - placed.y * scale});
    return glyphs;
}

TextPath TextEngine::outline(std::string_view text, const FontSpec& spec) {
    const double size = checked_size(spec);
    ShapingFont& font = font_for(spec);
    const double scale = size / font.units_per_em();
    const double baseline = font.ascender() * scale;
    TextPath path;
    for (const PlacedGlyph& placed : font.shape(text).glyphs) {
        font.append_outline(placed.glyph, scale, {placed.x * scale, baseline - placed.y * scale},
                            path);
    }
    return path;
}

}  // namespace strata
