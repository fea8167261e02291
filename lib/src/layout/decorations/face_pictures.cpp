#include "layout/decorations/face_pictures.hpp"

#include "strata/error.hpp"
#include "strata/limits.hpp"
#include "strata/printable.hpp"

#include "layout/decorations/face_images.hpp"
#include "layout/decorations/logos.hpp"
#include "layout/decorations/logos_legend.hpp"
#include "layout/layered/face_quads.hpp"

namespace strata::layout {

void FacePictures::fit_box(BoxSize& size, const LayerStyle& style) {
    fit_box_to_image(size, style, images_);
}

void FacePictures::append_after_box(Scene& scene, const Layer& layer, const std::string& box_id,
                                    const LayerStyle& style, const BoxPlacement& box, IdMaker& ids,
                                    std::optional<double> turn) {
    append_logos(scene, layer, box_id, box, ids, turn);
    if (!style.image) return;
    count_placements(1, "styles");
    std::optional<Group> image = face_image_group(layer, ids.make(box_id + "-image"), style, box,
                                                  options_.link_images, images_, warnings_, turn);
    if (image) scene.groups.push_back(std::move(*image));
}

void FacePictures::append_logos(Scene& scene, const Layer& layer, const std::string& box_id,
                                const BoxPlacement& box, IdMaker& ids, std::optional<double> turn) {
    int count = 0;
    for (const LogoGroup& logo : options_.logo_groups) {
        const int matches = logo_matches(logo, layer);
        if (matches == 0) continue;
        std::string error;
        const Picture* file = images_.load(logo.file, error);
        // visualkeras skips such logos silently; a figure missing what it asked for is worse.
        if (!file)
            throw images_.failure(logo.file, error,
                                  "logo_groups logo for layer " + quoted_text(layer.name));
        const char axis = options_.draw_volume ? name_of(logo.axis).front() : 'z';
        const std::optional<FaceQuad> face = face_quad(box, axis, turn);
        if (!face) {
            warnings_.push_back(
                {"", missing_face(layer, axis, turn) + " for the logo " + logo.file, layer.name});
            continue;
        }
        count_placements(static_cast<std::size_t>(matches), "logo_groups");
        for (int m = 0; m < matches; ++m) {
            std::optional<Image> placed = place_logo(logo, *file, *face, options_.link_images);
            if (!placed) continue;
            Group g;
            g.id = ids.make(box_id + "-logo-" + std::to_string(++count));
            g.label = "logo on " + layer.name;
            g.role = Role::logo;
            g.type = layer.type;
            g.items.push_back(std::move(*placed));
            scene.groups.push_back(std::move(g));
        }
    }
}

void FacePictures::count_placements(std::size_t count, const char* option) {
    placements_ += count;
    if (placements_ <= limits::kMaxPicturePlacements) return;
    // The option's name as the error's file: the layout puts it at the place a file gave it.
    throw Error(option, "the figure would place more than " +
                            std::to_string(limits::kMaxPicturePlacements) +
                            " pictures (logos and face images, one per layer each logo group "
                            "matches); match fewer layers");
}

void FacePictures::append_logos_legend(Scene& scene, TextMeasurer& text, IdMaker& ids) {
    layout::append_logos_legend(scene, options_, text, images_, ids);
}

}  // namespace strata::layout
