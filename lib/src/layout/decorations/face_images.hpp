#pragma once

#include <optional>
#include <string>

#include "layout/decorations/image_store.hpp"
#include "layout/layered/box_faces.hpp"
#include "layout/layered/box_size.hpp"
#include "strata/diagnostics.hpp"
#include "strata/model.hpp"
#include "strata/scene.hpp"
#include "style/layer_style.hpp"

namespace strata::layout {

// §2.8: a style image with image_fit 'match_aspect' reshapes the box to the picture's aspect
// on the chosen face, then `scale_image` scales the face's two sizes. Only when the picture
// loads; sizes are not clamped to min/max afterwards.
void fit_box_to_image(BoxSize& size, const LayerStyle& style, ImageStore& images);

// §8: the layer's style image on its front, top or side face, as a group painted right after
// the box's logos, with the group id `id`. Nothing (and a warning naming the layer) when the
// picture does not load or the face does not exist (top or side of a flat box) or is turned
// out of sight (a box turned `turn` degrees).
std::optional<Group> face_image_group(const Layer& layer, std::string id, const LayerStyle& style,
                                      const BoxPlacement& box, bool link_images, ImageStore& images,
                                      Warnings& warnings,
                                      std::optional<double> turn = std::nullopt);

// What a warning says of a face a picture cannot go on: that the layer is drawn flat and has
// no such face, or that the face is turned out of sight.
std::string missing_face(const Layer& layer, char axis, std::optional<double> turn);

}  // namespace strata::layout
