// The ×N labels of a paper figure: in reading order on one line under their row, each under its
// own bracket, touched by no line, box or other text, and not repeating the name the folded
// box's caption already gives. Real fonts, as a paper prints them.

#include <boost/test/unit_test.hpp>

#include <algorithm>
#include <map>
#include <set>
#include <string>
#include <vector>

#include "scene_checks.hpp"
#include "strata/option_table.hpp"
#include "strata/render.hpp"

using namespace strata;

namespace {

Model corpus(const std::string& relative) {
    Warnings warnings;
    return load_model(std::string(STRATA_CORPUS_DIR) + "/" + relative, warnings);
}

// The paper preset's figure at `width`: names above and below in turn, a legend.
Scene paper_figure(const Model& model, const char* width) {
    Options options;
    apply_preset(options, "paper");
    options.width = width;
    Warnings warnings;
    return layout_layered(model, options, warnings);
}

struct Label {
    std::string text;
    double x, baseline;
    double bracket_left;
};

// The ×N labels, each with its bracket's left end, in the order of the scene.
std::vector<Label> times_labels(const Scene& scene) {
    std::vector<Label> labels;
    for (const Group& g : scene.groups) {
        if (g.role != Role::annotation || g.label.rfind("\u00d7", 0) != 0) continue;
        double bracket_left = 0;
        for (const Primitive& item : g.items) {
            if (const auto* line = std::get_if<Polyline>(&item)) bracket_left = line->points[0].x;
        }
        for (const Primitive& item : g.items) {
            if (const auto* run = std::get_if<TextRun>(&item))
                labels.push_back({run->text, run->x, run->y, bracket_left});
        }
    }
    return labels;
}

// Labels on one baseline per row (the baselines given), left to right in the order of their
// brackets, never overlapping.
void check_reading_order(const std::vector<Label>& labels, const Scene& scene) {
    std::map<double, std::vector<Label>> rows;
    for (const Label& l : labels) rows[l.baseline].push_back(l);
    for (auto& [baseline, row] : rows) {
        std::sort(row.begin(), row.end(),
                  [](const Label& a, const Label& b) { return a.bracket_left < b.bracket_left; });
        for (std::size_t i = 0; i + 1 < row.size(); ++i)
            BOOST_TEST(row[i].x < row[i + 1].x, row[i].text << " before " << row[i + 1].text);
    }
    std::vector<std::string> hits;
    for (const std::string& hit : test::texts_over_items(scene)) {
        if (hit.rfind("\"\u00d7", 0) == 0) hits.push_back(hit);
    }
    BOOST_TEST(hits.empty(), (hits.empty() ? std::string() : hits.front()));
}

std::vector<std::string> texts(const std::vector<Label>& labels) {
    std::vector<std::string> out;
    for (const Label& l : labels) out.push_back(l.text);
    return out;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(repeat_labels)

BOOST_AUTO_TEST_CASE(resnet50_in_a_column_reads_its_counts_a_line_per_row) {
    std::vector<std::string> models{"keras/resnet50_k230tf.json"};
    if (STRATA_WITH_ONNX) models.push_back("onnx/resnet50.onnx");
    for (const std::string& relative : models) {
        BOOST_TEST_CONTEXT(relative) {
            const Scene scene = paper_figure(corpus(relative), "8.5cm");
            const std::vector<Label> labels = times_labels(scene);
            // Each folded box is captioned with its name: the label gives the count alone.
            const std::vector<std::string> wanted =
                scene.level == "stage"
                    ? std::vector<std::string>{"\u00d73", "\u00d74", "\u00d76", "\u00d73"}
                    : std::vector<std::string>{"\u00d72", "\u00d73", "\u00d75", "\u00d72"};
            BOOST_TEST(texts(labels) == wanted, boost::test_tools::per_element());
            BOOST_REQUIRE(!labels.empty());
            // The labels of one row stand on one line; a row below has its own line.
            std::set<double> lines;
            for (std::size_t k = 0; k < labels.size(); ++k) {
                lines.insert(labels[k].baseline);
                if (k > 0) BOOST_TEST(labels[k].baseline >= labels[k - 1].baseline);
            }
            BOOST_TEST(lines.size() <= 2u);
            check_reading_order(labels, scene);
        }
    }
}

BOOST_AUTO_TEST_CASE(densenet121_on_a_page_shows_6_12_24_16_without_repeating_captions,
                     *boost::unit_test::enable_if<(STRATA_WITH_ONNX)>()) {
    const Scene scene = paper_figure(corpus("onnx/densenet121.onnx"), "17cm");
    const std::vector<Label> labels = times_labels(scene);
    // Its layers fit, each dense block's first dense layer drawn for all: the captions name
    // layers, the labels the runs.
    BOOST_TEST(scene.level == "layer");
    const std::vector<std::string> wanted{"\u00d76  denselayer1\u20136 \u00b7 64\u2192224 ch",
                                          "\u00d712  denselayer1\u201312 \u00b7 128\u2192480 ch",
                                          "\u00d724  denselayer1\u201324 \u00b7 256\u2192992 ch",
                                          "\u00d716  denselayer1\u201316 \u00b7 512\u2192992 ch"};
    BOOST_TEST(texts(labels) == wanted, boost::test_tools::per_element());
    check_reading_order(labels, scene);
}

// DenseNet's export names the concatenation that closes a dense block after the block: the
// folded dense layers before it are named by their range, so no two boxes read the same.
BOOST_AUTO_TEST_CASE(densenet121_dense_layers_and_their_concatenation_have_their_own_captions,
                     *boost::unit_test::enable_if<(STRATA_WITH_ONNX)>()) {
    Options options;
    options.width = "17cm";
    options.level = Level::block;
    options.collapse = Collapse::similar;
    options.text_callable = TextCallable::name;
    Warnings warnings;
    const Scene scene = layout_layered(corpus("onnx/densenet121.onnx"), options, warnings);
    std::map<std::string, int> captions;
    for (const Group& g : scene.groups) {
        if (g.role != Role::caption) continue;
        std::string text;
        for (const Primitive& item : g.items) {
            if (const auto* run = std::get_if<TextRun>(&item)) text += run->text;
        }
        ++captions[text];
    }
    BOOST_TEST(captions.count("denseblock1.denselayer1\u20136") == 1u);
    BOOST_TEST(captions.count("features.denseblock1") == 1u);
    for (const auto& [text, count] : captions) BOOST_TEST(count == 1, text << " " << count);
}

BOOST_AUTO_TEST_CASE(without_captions_a_label_names_its_unit_where_the_row_has_room) {
    Options options;
    options.width = "17cm";
    options.level = Level::stage;
    Warnings warnings;
    const Scene scene = layout_layered(corpus("keras/resnet50_k230tf.json"), options, warnings);
    const std::vector<Label> labels = times_labels(scene);
    const std::vector<std::string> wanted{"\u00d73  conv2", "\u00d74  conv3", "\u00d76  conv4",
                                          "\u00d73  conv5"};
    BOOST_TEST(texts(labels) == wanted, boost::test_tools::per_element());
    check_reading_order(labels, scene);
}

BOOST_AUTO_TEST_SUITE_END()
