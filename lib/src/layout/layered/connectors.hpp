#pragma once

// The connectors of a branching model, drawn over its boxes: skips and buses above the rows,
// branches down into their lanes and up into their joins, links inside a lane, and the carriage
// returns between rows.

#include <string>
#include <vector>

#include "layout/layered/box_frame.hpp"
#include "layout/layered/branching_layout.hpp"
#include "layout/layered/drawn_box.hpp"
#include "layout/layered/ids.hpp"
#include "strata/color.hpp"
#include "strata/model.hpp"
#include "strata/options.hpp"
#include "strata/scene.hpp"

namespace strata::layout {

const Rgba kCopyColor{46, 117, 182, 255};  // copy (concatenation) connectors

// One group per connector with its arrowhead, layout coordinates, in paint order; named after
// the box each leaves (`box_ids`).
std::vector<Group> connector_groups(const BranchingLayout& placed,
                                    const std::vector<DrawnBox>& boxes,
                                    const std::vector<std::string>& box_ids, BoxFrame frame,
                                    const Model& model, const Options& options, IdMaker& ids);

}  // namespace strata::layout
