#pragma once

// How far what is drawn over and behind the boxes reaches: the bounds of each primitive of
// some groups, text measured as it will be drawn.

#include <vector>

#include "layout/decorations/caption_spacing.hpp"
#include "strata/options.hpp"
#include "strata/scene.hpp"
#include "strata/text_measurer.hpp"

namespace strata::layout {

// The bounds of one primitive: its points, or a text run's ink in `options.font`.
Rect primitive_bounds(const Primitive& primitive, TextMeasurer& text, const Options& options);

// The bounds of every primitive of `groups`, in order, appended to `out`.
void append_bounds(const std::vector<Group>& groups, TextMeasurer& text, const Options& options,
                   std::vector<Rect>& out);

}  // namespace strata::layout
