#pragma once

// The marks of each ×N repeat: ghost outlines behind its unit, a bracket and a label under it.

#include <string>
#include <vector>

#include "layout/layered/box_frame.hpp"
#include "layout/layered/branching_layout.hpp"
#include "layout/layered/drawn_box.hpp"
#include "layout/layered/ids.hpp"
#include "strata/options.hpp"
#include "strata/scene.hpp"
#include "strata/text_measurer.hpp"

namespace strata::layout {

// Layout coordinates; one group of ghosts (painted before every box) and one bracket (painted
// over them) per repeat, named after the unit's first spine box.
struct RepeatMarks {
    std::vector<Group> ghosts, brackets;
};

RepeatMarks repeat_marks(const BranchingLayout& placed, const std::vector<DrawnBox>& boxes,
                         const std::vector<std::string>& box_ids, BoxFrame frame,
                         const Options& options, TextMeasurer& text, IdMaker& ids);

}  // namespace strata::layout
