#pragma once

#include <cstddef>
#include <map>
#include <string>
#include <variant>

#include "strata/error.hpp"
#include "strata/image_source.hpp"
#include "strata/option_places.hpp"

namespace strata::layout {

// Asks the image source for each picture of one layout once; a picture that fails to load
// keeps its error, so every layer that asks for it is told the same reason. An SVG picture
// is kept sanitised (sanitize_svg_picture), whatever source served it. Every placement
// shares the loaded picture's bytes. The distinct pictures of a figure stay within
// limits::kMaxFigurePictureBytes and kMaxFigurePicturePixels together.
//
// Errors about a picture an option file or a model spec named (`places`, the options'
// picture_places) are at that place: FILE:LINE:COL: OPTION: image 'PATH AS WRITTEN': PROBLEM.
class ImageStore {
  public:
    explicit ImageStore(ImageSource& source, const OptionPlaces* places = nullptr)
        : source_(source), places_(places) {}

    // The picture, or nullptr with `error` set to why it could not be loaded. Throws
    // strata::Error naming the picture when it would take the figure's pictures past their
    // limits.
    const Picture* load(const std::string& name, std::string& error);

    // The error for the picture `name` that `use` ("styles image of layer 'conv'") could not
    // have, `error` being what load() said: at the place that named the picture, else naming
    // the picture and the use.
    Error failure(const std::string& name, const std::string& error, const std::string& use) const;

  private:
    void count(const std::string& name, const Picture& picture);
    Error picture_error(const std::string& name, const std::string& problem,
                        const std::string& use) const;

    ImageSource& source_;
    const OptionPlaces* places_;
    std::map<std::string, std::variant<Picture, std::string>> pictures_;
    std::size_t bytes_ = 0;
    double pixels_ = 0;
};

// An image error without the leading "NAME: " (for messages that name the picture already).
std::string without_path(const std::string& error, const std::string& name);

}  // namespace strata::layout
