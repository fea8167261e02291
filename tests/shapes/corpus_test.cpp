#include <boost/test/unit_test.hpp>
#include <map>
#include <set>

#include "corpus_reference.hpp"
#include "import/load.hpp"
#include "shape_fixture.hpp"
#include "strata/error.hpp"

using namespace strata;
using namespace strata::testing;

namespace {

std::string describe(const std::vector<Shape>& shapes) {
    std::string text = "[";
    for (std::size_t i = 0; i < shapes.size(); ++i) {
        if (i > 0) text += ", ";
        text += "[";
        for (std::size_t d = 0; d < shapes[i].size(); ++d) {
            if (d > 0) text += ", ";
            text += shapes[i][d] < 0 ? std::string("null") : std::to_string(shapes[i][d]);
        }
        text += "]";
    }
    return text + "]";
}

// Where the reference assumed what Keras itself cannot know, the test supplies that assumption
// as a known shape (as a user would) so that the layers after it are still checked, and does
// not compare the layer itself.
struct Assumption {
    const char* file;
    const char* layer;
    const char* why;
};
constexpr Assumption kAssumptions[] = {
    // The Lambda's function is Python bytecode (x / 255 - 0.5) and output_shape is null; Keras
    // would run the function to learn the shape, which we cannot. The reference ASSUMED it is
    // shape-preserving; we report it unknown (see corpus_unloadable_test for that warning).
    {"behavioral_cloning_lambda_k206.json", "lambda_1", "Lambda output is not in the file"},
};

const Assumption* assumption_for(const std::string& file, const std::string& layer) {
    for (const Assumption& assumption : kAssumptions) {
        if (file == assumption.file && layer == assumption.layer) return &assumption;
    }
    return nullptr;
}

// The shapes our model gives for a reference entry: a layer (found by its model and name), or
// the outputs of a nested model flattened into the layer list. nullopt when there is no such name.
using LayerIndex = std::map<std::pair<std::string, std::string>, std::size_t>;  // parent, name

std::optional<std::vector<Shape>> our_shapes(const Model& model, const LayerIndex& by_name,
                                             const ReferenceLayer& expected) {
    const std::string& name = expected.name;
    if (auto it = by_name.find({expected.parent, name}); it != by_name.end()) {
        const Layer& layer = model.layers[it->second];
        return layer.shape_known ? layer.shapes : std::vector<Shape>{};
    }
    for (const Submodel& submodel : model.submodels) {
        if (submodel.name != name) continue;
        std::vector<Shape> shapes;
        for (const TensorRef& ref : submodel.outputs) {
            const Layer& producer = model.layers[ref.layer];
            if (!producer.shape_known || ref.output >= producer.shapes.size()) return {{}};
            shapes.push_back(producer.shapes[ref.output]);
        }
        return shapes;
    }
    return std::nullopt;
}

void supply_assumptions(Model& model, const Reference& reference, const std::string& file) {
    for (const ReferenceLayer& expected : reference.layers) {
        if (!expected.parent.empty() || !assumption_for(file, expected.name)) continue;
        for (Layer& layer : model.layers) {
            if (layer.name != expected.name || !layer.parent.empty()) continue;
            layer.shapes = expected.output_shapes;
            layer.shape_known = true;
        }
    }
}

// Inside a nested model the reference describes the model on its own declared input, which may
// leave dimensions open (a VGG16 base built for any image size); we infer it as it is called, so
// there a reference null is refined by a known size. Elsewhere shapes must be equal.
bool matches(const std::vector<Shape>& got, const ReferenceLayer& expected) {
    if (expected.parent.empty()) return got == expected.output_shapes;
    if (got.size() != expected.output_shapes.size()) return false;
    for (std::size_t i = 0; i < got.size(); ++i) {
        const Shape& want = expected.output_shapes[i];
        if (got[i].size() != want.size()) return false;
        for (std::size_t d = 0; d < want.size(); ++d) {
            if (want[d] != kUnknownDim && got[i][d] != want[d]) return false;
        }
    }
    return true;
}

std::string qualified_name(const ReferenceLayer& layer) {
    return layer.parent.empty() ? layer.name : layer.parent + "/" + layer.name;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(shape_inference_corpus)

BOOST_AUTO_TEST_CASE(every_reference_layer_has_the_reference_shape) {
    std::size_t files = 0;
    std::size_t layers = 0;
    std::size_t skipped = 0;
    for (const Reference& reference : corpus_references()) {
        if (!reference.ok) continue;
        const std::string file = reference.model_file.filename().string();
        BOOST_TEST_CONTEXT("file " << reference.model_file.string()) {
            Warnings import_warnings;
            Model model;
            try {
                model = import_model_file(reference.model_file.string(), import_warnings);
            } catch (const Error& error) {
                BOOST_ERROR("import failed: " << error.what());
                continue;
            }
            supply_assumptions(model, reference, file);
            Warnings warnings;
            infer_shapes(model, warnings);  // its speed is the bench's (tests/bench)
            for (const Warning& warning : warnings) {
                BOOST_ERROR("unexpected warning for " << warning.where << ": " << warning.message);
            }

            LayerIndex by_name;
            for (std::size_t i = 0; i < model.layers.size(); ++i) {
                by_name.emplace(std::pair{model.layers[i].parent, model.layers[i].name}, i);
            }
            ++files;
            for (const ReferenceLayer& expected : reference.layers) {
                if (assumption_for(file, expected.name)) {
                    ++skipped;
                    continue;
                }
                // The importer feeds a nested model's layers from the tensor the model is
                // called on; its own InputLayer is not kept, so there is nothing to compare.
                if (!expected.parent.empty() && expected.class_name == "InputLayer") continue;
                ++layers;
                const auto got = our_shapes(model, by_name, expected);
                if (!got) {
                    BOOST_ERROR(file << ": layer " << qualified_name(expected) << " ("
                                     << expected.class_name << ") is not in the imported model");
                    continue;
                }
                BOOST_TEST(matches(*got, expected),
                           file << ": layer " << qualified_name(expected) << " ("
                                << expected.class_name << "): expected "
                                << describe(expected.output_shapes) << ", got "
                                << (got->empty() ? std::string("unknown") : describe(*got)));
            }
        }
    }
    BOOST_TEST_MESSAGE("corpus: compared " << layers << " layers in " << files << " files, "
                                           << skipped << " skipped");
    BOOST_TEST(files >= 60u);
    BOOST_TEST(layers >= 10000u);
}

BOOST_AUTO_TEST_SUITE_END()
