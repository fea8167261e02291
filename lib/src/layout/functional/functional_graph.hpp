#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <vector>

#include "strata/model.hpp"
#include "strata/options.hpp"

namespace strata::layout::functional {

// What a node of the functional view stands for: a model layer, a small box after a model
// output (add_output_nodes), or a point a connector passes through in a rank it skips.
enum class NodeKind { layer, output_marker, waypoint };

// One node: its box size (the front face plus the depth offset `de` when drawn in 3-D), its
// place in the model's order (waypoints and markers after every layer), its rank (column) and,
// once placed, its top-left corner.
struct Node {
    NodeKind kind = NodeKind::layer;
    std::size_t layer = 0;  // model layer index: the layer itself, or the output it follows
    double width = 0, height = 0, de = 0;
    std::size_t order = 0;
    int rank = 0;
    double x = 0, y = 0;
    // Room its caption takes: the least width of its column, the space kept free above and
    // below its box (outside compat mode; visualkeras lets captions overlap).
    double caption_width = 0, room_above = 0, room_below = 0;
    // A run of layers drawn as this one box (collapse_rules): the layer whose output it
    // stands for (the run's last; `layer` is its first), how many layers, and the rule's mark.
    struct Run {
        std::size_t last_layer = 0;
        std::size_t members = 0;
        CollapseKind kind = CollapseKind::layer;
        std::string label;
        AnnotationPosition position = AnnotationPosition::above;
    };
    std::optional<Run> collapsed;
    // The row of a figure wrapped into rows of columns (0 unwrapped).
    std::size_t row = 0;
};

// Where connectors pass between the rows of a wrapped figure: after the last column of row k
// they turn down at turn_right[k], run left along band_y[k], below row k, and turn down again
// at turn_left[k] before the first column of row k + 1.
// Several connectors between the same rows run side by side, lane[k] apart (at most 4 px,
// and all of them within half a column gap): the j-th turns j lanes further out and runs j
// lanes lower.
struct RowPassages {
    std::vector<double> band_y, turn_right, turn_left;
    std::vector<std::size_t> lanes;  // connectors from row k to row k + 1
    std::vector<double> lane;
};

struct Edge {
    std::size_t src = 0, dst = 0;  // node indices
};

// Nodes (layers in model order, then output markers, then waypoints) and edges, each joining
// neighbouring ranks once waypoints are in.
struct Graph {
    std::vector<Node> nodes;
    std::vector<Edge> edges;
    // How many runs each collapse rule drew as one box (collapse_enabled), in rule order.
    std::vector<std::size_t> rule_matches;
    RowPassages passages;
};

// The drawn layers of `model` (every layer the model lists itself) as nodes with the box sizes
// of `options`, an edge from each producer to each consumer (once), and an output marker after
// each model output when options.add_output_nodes; with options.collapse_enabled, the runs
// options.collapse_rules match become one node each. Ranks are the longest path from an input;
// an edge over several ranks passes through a waypoint in each rank between. Linear in layers
// plus the ranks edges skip. Box sizes are multiplied by `scale` (a figure fitted to a width).
Graph build_graph(const Model& model, const Options& options, double scale = 1);

}  // namespace strata::layout::functional
