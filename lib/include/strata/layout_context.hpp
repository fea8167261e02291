#pragma once

#include <memory>

#include "strata/image_source.hpp"
#include "strata/text_measurer.hpp"

namespace strata {

// What a layout needs from outside the model and the options: how text measures, and the
// pictures the options name. The layout itself opens no file and looks up no font.
struct LayoutContext {
    TextMeasurer& text;
    ImageSource& images;
};

// The system's fonts: fontconfig finds them, FreeType loads them, HarfBuzz shapes the text.
// Not thread-safe; one per thread.
std::unique_ptr<TextMeasurer> system_text_measurer();

// Pictures read from disk: a regular file of at most 16 MiB, PNG, JPEG or SVG by content,
// at most 16384 pixels a side. Which paths a model file may name is decided where options are
// read, not here.
std::unique_ptr<ImageSource> disk_image_source();

}  // namespace strata
