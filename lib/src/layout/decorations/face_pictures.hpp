#pragma once

#include <cstddef>
#include <optional>
#include <string>

#include "layout/decorations/image_store.hpp"
#include "layout/layered/box_faces.hpp"
#include "layout/layered/box_size.hpp"
#include "layout/layered/ids.hpp"
#include "strata/diagnostics.hpp"
#include "strata/image_source.hpp"
#include "strata/model.hpp"
#include "strata/options.hpp"
#include "strata/scene.hpp"
#include "strata/text_measurer.hpp"
#include "style/layer_style.hpp"

namespace strata::layout {

// Everything pictures add to a layered view: style images reshaping boxes (§2.8), logos and
// face images painted after each box (§7.2, §8) and the logos legend (§7.3). Each picture
// is asked of the image source once per layout.
class FacePictures {
  public:
    FacePictures(const Options& options, ImageSource& images, Warnings& warnings)
        : options_(options), warnings_(warnings), images_(images, &options.picture_places) {}

    // Before placement: match_aspect and scale_image.
    void fit_box(BoxSize& size, const LayerStyle& style);

    // Right after the box group of `layer`: one group per logo, then the face image, on the
    // faces of the box turned `turn` degrees when it is (orientation_rotation).
    void append_after_box(Scene& scene, const Layer& layer, const std::string& box_id,
                          const LayerStyle& style, const BoxPlacement& box, IdMaker& ids,
                          std::optional<double> turn = std::nullopt);

    // Below everything else in the scene.
    void append_logos_legend(Scene& scene, TextMeasurer& text, IdMaker& ids);

  private:
    void append_logos(Scene& scene, const Layer& layer, const std::string& box_id,
                      const BoxPlacement& box, IdMaker& ids, std::optional<double> turn);

    // Counts `count` more pictures placed; throws strata::Error naming the option that
    // places them when the figure would place more than limits::kMaxPicturePlacements.
    void count_placements(std::size_t count, const char* option);

    const Options& options_;
    Warnings& warnings_;
    ImageStore images_;
    std::size_t placements_ = 0;
};

}  // namespace strata::layout
