#pragma once

#include <memory>

#include "strata/image_source.hpp"
#include "strata/model_files.hpp"
#include "strata/text_measurer.hpp"

namespace strata {

// What a layout needs from outside the model and the options: how text measures, and the
// pictures the options name. The layout itself opens no file and looks up no font.
struct LayoutContext {
    TextMeasurer& text;
    ImageSource& images;
};

// The system's fonts: fontconfig finds them, FreeType loads them, HarfBuzz shapes the text.
// A font file `named` lists (Options::model_files: a model file named it) is looked at only
// beneath the model's folder. Not thread-safe; one per thread.
std::unique_ptr<TextMeasurer> system_text_measurer();
std::unique_ptr<TextMeasurer> system_text_measurer(const ModelNamedFiles& named);

// Pictures read from disk: a regular file of at most 16 MiB, PNG, JPEG or SVG by content,
// at most 16384 pixels a side. Which paths a model file may name is decided where options are
// read, not here; a picture `named` lists (Options::model_files) is opened beneath the model's
// folder. Give each the model_files of the options the layout is called with.
std::unique_ptr<ImageSource> disk_image_source();
std::unique_ptr<ImageSource> disk_image_source(const ModelNamedFiles& named);

}  // namespace strata
