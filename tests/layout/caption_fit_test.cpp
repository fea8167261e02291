// Captions of corpus models as a paper prints them, at a column's width (241 pt) and a page's
// (17 cm), with name and name-and-shape captions: no text over a box, a line or another text,
// nothing off the canvas, and every box face at least 2 mm in print, as without captions.
// Measured on the scene of the SVG/PNG path and of the LaTeX path (geometry scaled to the width,
// text at its own size).

#include <boost/test/unit_test.hpp>

#include <algorithm>
#include <string>
#include <vector>

#include "scene_checks.hpp"
#include "strata/layout.hpp"
#include "strata/render.hpp"

using namespace strata;
using namespace strata::test;

namespace {

Model load(const std::string& path) {
    Warnings warnings;
    return load_model(path, warnings);
}

Model corpus(const std::string& relative) {
    return load(std::string(STRATA_CORPUS_DIR) + "/" + relative);
}

// Box faces of tensors with two axes or more that print lower than 2 mm. A face's width is the
// tensor's channels (an image of three is a thin slab at any size) and a vector is drawn as a
// thin bar on purpose: neither says whether the figure can be read.
std::vector<std::string> low_faces(const Scene& scene, double scale) {
    Scene tensors = scene;
    std::erase_if(tensors.groups, [](const Group& g) {
        return g.role == Role::layer && g.shape.find(" x ") == std::string::npos;
    });
    for (Group& g : tensors.groups) {
        if (g.box) g.box->x2 = g.box->x1 + 1e9;  // the width is not measured
    }
    return box_faces_under(tensors, 1.999, scale);  // 2 mm, as the fitting rounds it
}

template <class Hits>
void expect_none(const std::string& figure, const std::string& what, const Hits& hits) {
    BOOST_TEST(hits.empty(), figure << ": " << hits.size() << " " << what
                                    << (hits.empty() ? "" : ", first " + hits.front()));
}

// The ids in `hits` ("id ...") that are not in `before`.
std::vector<std::string> new_hits(const std::vector<std::string>& hits,
                                  const std::vector<std::string>& before) {
    std::vector<std::string> added;
    for (const std::string& hit : hits) {
        const std::string id = hit.substr(0, hit.find(' '));
        if (std::none_of(before.begin(), before.end(),
                         [&](const std::string& b) { return b.substr(0, b.find(' ')) == id; }))
            added.push_back(hit);
    }
    return added;
}

// What a figure with captions must keep: no text over a box, a line or another text, nothing
// off the canvas and, when `faces` is set, no face lower than 2 mm in print that is not so
// without captions (`uncaptioned`).
void check_scene(const std::string& figure, const Scene& scene, double scale, bool faces,
                 const std::vector<std::string>& uncaptioned) {
    expect_none(figure, "texts over items", texts_over_items(scene));
    expect_none(figure, "items off the canvas", outside_canvas(scene));
    if (faces) {
        expect_none(figure, "faces lower than 2 mm that are not without captions",
                    new_hits(low_faces(scene, scale), uncaptioned));
    }
}

enum class Faces { as_without_captions, not_checked };

void check_model(const std::string& name, const Model& model, Level level,
                 Faces faces = Faces::as_without_captions) {
    const bool check_faces = faces == Faces::as_without_captions;
    for (const char* width : {"241pt", "17cm"}) {
        Options plain;
        plain.width = width;
        plain.level = level;
        Warnings warnings;
        const std::vector<std::string> low = low_faces(layout_layered(model, plain, warnings), 1);
        for (const TextCallable captions : {TextCallable::name, TextCallable::name_shape}) {
            Options options = plain;
            options.text_callable = captions;
            const std::string figure =
                name + " at " + width +
                (captions == TextCallable::name ? " (name)" : " (name_shape)");
            check_scene(figure, layout_layered(model, options, warnings), 1, check_faces, low);
            const FittedScene latex = layout_for_latex(model, options, warnings);
            // LaTeX grows a figure narrower than the width only as far as its height allows,
            // captions included: its faces are held by the layout's own (above), not here.
            check_scene(figure + " for LaTeX", latex.scene, latex.scale, false, {});
        }
    }
}

}  // namespace

BOOST_AUTO_TEST_SUITE(caption_fit)

// Models whose boxes keep their size with captions. In the others, names side by side still
// take more rows than boxes of the same size leave room for (the layers of a Sequential CNN in
// a column, a U-Net's long row): those are held to clear text only.
BOOST_AUTO_TEST_CASE(small_cnns) {
    check_model("mnist_cnn.yaml", load(std::string(STRATA_SOURCE_DIR) + "/examples/mnist_cnn.yaml"),
                Level::automatic);
    check_model("doodle_cnn", corpus("keras/tfjs_doodle_cnn_no_inputlayer.json"), Level::automatic,
                Faces::not_checked);
    check_model("fer2013_cnn", corpus("keras/fer2013_cnn.json"), Level::automatic,
                Faces::not_checked);
}

BOOST_AUTO_TEST_CASE(plain_chains) {
    check_model("vgg16", corpus("generated/vgg16.json"), Level::automatic, Faces::not_checked);
}

BOOST_AUTO_TEST_CASE(branching_models) {
    check_model("resnet50", corpus("generated/resnet50.json"), Level::automatic);
    check_model("mobilenetv2", corpus("generated/mobilenetv2.json"), Level::automatic,
                Faces::not_checked);
    check_model("unet", corpus("generated/unet.json"), Level::automatic, Faces::not_checked);
}

BOOST_AUTO_TEST_CASE(onnx_models, *boost::unit_test::enable_if<(STRATA_WITH_ONNX)>()) {
    check_model("resnet50.onnx", corpus("onnx/resnet50.onnx"), Level::automatic,
                Faces::not_checked);
    check_model("densenet121.onnx", corpus("onnx/densenet121.onnx"), Level::stage,
                Faces::not_checked);
}

BOOST_AUTO_TEST_SUITE_END()
