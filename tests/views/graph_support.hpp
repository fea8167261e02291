#pragma once

// Helpers of the graph view's tests: a small model built in code, laying it out, and counting
// what its scene holds.

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <string>
#include <variant>

#include "strata/layout.hpp"
#include "strata/model.hpp"
#include "strata/option_table.hpp"
#include "strata/options.hpp"
#include "strata/scene.hpp"

namespace strata::test {

// input (8 values) → dense (`units` units) → head (3 units), one output.
inline Model small_dense_model(std::int64_t units = 16) {
    Model m;
    m.name = "small";
    Layer input{"input", "InputLayer", {}, {{-1, 8}}, true, {}, {}, {}, false, ""};
    Layer dense{"dense", "Dense", {{0, 0}}, {{-1, units}}, true, {}, {{"units", units}},
                {},      false,   ""};
    Layer head{"head", "Dense", {{1, 0}}, {{-1, 3}}, true, {}, {{"units", std::int64_t{3}}},
               {},     false,   ""};
    m.layers = {input, dense, head};
    m.inputs = {0};
    m.outputs = {{2, 0}};
    return m;
}

inline Options graph_options() {
    Options o;
    apply_view(o, View::graph);
    return o;
}

inline Scene graph_scene(const Model& model, const Options& options) {
    Warnings warnings;
    return layout_layered(model, options, warnings);
}

inline const Group* group_labelled(const Scene& scene, const std::string& label) {
    for (const Group& g : scene.groups)
        if (g.label == label) return &g;
    return nullptr;
}

// Polygons named `name` in a group.
inline std::size_t shapes_named(const Group& group, const std::string& name) {
    std::size_t count = 0;
    for (const Primitive& item : group.items) {
        if (const auto* p = std::get_if<Polygon>(&item)) count += p->name == name;
    }
    return count;
}

inline std::size_t lines_in(const Scene& scene) {
    std::size_t count = 0;
    for (const Group& g : scene.groups)
        if (g.role == Role::connector) count += g.items.size();
    return count;
}

// The box around a group's first polygon.
struct Bounds {
    double x1 = 1e300, y1 = 1e300, x2 = -1e300, y2 = -1e300;
};
inline Bounds first_shape_bounds(const Group& group) {
    Bounds b;
    for (const Primitive& item : group.items) {
        if (const auto* p = std::get_if<Polygon>(&item)) {
            for (const Point& q : p->points) {
                b.x1 = std::min(b.x1, q.x);
                b.y1 = std::min(b.y1, q.y);
                b.x2 = std::max(b.x2, q.x);
                b.y2 = std::max(b.y2, q.y);
            }
            break;
        }
    }
    return b;
}

}  // namespace strata::test
