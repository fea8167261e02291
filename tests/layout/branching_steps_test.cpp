// The steps that place a branching or deep model, each called on a small hand-made model with
// fixed metrics: the boxes in the arrangement's order, balanced row breaks, wrapped and stacked
// rows, lanes, connector ports and connectors, ×N marks, stages and the connection legend.

#include <boost/test/unit_test.hpp>

#include <algorithm>
#include <cmath>
#include <optional>
#include <string>
#include <vector>

#include "layout/decorations/connection_legend.hpp"
#include "layout/decorations/face_pictures.hpp"
#include "layout/decorations/group_marks.hpp"
#include "layout/decorations/layer_groups.hpp"
#include "layout/graph/row_breaks.hpp"
#include "layout/layered/annotation_marks.hpp"
#include "layout/layered/box_captions.hpp"
#include "layout/layered/box_frame.hpp"
#include "layout/layered/branching_layout.hpp"
#include "layout/layered/connector_ports.hpp"
#include "layout/layered/connector_shapes.hpp"
#include "layout/layered/connectors.hpp"
#include "layout/layered/drawn_boxes.hpp"
#include "layout/layered/drawn_layers.hpp"
#include "layout/layered/graph_boxes.hpp"
#include "layout/layered/repeat_marks.hpp"
#include "layout/layered/stages.hpp"
#include "layout_context.hpp"
#include "reference_model.hpp"
#include "scene_checks.hpp"

using namespace strata;
using namespace strata::layout;

namespace {

// input → c1 → c2 → c3 → add(c1, c3) → flatten → dense: one skip over c2 and c3.
Model residual_block() {
    Model m;
    m.name = "residual";
    m.layers = {test::layer("input", "InputLayer", {-1, 16, 16, 8}),
                test::layer("c1", "Conv2D", {-1, 16, 16, 8}, {0}),
                test::layer("c2", "Conv2D", {-1, 16, 16, 8}, {1}),
                test::layer("c3", "Conv2D", {-1, 16, 16, 8}, {2}),
                test::layer("add", "Add", {-1, 16, 16, 8}, {1, 3}),
                test::layer("flatten", "Flatten", {-1, 2048}, {4}),
                test::layer("dense", "Dense", {-1, 10}, {5})};
    m.inputs = {0};
    return m;
}

using test::inception_module;

// `n` layers named "<prefix>_<i>", (Conv2D, Activation) pairs of one size, then a pooling to
// another size and Flatten, Dense: the pairs fold to one ×N unit.
Model deep_chain(std::size_t n, const std::string& prefix = "l") {
    Model m;
    m.name = "deep";
    for (std::size_t i = 0; i < n; ++i) {
        std::vector<std::size_t> from;
        if (i > 0) from.push_back(i - 1);
        m.layers.push_back(test::layer(prefix + "_" + std::to_string(i),
                                       i % 2 == 0 ? "Conv2D" : "Activation", {-1, 16, 16, 8},
                                       from));
    }
    m.layers.push_back(test::layer("pool", "MaxPooling2D", {-1, 8, 8, 8}, {n - 1}));
    m.layers.push_back(test::layer("flatten", "Flatten", {-1, 512}, {n}));
    m.layers.push_back(test::layer("dense", "Dense", {-1, 10}, {n + 1}));
    return m;
}

// A model placed by the steps the layered figure takes, up to the rows stacked.
struct Placed {
    std::vector<DrawnBox> boxes;
    BranchingLayout layout;
    BoxFrame frame;
    std::vector<std::string> ids;
};

Placed place(const Model& model, const Options& options, TextMeasurer& text,
             double width_limit = 0) {
    Warnings warnings;
    test::MemoryImages images;
    FacePictures pictures(options, images, warnings);
    const BoxScale scale{1, width_limit};
    Placed placed;
    placed.boxes = drawn_boxes(model, options, scale, pictures);
    std::optional<GraphBoxes> graph = arrange_boxes(model, options, scale, placed.boxes);
    BOOST_TEST_REQUIRE(graph.has_value());
    TextBudget budget;
    measure_captions(placed.boxes, model, options, text, budget);
    LayerGroups groups(options, drawn_names(placed.boxes, model), model, text, warnings);
    placed.frame = box_frame(placed.boxes, options.draw_reversed);
    placed.layout = place_branching(std::move(*graph), placed.boxes, groups, placed.frame, options,
                                    model, text, width_limit);
    IdMaker ids;
    placed.ids = box_ids(placed.boxes, model, ids);
    return placed;
}

// The lowest point (largest y) of box i, caption included.
double box_bottom(const DrawnBox& b, BoxFrame frame) {
    const double y2 = layout_box(b, frame).y2;
    return b.caption && !b.caption->above ? y2 + b.caption->height : y2;
}

// A scene of the placed boxes (layout coordinates) and `overlays`, for the scene checks.
Scene layout_scene(const Placed& placed, std::vector<Group> overlays) {
    Scene scene;
    for (std::size_t i = 0; i < placed.boxes.size(); ++i) {
        const BoxPlacement p = layout_box(placed.boxes[i], placed.frame);
        Group g;
        g.id = placed.ids[i];
        g.role = Role::layer;
        g.box = BoxGeometry{p.x1, p.y1, p.x2, p.y2, p.de};
        if (is_glyph(placed.boxes[i])) {
            g.role = Role::merge;
            g.items = merge_glyph({(p.x1 + p.x2) / 2, (p.y1 + p.y2) / 2}, (p.x2 - p.x1) / 2, false,
                                  Rgba{}, Rgba{}, 1);
        }
        scene.groups.push_back(g);
    }
    for (Group& g : overlays) scene.groups.push_back(std::move(g));
    return scene;
}

// Whether the vertical segment at x from y_a to y_b runs inside `outline`.
bool column_crosses(const std::vector<Point>& outline, double x, double y_a, double y_b) {
    const double lo = std::min(y_a, y_b), hi = std::max(y_a, y_b);
    for (double y = lo; y <= hi; y += 0.25) {
        if (test::deep_inside(outline, {x, y}, 0.5)) return true;
    }
    return false;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(branching_steps)

BOOST_AUTO_TEST_CASE(arranged_boxes_put_the_spine_first_and_merges_as_glyphs) {
    const Model model = residual_block();
    Options o;
    Warnings warnings;
    test::MemoryImages images;
    FacePictures pictures(o, images, warnings);
    std::vector<DrawnBox> boxes = drawn_boxes(model, o, {}, pictures);
    const std::size_t drawn = boxes.size();
    const std::optional<GraphBoxes> graph = arrange_boxes(model, o, {0.5, 0}, boxes);
    BOOST_TEST_REQUIRE(graph.has_value());
    BOOST_TEST(boxes.size() == drawn);
    BOOST_TEST(graph->spine_boxes == drawn);  // no branch: every box on the spine
    for (std::size_t i = 0; i < boxes.size(); ++i) {
        BOOST_TEST_CONTEXT("box " << i) {
            BOOST_TEST(graph->index_of(boxes[i].node) == i);
            BOOST_TEST(boxes[i].on_spine);
            // Spine boxes follow the spine's order.
            BOOST_TEST(graph->spine_index(boxes[i].node) >= i);
        }
    }
    const auto add = std::find_if(boxes.begin(), boxes.end(), [&](const DrawnBox& b) {
        return model.layers[b.layer].name == "add";
    });
    BOOST_TEST_REQUIRE((add != boxes.end()));
    BOOST_TEST(is_glyph(*add));
    BOOST_TEST(add->de == 0);
    BOOST_TEST(add->size.y == 2 * glyph_radius(0.5));
    BOOST_TEST(add->size.z == 2 * glyph_radius(0.5));
    // A plain chain in one row is left to the classic chain, its boxes untouched.
    std::vector<DrawnBox> chain = drawn_boxes(test::reference_model(), o, {}, pictures);
    const double left = chain[2].left;
    BOOST_TEST(!arrange_boxes(test::reference_model(), o, {}, chain).has_value());
    BOOST_TEST(chain.size() == 6u);
    BOOST_TEST(chain[2].left == left);
}

BOOST_AUTO_TEST_CASE(balanced_row_breaks_are_fewest_and_even) {
    // Six items 10 px wide, 2 px apart: four fit in 46 px, yet 3 + 3 is more even than 4 + 2.
    std::vector<double> left, right;
    for (int k = 0; k < 6; ++k) {
        left.push_back(12.0 * k);
        right.push_back(12.0 * k + 10);
    }
    BOOST_TEST(graph::balanced_row_starts(left, right, 46) == (std::vector<std::size_t>{0, 3}));
    // Three rows when two would be too wide; one when all fit.
    BOOST_TEST(graph::balanced_row_starts(left, right, 22) == (std::vector<std::size_t>{0, 2, 4}));
    BOOST_TEST(graph::balanced_row_starts(left, right, 1000) == (std::vector<std::size_t>{0}));
    // An item wider than the width takes a row of its own.
    right[2] = left[2] + 60;
    BOOST_TEST(graph::balanced_row_starts(left, right, 46) == (std::vector<std::size_t>{0, 2, 3}));
}

BOOST_AUTO_TEST_CASE(wrapped_rows_stay_within_the_width_and_stack_apart) {
    Options o;
    o.collapse = strata::Collapse::none;
    o.text_callable = TextCallable::name;
    test::SteadyMetrics text;
    const double limit = 400;
    const Placed placed = place(deep_chain(40), o, text, limit);
    const std::vector<RowBand>& rows = placed.layout.rows;
    BOOST_TEST_REQUIRE(rows.size() > 2u);
    const double available = limit - 2 * o.padding - kRowGap;
    for (std::size_t r = 0; r < rows.size(); ++r) {
        BOOST_TEST_CONTEXT("row " << r) {
            double lo = 1e9, hi = -1e9, first_left = 1e9;
            for (const DrawnBox& b : placed.boxes) {
                if (b.row != r) continue;
                const auto [l, h] = footprint_x(b, placed.frame, o);
                lo = std::min(lo, l);
                hi = std::max(hi, h);
                first_left = std::min(first_left, front_left(b, placed.frame));
                // Every box lies inside its row's band.
                const BoxPlacement p = layout_box(b, placed.frame);
                BOOST_TEST(p.y1 - p.de >= rows[r].y - rows[r].top);
                BOOST_TEST(box_bottom(b, placed.frame) <= rows[r].y + rows[r].bottom);
            }
            // No wider than the width, unless one item alone is.
            BOOST_TEST((hi - lo <= available || rows[r].first_item == rows[r].last_item));
            BOOST_TEST(std::abs((hi - lo) - rows[r].width) < 1e-9);
            // Every row starts where the first did.
            if (r > 0) BOOST_TEST(std::abs(lo - placed.boxes.front().left) < 40);
            // Rows are stacked a row gap apart, band to band.
            if (r > 0) {
                BOOST_TEST(rows[r].y - rows[r].top == rows[r - 1].y + rows[r - 1].bottom + kRowGap,
                           boost::test_tools::tolerance(1e-9));
            }
        }
    }
    BOOST_TEST(narrowest_row_share(rows) > 0);
    BOOST_TEST(narrowest_row_share(rows) <= 1);
    BOOST_TEST(narrowest_row_share({RowBand{}}) == 1);
}

BOOST_AUTO_TEST_CASE(lanes_hold_branches_under_their_row_apart) {
    Options o;
    o.text_callable = TextCallable::name;
    test::SteadyMetrics text;
    const Placed placed = place(inception_module(), o, text);
    const GraphBoxes& graph = placed.layout.graph;
    BOOST_TEST_REQUIRE(graph.spine_boxes < placed.boxes.size());
    double spine_bottom = -1e9;
    for (std::size_t i = 0; i < graph.spine_boxes; ++i)
        spine_bottom = std::max(spine_bottom, box_bottom(placed.boxes[i], placed.frame));
    for (std::size_t i = graph.spine_boxes; i < placed.boxes.size(); ++i) {
        const DrawnBox& b = placed.boxes[i];
        const BoxPlacement p = layout_box(b, placed.frame);
        BOOST_TEST_CONTEXT("lane box " << placed.ids[i]) {
            BOOST_TEST(placed.layout.levels.lane[static_cast<std::size_t>(b.branch)] >= 1);
            // Below the spine and its captions.
            BOOST_TEST(p.y1 - p.de > spine_bottom);
            // Apart from every box of another lane it shares an x range with.
            for (std::size_t k = graph.spine_boxes; k < placed.boxes.size(); ++k) {
                const DrawnBox& c = placed.boxes[k];
                if (c.branch == b.branch) continue;
                const BoxPlacement q = layout_box(c, placed.frame);
                const bool share_x = p.x1 < q.x2 + q.de && q.x1 < p.x2 + p.de;
                const bool share_y = p.y1 - p.de < q.y2 && q.y1 - q.de < p.y2;
                BOOST_TEST(!(share_x && share_y), "overlaps " << placed.ids[k]);
            }
        }
    }
    // Branch boxes in one lane keep their captions apart.
    for (const std::vector<std::size_t>& nodes : graph.branch_nodes) {
        for (std::size_t k = 1; k < nodes.size(); ++k) {
            const DrawnBox& a = placed.boxes[graph.index_of(nodes[k - 1])];
            const DrawnBox& b = placed.boxes[graph.index_of(nodes[k])];
            const auto [al, ar] = footprint_x(a, placed.frame, o);
            const auto [bl, br] = footprint_x(b, placed.frame, o);
            BOOST_TEST(ar <= bl);
        }
    }
}

BOOST_AUTO_TEST_CASE(a_port_lies_on_its_box_clear_of_a_neighbour_reaching_over_it) {
    // Box a's depth reaches over all of box b (just after it): a line rising from b's top face
    // would cross a's side face, so the port moves along b's top line into the gap after it.
    DrawnBox a;
    a.size = BoxSize{90, 40, 10};
    a.de = 30;
    a.left = 0;
    DrawnBox b;
    b.size = BoxSize{6, 20, 10};
    b.de = 2;
    b.left = 15;
    const BoxFrame frame{0, false};
    const std::vector<DrawnBox> boxes{a, b};
    const BoxPorts ports(boxes, 2, frame, 40);
    const BoxPlacement pa = layout_box(a, frame), pb = layout_box(b, frame);
    const double far_y = -100;
    const std::vector<Point> leg = ports.top_leg(1, 0.75, far_y, true);
    BOOST_TEST_REQUIRE(leg.size() == 2u);
    // It starts on b's top outline and runs along its top line.
    BOOST_TEST(leg[0].x == pb.x2 + pb.de);
    BOOST_TEST(leg[0].y == pb.y1 - pb.de);
    BOOST_TEST(leg[1].y == leg[0].y);
    BOOST_TEST(leg[1].x > leg[0].x);
    BOOST_TEST(!column_crosses(silhouette(pa), leg[1].x, leg[1].y, far_y));
    // The naive port would have crossed it.
    BOOST_TEST(column_crosses(silhouette(pa), pb.x1 + 0.75 * (pb.x2 + pb.de - pb.x1), pb.y1 - pb.de,
                              far_y));
    // Alone, the port is on the top outline at the fraction asked.
    const std::vector<DrawnBox> only_b{b};
    const BoxPorts alone(only_b, 1, frame, 40);
    const std::vector<Point> top = alone.top_leg(0, 0.5, far_y, false);
    BOOST_TEST_REQUIRE(top.size() == 1u);
    BOOST_TEST(top[0].x == pb.x1 + 0.5 * (pb.x2 + pb.de - pb.x1));
    BOOST_TEST(top[0].y == pb.y1 - std::min(top[0].x - pb.x1, pb.de));
    const std::vector<Point> bottom = alone.bottom_leg(0, 0.25, 100);
    BOOST_TEST_REQUIRE(bottom.size() == 1u);
    BOOST_TEST(bottom[0].y == pb.y2);
    BOOST_TEST(bottom[0].x == pb.x1 + 0.25 * (pb.x2 - pb.x1));
    // Entry on the front face's left edge, exit on the side face, both halfway down.
    BOOST_TEST(alone.entry_port(0).x == pb.x1);
    BOOST_TEST(alone.entry_port(0).y == (pb.y1 + pb.y2) / 2);
    BOOST_TEST(alone.exit_port(0).x == pb.x2 + pb.de);
    BOOST_TEST(alone.exit_port(0).y == (pb.y1 + pb.y2) / 2 - pb.de / 2);
}

BOOST_AUTO_TEST_CASE(connectors_run_clear_of_the_boxes_they_pass) {
    Options o;
    o.text_callable = TextCallable::name;
    test::SteadyMetrics text;
    for (const Model& model : {residual_block(), inception_module()}) {
        BOOST_TEST_CONTEXT(model.name) {
            const Placed placed = place(model, o, text);
            IdMaker ids;
            const std::vector<std::string> box_ids = layout::box_ids(placed.boxes, model, ids);
            std::vector<Group> connectors =
                connector_groups(placed.layout, placed.boxes, box_ids, placed.frame, model, o, ids);
            BOOST_TEST(!connectors.empty());
            for (const Group& g : connectors) {
                BOOST_TEST((g.role == Role::connector));
                // Each ends in an arrowhead at the end of its path.
                BOOST_TEST_REQUIRE(g.items.size() >= 2u);
                BOOST_TEST(std::holds_alternative<Polygon>(g.items.back()));
            }
            const Scene scene = layout_scene(placed, std::move(connectors));
            for (const std::string& hit : test::connectors_through_boxes(scene))
                BOOST_TEST(hit.empty(), hit);
        }
    }
    // The skip of the residual block runs above every box it passes.
    const Model model = residual_block();
    const Placed placed = place(model, o, text);
    BOOST_TEST_REQUIRE(placed.layout.levels.skip_y.size() == 1u);
    const double run = placed.layout.rows[0].y + placed.layout.levels.skip_y[0];
    for (const DrawnBox& b : placed.boxes) {
        const BoxPlacement p = layout_box(b, placed.frame);
        BOOST_TEST(run < p.y1 - p.de);
    }
    BOOST_TEST(-placed.layout.levels.skip_y[0] < placed.layout.rows[0].top);
}

BOOST_AUTO_TEST_CASE(a_repeat_is_marked_by_ghosts_and_a_labelled_bracket_under_its_unit) {
    Options o;
    test::SteadyMetrics text;
    const Model model = deep_chain(12);
    const Placed placed = place(model, o, text);
    const graph::Arrangement& a = placed.layout.graph.arrangement;
    BOOST_TEST_REQUIRE(a.repeats.size() == 1u);
    const std::vector<std::size_t>& unit = placed.layout.units.boxes[0];
    BOOST_TEST(unit.size() == 2u);  // one Conv2D, Activation pair
    for (std::size_t i = 0; i < placed.boxes.size(); ++i) {
        const bool in_unit = std::find(unit.begin(), unit.end(), i) != unit.end();
        BOOST_TEST((placed.layout.units.unit_of_box[i] == 0) == in_unit);
    }
    IdMaker ids;
    const std::vector<std::string> box_ids = layout::box_ids(placed.boxes, model, ids);
    const RepeatMarks marks =
        repeat_marks(placed.layout, placed.boxes, box_ids, placed.frame, o, text, ids);
    BOOST_TEST_REQUIRE(marks.ghosts.size() == 1u);
    BOOST_TEST_REQUIRE(marks.brackets.size() == 1u);
    // Two ghost outlines per box of the unit, up and to the right of it.
    BOOST_TEST(marks.ghosts[0].items.size() == 2 * unit.size());
    const Group& bracket = marks.brackets[0];
    BOOST_TEST(bracket.label == repeat_label(a.repeats[0]));
    BOOST_TEST(bracket.label.find("\u00d7" + std::to_string(a.repeats[0].count)) == 0u);
    const auto& line = std::get<Polyline>(bracket.items.at(0));
    const auto& label = std::get<TextRun>(bracket.items.at(1));
    BOOST_TEST(label.text == bracket.label);
    // The bracket spans the unit and runs below everything in its row.
    const auto [lo, hi] = unit_extent(unit, placed.boxes, placed.frame);
    BOOST_TEST(line.points.front().x == lo);
    BOOST_TEST(line.points.back().x == hi);
    const double y = line.points[1].y;
    for (const DrawnBox& b : placed.boxes) BOOST_TEST(y > box_bottom(b, placed.frame));
    BOOST_TEST(label.y > y);
    BOOST_TEST(label.y <= placed.layout.rows[0].y + placed.layout.rows[0].bottom);
    // A layer group holding the unit encloses its bracket's label.
    const std::vector<std::optional<Rect>> marks_of =
        group_marks(placed.boxes, &placed.layout, placed.frame, o, text);
    const BoxPlacement p = layout_box(placed.boxes[unit[0]], placed.frame);
    BOOST_TEST_REQUIRE(marks_of[unit[0]].has_value());
    BOOST_TEST(p.y1 + marks_of[unit[0]]->bottom > label.y);
}

BOOST_AUTO_TEST_CASE(stages_bracket_runs_of_one_spatial_size) {
    Options o;
    o.collapse = strata::Collapse::none;
    o.stages = true;
    test::SteadyMetrics text;
    const Model model = deep_chain(6, "conv3");
    const Placed placed = place(model, o, text);
    const std::vector<Stage>& stages = placed.layout.stages;
    // The six 16×16 layers; pool, flatten and dense are too short a run.
    BOOST_TEST_REQUIRE(stages.size() == 1u);
    BOOST_TEST(stages[0].first == 0u);
    BOOST_TEST(stages[0].last == 5u);
    BOOST_TEST(stages[0].label == "conv3 \u00b7 16\u00d716");
    BOOST_TEST(stage_label(model, placed.boxes, 0, 5) == stages[0].label);
    IdMaker ids;
    const std::vector<std::string> box_ids = layout::box_ids(placed.boxes, model, ids);
    const std::vector<Group> brackets = stage_brackets(stages, placed.boxes, placed.layout.rows,
                                                       box_ids, placed.frame, o, text, ids);
    BOOST_TEST_REQUIRE(brackets.size() == 1u);
    const auto& line = std::get<Polyline>(brackets[0].items.at(0));
    for (const DrawnBox& b : placed.boxes)
        BOOST_TEST(line.points[1].y > box_bottom(b, placed.frame));
    BOOST_TEST(line.points[1].y + kBracketTick + 2 + annotation_line_height(text, o) <=
               placed.layout.rows[0].y + placed.layout.rows[0].bottom);
}

BOOST_AUTO_TEST_CASE(the_connection_legend_names_the_kinds_drawn) {
    Options o;
    o.legend = true;
    test::SteadyMetrics text;
    const Model model = residual_block();
    const Placed placed = place(model, o, text);
    const std::vector<LegendEntry> entries =
        connection_legend_entries(placed.layout.graph.arrangement, placed.boxes, o);
    std::vector<std::string> labels;
    for (const LegendEntry& e : entries) labels.push_back(e.label);
    BOOST_TEST((labels == std::vector<std::string>{"residual (sum)", "sum (Add)"}));
    BOOST_TEST((entries[0].swatch == Swatch::line));
    BOOST_TEST((entries[1].swatch == Swatch::sum));
    o.legend = false;
    BOOST_TEST(connection_legend_entries(placed.layout.graph.arrangement, placed.boxes, o).empty());
}

BOOST_AUTO_TEST_SUITE_END()
