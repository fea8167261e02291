// The layout calls without a context: the system's fonts and pictures from disk. This is the
// one place where the layout's entry points meet font lookup and file reading.

#include <memory>

#include "image/disk_image_source.hpp"
#include "strata/layout.hpp"
#include "strata/layout_context.hpp"
#include "text/harfbuzz_engine.hpp"

namespace strata {
namespace {

// A fresh context per call, as the layout calls always had: fonts are loaded and text shaped
// once per call, and the files the options' model file named are opened beneath its folder.
class DefaultContext {
  public:
    explicit DefaultContext(const Options& options)
        : text_(options.model_files), images_(options.model_files) {}
    LayoutContext context() { return {text_, images_}; }

  private:
    TextEngine text_;
    image::DiskImageSource images_;
};

}  // namespace

std::unique_ptr<TextMeasurer> system_text_measurer() {
    return system_text_measurer(ModelNamedFiles{});
}

std::unique_ptr<TextMeasurer> system_text_measurer(const ModelNamedFiles& named) {
    return std::make_unique<TextEngine>(named);
}

std::unique_ptr<ImageSource> disk_image_source() {
    return disk_image_source(ModelNamedFiles{});
}

std::unique_ptr<ImageSource> disk_image_source(const ModelNamedFiles& named) {
    return std::make_unique<image::DiskImageSource>(named);
}

Scene layout_layered(const Model& model, const Options& options, Warnings& warnings) {
    DefaultContext defaults(options);
    return layout_layered(model, options, defaults.context(), warnings);
}

FittedScene layout_to_width(const Model& model, const Options& options, double width_px,
                            Warnings& warnings) {
    DefaultContext defaults(options);
    return layout_to_width(model, options, width_px, defaults.context(), warnings);
}

FittedScene layout_for_latex(const Model& model, const Options& options, Warnings& warnings) {
    DefaultContext defaults(options);
    return layout_for_latex(model, options, defaults.context(), warnings);
}

}  // namespace strata
