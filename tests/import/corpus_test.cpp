// Imports every JSON model of the shared corpus and compares the layer graph with the
// reference computed by TensorFlow.js (`*.shapes.json`).
//
// How nested models are compared. The reference lists a nested model as one layer with its
// own `layers`; we flatten it, so:
//  - a reference layer that is a nested model must be one of our submodels (same name, same
//    class), and its layers are compared in its scope;
//  - an inbound name is read as the part before '[' ("encoder[1][0]" -> "encoder");
//  - one of our producers is named as the reference layer in the consumer's scope sees it:
//    the producer itself when it lies in that scope, otherwise the outermost nested model
//    that contains it and lies in that scope (so a layer fed by encoder's last layer names
//    "encoder");
//  - the input layer of a called nested model is dropped by the importer (its consumers read
//    the tensor fed to the nested model), so a reference inbound naming it, or naming an input
//    the reference leaves implicit inside a nested Sequential, stands for the nested model's
//    own inbound tensor at the same position, seen from the enclosing scope.
#include <boost/test/unit_test.hpp>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <map>
#include <optional>
#include <sstream>

#include <nlohmann/json.hpp>

#include "import/keras1_vocabulary.hpp"
#include "import/load.hpp"
#include "strata/error.hpp"

namespace {

namespace fs = std::filesystem;
using nlohmann::json;

const fs::path kCorpus = STRATA_CORPUS_DIR;

std::vector<fs::path> files_in(const fs::path& folder, const std::string& suffix) {
    std::vector<fs::path> files;
    for (const auto& entry : fs::directory_iterator(folder)) {
        const std::string name = entry.path().filename().string();
        const bool is_shapes = name.find(".shapes.json") != std::string::npos;
        const bool wanted = suffix == ".shapes.json" ? is_shapes : !is_shapes;
        if (wanted && name.size() > 5 && name.ends_with(".json")) files.push_back(entry.path());
    }
    std::sort(files.begin(), files.end());
    return files;
}

std::vector<fs::path> corpus_models() {
    auto files = files_in(kCorpus / "keras", ".json");
    const auto generated = files_in(kCorpus / "generated", ".json");
    files.insert(files.end(), generated.begin(), generated.end());
    return files;
}

json read_json(const fs::path& path) {
    std::ifstream stream(path);
    return json::parse(stream);
}

std::string before_bracket(const std::string& name) {
    return name.substr(0, name.find('['));
}

// Classes the importer renames on purpose, as the reference spells them.
bool same_type(const std::string& ours, const std::string& reference) {
    if (ours == reference) return true;
    if (strata::keras::keras2_class_name(reference, {}) == ours) return true;
    return (ours == "CuDNNLSTM" && reference == "LSTM") ||
           (ours == "CuDNNGRU" && reference == "GRU");
}

// A reference scope: "" for the top level, else a nested model's name.
struct RefScope {
    std::string parent;
    std::vector<std::string> inbound;       // the nested model's own inbound names
    std::vector<std::string> input_layers;  // its InputLayer names, in order
    std::map<std::string, const json*> layers;
};

class ReferenceComparison {
  public:
    ReferenceComparison(const strata::Model& model, const json& reference)
        : model_(model), reference_(reference) {
        index_scope("", "", {}, reference_["layers"]);
    }

    void run() {
        compare_scope("", reference_["layers"]);
        compare_model_io();
    }

  private:
    void index_scope(const std::string& scope, const std::string& parent,
                     std::vector<std::string> inbound, const json& layers) {
        RefScope& ref_scope = scopes_[scope];
        ref_scope.parent = parent;
        for (auto& name : inbound) name = before_bracket(name);
        ref_scope.inbound = std::move(inbound);
        for (const json& layer : layers) {
            const std::string name = layer["name"];
            ref_scope.layers[name] = &layer;
            if (layer["class_name"] == "InputLayer") ref_scope.input_layers.push_back(name);
            if (layer.contains("layers")) {
                index_scope(name, scope, layer["inbound"].get<std::vector<std::string>>(),
                            layer["layers"]);
            }
        }
    }

    // The name under which `producer` is seen from `scope`, if it is visible there.
    std::optional<std::string> seen_from(std::size_t producer, const std::string& scope) const {
        std::string name = model_.layers[producer].name;
        std::string container = model_.layers[producer].parent;
        for (int depth = 0; container != scope; ++depth) {
            if (container.empty() || depth > 64) return std::nullopt;
            name = container;
            const auto it = scopes_.find(container);
            if (it == scopes_.end()) return std::nullopt;
            container = it->second.parent;
        }
        return name;
    }

    bool is_dropped_input(const std::string& name, const std::string& scope) const {
        if (scope.empty()) return false;
        const RefScope& ref_scope = scopes_.at(scope);
        const auto it = ref_scope.layers.find(name);
        if (it == ref_scope.layers.end()) return true;  // an input the reference leaves implicit
        if ((*it->second)["class_name"] != "InputLayer") return false;
        const auto ours = model_.find(name);
        return !ours || model_.layers[*ours].parent != scope;
    }

    // The (scope, name) a reference inbound name stands for; see the comment at the top.
    std::pair<std::string, std::string> expected_producer(std::string name,
                                                          std::string scope) const {
        for (int depth = 0; depth < 64 && is_dropped_input(name, scope); ++depth) {
            const RefScope& ref_scope = scopes_.at(scope);
            const auto position =
                std::find(ref_scope.input_layers.begin(), ref_scope.input_layers.end(), name);
            const std::size_t index =
                position == ref_scope.input_layers.end()
                    ? 0
                    : static_cast<std::size_t>(position - ref_scope.input_layers.begin());
            if (index >= ref_scope.inbound.size()) break;
            name = ref_scope.inbound[index];
            scope = ref_scope.parent;
        }
        return {scope, name};
    }

    void compare_scope(const std::string& scope, const json& layers) {
        for (const json& reference : layers) {
            const std::string name = reference["name"];
            const std::string class_name = reference["class_name"];
            BOOST_TEST_CONTEXT("layer " << name << " (" << class_name << ") in scope '" << scope
                                        << "'") {
                if (reference.contains("layers")) {
                    const auto submodel =
                        std::find_if(model_.submodels.begin(), model_.submodels.end(),
                                     [&](const strata::Submodel& s) { return s.name == name; });
                    BOOST_TEST_REQUIRE((submodel != model_.submodels.end()), "submodel missing");
                    BOOST_TEST(submodel->type == class_name);
                    compare_scope(name, reference["layers"]);
                    continue;
                }
                if (class_name == "InputLayer" && is_dropped_input(name, scope)) continue;
                const auto index = model_.find(name);
                BOOST_TEST_REQUIRE(index.has_value(), "layer missing from the model");
                const strata::Layer& layer = model_.layers[*index];
                BOOST_TEST(same_type(layer.type, class_name), layer.type << " vs " << class_name);
                BOOST_TEST(layer.parent == scope);
                compare_inbound(layer, reference, scope);
            }
        }
    }

    void compare_inbound(const strata::Layer& layer, const json& reference,
                         const std::string& scope) {
        const auto& inbound = reference["inbound"];
        BOOST_TEST_REQUIRE(layer.inputs.size() == inbound.size());
        for (std::size_t i = 0; i < inbound.size(); ++i) {
            const auto [expected_scope, expected_name] =
                expected_producer(before_bracket(inbound[i]), scope);
            const auto ours = seen_from(layer.inputs[i].layer, expected_scope);
            BOOST_TEST(
                ours.value_or("<not visible>") == expected_name,
                "input " << i << ": " << ours.value_or("<not visible>") << " vs " << expected_name);
        }
    }

    void compare_model_io() {
        const json& io = reference_["model"];
        std::vector<std::string> expected_inputs, ours_inputs, expected_outputs, ours_outputs;
        for (const json& input : io["inputs"]) expected_inputs.push_back(input["layer"]);
        for (std::size_t input : model_.inputs) ours_inputs.push_back(model_.layers[input].name);
        for (const json& output : io["outputs"]) expected_outputs.push_back(output["layer"]);
        for (const auto& output : model_.outputs) {
            ours_outputs.push_back(seen_from(output.layer, "").value_or("<not visible>"));
        }
        BOOST_TEST(ours_inputs == expected_inputs, boost::test_tools::per_element());
        BOOST_TEST(ours_outputs == expected_outputs, boost::test_tools::per_element());
    }

    const strata::Model& model_;
    const json& reference_;
    std::map<std::string, RefScope> scopes_;
};

}  // namespace

BOOST_AUTO_TEST_SUITE(import_corpus)

BOOST_AUTO_TEST_CASE(every_corpus_json_model_imports) {
    const auto models = corpus_models();
    BOOST_TEST(models.size() >= 60u);
    for (const auto& path : models) {
        BOOST_TEST_CONTEXT(path.filename().string()) {
            strata::Warnings warnings;
            strata::Model model;
            try {
                model = strata::import_model_file(path.string(), warnings);
            } catch (const strata::Error& error) {
                BOOST_ERROR(error.what());
                continue;
            }
            BOOST_TEST(!model.layers.empty());
            BOOST_TEST(!model.outputs.empty());
            BOOST_TEST(!model.format.empty());
            for (const auto& layer : model.layers) {
                // Only input layers carry a shape; shape inference fills the others.
                if (layer.type != "InputLayer")
                    BOOST_TEST((layer.shapes.empty() && !layer.shape_known));
            }
        }
    }
}

BOOST_AUTO_TEST_CASE(layers_match_the_reference_graphs) {
    auto references = files_in(kCorpus / "keras" / "shapes", ".shapes.json");
    const auto generated = files_in(kCorpus / "generated", ".shapes.json");
    references.insert(references.end(), generated.begin(), generated.end());
    std::size_t compared = 0;
    for (const auto& path : references) {
        const json reference = read_json(path);
        if (!reference.value("ok", false)) continue;
        const fs::path model_path = path.parent_path().filename() == "shapes"
                                        ? path.parent_path().parent_path() / reference["source"]
                                        : path.parent_path() / reference["source"];
        BOOST_TEST_CONTEXT(model_path.filename().string()) {
            strata::Warnings warnings;
            strata::Model model;
            BOOST_REQUIRE_NO_THROW(model =
                                       strata::import_model_file(model_path.string(), warnings));
            ReferenceComparison(model, reference).run();
            ++compared;
        }
    }
    BOOST_TEST(compared >= 55u);
}

BOOST_AUTO_TEST_CASE(files_the_reference_could_not_load_still_import) {
    for (const auto& path : files_in(kCorpus / "keras" / "shapes", ".shapes.json")) {
        const json reference = read_json(path);
        if (reference.value("ok", true)) continue;
        BOOST_TEST_CONTEXT(reference["source"].get<std::string>()) {
            strata::Warnings warnings;
            BOOST_CHECK_NO_THROW(strata::import_model_file(
                (kCorpus / "keras" / reference["source"].get<std::string>()).string(), warnings));
        }
    }
}

BOOST_AUTO_TEST_CASE(hostile_hdf5_files_give_clean_errors,
                     *boost::unit_test::enable_if<(STRATA_WITH_HDF5)>()) {
    for (const auto& entry : fs::directory_iterator(kCorpus / "hostile")) {
        if (entry.path().extension() != ".h5") continue;
        strata::Warnings warnings;
        BOOST_CHECK_THROW(strata::import_model_file(entry.path().string(), warnings),
                          strata::Error);
    }
}

BOOST_AUTO_TEST_SUITE_END()
