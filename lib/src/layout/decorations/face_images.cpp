#include "layout/decorations/face_images.hpp"

#include "strata/error.hpp"
#include "strata/printable.hpp"

#include <algorithm>
#include <cmath>

#include "layout/decorations/image_placement.hpp"
#include "layout/layered/face_quads.hpp"

namespace strata::layout {
namespace {

// visualkeras' int(): truncation toward zero.
double floor0(double v) {
    return std::trunc(v);
}

char axis_of(const LayerStyle& style) {
    return name_of(style.image_axis).front();
}

}  // namespace

std::string missing_face(const Layer& layer, char axis, std::optional<double> turn) {
    const std::string face = axis == 'y' ? "top" : axis == 'x' ? "side" : "front";
    if (turn)
        return "layer " + quoted_text(layer.name) + " is turned: its " + face +
               " face is out of sight";
    return "layer " + quoted_text(layer.name) + " is drawn flat: it has no " + face + " face";
}

void fit_box_to_image(BoxSize& size, const LayerStyle& style, ImageStore& images) {
    if (!style.image) return;
    std::string error;
    const Picture* file = images.load(*style.image, error);
    if (!file) return;  // reported when the image is drawn
    const char axis = axis_of(style);
    if (style.image_fit == strata::ImageFit::match_aspect) {
        const double r = file->width / file->height;
        if (axis == 'y') {
            if (r > 0) size.x = 3 * floor0(size.z / r);
        } else if (axis == 'x') {
            size.x = 3 * floor0(size.y * r);
        } else {
            const double q = size.y > 0 ? size.z / size.y : 1;
            if (r > q) {
                size.z = floor0(size.y * r);
            } else {
                size.y = floor0(size.z / r);
            }
        }
    }
    const double f = std::max(0.0, style.scale_image);
    if (f == 1) return;
    double& first = axis == 'x' ? size.x : size.z;
    double& second = axis == 'y' ? size.x : size.y;
    first = floor0(first * f);
    second = floor0(second * f);
}

std::optional<Group> face_image_group(const Layer& layer, std::string id, const LayerStyle& style,
                                      const BoxPlacement& box, bool link_images, ImageStore& images,
                                      Warnings& warnings, std::optional<double> turn) {
    if (!style.image) return std::nullopt;
    std::string error;
    const Picture* file = images.load(*style.image, error);
    // visualkeras only warns; a figure silently missing a picture it was asked for is worse.
    if (!file)
        throw images.failure(*style.image, error,
                             "styles image of layer " + quoted_text(layer.name));
    const char axis = axis_of(style);
    const std::optional<FaceQuad> quad = face_quad(box, axis, turn);
    if (!quad) {
        warnings.push_back(
            {"", missing_face(layer, axis, turn) + " for its image " + *style.image, layer.name});
        return std::nullopt;
    }
    Group g;
    g.id = std::move(id);
    g.label = "image on " + layer.name;
    g.role = Role::image;
    g.type = layer.type;
    g.items.push_back(place_image(*file, quad->p0, quad->p1, quad->p3,
                                  image_fit_from(style.image_fit), "image", link_images));
    return g;
}

}  // namespace strata::layout
