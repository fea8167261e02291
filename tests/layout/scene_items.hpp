#pragma once

// Helpers to look inside scene groups: the front face of a box, the text run of a label, and a
// fixed text table in the frame of Pillow's default font (ascent 10, descent 3).

#include <boost/test/unit_test.hpp>

#include <initializer_list>
#include <string>
#include <utility>
#include <vector>

#include "strata/scene.hpp"
#include "text/fixed_metrics.hpp"

namespace strata::test {

inline TextMetrics ink(double left, double top, double right, double bottom, double advance) {
    return TextMetrics{left, top, right, bottom, advance, 10, 3};
}

inline FixedMetrics metrics_table(
    std::initializer_list<std::pair<const std::string, TextMetrics>> entries) {
    return FixedMetrics(std::map<std::string, TextMetrics, std::less<>>(entries),
                        ResolvedFont{"Aileron", ""});
}

template <class T>
const T& item(const Group& g, const std::string& name = "") {
    for (const Primitive& p : g.items) {
        const T* found = std::get_if<T>(&p);
        if (!found) continue;
        if constexpr (std::is_same_v<T, TextRun>) {
            return *found;
        } else {
            if (name.empty() || found->name == name) return *found;
        }
    }
    BOOST_FAIL("group " + g.id + " has no such item " + name);
    throw;  // unreachable: BOOST_FAIL throws
}

inline const Polygon& front_face(const Group& g) {
    return item<Polygon>(g, "front");
}
inline const TextRun& text_run(const Group& g) {
    return item<TextRun>(g);
}

inline std::vector<const Group*> groups_with_role(const Scene& scene, Role role) {
    std::vector<const Group*> out;
    for (const Group& g : scene.groups) {
        if (g.role == role) out.push_back(&g);
    }
    return out;
}

inline std::size_t index_of(const Scene& scene, const std::string& id) {
    for (std::size_t i = 0; i < scene.groups.size(); ++i) {
        if (scene.groups[i].id == id) return i;
    }
    BOOST_FAIL("no group with id " + id);
    throw;  // unreachable: BOOST_FAIL throws
}

inline bool near(double a, double b) {
    return std::abs(a - b) < 0.01;
}

}  // namespace strata::test
