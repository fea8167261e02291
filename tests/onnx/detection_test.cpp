// Recognising ONNX bytes, and reading hostile ones without crashing or opening other files.
#include <onnx/onnx_pb.h>
#include <boost/test/unit_test.hpp>

#include "import/load.hpp"
#include "import/onnx/compact.hpp"
#include "onnx_corpus.hpp"
#include "strata/error.hpp"

namespace {

bool throws_strata_error(const std::string& bytes) {
    try {
        strata::Warnings warnings;
        strata::import_model_bytes(bytes, "hostile.onnx", warnings);
    } catch (const strata::Error&) {
        return true;
    }
    return false;
}

onnx::ModelProto corpus_proto(const std::string& file) {
    onnx::ModelProto model;
    BOOST_REQUIRE(model.ParseFromString(onnx_test::read_bytes(onnx_test::kCorpus / file)));
    return model;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(onnx_detection)

BOOST_AUTO_TEST_CASE(onnx_bytes_are_recognised_by_content) {
    BOOST_TEST(strata::onnx_import::looks_like_onnx(
        onnx_test::read_bytes(onnx_test::kCorpus / "vgg16.onnx")));
    BOOST_TEST(!strata::onnx_import::looks_like_onnx("{\"class_name\": \"Sequential\"}"));
    BOOST_TEST(!strata::onnx_import::looks_like_onnx(std::string("PK\x03\x04", 4)));
    BOOST_TEST(!strata::onnx_import::looks_like_onnx(""));
}

BOOST_AUTO_TEST_CASE(truncated_and_garbled_files_are_errors_not_crashes) {
    const std::string bytes = onnx_test::read_bytes(onnx_test::kCorpus / "resnet18.onnx");
    for (std::size_t cut : {std::size_t{3}, bytes.size() / 3, bytes.size() - 1}) {
        const std::string part = bytes.substr(0, cut);
        if (strata::onnx_import::looks_like_onnx(part)) BOOST_TEST(throws_strata_error(part));
    }
    // Flipping bytes gives another message or none: never a crash.
    for (std::size_t i = 40; i < bytes.size(); i += 97) {
        std::string garbled = bytes;
        garbled[i] = static_cast<char>(garbled[i] ^ 0x5a);
        try {
            strata::Warnings warnings;
            strata::import_model_bytes(garbled, "garbled.onnx", warnings);
        } catch (const strata::Error&) {
        }
    }
}

BOOST_AUTO_TEST_CASE(external_data_outside_the_folder_is_never_followed) {
    onnx::ModelProto model = corpus_proto("resnet18.noshapes.onnx");
    for (auto& tensor : *model.mutable_graph()->mutable_initializer()) {
        tensor.clear_external_data();
        auto* location = tensor.add_external_data();
        location->set_key("location");
        location->set_value("../../../../../../../../dev/zero");
    }
    strata::Warnings warnings;
    const strata::Model read =
        strata::import_model_bytes(model.SerializeAsString(), "escape.onnx", warnings);
    const auto fc = read.find("fc");
    BOOST_REQUIRE(fc.has_value());
    BOOST_TEST(read.layers[*fc].params.value_or(0) == 512 * 1000 + 1000);
}

BOOST_AUTO_TEST_CASE(embedded_weights_are_read_for_their_dims_only) {
    onnx::ModelProto model = corpus_proto("resnet18.noshapes.onnx");
    for (auto& tensor : *model.mutable_graph()->mutable_initializer()) {
        std::size_t count = 1;
        for (auto d : tensor.dims()) count *= static_cast<std::size_t>(d);
        tensor.clear_external_data();
        tensor.set_data_location(onnx::TensorProto::DEFAULT);
        tensor.set_raw_data(std::string(count * 4, '\0'));
    }
    const std::string bytes = model.SerializeAsString();
    BOOST_TEST(bytes.size() > 40u << 20);
    // The copy the importer parses holds the graph, not the weights.
    BOOST_TEST(strata::onnx_import::without_bulk_weights(bytes).size() < 1u << 20);
    strata::Warnings warnings;
    const strata::Model read = strata::import_model_bytes(bytes, "embedded.onnx", warnings);
    BOOST_TEST(read.layers.size() == 32u);
}

BOOST_AUTO_TEST_CASE(an_op_onnx_does_not_know_leaves_its_box_unshaped_not_the_import) {
    onnx::ModelProto model = corpus_proto("vgg16.noshapes.onnx");
    model.mutable_graph()->mutable_node(5)->set_op_type("NoSuchOp");
    strata::Warnings warnings;
    const strata::Model read =
        strata::import_model_bytes(model.SerializeAsString(), "unknown-op.onnx", warnings);
    BOOST_TEST(!warnings.empty());  // the checker names the op
    BOOST_TEST(read.layers.size() > 5u);
}

BOOST_AUTO_TEST_SUITE_END()
