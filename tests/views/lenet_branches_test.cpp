// A branching model in the lenet view: the stacks stay in one row in file order, as
// visualkeras places them, but each is joined to its real inputs: the chain's connection from
// the stack before it when that is an input, an arc clear of every stack and label otherwise,
// and nothing between neighbours the model does not join. compat_visualkeras keeps the chain.

#include <boost/test/unit_test.hpp>

#include <algorithm>
#include <map>
#include <set>
#include <string>
#include <utility>

#include "views/lenet_support.hpp"

using namespace strata;
using namespace strata::test;

namespace {

struct Box {
    double x1, y1, x2, y2;
};

Box bounds_of(const Group& g) {
    Box b{1e300, 1e300, -1e300, -1e300};
    for (const Primitive& item : g.items) {
        const auto* p = std::get_if<Polygon>(&item);
        if (!p) continue;
        for (const Point& q : p->points) {
            b.x1 = std::min(b.x1, q.x);
            b.y1 = std::min(b.y1, q.y);
            b.x2 = std::max(b.x2, q.x);
            b.y2 = std::max(b.y2, q.y);
        }
    }
    return b;
}

std::vector<Box> label_boxes(const Scene& s) {
    std::vector<Box> boxes;
    for (const Group* g : groups_of(s, Role::caption)) {
        for (const Primitive& item : g->items) {
            if (const auto* run = std::get_if<TextRun>(&item))
                boxes.push_back({run->x, run->y - run->font_size * 0.8, run->x + run->advance,
                                 run->y + run->font_size * 0.25});
        }
    }
    return boxes;
}

// Whether the axis-aligned segment a-b runs through the inside of `box` (touching its edge is
// not crossing: a connection ends on its stacks' sides).
bool crosses(Point a, Point b, const Box& box) {
    constexpr double e = 1e-6;
    const double x1 = std::min(a.x, b.x), x2 = std::max(a.x, b.x);
    const double y1 = std::min(a.y, b.y), y2 = std::max(a.y, b.y);
    return x2 > box.x1 + e && x1 < box.x2 - e && y2 > box.y1 + e && y1 < box.y2 - e;
}

// The (source, target) layer names of the model's edges between drawn layers.
std::set<std::pair<std::string, std::string>> model_edges(const Model& m, const Scene& s) {
    std::set<std::string> drawn;
    for (const Group* g : groups_of(s, Role::layer)) drawn.insert(g->label);
    std::set<std::pair<std::string, std::string>> edges;
    for (const Layer& layer : m.layers) {
        if (!drawn.count(layer.name)) continue;
        for (const TensorRef& in : layer.inputs) {
            if (drawn.count(m.layers[in.layer].name))
                edges.insert({m.layers[in.layer].name, layer.name});
        }
    }
    return edges;
}

// The (source, target) of every drawn connection: the target is in the group's label, the
// source is the stack whose right face the connection starts on.
std::set<std::pair<std::string, std::string>> drawn_edges(const Scene& s) {
    std::set<std::pair<std::string, std::string>> edges;
    const auto stacks = groups_of(s, Role::layer);
    for (const Group& g : s.groups) {
        if (g.role != Role::funnel && g.role != Role::connector) continue;
        const std::string to = g.label.substr(std::string("connection to ").size());
        // The chain's connection and the arc both leave the front face's right edge.
        double x = 0, y = 0;
        if (const auto* line = std::get_if<Polyline>(&g.items.front())) {
            x = line->points.front().x;
            y = line->points.front().y;
        } else {
            const auto& band = std::get<Polygon>(g.items.front());
            x = band.points.front().x;
            y = band.points.front().y;
        }
        for (const Group* stack : stacks) {
            const Box b = bounds_of(*stack);
            if (x >= b.x1 && x <= b.x2 + 1e-6 && y >= b.y1 - 1e-6 && y <= b.y2 + 1e-6 &&
                stack->label != to) {
                edges.insert({stack->label, to});
                break;
            }
        }
    }
    return edges;
}

Scene lenet_of(const Model& m, bool compat, Warnings& warnings) {
    Options o = lenet_options();
    o.compat_visualkeras = compat;
    return layout_layered(m, o, warnings);
}

}  // namespace

BOOST_AUTO_TEST_SUITE(lenet_branches)

BOOST_AUTO_TEST_CASE(each_stack_is_joined_to_its_real_inputs_and_to_nothing_else) {
    for (const char* file : {"keras/conv1d_multibranch_text.json", "onnx/resnet18.onnx",
                             "onnx/googlenet.onnx", "keras/unet_k224.json"}) {
        BOOST_TEST_CONTEXT(file) {
            const Model m = lenet_model(file);
            Warnings warnings;
            const Scene s = lenet_of(m, false, warnings);
            BOOST_TEST((drawn_edges(s) == model_edges(m, s)));
            BOOST_TEST(!groups_of(s, Role::connector).empty());  // they branch
            // No arc runs through a stack or a label.
            std::vector<Box> obstacles = label_boxes(s);
            for (const Group* g : groups_of(s, Role::layer)) obstacles.push_back(bounds_of(*g));
            for (const Group* g : groups_of(s, Role::connector)) {
                const auto& points = std::get<Polyline>(g->items.at(0)).points;
                for (std::size_t i = 0; i + 1 < points.size(); ++i) {
                    for (const Box& box : obstacles)
                        BOOST_TEST(!crosses(points[i], points[i + 1], box), g->id);
                }
            }
            // Everything is shown: nothing to warn about.
            for (const Warning& w : warnings) BOOST_TEST(w.where != "view", w.message);
        }
    }
}

BOOST_AUTO_TEST_CASE(compat_keeps_visualkeras_chain) {
    const Model m = lenet_model("keras/conv1d_multibranch_text.json");
    Warnings warnings;
    const Scene s = lenet_of(m, true, warnings);
    BOOST_TEST(groups_of(s, Role::connector).empty());
    BOOST_TEST(groups_of(s, Role::funnel).size() == groups_of(s, Role::layer).size() - 1);
}

BOOST_AUTO_TEST_CASE(a_chain_is_drawn_as_before) {
    const Model m = lenet_model("keras/fer2013_cnn.json");
    Warnings warnings;
    const Scene s = lenet_of(m, false, warnings);
    BOOST_TEST(groups_of(s, Role::connector).empty());
    BOOST_TEST(groups_of(s, Role::funnel).size() == groups_of(s, Role::layer).size() - 1);
}

BOOST_AUTO_TEST_SUITE_END()
