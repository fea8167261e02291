#pragma once

// What one placed box is drawn as on the canvas, and the joints between two boxes: the box's
// faces (or a merge glyph, or a concatenation slab split by its inputs), funnels and links.

#include <cstddef>
#include <string>
#include <vector>

#include "layout/layered/box_faces.hpp"
#include "layout/layered/box_frame.hpp"
#include "layout/layered/drawn_box.hpp"
#include "layout/layered/ids.hpp"
#include "strata/model.hpp"
#include "strata/options.hpp"
#include "strata/scene.hpp"

namespace strata::layout {

// The placed boxes as they go on the canvas.
struct CanvasBoxes {
    const Model& model;
    const Options& options;
    const std::vector<DrawnBox>& boxes;
    const std::vector<std::string>& box_ids;  // one per box
    BoxFrame frame;
    Point shift;  // layout → canvas

    BoxPlacement placement(std::size_t i) const { return canvas_box(boxes[i], frame, shift); }
};

// The group of box i: its faces, named by its id.
Group box_group(const CanvasBoxes& canvas, std::size_t i);

// The group of a merge glyph (sum, product) drawn for box i.
Group glyph_group(const CanvasBoxes& canvas, std::size_t i);

// Splits the front face of concatenation slab i by its inputs' channel counts (nothing when a
// count is unknown).
void add_concat_splits(Group& g, const CanvasBoxes& canvas, std::size_t i);

// The funnel from box a to box b (normal mode), drawn just before box b. visualkeras draws
// funnels in the box outline colour and ignores connector_fill and connector_width; strata
// uses them.
Group funnel_group(const CanvasBoxes& canvas, std::size_t a, std::size_t b, IdMaker& ids);

// Reversed mode, box b - 1 to box b: the back edges (drawn before any box), and the front
// edges (drawn before box b - 1).
Group reversed_back_funnel(const CanvasBoxes& canvas, std::size_t b, IdMaker& ids);
Group reversed_front_funnel(const CanvasBoxes& canvas, std::size_t b, IdMaker& ids);

// A straight link from box a into box b, one of them a merge glyph, in place of a funnel.
Group link_group(const CanvasBoxes& canvas, std::size_t a, std::size_t b, IdMaker& ids);

}  // namespace strata::layout
