#pragma once

// Helpers of the lenet view's tests: a corpus model drawn as lenet, and the parts of its scene.

#include <string>
#include <variant>
#include <vector>

#include "strata/option_table.hpp"
#include "strata/render.hpp"

namespace strata::test {

inline Model lenet_model(const std::string& file) {
    Warnings warnings;
    return load_model(std::string(STRATA_CORPUS_DIR) + "/" + file, warnings);
}

inline Options lenet_options() {
    Options options;
    apply_view(options, View::lenet);
    return options;
}

inline Scene lenet_scene(const Model& model, const Options& options) {
    Warnings warnings;
    return layout_layered(model, options, warnings);
}

inline std::vector<const Group*> groups_of(const Scene& scene, Role role) {
    std::vector<const Group*> found;
    for (const Group& g : scene.groups) {
        if (g.role == role) found.push_back(&g);
    }
    return found;
}

inline std::vector<const Polygon*> polygons_named(const Group& group, const std::string& name) {
    std::vector<const Polygon*> found;
    for (const Primitive& item : group.items) {
        const auto* p = std::get_if<Polygon>(&item);
        if (p && p->name == name) found.push_back(p);
    }
    return found;
}

inline std::vector<const TextRun*> runs_of(const Scene& scene) {
    std::vector<const TextRun*> found;
    for (const Group& g : scene.groups) {
        for (const Primitive& item : g.items) {
            if (const auto* run = std::get_if<TextRun>(&item)) found.push_back(run);
        }
    }
    return found;
}

// The front face of the first stack.
inline const Polygon& front_of(const Scene& scene, std::size_t stack = 0) {
    return *polygons_named(*groups_of(scene, Role::layer).at(stack), "front").at(0);
}

}  // namespace strata::test
