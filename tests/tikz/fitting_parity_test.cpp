// One fitting for every output: the same width gives the same boxes, in the same rows, at the
// same relative places, and the same warnings, whether the figure is drawn at its own size
// (SVG, PNG, PDF: layout_layered) or scaled by LaTeX (layout_for_latex).

#include <boost/test/data/test_case.hpp>
#include <boost/test/unit_test.hpp>

#include <string>
#include <vector>

#include "strata/import.hpp"
#include "strata/layout.hpp"

using namespace strata;

namespace {

struct Case {
    std::string model;  // under the corpus folder
    std::string width;
    bool legend = false;
    double font_pt = 10;
};

std::ostream& operator<<(std::ostream& out, const Case& c) {
    return out << c.model << " at " << c.width << (c.legend ? " with a legend" : "") << ", "
               << c.font_pt << " pt text";
}

// Models that fit easily, wrap into rows, keep a stub row unless widened (U-Net), and cannot
// be made narrow enough at all (DenseNet in a column), in a column and on a page.
const std::vector<Case> kCases = [] {
    std::vector<Case> cases;
    std::vector<std::string> models = {"generated/vgg16.json", "generated/resnet50.json",
                                       "generated/unet.json", "generated/mobilenetv2.json",
                                       "keras/fer2013_cnn.json"};
    if (STRATA_WITH_ONNX) models.push_back("onnx/densenet121.onnx");
    for (const std::string& model : models) {
        for (const char* width : {"241pt", "17cm"}) {
            cases.push_back({model, width});
            cases.push_back({model, width, true});
        }
    }
    // A U-Net in one column of a two-column paper: every size that fits leaves a stub row.
    cases.push_back({"generated/unet.json", "229.5pt", true, 8});
    return cases;
}();

// A layer's box as a share of its scene's width: the same in every output that draws the same
// layout, whatever scale it is drawn at.
struct RelativeBox {
    std::string id;
    double x1, y1, x2, y2, de;
};

std::vector<RelativeBox> boxes_of(const Scene& scene) {
    std::vector<RelativeBox> boxes;
    for (const Group& group : scene.groups) {
        if (!group.box) continue;
        const BoxGeometry& b = *group.box;
        const double w = scene.width;
        boxes.push_back({group.id, b.x1 / w, b.y1 / w, b.x2 / w, b.y2 / w, b.de / w});
    }
    return boxes;
}

std::size_t row_returns(const Scene& scene) {
    std::size_t returns = 0;
    for (const Group& group : scene.groups) returns += group.label.rfind("next row", 0) == 0;
    return returns;
}

std::vector<std::string> messages(const Warnings& warnings) {
    std::vector<std::string> out;
    for (const Warning& w : warnings) out.push_back(w.where + ": " + w.message);
    return out;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(fitting_parity)

BOOST_DATA_TEST_CASE(every_output_gets_the_same_layout_and_warnings,
                     boost::unit_test::data::make(kCases), c) {
    Warnings loading;
    const Model model = load_model(std::string(STRATA_CORPUS_DIR) + "/" + c.model, loading);
    Options options = latex_defaults(Options{}, {.font_pt = c.font_pt});
    options.width = c.width;
    options.legend = c.legend;
    Warnings drawn_warnings, latex_warnings;
    const Scene drawn = layout_layered(model, options, drawn_warnings);
    const auto [latex, scale] = layout_for_latex(model, options, latex_warnings);

    BOOST_TEST(messages(latex_warnings) == messages(drawn_warnings),
               boost::test_tools::per_element());
    BOOST_TEST(row_returns(latex) == row_returns(drawn));
    const std::vector<RelativeBox> a = boxes_of(drawn), b = boxes_of(latex);
    BOOST_REQUIRE_EQUAL(a.size(), b.size());
    BOOST_REQUIRE(!a.empty());
    for (std::size_t i = 0; i < a.size(); ++i) {
        BOOST_TEST_CONTEXT("box " << a[i].id) {
            BOOST_TEST(a[i].id == b[i].id);
            constexpr double kSame = 1e-9;
            BOOST_TEST(a[i].x1 == b[i].x1, boost::test_tools::tolerance(kSame));
            BOOST_TEST(a[i].y1 == b[i].y1, boost::test_tools::tolerance(kSame));
            BOOST_TEST(a[i].x2 == b[i].x2, boost::test_tools::tolerance(kSame));
            BOOST_TEST(a[i].y2 == b[i].y2, boost::test_tools::tolerance(kSame));
            BOOST_TEST(a[i].de == b[i].de, boost::test_tools::tolerance(kSame));
        }
    }
    // Both draw the picture as wide as the width, or (with the fitting's warning) as wide as
    // text keeps it; LaTeX may draw a narrower figure larger, up to the width or to 0.6 of it
    // in height, never a wider one smaller.
    const double width_px = c.width == "17cm" ? 17 / 2.54 * 96 : std::stod(c.width) * 96 / 72.27;
    const double latex_width = latex.width * scale, latex_height = latex.height * scale;
    if (drawn.width <= width_px + 0.01) {
        BOOST_TEST(latex_width <= width_px * (1 + 1e-9));
        BOOST_TEST(latex_width >= drawn.width * (1 - 1e-9));
        if (latex_width < width_px * (1 - 1e-9) && latex_width > drawn.width * (1 + 1e-9)) {
            BOOST_TEST(latex_height == 0.6 * width_px, boost::test_tools::tolerance(1e-6));
        }
    } else {
        BOOST_TEST(latex_width == drawn.width, boost::test_tools::tolerance(1e-6));
        BOOST_REQUIRE(!drawn_warnings.empty());
        BOOST_TEST(drawn_warnings.front().where == "width");
    }
}

BOOST_AUTO_TEST_SUITE_END()
