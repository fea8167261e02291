// The lenet view at a paper column's width (8.5 cm): long models keep their size labels on
// two lines at most, none over another, in a figure no taller than half its width; the arcs
// of parallel branches stay on two lanes and are drawn at their own width.

#include <boost/test/unit_test.hpp>

#include <cmath>
#include <set>
#include <string>
#include <variant>
#include <vector>

#include "views/lenet_support.hpp"

using namespace strata;
using namespace strata::test;

namespace {

constexpr double kColumn = 8.5 / 2.54 * 96;  // 8.5 cm in px

Scene in_a_column(const Model& model) {
    Options o = lenet_options();
    o.width = "8.5cm";
    return lenet_scene(model, o);
}

// The baselines of the labels above and below the middle of the first stack.
struct Baselines {
    std::set<long> above, below;
};

Baselines baselines(const Scene& s) {
    const Polygon& front = front_of(s);
    double top = front.points[0].y, bottom = top;
    for (const Point& p : front.points) {
        top = std::min(top, p.y);
        bottom = std::max(bottom, p.y);
    }
    Baselines b;
    for (const TextRun* run : runs_of(s))
        (run->y < (top + bottom) / 2 ? b.above : b.below).insert(std::lround(run->y * 100));
    return b;
}

bool any_labels_overlap(const Scene& s) {
    const std::vector<const TextRun*> runs = runs_of(s);
    for (std::size_t i = 0; i < runs.size(); ++i) {
        for (std::size_t j = i + 1; j < runs.size(); ++j) {
            const TextRun& a = *runs[i];
            const TextRun& b = *runs[j];
            const bool same_line = std::fabs(a.y - b.y) < a.font_size;
            if (same_line && a.x < b.x + b.advance && b.x < a.x + a.advance) return true;
        }
    }
    return false;
}

std::vector<const Polyline*> arcs_of(const Scene& s) {
    std::vector<const Polyline*> arcs;
    for (const Group* g : groups_of(s, Role::connector)) {
        for (const Primitive& item : g->items) {
            const auto* line = std::get_if<Polyline>(&item);
            if (line && line->name == "arc") arcs.push_back(line);
        }
    }
    return arcs;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(lenet_narrow)

// VGG16 and ResNet-50 (some 170 stacks) in a column: the size labels below on two lines at
// most (they were on 4 and 9, a staircase running down the page), none over another, text
// at 6 pt at least, the figure no wider than asked (nearly as wide) and no taller than half
// that.
BOOST_AUTO_TEST_CASE(long_models_keep_their_labels_on_two_lines) {
    for (const char* file :
         {"keras/vgg16_functional_k224.json", "keras/resnet50_k230tf.json", "onnx/resnet50.onnx"}) {
        BOOST_TEST_CONTEXT(file) {
            const Scene s = in_a_column(lenet_model(file));
            // Labels left out at one scale and kept at the next can leave it a little narrower.
            BOOST_TEST(s.width <= kColumn + 0.5);
            BOOST_TEST(s.width >= kColumn * 0.95);
            BOOST_TEST(s.height <= s.width / 2);
            const Baselines b = baselines(s);
            BOOST_TEST(b.below.size() <= 2u);
            BOOST_TEST(b.below.size() >= 1u);
            BOOST_TEST(b.above.size() <= 2u);
            BOOST_TEST(!any_labels_overlap(s));
            // Several sizes are still said, the first stack's among them.
            BOOST_TEST(runs_of(s).size() >= 8u);
            for (const TextRun* run : runs_of(s)) BOOST_TEST(run->font_size >= 8 - 0.01);
        }
    }
}

// The text CNN's two branches alternate in the row (a layer of one, then of the other): each
// arc spans the stack of the other branch. Its arcs take two lanes, each arc of a branch on
// one (they climbed a lane with every arc, a staircase 13 steps high), and are drawn at the
// connector width asked, not scaled down with the figure (0.08 px: gone in print).
BOOST_AUTO_TEST_CASE(parallel_branches_take_two_lanes) {
    const Scene s = in_a_column(lenet_model("keras/tfjs_conv1d_multibranch_sqli.json"));
    const std::vector<const Polyline*> arcs = arcs_of(s);
    BOOST_TEST_REQUIRE(arcs.size() >= 10u);
    std::set<long> lanes;
    for (const Polyline* arc : arcs) {
        BOOST_TEST_REQUIRE(arc->points.size() == 6u);
        lanes.insert(std::lround(arc->points[2].y * 100));
        BOOST_TEST(arc->stroke_width >= 1 - 1e-9);
    }
    BOOST_TEST(lanes.size() == 2u);
    // No two arcs on one lane meet there.
    for (std::size_t i = 0; i < arcs.size(); ++i) {
        for (std::size_t j = i + 1; j < arcs.size(); ++j) {
            const Polyline& a = *arcs[i];
            const Polyline& b = *arcs[j];
            if (std::fabs(a.points[2].y - b.points[2].y) > 1e-6) continue;
            const double a1 = std::min(a.points[2].x, a.points[3].x);
            const double a2 = std::max(a.points[2].x, a.points[3].x);
            const double b1 = std::min(b.points[2].x, b.points[3].x);
            const double b2 = std::max(b.points[2].x, b.points[3].x);
            BOOST_TEST((a2 < b1 || b2 < a1));
        }
    }
}

BOOST_AUTO_TEST_SUITE_END()
