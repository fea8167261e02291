#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <unordered_map>
#include <utility>
#include <vector>

#include "layout/decorations/caption_spacing.hpp"
#include "layout/layered/box_faces.hpp"
#include "layout/layered/ids.hpp"
#include "strata/diagnostics.hpp"
#include "strata/model.hpp"
#include "strata/options.hpp"
#include "strata/scene.hpp"
#include "text/text_engine.hpp"

namespace strata::layout {

// The extra cursor advance visualkeras puts between boxes whose group membership differs
// (§3.2 of the layered-view reference): the largest padding of the groups the previous box
// leaves plus the largest padding of the groups the next box enters. Costs the number of
// groups the two boxes belong to, whatever the number of groups.
class GroupClearance {
  public:
    // `before_first`: also clear the groups the first box enters (visualkeras does not).
    GroupClearance(const std::vector<LayerGroup>& groups, bool before_first);

    // The space to add to the cursor before placing the box of layer `name`.
    double before(const std::string& name);

  private:
    std::vector<double> padding_;  // per group
    // The groups each layer name belongs to, in ascending order without repeats.
    std::unordered_map<std::string, std::vector<std::size_t>> groups_of_;
    std::vector<std::size_t> previous_;  // the groups of the previous box, ascending
    bool first_ = true;
    bool before_first_;
};

// The `layered_groups` of a picture: which drawn boxes each one holds, its rectangle and its
// title (§7.1).
class LayerGroups {
  public:
    // `drawn_names`: the layer name of each drawn box, in box order. Warns about groups that
    // hold no drawn box (they are skipped) and about names that match no layer of `model`.
    // Throws strata::Error when they would draw more than limits::kMaxGroupRectangles rectangles.
    LayerGroups(const Options& options, const std::vector<std::string>& drawn_names,
                const Model& model, TextMeasurer& text, Warnings& warnings);

    // Makes each rectangle also enclose what its members carry beyond their boxes: captions,
    // and the ghosts, bracket and label of a ×N unit (strata's default; visualkeras draws the
    // rectangle around the boxes only, so captions cross its edge and its title lands on the
    // captions below). One entry per drawn box, relative to its front face's top-left corner
    // (x1, y1); nullopt for a box that carries nothing.
    void enclose_marks(std::vector<std::optional<Rect>> marks);
    // Keeps the titles clear of what reaches beside some boxes without belonging to them (a
    // lane's connectors): one entry per drawn box, relative to its front face's top-left
    // corner. Rectangles do not grow to hold them.
    void keep_titles_clear_of(std::vector<std::optional<Rect>> reaches);
    // The row of each drawn box in a figure wrapped into rows (without it, all are in one). A
    // group whose boxes lie in several rows gets a rectangle in each: from its first box to
    // the end of that row, over every row between, and from the start of the last row to its
    // last box. Throws strata::Error when that makes more than limits::kMaxGroupRectangles
    // rectangles.
    void place_in_rows(std::vector<std::size_t> row_of_box);
    // Room each row needs beyond its boxes and captions for the rectangles over it (above and
    // below) and the titles under them (below), by row.
    struct RowRoom {
        std::vector<double> above, below;
    };
    RowRoom room_by_row(std::size_t rows) const;

    // Grows `bounds` to hold every rectangle and title, for `boxes` in any frame (y down).
    void extend(const std::vector<BoxPlacement>& boxes, Rect& bounds) const;

    // The rectangles, one group each, in list order; painted before every box.
    std::vector<Group> rectangles(const std::vector<BoxPlacement>& boxes, IdMaker& ids) const;

    // The titles below the rectangles, one group each; painted after the legend.
    std::vector<Group> titles(const std::vector<BoxPlacement>& boxes, IdMaker& ids) const;

  private:
    class RowIndex;
    struct Resolved {
        const LayerGroup* group = nullptr;
        std::vector<std::size_t> boxes;  // indices of the drawn boxes it holds
        FontSpec font;
        TextMetrics title;  // measured only when the group has a name
    };

    std::size_t row_of(std::size_t box) const { return box < rows_.size() ? rows_[box] : 0; }
    // The first and last row of a group's boxes.
    std::pair<std::size_t, std::size_t> row_span(const Resolved& g) const;
    void check_rectangle_count() const;
    // A box's visible outline with its caption.
    Rect extent(std::size_t box, const std::vector<BoxPlacement>& boxes) const;
    // What a title must stay clear of at a box: its extent and what reaches beside it.
    Rect title_clearance(std::size_t box, const std::vector<BoxPlacement>& boxes) const;
    // The group's rectangles, one per row it covers, top to bottom; padding included. Costs
    // the group's boxes and rows (times a logarithm), not the figure's boxes.
    std::vector<Rect> rectangles_of(const Resolved& g, const std::vector<BoxPlacement>& boxes,
                                    const RowIndex& index) const;
    Point title_origin(const Resolved& g, const Rect& rect, const RowIndex& index) const;

    const Options& options_;
    TextMeasurer& text_;
    std::vector<Resolved> groups_;
    std::vector<std::optional<Rect>> marks_;
    std::vector<std::optional<Rect>> reaches_;
    std::vector<std::size_t> rows_;
};

}  // namespace strata::layout
