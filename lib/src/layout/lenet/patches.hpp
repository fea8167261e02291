#pragma once

#include "layout/lenet/python_random.hpp"

namespace strata::layout {

// An axis-aligned rectangle on the canvas.
struct Rect {
    double x1 = 0, y1 = 0, x2 = 0, y2 = 0;
};

// Where on a face a patch goes, as shares of the room it can travel: outgoing patches (the
// receptive field into the next layer) sit in the right half, incoming ones in the left.
struct PatchRatio {
    double rx = 0.5, ry = 0.5;
};
PatchRatio sample_patch_ratio(PythonRandom& rng, double x_lo, double x_hi);

// A patch of the given size placed on `face` at `ratio` of its room, kept 1 px inside.
Rect place_patch(const Rect& face, double width, double height, PatchRatio ratio);

// The incoming and outgoing patch of one face, moved so that the outgoing one does not start
// left of the incoming one and the two neither overlap nor touch (vertical gap of 2 px) when
// they are side by side; where they are moved to is chosen with `rng`, as visualkeras does.
struct PatchPair {
    Rect incoming, outgoing;
};
PatchPair separate_patches(const Rect& face, Rect incoming, Rect outgoing, PythonRandom& rng);

}  // namespace strata::layout
