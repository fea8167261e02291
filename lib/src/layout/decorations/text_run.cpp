#include "layout/decorations/text_run.hpp"

namespace strata::layout {

TextRun make_text_run(TextMeasurer& text, const FontSpec& font, std::string line, Point baseline,
                      double advance, Rgba color, TextAnchor anchor) {
    const ResolvedFont resolved = text.resolve(font);
    const TextMetrics metrics = text.measure(line, font);
    TextRun run;
    run.glyphs = text.shape(line, font);
    run.text = std::move(line);
    run.font_family = resolved.family;
    run.font_file = resolved.file;
    run.font_data = text.font_data(font);
    run.font_size = font.size;
    run.x = baseline.x;
    run.y = baseline.y;
    run.advance = advance;
    run.ascent = metrics.ascent;
    run.descent = metrics.descent;
    run.anchor = anchor;
    run.fill = color;
    return run;
}

}  // namespace strata::layout
