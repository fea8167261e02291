#pragma once

#include <string>

#include "strata/scene.hpp"
#include "strata/text_measurer.hpp"

namespace strata::layout::functional {

// The name simple_text_visualization writes inside a box: the layer's class name with its words
// apart ("MaxPooling2D" → "Max Pooling2D", "LSTMCell" → "LSTM Cell"). visualkeras puts a space
// before every capital but the first ("Max Pooling2 D"); `compat` keeps that.
std::string spaced_class_name(const std::string& type, bool compat);

// The least box that holds `label` set by box_text at `font`, each word on a line of its own
// if need be (width: the widest word; height: every word's line), 8 px from its edges.
struct BoxTextRoom {
    double width = 0, height = 0;
};
BoxTextRoom box_text_room(TextMeasurer& text, const std::string& label, const FontSpec& font,
                          double vspacing);

// `label` set inside the box (x1, y1)–(x2, y2), 8 px from its edges, as visualkeras sets a
// box's text: wrapped at spaces to the box's width, the font shrunk a pixel at a time from
// `font.size` down to `least_size` until it fits, centred both ways. Lines stay horizontal
// (visualkeras turns them a quarter turn).
Group box_text(TextMeasurer& text, const std::string& label, FontSpec font, double least_size,
               Rgba color, double vspacing, double x1, double y1, double x2, double y2,
               const std::string& id, const std::string& name);

}  // namespace strata::layout::functional
