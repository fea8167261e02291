// The scene checks of a paper-ready figure, each on a small hand-made scene that it must catch
// and on one that it must pass.

#include <boost/test/unit_test.hpp>

#include <string>

#include "scene_checks.hpp"

using namespace strata;
using namespace strata::test;

namespace {

const Rgba kBlack{0, 0, 0, 255};

Group box(const std::string& id, BoxGeometry b) {
    Group g;
    g.id = id;
    g.role = Role::layer;
    g.box = b;
    g.items.push_back(Polygon{
        "front", {{b.x1, b.y1}, {b.x2, b.y1}, {b.x2, b.y2}, {b.x1, b.y2}}, kBlack, kBlack, 1});
    return g;
}

Group text(const std::string& id, const std::string& s, double x, double y, double size = 10) {
    Group g;
    g.id = id;
    g.role = Role::caption;
    TextRun run;
    run.text = s;
    run.font_size = size;
    run.x = x;
    run.y = y;
    run.advance = 0.6 * size * static_cast<double>(s.size());
    run.ascent = 0.8 * size;
    run.descent = 0.2 * size;
    g.items.push_back(run);
    return g;
}

Group line(const std::string& id, Point a, Point b) {
    Group g;
    g.id = id;
    g.role = Role::connector;
    g.items.push_back(Polyline{"path", {a, b}, kBlack, 1});
    return g;
}

// A box at (10..50, 10..50), its caption below it, a line to its right: all clear.
Scene clear_scene() {
    Scene s;
    s.width = 100;
    s.height = 80;
    s.groups.push_back(box("conv", {10, 10, 50, 50, 0}));
    s.groups.push_back(text("conv-caption", "conv", 10, 65));
    s.groups.push_back(line("link", {60, 30}, {90, 30}));
    return s;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(scene_checks)

BOOST_AUTO_TEST_CASE(text_over_a_box_a_line_or_another_text) {
    BOOST_TEST(texts_over_items(clear_scene()).empty());

    Scene over_box = clear_scene();
    over_box.groups.push_back(text("on-box", "on", 20, 30));
    BOOST_TEST(texts_over_items(over_box).size() == 1u);

    Scene over_line = clear_scene();
    over_line.groups.push_back(text("on-line", "across", 62, 33));
    BOOST_TEST(texts_over_items(over_line).size() == 1u);

    Scene over_text = clear_scene();
    over_text.groups.push_back(text("twin", "twin", 20, 67));
    BOOST_TEST(texts_over_items(over_text).size() == 1u);

    // A group's rectangle holds its captions: that is not text over a box.
    Scene in_group = clear_scene();
    Group rectangle;
    rectangle.id = "group-a";
    rectangle.role = Role::group;
    rectangle.items.push_back(
        Polygon{"rectangle", {{0, 0}, {100, 0}, {100, 80}, {0, 80}}, {}, kBlack, 1});
    in_group.groups.insert(in_group.groups.begin(), rectangle);
    BOOST_TEST(texts_over_items(in_group).empty());
}

BOOST_AUTO_TEST_CASE(a_connector_through_a_box) {
    BOOST_TEST(connectors_through_boxes(clear_scene()).empty());
    Scene through = clear_scene();
    through.groups.push_back(line("skip", {0, 30}, {60, 30}));
    BOOST_TEST(connectors_through_boxes(through).size() == 1u);
}

BOOST_AUTO_TEST_CASE(a_box_face_under_n_mm_in_print) {
    // 40 px at scale 1 is 10.58 mm; at scale 0.1, 1.06 mm.
    BOOST_TEST(box_faces_under(clear_scene(), 2, 1).empty());
    BOOST_TEST(box_faces_under(clear_scene(), 2, 0.1).size() == 1u);
    Scene thin = clear_scene();
    thin.groups.push_back(box("thin", {60, 10, 63, 50, 0}));  // 0.79 mm wide
    BOOST_TEST(box_faces_under(thin, 1, 1).size() == 1u);
}

BOOST_AUTO_TEST_CASE(text_under_n_pt_in_print) {
    // 10 px is 7.5 pt; at scale 0.5, 3.75 pt.
    BOOST_TEST(texts_under(clear_scene(), 6, 1).empty());
    BOOST_TEST(texts_under(clear_scene(), 6, 0.5).size() == 1u);
}

BOOST_AUTO_TEST_CASE(a_label_over_32_characters) {
    BOOST_TEST(labels_over(clear_scene()).empty());
    Scene long_label = clear_scene();
    long_label.groups.push_back(text("long", std::string(33, 'x'), 0, 78, 1));
    BOOST_TEST(labels_over(long_label).size() == 1u);
    // 32 code points, 64 bytes: not over.
    Scene accents = clear_scene();
    std::string thirty_two;
    for (int i = 0; i < 32; ++i) thirty_two += "\xc3\xa9";
    accents.groups.push_back(text("accents", thirty_two, 0, 78, 1));
    BOOST_TEST(labels_over(accents).empty());
}

BOOST_AUTO_TEST_CASE(anything_outside_the_canvas) {
    BOOST_TEST(outside_canvas(clear_scene()).empty());
    Scene cut_text = clear_scene();
    cut_text.groups.push_back(text("edge", "edge", 80, 65));  // 24 px wide from 80
    BOOST_TEST(outside_canvas(cut_text).size() == 1u);
    Scene cut_box = clear_scene();
    cut_box.groups.push_back(box("low", {10, 70, 20, 90, 0}));
    BOOST_TEST(outside_canvas(cut_box).size() == 1u);
}

BOOST_AUTO_TEST_SUITE_END()
