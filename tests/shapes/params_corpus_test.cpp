#include <boost/test/unit_test.hpp>
#include <fstream>
#include <map>
#include <nlohmann/json.hpp>
#include <sstream>

#include "corpus_reference.hpp"
#include "import/load.hpp"
#include "shape_fixture.hpp"
#include "shapes/rule.hpp"
#include "strata/error.hpp"

using namespace strata;
using namespace strata::testing;

namespace {

// Layers whose weights the reference counts differently from Keras because TensorFlow.js had
// to stand another layer in for them. Our count is checked against Keras' (kUnknown: it cannot
// be known), and the reference's own count of the layer goes into the total compared.
constexpr std::int64_t kUnknown = -1;
struct ReferenceDifference {
    const char* file;
    const char* layer;
    std::int64_t keras_count;
    std::int64_t reference_count;
};
constexpr ReferenceDifference kDifferences[] = {
    // The Lambda runs Python bytecode (x / 255 - 0.5): it has no weights, but only running it
    // could tell, so its count stays unknown. The reference ASSUMED it is an identity; its
    // shape is supplied from the reference so that the layers after it are still counted.
    {"behavioral_cloning_lambda_k206.json", "lambda_1", kUnknown, 0},
    // TensorFlow.js has no CuDNNLSTM; the reference loaded it as an LSTM, whose bias is
    // 4·units. cuDNN keeps an input and a recurrent bias per gate: 8·units (here units = 128).
    {"bidirectional_cudnnlstm.json", "bidirectional_11", 2 * (4 * 128 * (1024 + 128) + 8 * 128),
     2 * (4 * 128 * (1024 + 128) + 4 * 128)},
    {"cudnnlstm_modulation.json", "cu_dnnlstm_1", 4 * 128 * (2 + 128) + 8 * 128,
     4 * 128 * (2 + 128) + 4 * 128},
    {"cudnnlstm_modulation.json", "cu_dnnlstm_2", 4 * 128 * (128 + 128) + 8 * 128,
     4 * 128 * (128 + 128) + 4 * 128},
    // The reference made Normalization an identity. Keras' layer (mean and variance not given,
    // so learned by adapt()) holds a mean and a variance for its one channel and a sample count.
    {"tfjs_speech_normalization_resizing.json", "normalization", 2 * 1 + 1, 0},
};

const ReferenceDifference* difference_for(const std::string& file, const Layer& layer) {
    for (const ReferenceDifference& difference : kDifferences) {
        if (file == difference.file && layer.parent.empty() && layer.name == difference.layer) {
            return &difference;
        }
    }
    return nullptr;
}

std::filesystem::path reference_file(const std::filesystem::path& model_file) {
    const std::string name = model_file.stem().string() + ".shapes.json";
    const auto folder = model_file.parent_path();
    return folder.filename() == "generated" ? folder / name : folder / "shapes" / name;
}

std::optional<std::int64_t> reference_param_count(const std::filesystem::path& model_file) {
    std::ifstream stream(reference_file(model_file));
    const nlohmann::json json = nlohmann::json::parse(stream);
    if (!json.value("ok", false) || !json.contains("param_count")) return std::nullopt;
    return json.at("param_count").get<std::int64_t>();
}

// A layer whose count cannot be known gets the reference's shape, as a user would supply it.
void supply_unknowable_shapes(Model& model, const Reference& reference, const std::string& file) {
    for (Layer& layer : model.layers) {
        const ReferenceDifference* difference = difference_for(file, layer);
        if (!difference || difference->keras_count != kUnknown) continue;
        for (const ReferenceLayer& expected : reference.layers) {
            if (!expected.parent.empty() || expected.name != layer.name) continue;
            layer.shapes = expected.output_shapes;
            layer.shape_known = true;
        }
    }
}

std::string qualified_name(const Layer& layer) {
    return layer.parent.empty() ? layer.name : layer.parent + "/" + layer.name;
}

std::string input_shapes(const Model& model, const Layer& layer) {
    std::string text;
    for (const TensorRef& ref : layer.inputs) {
        const Layer& producer = model.layers[ref.layer];
        const bool known = producer.shape_known && ref.output < producer.shapes.size();
        if (!text.empty()) text += " ";
        text += known ? shapes::describe(producer.shapes[ref.output]) : "unknown";
    }
    return text;
}

std::string count_text(const std::optional<std::int64_t>& count) {
    return count ? std::to_string(*count) : std::string("unknown");
}

// Every layer with weights (or an unknown count), then the subtotal per type: enough to find
// the layer a difference comes from without the reference counting layer by layer.
std::string breakdown(const Model& model) {
    std::ostringstream text;
    std::map<std::string, std::int64_t> per_type;
    for (const Layer& layer : model.layers) {
        if (layer.params == std::optional<std::int64_t>{0}) continue;
        text << "\n  " << qualified_name(layer) << " (" << layer.type << ") inputs "
             << input_shapes(model, layer) << ": " << count_text(layer.params);
        if (layer.params) per_type[layer.type] += *layer.params;
    }
    for (const auto& [type, total] : per_type) text << "\n  total " << type << ": " << total;
    return text.str();
}

struct Tally {
    std::int64_t total = 0;  // with the reference's count where it differs from Keras
    std::vector<std::string> problems;
    std::size_t differences = 0;  // entries of kDifferences met
};

Tally tally(const Model& model, const std::string& file) {
    Tally tally;
    for (const Layer& layer : model.layers) {
        const std::string where = qualified_name(layer) + " (" + layer.type + ")";
        if (const ReferenceDifference* difference = difference_for(file, layer)) {
            ++tally.differences;
            const std::optional<std::int64_t> keras =
                difference->keras_count == kUnknown
                    ? std::nullopt
                    : std::optional<std::int64_t>{difference->keras_count};
            if (layer.params != keras) {
                tally.problems.push_back(where + ": Keras counts " + count_text(keras) + ", got " +
                                         count_text(layer.params));
            }
            tally.total += difference->reference_count;
        } else if (!layer.params) {
            tally.problems.push_back(where + ": count unknown, inputs " +
                                     input_shapes(model, layer));
        } else {
            tally.total += *layer.params;
        }
    }
    return tally;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(param_counts_corpus)

BOOST_AUTO_TEST_CASE(every_model_has_the_reference_param_count) {
    std::size_t files = 0;
    std::size_t differences = 0;
    for (const Reference& reference : corpus_references()) {
        const std::optional<std::int64_t> expected = reference_param_count(reference.model_file);
        if (!expected) continue;
        const std::string file = reference.model_file.filename().string();
        BOOST_TEST_CONTEXT("file " << reference.model_file.string()) {
            Warnings warnings;
            Model model;
            try {
                model = import_model_file(reference.model_file.string(), warnings);
            } catch (const Error& error) {
                BOOST_ERROR(file << ": import failed: " << error.what());
                continue;
            }
            supply_unknowable_shapes(model, reference, file);
            infer_shapes(model, warnings);
            ++files;
            const Tally counted = tally(model, file);
            differences += counted.differences;
            for (const std::string& problem : counted.problems) {
                BOOST_ERROR(file << ": layer " << problem);
            }
            BOOST_TEST(counted.total == *expected,
                       file << ": " << counted.total << " weights, the reference counts "
                            << *expected << " (difference " << counted.total - *expected
                            << "); per layer:" << breakdown(model));
        }
    }
    BOOST_TEST_MESSAGE("param counts: compared " << files << " files");
    BOOST_TEST(files >= 60u);
    // Each explained difference names a layer that is still there.
    BOOST_TEST(differences == std::size(kDifferences));
}

BOOST_AUTO_TEST_SUITE_END()
