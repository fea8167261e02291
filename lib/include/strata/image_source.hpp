#pragma once

#include <string>
#include <string_view>

#include "strata/picture_bytes.hpp"

namespace strata {

// A picture the options name (a face image, a logo), sized and ready to embed: emitters embed
// or paint its bytes, the layout only needs its size.
struct Picture {
    std::string file;              // the name it was asked for by
    std::string mime_type;         // image/png, image/jpeg or image/svg+xml
    PictureBytes data;             // the picture's bytes, shared by its placements
    double width = 0, height = 0;  // pixels (SVG: its width/height or viewBox, in CSS px)
};

// Where the layout gets the pictures the options name. The layout never opens a file: the
// default source (disk_image_source() in strata/layout_context.hpp) reads them from disk,
// recognised by content and within the size limits; a host may serve them from memory.
class ImageSource {
  public:
    virtual ~ImageSource() = default;
    // The picture named `name` (a path for the default source). Throws strata::Error whose
    // message starts with "NAME: " when it cannot be had.
    virtual Picture load(const std::string& name) = 0;
};

// The message (after "NAME: ") of the error an ImageSource throws when there is no picture
// under a name, as the default source does for a path where there is no file: the layout tells
// a missing picture by it, and says so at the place that named it.
std::string missing_picture_message();

// An SVG picture reduced to what draws: SVG shapes, text, paint servers, clips, masks,
// markers and filters with their geometry and presentation attributes. Everything else goes:
// scripts, event attributes (on*), foreignObject, style sheets, animation, images, comments
// and processing instructions, and every reference that is not to a fragment of the picture
// itself (href, xlink:href and url(...) naming other files, URLs or javascript:); a link
// keeps its content as a plain group. A strata SVG that embeds the result runs nothing and
// fetches nothing when a browser opens it. A plain DOCTYPE is dropped; one that declares
// entities (an internal subset) is refused. The layout applies it to every SVG picture an
// ImageSource serves. Throws strata::Error whose message starts with "NAME: " when the SVG
// cannot be parsed or declares entities.
std::string sanitize_svg_picture(std::string_view svg, const std::string& name);

}  // namespace strata
