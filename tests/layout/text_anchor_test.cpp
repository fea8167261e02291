// The layout says how each line of text is aligned: centred text (captions, group titles,
// bracket labels) keeps its middle, everything else its start. Emitters only follow it.

#include <boost/test/unit_test.hpp>

#include "layout_context.hpp"
#include "reference_model.hpp"
#include "scene_items.hpp"
#include "strata/import.hpp"

using namespace strata;

namespace {

Scene draw(const Options& options, const Model& model = test::reference_model()) {
    Warnings warnings;
    test::SteadyMetrics text;
    return test::layered(model, options, text, warnings);
}

// The anchors of the text runs in the groups of `role`.
std::vector<TextAnchor> anchors_of(const Scene& scene, Role role) {
    std::vector<TextAnchor> anchors;
    for (const Group& group : scene.groups) {
        if (group.role != role) continue;
        for (const Primitive& item : group.items) {
            if (const auto* run = std::get_if<TextRun>(&item)) anchors.push_back(run->anchor);
        }
    }
    return anchors;
}

bool all_are(const std::vector<TextAnchor>& anchors, TextAnchor anchor) {
    for (TextAnchor a : anchors) {
        if (a != anchor) return false;
    }
    return !anchors.empty();
}

}  // namespace

BOOST_AUTO_TEST_SUITE(text_anchors)

BOOST_AUTO_TEST_CASE(captions_and_group_titles_keep_their_middle_legend_text_its_start) {
    Options options;
    options.text_callable =
        strata::TextCallable::name_shape;  // two lines of different widths per caption
    options.legend = true;
    options.layered_groups.resize(1);
    options.layered_groups[0].name = "Features";
    options.layered_groups[0].layers = {"conv", "pool"};
    const Scene scene = draw(options);
    BOOST_TEST(all_are(anchors_of(scene, Role::caption), TextAnchor::middle));
    BOOST_TEST(all_are(anchors_of(scene, Role::group_title), TextAnchor::middle));
    BOOST_TEST(all_are(anchors_of(scene, Role::legend), TextAnchor::start));
    // The middle is where the layout centred the line: the lines of a caption share it.
    const Group& caption = test::group(scene, "conv-caption");
    BOOST_REQUIRE(caption.items.size() == 2u);
    const auto& first = std::get<TextRun>(caption.items[0]);
    const auto& second = std::get<TextRun>(caption.items[1]);
    BOOST_TEST(first.advance != second.advance);
    BOOST_TEST(anchor_x(first) == anchor_x(second), boost::test_tools::tolerance(1e-9));
}

BOOST_AUTO_TEST_CASE(bracket_labels_keep_their_middle) {
    Warnings warnings;
    const Model model =
        load_model(std::string(STRATA_CORPUS_DIR) + "/generated/resnet50.json", warnings);
    Options options;
    options.width = "17cm";
    const std::vector<TextAnchor> labels = anchors_of(draw(options, model), Role::annotation);
    BOOST_TEST(all_are(labels, TextAnchor::middle));
}

BOOST_AUTO_TEST_SUITE_END()
