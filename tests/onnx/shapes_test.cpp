// Every node output of every corpus ONNX file, both with and without the file's own
// value_info, has the shape measured by running the real model.
#include <boost/test/unit_test.hpp>
#include <nlohmann/json.hpp>

#include "import/onnx/tensor_shapes.hpp"
#include "onnx_corpus.hpp"

namespace {

using strata::Shape;

// The reference dimension: a number, or kUnknownDim for "N" and expressions of it ("2*N").
Shape reference_shape(const nlohmann::json& dims) {
    Shape shape;
    for (const auto& d : dims)
        shape.push_back(d.is_number_integer() ? d.get<std::int64_t>() : strata::kUnknownDim);
    return shape;
}

std::string text_of(const Shape& shape) {
    std::string text = "(";
    for (std::size_t i = 0; i < shape.size(); ++i)
        text += (i ? ", " : "") + (shape[i] < 0 ? std::string("N") : std::to_string(shape[i]));
    return text + ")";
}

// Number of node outputs whose inferred shape differs from the reference (each reported).
std::size_t mismatches(const std::string& file, const nlohmann::json& truth,
                       std::size_t& compared) {
    const std::string bytes = onnx_test::read_bytes(onnx_test::kCorpus / file);
    const auto proto = strata::onnx_import::parse_model_proto(bytes, file);
    const auto inferred = strata::onnx_import::infer_tensor_shapes(proto, file);
    std::size_t wrong = 0;
    for (const auto& node : truth["nodes"]) {
        const auto& outputs = node["outputs"];
        const auto& shapes = node["output_shapes"];
        for (std::size_t i = 0; i < outputs.size() && i < shapes.size(); ++i) {
            if (shapes[i].is_null()) continue;
            const std::string name = outputs[i].get<std::string>();
            const Shape expected = reference_shape(shapes[i]);
            ++compared;
            auto it = inferred.shapes.find(name);
            if (it == inferred.shapes.end() || it->second != expected) {
                ++wrong;
                BOOST_TEST_MESSAGE(
                    file << ": " << node["name"].get<std::string>() << " ("
                         << node["op_type"].get<std::string>() << ") output " << name << ": "
                         << (it == inferred.shapes.end() ? "unknown" : text_of(it->second))
                         << ", reference " << text_of(expected));
            }
        }
    }
    return wrong;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(onnx_shapes)

BOOST_AUTO_TEST_CASE(every_node_of_every_corpus_file_has_the_reference_shape) {
    const auto names = onnx_test::corpus_names();
    BOOST_TEST(names.size() >= 15u);
    for (const std::string& name : names) {
        const auto truth = nlohmann::json::parse(
            onnx_test::read_bytes(onnx_test::kCorpus / (name + ".shapes.json")));
        for (const std::string& file : {name + ".onnx", name + ".noshapes.onnx"}) {
            std::size_t compared = 0;
            const std::size_t wrong = mismatches(file, truth, compared);
            BOOST_TEST_INFO(file << ": " << wrong << " of " << compared << " outputs differ");
            BOOST_TEST(wrong == 0u);
            BOOST_TEST(compared >= truth["nodes"].size());
        }
    }
}

BOOST_AUTO_TEST_CASE(gaps_of_onnx_inference_are_finished_by_constant_propagation) {
    // shufflenet's channel shuffle: Shape → Gather → Div → Concat → Reshape.
    const std::string file = "shufflenet_v2_x1_0.noshapes.onnx";
    const auto proto = strata::onnx_import::parse_model_proto(
        onnx_test::read_bytes(onnx_test::kCorpus / file), file);
    const auto inferred = strata::onnx_import::infer_tensor_shapes(proto, file);
    auto it = inferred.shapes.find("/stage2/stage2.0/Reshape_output_0");
    BOOST_REQUIRE(it != inferred.shapes.end());
    BOOST_TEST(it->second == (Shape{strata::kUnknownDim, 2, 58, 28, 28}),
               boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(a_batch_derived_dimension_is_unknown) {
    // swin_t folds the batch into the window count: "64*N" in the reference.
    const auto truth =
        nlohmann::json::parse(onnx_test::read_bytes(onnx_test::kCorpus / "swin_t.shapes.json"));
    std::string tensor;
    for (const auto& node : truth["nodes"]) {
        for (std::size_t i = 0; i < node["output_shapes"].size() && tensor.empty(); ++i) {
            const auto& dims = node["output_shapes"][i];
            if (dims.is_array() && !dims.empty() && dims[0] == "64*N")
                tensor = node["outputs"][i].get<std::string>();
        }
    }
    BOOST_REQUIRE(!tensor.empty());
    const std::string file = "swin_t.noshapes.onnx";
    const auto proto = strata::onnx_import::parse_model_proto(
        onnx_test::read_bytes(onnx_test::kCorpus / file), file);
    const auto inferred = strata::onnx_import::infer_tensor_shapes(proto, file);
    BOOST_REQUIRE(inferred.shapes.count(tensor));
    BOOST_TEST(inferred.shapes.at(tensor).front() == strata::kUnknownDim);
    BOOST_TEST(inferred.checker_problem.empty());
}

BOOST_AUTO_TEST_SUITE_END()
