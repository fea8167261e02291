#pragma once

// Captions of one line of boxes in one band.

#include <cstddef>
#include <vector>

#include "layout/layered/drawn_box.hpp"

namespace strata::layout {

// The boxes `line` (indices into `boxes`) stand centred on one line: each caption drops (its
// `drop`, set anew) by half of what its box is lower than the tallest of them, so that the captions
// below start on one line under all of them (those above end on one line over them). No funnel
// between two boxes of the line, which never reaches past the taller one, runs through a caption
// then. A caption `near_band` stands over the taller of its box and its neighbours instead.
void share_caption_band(std::vector<DrawnBox>& boxes, const std::vector<std::size_t>& line);

// share_caption_band for the spine boxes [0, spine_boxes) of each row (`DrawnBox::row`).
void share_caption_bands_by_row(std::vector<DrawnBox>& boxes, std::size_t spine_boxes);

}  // namespace strata::layout
