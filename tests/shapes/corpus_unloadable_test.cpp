#include <boost/test/unit_test.hpp>

#include "corpus_reference.hpp"
#include "import/load.hpp"
#include "shape_fixture.hpp"
#include "strata/error.hpp"

using namespace strata;
using namespace strata::testing;

namespace {

bool has_warning_naming(const Warnings& warnings, const Layer& layer) {
    for (const Warning& warning : warnings) {
        if (warning.layer == layer.name && warning.message.find(layer.type) != std::string::npos) {
            return true;
        }
    }
    return false;
}

// Every layer that is unknown although its inputs are known is a root cause and must be named
// by a warning; the layers after it are unknown without further warnings.
void check_unknown_layers_are_reported(const Model& model, const Warnings& warnings,
                                       const std::string& file) {
    for (const Layer& layer : model.layers) {
        if (layer.shape_known) continue;
        BOOST_TEST(layer.shapes.empty(), file << ": unknown layer " << layer.name << " has shapes");
        bool inputs_known = true;
        for (const TensorRef& ref : layer.inputs) {
            inputs_known = inputs_known && model.layers[ref.layer].shape_known;
        }
        if (inputs_known) {
            BOOST_TEST(has_warning_naming(warnings, layer),
                       file << ": no warning names " << layer.type << " layer " << layer.name);
        }
    }
}

}  // namespace

BOOST_AUTO_TEST_SUITE(shape_inference_corpus_unloadable)

// Files the reference could not load (custom layers, Lambda, Keras 1): inference goes through,
// and whatever it cannot know is reported by name.
BOOST_AUTO_TEST_CASE(files_without_reference_are_inferred_without_throwing) {
    std::size_t files = 0;
    for (const Reference& reference : corpus_references()) {
        if (reference.ok) continue;
        const std::string file = reference.model_file.filename().string();
        BOOST_TEST_CONTEXT("file " << file) {
            Warnings import_warnings;
            Model model;
            try {
                model = import_model_file(reference.model_file.string(), import_warnings);
            } catch (const Error& error) {
                BOOST_ERROR("import failed: " << error.what());
                continue;
            }
            Warnings warnings;
            BOOST_CHECK_NO_THROW(infer_shapes(model, warnings));
            check_unknown_layers_are_reported(model, warnings, file);
            ++files;
        }
    }
    BOOST_TEST(files >= 5u);
}

BOOST_AUTO_TEST_CASE(custom_and_lambda_layers_are_named_in_warnings) {
    const std::pair<const char*, const char*> expected[] = {
        {"srgan_generator_custom_pixelshuffler.json", "PixelShuffler"},
        {"keras1_behavioral_cloning_lambda_elu_str.json", "Lambda"},
        {"behavioral_cloning_lambda_k206.json", "Lambda"},
    };
    for (const auto& [file, type] : expected) {
        BOOST_TEST_CONTEXT("file " << file) {
            Warnings import_warnings;
            Model model =
                import_model_file((corpus_dir() / "keras" / file).string(), import_warnings);
            Warnings warnings;
            infer_shapes(model, warnings);
            BOOST_REQUIRE(!warnings.empty());
            const auto root = model.find(warnings.front().layer);
            BOOST_REQUIRE(root.has_value());
            BOOST_TEST(model.layers[*root].type == type);
            BOOST_TEST(!model.layers[*root].shape_known);
            BOOST_TEST(warnings.front().message.find(type) != std::string::npos);
            check_unknown_layers_are_reported(model, warnings, file);
        }
    }
}

// The built-in attention layers the reference could not load have rules: nothing is unknown.
BOOST_AUTO_TEST_CASE(built_in_attention_layers_are_inferred) {
    const std::pair<const char*, const char*> cases[] = {
        {"bilstm_attention_music.json", "attention_1"},
        {"tfk2131_cnn_transformer_hybrid.json", "multi_head_attention_3"},
    };
    for (const auto& [file, layer_name] : cases) {
        BOOST_TEST_CONTEXT("file " << file) {
            Warnings import_warnings;
            Model model =
                import_model_file((corpus_dir() / "keras" / file).string(), import_warnings);
            Warnings warnings;
            infer_shapes(model, warnings);
            for (const Warning& warning : warnings) {
                BOOST_ERROR("unexpected warning for " << warning.where << ": " << warning.message);
            }
            const auto index = model.find(layer_name);
            BOOST_REQUIRE(index.has_value());
            BOOST_TEST(model.layers[*index].shape_known);
        }
    }
}

BOOST_AUTO_TEST_SUITE_END()
