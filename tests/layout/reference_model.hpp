#pragma once

// The model of visualkeras' layered-view baselines (§12.1 of the layered-view reference) and
// helpers to check the boxes of a scene.

#include <boost/test/unit_test.hpp>

#include <string>
#include <vector>

#include "strata/model.hpp"
#include "strata/scene.hpp"
#include "text/pillow_default_font.hpp"

namespace strata::test {

inline Layer layer(std::string name, std::string type, Shape shape,
                   std::vector<std::size_t> from = {}) {
    Layer l;
    l.name = std::move(name);
    l.type = std::move(type);
    l.shapes = {std::move(shape)};
    l.shape_known = true;
    for (std::size_t i : from) l.inputs.push_back({i, 0});
    return l;
}

// input (None,12,12,3) → conv (12,12,4) → pool (6,6,4) → conv2 (6,6,8) → flatten (288) → dense (3)
inline Model reference_model() {
    Model m;
    m.name = "reference_model";
    m.layers = {layer("input", "InputLayer", {-1, 12, 12, 3}),
                layer("conv", "Conv2D", {-1, 12, 12, 4}, {0}),
                layer("pool", "MaxPooling2D", {-1, 6, 6, 4}, {1}),
                layer("conv2", "Conv2D", {-1, 6, 6, 8}, {2}),
                layer("flatten", "Flatten", {-1, 288}, {3}),
                layer("dense", "Dense", {-1, 3}, {4})};
    m.inputs = {0};
    m.outputs = {{5, 0}};
    return m;
}

// An opaque colour written as 0xRRGGBB.
inline Rgba hex(std::uint32_t rgb) {
    return {static_cast<std::uint8_t>(rgb >> 16), static_cast<std::uint8_t>(rgb >> 8),
            static_cast<std::uint8_t>(rgb), 255};
}

inline const Group& group(const Scene& scene, const std::string& id) {
    for (const Group& g : scene.groups) {
        if (g.id == id) return g;
    }
    BOOST_FAIL("no group with id " + id);
    throw;  // unreachable: BOOST_FAIL throws
}

// Checks a layer's front face and depth to ±0.01 px, as the reference scenarios are given.
inline void check_box(const Scene& scene, const std::string& id, double x1, double y1, double x2,
                      double y2, double de) {
    const Group& g = group(scene, id);
    BOOST_TEST_CONTEXT("box " << id) {
        BOOST_REQUIRE(g.box.has_value());
        BOOST_TEST(std::abs(g.box->x1 - x1) < 0.01, "x1 " << g.box->x1 << " != " << x1);
        BOOST_TEST(std::abs(g.box->y1 - y1) < 0.01, "y1 " << g.box->y1 << " != " << y1);
        BOOST_TEST(std::abs(g.box->x2 - x2) < 0.01, "x2 " << g.box->x2 << " != " << x2);
        BOOST_TEST(std::abs(g.box->y2 - y2) < 0.01, "y2 " << g.box->y2 << " != " << y2);
        BOOST_TEST(std::abs(g.box->de - de) < 0.01, "de " << g.box->de << " != " << de);
    }
}

// Three parallel branches of different lengths between a fork and a concatenation: they take
// lanes under the row.
inline Model inception_module() {
    Model m;
    m.name = "inception";
    m.layers = {layer("input", "InputLayer", {-1, 28, 28, 64}),
                layer("a1", "Conv2D", {-1, 28, 28, 32}, {0}),
                layer("a2", "Conv2D", {-1, 28, 28, 32}, {1}),
                layer("a3", "Conv2D", {-1, 28, 28, 32}, {2}),
                layer("b1", "Conv2D", {-1, 28, 28, 16}, {0}),
                layer("b2", "Conv2D", {-1, 28, 28, 16}, {4}),
                layer("c1", "MaxPooling2D", {-1, 28, 28, 64}, {0}),
                layer("c2", "Conv2D", {-1, 28, 28, 16}, {6}),
                layer("concat", "Concatenate", {-1, 28, 28, 64}, {3, 5, 7}),
                layer("flatten", "Flatten", {-1, 50176}, {8}),
                layer("dense", "Dense", {-1, 10}, {9})};
    m.inputs = {0};
    return m;
}

}  // namespace strata::test
