#include "emit/cairo_image.hpp"

#include <algorithm>
#include <cmath>
#include <cstring>
#include <string_view>
#include <variant>

namespace strata::emit {
namespace {

struct ByteReader {
    std::string_view bytes;
};

cairo_status_t read_bytes(void* closure, unsigned char* data, unsigned int length) {
    auto* reader = static_cast<ByteReader*>(closure);
    if (reader->bytes.size() < length) return CAIRO_STATUS_READ_ERROR;
    std::memcpy(data, reader->bytes.data(), length);
    reader->bytes.remove_prefix(length);
    return CAIRO_STATUS_SUCCESS;
}

}  // namespace

bool can_paint_image(const Image& image) {
    return image.mime_type == "image/png" && !image.data.empty();
}

double painted_picture_pixels(const Scene& scene, double scale) {
    double pixels = 0;
    for (const Group& group : scene.groups) {
        for (const Primitive& item : group.items) {
            const auto* image = std::get_if<Image>(&item);
            if (!image || !can_paint_image(*image)) continue;
            const Affine& m = image->transform;
            // The area of the picture's box on the canvas: its own area times |det m|.
            const double covered =
                std::abs(m.a * m.d - m.b * m.c) * image->width * image->height * scale * scale;
            pixels += std::max(image->width * image->height, covered);
        }
    }
    return pixels;
}

void warn_pictures_left_out(const Scene& scene, const std::string& output, Warnings& warnings) {
    for (const Group& group : scene.groups) {
        for (const Primitive& item : group.items) {
            const auto* image = std::get_if<Image>(&item);
            if (!image || can_paint_image(*image)) continue;
            // The label says what the picture is on: "image on conv1", "logo on dense".
            const std::string owner = group.label.empty() ? "" : " (" + group.label + ")";
            const std::string format = image->mime_type == "image/jpeg"      ? "a JPEG"
                                       : image->mime_type == "image/svg+xml" ? "an SVG"
                                                                             : "this";
            warnings.push_back({output, "the picture " + image->file + owner +
                                            " is left out: " + output +
                                            " output draws PNG pictures only, and " + format +
                                            " picture needs a decoder strata does not use "
                                            "(the SVG output shows it)"});
        }
    }
}

cairo_surface_t* PictureSurfaces::surface_of(const Image& image) {
    auto it = surfaces_.find(image.data.identity());
    if (it == surfaces_.end()) {
        ByteReader reader{image.data.str()};
        CairoSurfacePtr decoded(cairo_image_surface_create_from_png_stream(read_bytes, &reader));
        // A picture cairo cannot decode is left out at every placement, decoded no more.
        if (cairo_surface_status(decoded.get()) != CAIRO_STATUS_SUCCESS ||
            cairo_image_surface_get_width(decoded.get()) <= 0 ||
            cairo_image_surface_get_height(decoded.get()) <= 0) {
            decoded.reset();
        }
        it = surfaces_.emplace(image.data.identity(), std::move(decoded)).first;
    }
    return it->second.get();
}

void PictureSurfaces::paint(cairo_t* context, const Image& image) {
    if (!can_paint_image(image) || image.width <= 0 || image.height <= 0) return;
    cairo_surface_t* picture = surface_of(image);
    if (!picture) return;
    const int pixels_w = cairo_image_surface_get_width(picture);
    const int pixels_h = cairo_image_surface_get_height(picture);

    cairo_save(context);
    if (!image.clip.empty()) {
        cairo_new_path(context);
        for (const Point& p : image.clip) cairo_line_to(context, p.x, p.y);
        cairo_close_path(context);
        cairo_clip(context);
    }
    const Affine& m = image.transform;
    cairo_matrix_t placement;
    cairo_matrix_init(&placement, m.a, m.b, m.c, m.d, m.e, m.f);
    cairo_transform(context, &placement);
    // The picture's own pixels stretched over its declared box, as SVG's
    // preserveAspectRatio="none" does.
    cairo_scale(context, image.width / pixels_w, image.height / pixels_h);
    cairo_set_source_surface(context, picture, 0, 0);
    cairo_pattern_set_filter(cairo_get_source(context), CAIRO_FILTER_GOOD);
    cairo_rectangle(context, 0, 0, pixels_w, pixels_h);
    cairo_fill(context);
    cairo_restore(context);
}

}  // namespace strata::emit
