#include "layout/layered/drawn_boxes.hpp"

#include "layout/layered/annotation_marks.hpp"

#include <algorithm>
#include <cstdint>
#include <string>

#include "layout/decorations/layer_groups.hpp"
#include "layout/layered/annotation_marks.hpp"
#include "style/length.hpp"
#include "style/palette.hpp"

namespace strata::layout {
namespace {

constexpr const char* kSpacingDummy = "SpacingDummyLayer";
constexpr double kDefaultDummySpacing = 50;

template <typename T>
bool contains(const std::vector<T>& list, const T& value) {
    return std::find(list.begin(), list.end(), value) != list.end();
}

}  // namespace

SizeLimits scaled_limits(SizeLimits l, double size_factor) {
    l.scale_xy *= size_factor;
    l.scale_z *= size_factor;
    // A box thinner than a few outline widths is drawn as a black line (the dense layers of
    // a network shrunk to a column), and a face under 2 mm cannot be told apart in print: the
    // thinnest side stays 2 mm, the rest shrinks (a figure that needs smaller boxes is drawn a
    // block or a stage per box at level auto).
    constexpr double kLegibleSide = 2 / 25.4 * 96;
    l.min_xy = std::max(l.min_xy * size_factor, std::min(l.min_xy, kLegibleSide));
    l.max_xy *= size_factor;
    l.min_z *= size_factor;
    l.max_z *= size_factor;
    return l;
}

std::vector<DrawnBox> drawn_boxes(const Model& model, const Options& o, BoxScale scale,
                                  FacePictures& pictures) {
    std::vector<DrawnBox> boxes;
    Palette palette(o.compat_visualkeras, model);
    double cursor = o.padding;
    double pending_gap = 0;  // spacing dummies since the last box
    GroupClearance group_clearance(o.layered_groups, !o.compat_visualkeras);
    // Index among the layers Keras lists (implicit inputs excluded), as index_ignore and
    // index_2D count them.
    std::size_t model_index = 0;
    for (std::size_t li = 0; li < model.layers.size(); ++li) {
        const Layer& layer = model.layers[li];
        if (layer.implicit) continue;
        std::size_t k = model_index++;
        if (contains(o.type_ignore, layer.type) || contains(o.index_ignore, k)) continue;
        if (layer.type == kSpacingDummy) {
            auto spacing = attr<std::int64_t>(layer, "spacing");
            const double gap = spacing ? static_cast<double>(*spacing) : kDefaultDummySpacing;
            cursor += gap;
            pending_gap += gap;
            continue;
        }
        DrawnBox box;
        box.layer = li;
        box.style = resolve_style(layer, o);
        if (scale.size_factor != 1) {
            box.style.limits = scaled_limits(box.style.limits, scale.size_factor);
            // Gaps shrink only once boxes are tiny (a long dense block in one row).
            box.style.spacing *= std::clamp(scale.size_factor * 10, 0.2, 1.0);
        }
        // Fitting to a width shrinks boxes, never text below the minimum size.
        if (scale.width_limit > 0)
            box.style.font.size = std::max(box.style.font.size, points_to_px(o.min_font_size));
        box.size = box_size(box_dims(layer), box.style.limits, o);
        pictures.fit_box(box.size, box.style);
        bool flat = !o.draw_volume || contains(o.index_2D, k);
        box.de = flat ? 0 : box.size.x / 3;
        double clearance = group_clearance.before(layer.name);
        // A group's rectangle holds its boxes' depth: where one begins or ends, the depth that
        // reaches into the gap (the box before's, or this one's when drawn reversed) and the
        // ghosts of a ×N unit there are cleared too, so that no rectangle cuts a box outside it.
        if (clearance > 0 && !o.compat_visualkeras && !boxes.empty())
            clearance += (o.draw_reversed ? box.de : boxes.back().de) + 2 * kGhostStep;
        cursor += clearance;
        box.gap_before = pending_gap + clearance;
        pending_gap = 0;
        box.left = cursor - box.de / 2;
        cursor += box.size.z + box.style.spacing;
        box.fill = box.style.fill ? *box.style.fill : palette.color_for(layer.type);
        box.outline = box.style.outline;
        boxes.push_back(box);
    }
    return boxes;
}

}  // namespace strata::layout
