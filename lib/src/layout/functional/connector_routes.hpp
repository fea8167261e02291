#pragma once

#include <cstddef>
#include <vector>

#include "layout/functional/functional_graph.hpp"
#include "strata/scene.hpp"

namespace strata::layout::functional {

// One connector as drawn: from a box's right side to the next box's left side (through the
// hidden waypoints of a long edge), in horizontal and vertical runs; the branches leaving one
// box turn at one shared x, the inputs of a merge at another.
struct Route {
    std::size_t src = 0, dst = 0;  // node indices: the box it leaves, the box it reaches
    std::vector<Point> points;
};

// The routes of every edge of the placed graph `g`; a hidden waypoint is passed through at its
// centre, a drawn one (options.render_virtual_nodes) ends one route and starts the next.
std::vector<Route> connector_routes(const Graph& g, const Options& options);

// The arrowhead at the end of `route`: a triangle pointing the way its last run goes, its
// length max(8, 3 * width).
std::vector<Point> arrowhead(const Route& route, double width);

}  // namespace strata::layout::functional
