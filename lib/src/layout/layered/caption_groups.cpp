#include "layout/layered/caption_groups.hpp"

#include <algorithm>
#include <utility>

#include "layout/decorations/text_run.hpp"
#include "layout/layered/figure_bounds.hpp"

namespace strata::layout {

void emit_captions(Scene& scene, const CanvasBoxes& canvas, TextMeasurer& text, IdMaker& ids) {
    for (std::size_t i = 0; i < canvas.boxes.size(); ++i) {
        const DrawnBox& b = canvas.boxes[i];
        if (!b.caption) continue;
        const Caption& caption = *b.caption;
        const FontSpec& font = b.style.font;
        BoxPlacement p = canvas.placement(i);
        const Rect block = caption_block(b, p.x1, p.y1, canvas.options);
        double widest_advance = 0;
        for (const TextMetrics& m : caption.metrics)
            widest_advance = std::max(widest_advance, m.advance);
        const Layer& layer = canvas.model.layers[b.layer];
        Group g;
        g.id = ids.make(canvas.box_ids[i] + "-caption");
        g.label = "caption of " + layer.name;
        g.role = Role::caption;
        g.type = layer.type;
        for (std::size_t j = 0; j < caption.lines.size(); ++j) {
            const TextMetrics& m = caption.metrics[j];
            // Lines are centred by their advances inside the block, as Pillow does.
            const Point baseline{block.left + (widest_advance - m.advance) / 2,
                                 block.top + static_cast<double>(j) * caption.pitch + m.ascent};
            g.items.push_back(make_text_run(text, font, caption.lines[j], baseline, m.advance,
                                            b.style.font_color, TextAnchor::middle));
        }
        scene.groups.push_back(std::move(g));
    }
}

}  // namespace strata::layout
