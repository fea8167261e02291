#include "layout/layered/caption_bands.hpp"

#include <algorithm>

namespace strata::layout {
namespace {

double box_height(const DrawnBox& b) {
    return b.size.y + b.de;
}

}  // namespace

void share_caption_band(std::vector<DrawnBox>& boxes, const std::vector<std::size_t>& line) {
    double tallest = 0;
    for (const std::size_t i : line) tallest = std::max(tallest, box_height(boxes[i]));
    for (const std::size_t i : line) {
        if (boxes[i].caption) boxes[i].caption->drop = (tallest - box_height(boxes[i])) / 2;
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
