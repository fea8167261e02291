#include "layout/layered/caption_bands.hpp"

#include <algorithm>
#include <optional>

namespace strata::layout {
namespace {

double box_height(const DrawnBox& b) {
    return b.size.y + b.de;
}

}  // namespace

void share_caption_band(std::vector<DrawnBox>& boxes, const std::vector<std::size_t>& line) {
    double tallest = 0;
    for (const std::size_t i : line) tallest = std::max(tallest, box_height(boxes[i]));
    for (std::size_t k = 0; k < line.size(); ++k) {
        std::optional<Caption>& caption = boxes[line[k]].caption;
        if (!caption) continue;
        double over = tallest;
        if (caption->near_band) {
            // The funnels to its neighbours reach no higher than the taller box of each pair.
            over = box_height(boxes[line[k]]);
            if (k > 0) over = std::max(over, box_height(boxes[line[k - 1]]));
            if (k + 1 < line.size()) over = std::max(over, box_height(boxes[line[k + 1]]));
        }
        caption->drop = (over - box_height(boxes[line[k]])) / 2;
    }
}

void share_caption_bands_by_row(std::vector<DrawnBox>& boxes, std::size_t spine_boxes) {
    std::vector<std::vector<std::size_t>> rows;
    for (std::size_t i = 0; i < spine_boxes && i < boxes.size(); ++i) {
        if (boxes[i].row >= rows.size()) rows.resize(boxes[i].row + 1);
        rows[boxes[i].row].push_back(i);
    }
    for (const std::vector<std::size_t>& row : rows) share_caption_band(boxes, row);
}

}  // namespace strata::layout
