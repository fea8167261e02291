#pragma once

// Stages (--stages): runs of spine layers with one spatial size, bracketed under their row.

#include <cstddef>
#include <optional>
#include <string>
#include <vector>

#include "layout/decorations/caption_spacing.hpp"
#include "layout/layered/box_frame.hpp"
#include "layout/layered/drawn_box.hpp"
#include "layout/layered/ids.hpp"
#include "layout/layered/row_wrapping.hpp"
#include "strata/model.hpp"
#include "strata/options.hpp"
#include "strata/scene.hpp"
#include "strata/text_measurer.hpp"

namespace strata::layout {

struct Stage {
    std::size_t first = 0, last = 0;  // spine boxes
    std::string label;
    double y = 0;  // bracket line, relative to the row's centre line
};

// The label of a stage of spine boxes [first, last]: "conv3 · 28×28" when its layers share a
// name prefix, else the spatial size alone.
std::string stage_label(const Model& model, const std::vector<DrawnBox>& boxes, std::size_t first,
                        std::size_t last);

// Where the spatial size changes along a row among the first `spine_boxes` boxes; a stage of
// one or two layers (a padding, a pooling) joins no bracket. Puts each bracket under its row
// and grows the row's reach below to hold it and its label.
std::vector<Stage> find_stages(const Model& model, const std::vector<DrawnBox>& boxes,
                               std::size_t spine_boxes, std::vector<RowBand>& rows,
                               const Options& options, TextMeasurer& text);

// A bracket under each stage, labelled when the label fits under it (layout coordinates, rows
// stacked); one group each, named after the stage's first box.
std::vector<Group> stage_brackets(const std::vector<Stage>& stages,
                                  const std::vector<DrawnBox>& boxes,
                                  const std::vector<RowBand>& rows,
                                  const std::vector<std::string>& box_ids, BoxFrame frame,
                                  const Options& options, TextMeasurer& text, IdMaker& ids);

// What each stage's bracket takes under its boxes, with its label, relative to each box's
// front-face corner (x1, y1), as a group's title keeps clear of: the whole bracket under every
// box of the stage, nothing for a box outside any stage. `reaches` holds one entry per box,
// grown by the brackets (what else it holds, lanes' connectors, stays).
void add_stage_reaches(const std::vector<Stage>& stages, const std::vector<DrawnBox>& boxes,
                       const std::vector<RowBand>& rows, BoxFrame frame, const Options& options,
                       TextMeasurer& text, std::vector<std::optional<Rect>>& reaches);

}  // namespace strata::layout
