// The functional view in a column and turned: connectors wrapping from one row to the next
// nest instead of crossing, and logos and face images turn with the boxes they are on.

#include <boost/test/data/monomorphic.hpp>
#include <boost/test/data/test_case.hpp>
#include <boost/test/unit_test.hpp>

#include <algorithm>
#include <cmath>
#include <string>
#include <variant>
#include <vector>

#include "layout/layout_context.hpp"
#include "layout/picture_files.hpp"
#include "strata/layout.hpp"
#include "views/functional_support.hpp"

using namespace strata;

namespace {

struct Segment {
    Point a, b;
    bool vertical() const { return a.x == b.x; }
};

std::vector<std::vector<Segment>> connector_segments(const Scene& s) {
    std::vector<std::vector<Segment>> routes;
    for (const Group& g : s.groups) {
        if (g.role != Role::connector) continue;
        for (const Primitive& item : g.items) {
            const auto* line = std::get_if<Polyline>(&item);
            if (!line || line->name != "connector") continue;
            std::vector<Segment> segments;
            for (std::size_t i = 1; i < line->points.size(); ++i)
                segments.push_back({line->points[i - 1], line->points[i]});
            routes.push_back(std::move(segments));
        }
    }
    return routes;
}

// Whether a horizontal and a vertical run cross strictly inside both.
bool cross(const Segment& h, const Segment& v) {
    if (h.vertical() || !v.vertical()) return false;
    const double x1 = std::min(h.a.x, h.b.x), x2 = std::max(h.a.x, h.b.x);
    const double y1 = std::min(v.a.y, v.b.y), y2 = std::max(v.a.y, v.b.y);
    return x1 < v.a.x && v.a.x < x2 && y1 < h.a.y && h.a.y < y2;
}

std::size_t crossings(const Scene& s) {
    const auto routes = connector_segments(s);
    std::size_t count = 0;
    for (std::size_t i = 0; i < routes.size(); ++i)
        for (std::size_t j = 0; j < routes.size(); ++j)
            if (i != j)
                for (const Segment& h : routes[i])
                    for (const Segment& v : routes[j]) count += cross(h, v) ? 1 : 0;
    return count;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(functional_wrap)

// The text CNN with its layers' names, in a column: its two parallel branches are wrapped into
// rows, and the two connectors leaving each row for the next nest (the upper branch's runs
// right of and below the lower's, and comes down nearer) where they crossed at every wrap.
BOOST_AUTO_TEST_CASE(wrapped_parallel_branches_do_not_cross) {
    Warnings load_warnings;
    const Model model = load_model(
        std::string(STRATA_CORPUS_DIR) + "/keras/tfjs_conv1d_multibranch_sqli.json", load_warnings);
    Options o = test::functional_defaults();
    set_option(o, "width", "8.5cm", "test");
    set_option(o, "text_callable", "name", "test");
    Warnings warnings;
    const Scene s = layout_layered(model, o, warnings);
    BOOST_TEST(s.width <= 8.5 / 2.54 * 96 + 0.5);
    // Wrapped: some connector runs right to left.
    bool wraps = false;
    for (const auto& route : connector_segments(s))
        for (const Segment& seg : route) wraps |= seg.b.x < seg.a.x;
    BOOST_TEST_REQUIRE(wraps);
    BOOST_TEST(crossings(s) == 0u);
}

// A box turned by orientation_rotation takes its face image and its logo on its turned front:
// the picture's corners are the front face's corners (they stood on the unturned face). So in
// compat mode too: visualkeras places them on the faces it projected.
BOOST_DATA_TEST_CASE(pictures_turn_with_their_box, boost::unit_test::data::make({false, true}),
                     compat) {
    test::FixedContext fixed;
    fixed.images.add("face.png", test::png_bytes(20, 10, 1, 0, 0));
    Options o = test::functional_defaults();
    o.draw_volume = true;
    o.compat_visualkeras = compat;
    o.orientation_rotation = 30;
    o.styles["a1"].image = "face.png";
    o.styles["a1"].image_fit = ImageFit::fill;
    LogoGroup logo;
    logo.file = "face.png";
    logo.layers = {"a1"};
    o.logo_groups = {logo};
    Warnings warnings;
    const Scene s = layout_layered(test::branching(), o, fixed.context(), warnings);
    const Polygon* front = nullptr;
    const Image* image = nullptr;
    bool logo_found = false;
    for (const Group& g : s.groups) {
        for (const Primitive& item : g.items) {
            if (const auto* p = std::get_if<Polygon>(&item);
                p && g.id == "a1" && p->name == "front")
                front = p;
            if (const auto* i = std::get_if<Image>(&item)) {
                if (g.role == Role::image) image = i;
                if (g.role == Role::logo) {
                    logo_found = true;
                    // The logo's corners lie on the turned front's plane: its sides run along
                    // the front's turned edges, not the page's axes.
                    BOOST_TEST(std::fabs(i->transform.b) > 1e-6);
                }
            }
        }
    }
    BOOST_TEST_REQUIRE(front != nullptr);
    BOOST_TEST_REQUIRE(image != nullptr);
    BOOST_TEST(logo_found);
    const Affine& m = image->transform;
    const auto at = [&](double x, double y) {
        return Point{m.a * x + m.c * y + m.e, m.b * x + m.d * y + m.f};
    };
    const Point corners[] = {at(0, 0), at(image->width, 0), at(image->width, image->height),
                             at(0, image->height)};
    for (std::size_t k = 0; k < 4; ++k) {
        BOOST_TEST(std::fabs(corners[k].x - front->points.at(k).x) < 1e-6);
        BOOST_TEST(std::fabs(corners[k].y - front->points.at(k).y) < 1e-6);
    }
}

BOOST_AUTO_TEST_SUITE_END()
