// ONNX shapes as the file has them: every box of every corpus model shows a tensor in the
// axis order ONNX Runtime reports for it (N, C, H, W for a PyTorch export), and says where
// its channels are so that the drawing can still give them to the box's depth.
#include <boost/test/unit_test.hpp>
#include <nlohmann/json.hpp>

#include <set>

#include "layout/layered/box_size.hpp"
#include "onnx_corpus.hpp"

namespace {

using strata::kUnknownDim;
using strata::Shape;

// The reference dimension: a number, or kUnknownDim for "N" and expressions of it ("2*N").
Shape reference_shape(const nlohmann::json& dims) {
    Shape shape;
    for (const auto& d : dims)
        shape.push_back(d.is_number_integer() ? d.get<std::int64_t>() : kUnknownDim);
    return shape;
}

nlohmann::json reference(const std::string& name) {
    return nlohmann::json::parse(
        onnx_test::read_bytes(onnx_test::kCorpus / (name + ".shapes.json")));
}

// Every tensor shape the reference gives: graph inputs and node outputs.
std::set<Shape> reference_shapes(const nlohmann::json& truth) {
    std::set<Shape> shapes;
    for (const auto& input : truth["graph_inputs"]) shapes.insert(reference_shape(input["shape"]));
    for (const auto& node : truth["nodes"])
        for (const auto& dims : node["output_shapes"])
            if (!dims.is_null()) shapes.insert(reference_shape(dims));
    return shapes;
}

const strata::Layer& layer(const strata::Model& model, const std::string& name) {
    const auto index = model.find(name);
    if (!index) throw std::runtime_error("no layer " + name);
    return model.layers[*index];
}

}  // namespace

BOOST_AUTO_TEST_SUITE(onnx_axis_order)

BOOST_AUTO_TEST_CASE(every_raw_node_has_the_reference_shape_in_the_reference_order) {
    for (const std::string& name : onnx_test::corpus_names()) {
        const auto truth = reference(name);
        const strata::Model model = onnx_test::read_corpus_model(name + ".onnx", true);
        std::size_t compared = 0, wrong = 0;
        for (const auto& node : truth["nodes"]) {
            const auto index = model.find(node["name"].get<std::string>());
            if (!index || !model.layers[*index].shape_known) continue;
            const strata::Layer& l = model.layers[*index];
            const auto& expected = node["output_shapes"];
            for (std::size_t i = 0; i < expected.size() && i < l.shapes.size(); ++i) {
                if (expected[i].is_null()) continue;
                ++compared;
                if (l.shapes[i] != reference_shape(expected[i])) {
                    ++wrong;
                    BOOST_TEST_MESSAGE(name << ": " << l.name << " output " << i
                                            << " is not in the reference's order");
                }
            }
        }
        BOOST_TEST_INFO(name << ": " << wrong << " of " << compared << " outputs differ");
        BOOST_TEST(wrong == 0u);
        BOOST_TEST(compared * 10 >= truth["nodes"].size() * 9);
    }
}

BOOST_AUTO_TEST_CASE(every_folded_box_shows_a_tensor_of_the_reference) {
    for (const std::string& name : onnx_test::corpus_names()) {
        const std::set<Shape> shapes = reference_shapes(reference(name));
        for (const std::string& file : {name + ".onnx", name + ".noshapes.onnx"}) {
            const strata::Model model = onnx_test::read_corpus_model(file);
            for (const strata::Layer& l : model.layers) {
                for (const Shape& shape : l.shapes) {
                    BOOST_TEST_INFO(file << ": " << l.name);
                    BOOST_TEST(shapes.count(shape) == 1u);
                }
            }
        }
    }
}

BOOST_AUTO_TEST_CASE(channels_first_boxes_say_where_their_channels_are) {
    const strata::Model model = onnx_test::read_corpus_model("resnet18.onnx");
    const auto& input = layer(model, "input");
    BOOST_TEST(input.shapes.front() == (Shape{kUnknownDim, 3, 224, 224}),
               boost::test_tools::per_element());
    BOOST_TEST(input.channel_axis.value_or(0) == 1u);
    const auto& conv = layer(model, "layer1.0.conv1");
    BOOST_TEST(conv.shapes.front() == (Shape{kUnknownDim, 64, 56, 56}),
               boost::test_tools::per_element());
    BOOST_TEST(conv.channel_axis.value_or(0) == 1u);
    // The box is drawn from (56, 56, 64), channels as depth, as a Keras Conv2D's.
    BOOST_TEST(strata::layout::box_dims(conv) == (std::vector<double>{56, 56, 64}),
               boost::test_tools::per_element());
    // A vector has its channels last already.
    const auto& fc = layer(model, "fc");
    BOOST_TEST(fc.shapes.front() == (Shape{kUnknownDim, 1000}), boost::test_tools::per_element());
    BOOST_TEST(!fc.channel_axis);
}

BOOST_AUTO_TEST_CASE(tokens_and_sequences_keep_their_order_and_have_no_channel_axis) {
    // Swin's tokens are (N, H, W, C) in the graph itself.
    const strata::Model swin = onnx_test::read_corpus_model("swin_t.onnx");
    const auto& attention = layer(swin, "features.1.0.attn");
    BOOST_TEST(attention.shapes.front() == (Shape{kUnknownDim, 56, 56, 96}),
               boost::test_tools::per_element());
    BOOST_TEST(!attention.channel_axis);
}

BOOST_AUTO_TEST_SUITE_END()
