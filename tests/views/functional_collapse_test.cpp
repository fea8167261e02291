#include <boost/test/unit_test.hpp>

#include <algorithm>
#include <cmath>
#include <string>
#include <vector>

#include "layout/reference_model.hpp"
#include "strata/emit.hpp"
#include "strata/error.hpp"
#include "strata/import.hpp"
#include "strata/layout.hpp"
#include "strata/option_table.hpp"
#include "views/functional_support.hpp"

using namespace strata;
using strata::test::branching;
using strata::test::functional_defaults;

namespace {

Scene draw(const Options& o, Warnings& w) {
    return layout_layered(branching(), o, w);
}

Scene draw(const Options& o) {
    Warnings w;
    return draw(o, w);
}

const Group& group(const Scene& s, const std::string& id) {
    for (const Group& g : s.groups)
        if (g.id == id) return g;
    BOOST_FAIL("no group " + id);
    return s.groups.front();
}

std::size_t count_items(const Scene& s, const std::string& name) {
    std::size_t n = 0;
    for (const Group& g : s.groups)
        for (const Primitive& p : g.items) {
            if (const auto* poly = std::get_if<Polygon>(&p); poly && poly->name == name) ++n;
            if (const auto* line = std::get_if<Polyline>(&p); line && line->name == name) ++n;
        }
    return n;
}

double box_x(const Scene& s, const std::string& id) {
    return group(s, id).box->x1;
}

bool has_group(const Scene& s, const std::string& id) {
    return std::any_of(s.groups.begin(), s.groups.end(),
                       [&](const Group& g) { return g.id == id; });
}

std::vector<std::string> texts(const Group& g) {
    std::vector<std::string> out;
    for (const Primitive& p : g.items)
        if (const auto* run = std::get_if<TextRun>(&p)) out.push_back(run->text);
    return out;
}

Options collapsing(const std::string& rules) {
    Options o = functional_defaults();
    set_option(o, "collapse_enabled", "true", "test");
    set_option(o, "collapse_rules", rules, "test");
    return o;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(functional_collapse)

// A layer rule draws the chain a1 → a2 of two Conv2D once: one box as large as the larger, fed
// by the input and feeding the sum, a column earlier than before, with a "2x" badge.
BOOST_AUTO_TEST_CASE(a_layer_rule_draws_a_chain_of_repeats_once) {
    const Scene plain = draw(functional_defaults());
    const Scene s = draw(collapsing("[{kind: layer, selector: Conv2D, repeat_count: 2}]"));
    BOOST_TEST(!has_group(s, "a1"));
    BOOST_TEST(!has_group(s, "a2"));
    const Group& run = group(s, "collapsed-a1");
    BOOST_TEST((run.role == Role::layer));
    BOOST_TEST(run.type == "Conv2D");
    BOOST_TEST(has_group(s, "in-to-collapsed-a1"));
    BOOST_TEST(has_group(s, "collapsed-a1-to-sum"));
    // The sum moves a column left: its input branches are now one column long each.
    BOOST_TEST(box_x(s, "sum") < box_x(plain, "sum"));
    const Group& mark = group(s, "collapsed-a1-mark");
    BOOST_TEST((mark.role == Role::annotation));
    BOOST_TEST(texts(mark) == std::vector<std::string>{"2x"});
    BOOST_TEST(count_items(s, "badge") == 1u);
    BOOST_TEST(count_items(s, "arrow") == 0u);  // layers get no arrow
}

// In a chain in → c1 → r1 → c2 → r2 → out, the block [Conv2D, ReLU] twice.
Model chain() {
    using test::layer;
    Model m;
    m.name = "chain";
    m.layers = {
        layer("in", "InputLayer", {-1, 16, 16, 3}), layer("c1", "Conv2D", {-1, 16, 16, 8}, {0}),
        layer("r1", "ReLU", {-1, 16, 16, 8}, {1}),  layer("c2", "Conv2D", {-1, 8, 8, 16}, {2}),
        layer("r2", "ReLU", {-1, 8, 8, 16}, {3}),   layer("out", "Dense", {-1, 10}, {4})};
    m.inputs = {0};
    m.outputs = {{5, 0}};
    return m;
}

// A block rule marks its box with a double-headed arrow and the rule's label above it (or
// below); the box has the last layer's shape; collapse_annotations false keeps the badge
// alone; without collapse_enabled the rules change nothing.
BOOST_AUTO_TEST_CASE(a_block_rule_is_marked_with_an_arrow_over_or_under_the_box) {
    const std::string above =
        "[{kind: block, selector: [Conv2D, ReLU], repeat_count: 2, label: twice}]";
    Warnings w;
    const Scene s = layout_layered(chain(), collapsing(above), w);
    BOOST_TEST(w.empty());
    for (const char* gone : {"c1", "r1", "c2", "r2"}) BOOST_TEST(!has_group(s, gone));
    const Group& run = group(s, "collapsed-c1");
    BOOST_TEST(run.shape == "8 x 8 x 16");
    const Group& mark = group(s, "collapsed-c1-mark");
    BOOST_TEST(texts(mark) == (std::vector<std::string>{"twice", "twice"}));
    double arrow_y = 0;
    for (const Primitive& p : mark.items)
        if (const auto* line = std::get_if<Polyline>(&p); line && line->name == "arrow")
            arrow_y = line->points.front().y;
    BOOST_TEST(arrow_y == run.box->y1 - 10);
    // Nothing drawn crosses the canvas' top: the arrow and its label are inside the padding.
    for (const Primitive& p : mark.items)
        if (const auto* run_text = std::get_if<TextRun>(&p))
            BOOST_TEST(run_text->y - run_text->ascent >= 0);

    Options below = collapsing(
        "[{kind: block, selector: [Conv2D, ReLU], repeat_count: 2, annotation_position: below}]");
    const Scene under = layout_layered(chain(), below, w);
    const Group& under_run = group(under, "collapsed-c1");
    for (const Primitive& p : group(under, "collapsed-c1-mark").items)
        if (const auto* line = std::get_if<Polyline>(&p); line && line->name == "arrow")
            BOOST_TEST(line->points.front().y == under_run.box->y2 + 10);

    Options quiet = collapsing(above);
    set_option(quiet, "collapse_annotations", "false", "test");
    const Scene plain_mark = layout_layered(chain(), quiet, w);
    BOOST_TEST(texts(group(plain_mark, "collapsed-c1-mark")) == std::vector<std::string>{"twice"});

    Options off = collapsing(above);
    set_option(off, "collapse_enabled", "false", "test");
    Options none = functional_defaults();
    BOOST_TEST(to_svg(layout_layered(chain(), off, w)) == to_svg(layout_layered(chain(), none, w)));
}

// A rule matches along a chain only: a1 → a2 → sum is no run of three, sum having two
// producers. A rule that matches nothing is named in a warning.
BOOST_AUTO_TEST_CASE(a_rule_that_matches_no_chain_is_named_in_a_warning) {
    Warnings w;
    const Scene s = draw(collapsing("[{kind: layer, selector: Conv2D, repeat_count: 2}, {kind: "
                                    "block, selector: [Conv2D, Add], repeat_count: 2}]"),
                         w);
    BOOST_TEST(has_group(s, "collapsed-a1"));
    BOOST_TEST_REQUIRE(w.size() == 1u);
    BOOST_TEST(w[0].where == "collapse_rules[1]");
}

// A rule without what it needs is refused with its place.
BOOST_AUTO_TEST_CASE(a_bad_rule_is_refused_with_its_place) {
    Options o = functional_defaults();
    const auto refused = [&](const std::string& rules, const std::string& expected) {
        try {
            set_option(o, "collapse_rules", rules, "flag");
        } catch (const Error& e) {
            const std::string what = e.what();
            BOOST_TEST(what.find(expected) != std::string::npos, what);
            return;
        }
        BOOST_FAIL("accepted " + rules);
    };
    refused("[{kind: block, selector: Conv2D, repeat_count: 2}]", "collapse_rules[0].selector");
    refused("[{kind: layer, selector: Conv2D, repeat_count: 1}]", "repeat_count");
    refused("[{kind: layer, selector: Conv2D}]", "collapse_rules[0]");
    refused("[{kind: group, selector: Conv2D, repeat_count: 2}]", "collapse_rules[0].kind");
    refused("{kind: layer}", "expected a list of rules");
    // As visualkeras: a label is text, a repeat count a whole number (2.0 is no int), shown
    // as written.
    refused("[{kind: layer, selector: Conv2D, repeat_count: 2, label: 5}]",
            "collapse_rules[0].label: expected text, got the number 5");
    refused("[{kind: layer, selector: Conv2D, repeat_count: 2.0}]",
            "collapse_rules[0].repeat_count: expected a whole number from 2 to 1000000, got 2.0");
    refused("[{kind: layer, selector: Conv2D, repeat_count: 1}]", "1000000, got 1");
}

// As visualkeras, kind and annotation_position are trimmed and lower-cased, a quoted number
// is a label, and a key a rule does not know is ignored, named in a warning.
BOOST_AUTO_TEST_CASE(a_rule_is_read_as_visualkeras_reads_it) {
    Options o = functional_defaults();
    set_option(o, "collapse_rules",
               "[{kind: ' Layer', selector: Conv2D, repeat_count: 2, label: '5', "
               "annotation_position: BELOW, colour: red}]",
               "flag");
    BOOST_TEST_REQUIRE(o.collapse_rules.size() == 1u);
    BOOST_TEST((o.collapse_rules[0].kind == CollapseKind::layer));
    BOOST_TEST((o.collapse_rules[0].annotation_position == AnnotationPosition::below));
    BOOST_TEST(o.collapse_rules[0].label == "5");
    o.collapse_enabled = true;
    Warnings w;
    const Scene s = draw(o, w);
    BOOST_TEST(has_group(s, "collapsed-a1"));
    BOOST_TEST_REQUIRE(w.size() == 1u);
    BOOST_TEST(w[0].where == "collapse_rules[0]");
    BOOST_TEST(w[0].message.find("'colour'") != std::string::npos, w[0].message);
}

BOOST_AUTO_TEST_SUITE_END()
