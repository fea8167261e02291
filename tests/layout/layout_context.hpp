#pragma once

// A layout context that needs neither the system's fonts nor files: text metrics computed from
// the text alone, and pictures held in memory (every request recorded).

#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "image/image_file.hpp"
#include "strata/error.hpp"
#include "strata/layout.hpp"
#include "strata/layout_context.hpp"

namespace strata::test {

// Every character (UTF-8 code point) 0.6 em wide, glyph 1 for each; ascent 0.8 em, descent
// 0.2 em, ink from the ascender line to the descender. The font resolves to its own name, so a
// font option still shows in the output.
class SteadyMetrics final : public TextMeasurer {
  public:
    TextMetrics measure(std::string_view text, const FontSpec& font) override {
        const double advance = 0.6 * font.size * static_cast<double>(characters(text));
        return TextMetrics{0, 0, advance, font.size, advance, 0.8 * font.size, 0.2 * font.size};
    }
    std::vector<Glyph> shape(std::string_view text, const FontSpec& font) override {
        std::vector<Glyph> glyphs(characters(text));
        for (std::size_t i = 0; i < glyphs.size(); ++i) {
            glyphs[i] = Glyph{1, 0.6 * font.size * static_cast<double>(i), 0};
        }
        return glyphs;
    }
    ResolvedFont resolve(const FontSpec& font) override {
        const std::string name = font.name.empty() ? "Steady" : font.name;
        return {name, name + ".ttf"};
    }

  private:
    static std::size_t characters(std::string_view text) {
        std::size_t count = 0;
        for (const char c : text) {
            if ((static_cast<unsigned char>(c) & 0xC0) != 0x80) ++count;
        }
        return count;
    }
};

// Pictures by name, from bytes held in memory; a name it does not hold is an error naming it.
class MemoryImages final : public ImageSource {
  public:
    void add(const std::string& name, std::string bytes) { bytes_[name] = std::move(bytes); }
    Picture load(const std::string& name) override {
        requests.push_back(name);
        const auto it = bytes_.find(name);
        if (it == bytes_.end()) throw Error(name, "no such picture");
        return image::parse_image(name, it->second);
    }
    std::vector<std::string> requests;

  private:
    std::map<std::string, std::string> bytes_;
};

// A text measurer and the pictures of one test.
struct FixedContext {
    SteadyMetrics text;
    MemoryImages images;
    LayoutContext context() { return {text, images}; }
};

// The layered view laid out with `text`, with no picture to be had.
inline Scene layered(const Model& model, const Options& options, TextMeasurer& text,
                     Warnings& warnings) {
    MemoryImages images;
    return layout_layered(model, options, LayoutContext{text, images}, warnings);
}

// The layered view on fixed metrics.
inline Scene draw(const Model& model, const Options& options, Warnings& warnings) {
    SteadyMetrics text;
    return layered(model, options, text, warnings);
}

inline Scene draw(const Model& model, const Options& options) {
    Warnings warnings;
    return draw(model, options, warnings);
}

}  // namespace strata::test
