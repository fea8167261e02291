#include "import/model_builder.hpp"

#include <algorithm>
#include <optional>
#include <unordered_set>

#include "import/dimensions.hpp"
#include "import/graph_check.hpp"
#include "import/inbound_nodes.hpp"
#include "import/input_shape.hpp"
#include "import/keras1_vocabulary.hpp"
#include "import/layer_attrs.hpp"
#include "import/name_budget.hpp"
#include "import/symbol_table.hpp"
#include "strata/error.hpp"
#include "strata/limits.hpp"
#include "strata/printable.hpp"
#include "text/unicode_text.hpp"

namespace strata::keras {
namespace {

using json = nlohmann::ordered_json;

std::string member_place(const std::string& place, const std::string& key) {
    return place.empty() ? key : place + "." + key;
}

std::string index_place(const std::string& place, std::size_t index) {
    return place + "[" + std::to_string(index) + "]";
}

// The member, or null; `Json` is json or const json.
template <class Json>
Json* find_member(Json& object, const char* key) {
    if (!object.is_object()) return nullptr;
    const auto it = object.find(key);
    return it == object.end() ? nullptr : &*it;
}

// The layers list of a model config: Sequential configs of old Keras are the list itself.
template <class Json>
Json* layer_list(Json& config) {
    if (config.is_array()) return &config;
    Json* layers = find_member(config, "layers");
    return layers && layers->is_array() ? layers : nullptr;
}

// Lets go of a layer's JSON once the layer is built (or its building failed): the tree
// shrinks while the model grows, so a large model's import does not hold both at full size.
class ReleasedWhenBuilt {
  public:
    explicit ReleasedWhenBuilt(json& value) : value_(value) {}
    ReleasedWhenBuilt(const ReleasedWhenBuilt&) = delete;
    ReleasedWhenBuilt& operator=(const ReleasedWhenBuilt&) = delete;
    ~ReleasedWhenBuilt() { value_ = nullptr; }

  private:
    json& value_;
};

// One entry of a model's `layers` list, read but not yet placed.
struct LayerEntry {
    std::string class_name;
    std::string name;
    json* config = nullptr;  // may be null
    std::string place;
    const json* object = nullptr;  // the entry itself
};

class ModelBuilder {
  public:
    ModelBuilder(const std::string& file, Warnings& warnings, ObjectOffsets* offsets)
        : file_(file), warnings_(warnings), offsets_(offsets) {}

    BuiltModel build(json& model_object, const std::string& place) {
        const LayerEntry top = read_model_object(model_object, place);
        const std::size_t scope = symbols_.new_scope();
        result_.model.name = top.name;
        // The top level's layers (and an implicit input) at once: growing the list by doubling
        // would hold it twice over at its largest.
        const std::size_t expected =
            std::min(layer_list(*top.config)->size() + 1, limits::kMaxLayers);
        result_.model.layers.reserve(expected);
        pending_inputs_.reserve(expected);
        layer_places_.reserve(expected);
        if (offsets_) result_.layer_offsets.reserve(expected);
        const std::vector<SymbolRef> outputs = build_scope(top, scope, "", nullptr);
        finish(outputs);
        result_.layer_places = std::move(layer_places_);
        return std::move(result_);
    }

  private:
    // The top-level model object: its class must be a model class.
    LayerEntry read_model_object(json& object, const std::string& place) {
        const std::string where = place.empty() ? "the model" : place;
        const json* class_name = find_member(object, "class_name");
        if (!class_name || !class_name->is_string()) {
            throw Error(file_, where +
                                   ": expected \"class_name\" naming a Keras model class "
                                   "(Sequential, Model or Functional)");
        }
        LayerEntry entry;
        entry.class_name = class_name->get<std::string>();
        if (!is_model_class(entry.class_name)) {
            throw Error(file_, where +
                                   ": expected a Keras model (Sequential, Model or "
                                   "Functional), found class_name " +
                                   quoted_text(entry.class_name));
        }
        entry.config = find_member(object, "config");
        entry.place = place;
        if (!entry.config || !layer_list(*entry.config)) {
            throw Error(file_, member_place(place, "config") +
                                   ": expected a model config with a "
                                   "\"layers\" list");
        }
        const json* name = find_member(*entry.config, "name");
        if (name && name->is_string())
            entry.name = checked_name(*name, member_place(member_place(place, "config"), "name"));
        return entry;
    }

    LayerEntry read_entry(json& entry_json, const std::string& place) {
        if (!entry_json.is_object()) throw Error(file_, place + ": expected a layer object");
        LayerEntry entry;
        entry.place = place;
        entry.object = &entry_json;
        const json* class_name = find_member(entry_json, "class_name");
        if (!class_name || !class_name->is_string()) {
            throw Error(file_, place + ": expected \"class_name\" (the layer's Keras class)");
        }
        entry.class_name = class_name->get<std::string>();
        entry.config = find_member(entry_json, "config");
        const json* name = find_member(entry_json, "name");
        if (!name || !name->is_string())
            name = entry.config ? find_member(*entry.config, "name") : nullptr;
        if (!name || !name->is_string()) {
            throw Error(file_, place + ": expected \"name\" (the layer's name)");
        }
        entry.name = checked_name(*name, place);
        return entry;
    }

    std::string checked_name(const json& name, const std::string& place) {
        const auto& text = name.get_ref<const std::string&>();
        if (text.size() > limits::kMaxNameLength) {
            throw Error(file_, place + ": name longer than " +
                                   std::to_string(limits::kMaxNameLength) + " bytes");
        }
        return text;
    }

    bool is_nested_model(const LayerEntry& entry) const {
        return is_model_class(entry.class_name) && entry.config && layer_list(*entry.config);
    }

    // Builds the layers of one model (top level or nested) into the flattened model and
    // returns its outputs. `feeds` are the tensors the enclosing model passes in, or null
    // when the model is not called (top level, or first layer of an unfed Sequential).
    std::vector<SymbolRef> build_scope(const LayerEntry& model, std::size_t scope,
                                       const std::string& parent,
                                       const std::vector<SymbolRef>* feeds) {
        if (model.class_name == "Sequential") return build_sequential(model, scope, parent, feeds);
        return build_functional(model, scope, parent, feeds);
    }

    std::vector<SymbolRef> build_functional(const LayerEntry& model, std::size_t scope,
                                            const std::string& parent,
                                            const std::vector<SymbolRef>* feeds) {
        const std::string config_place = member_place(model.place, "config");
        json& layers = *layer_list(*model.config);
        const std::string layers_place = member_place(config_place, "layers");

        std::vector<TensorName> input_names;
        if (const json* inputs = find_member(*model.config, "input_layers")) {
            input_names =
                read_tensor_list(*inputs, member_place(config_place, "input_layers"), file_);
        }
        if (feeds && feeds->size() != input_names.size()) {
            throw Error(file_, config_place + ": nested model " + quoted_text(model.name) +
                                   " has " + std::to_string(input_names.size()) +
                                   " input(s) but is called with " + std::to_string(feeds->size()));
        }

        for (std::size_t i = 0; i < layers.size(); ++i) {
            const ReleasedWhenBuilt release(layers[i]);
            const LayerEntry entry = read_entry(layers[i], index_place(layers_place, i));
            const json* nodes_json = find_member(layers[i], "inbound_nodes");
            std::vector<InboundNode> nodes;
            if (nodes_json) {
                nodes = read_inbound_nodes(*nodes_json, entry.place + ".inbound_nodes", file_);
            }
            if (nodes.size() > 1) warn_shared(entry);
            std::vector<SymbolRef> inputs;
            if (!nodes.empty()) {
                for (const TensorName& tensor : nodes.front()) {
                    inputs.push_back(
                        SymbolRef{std::nullopt, scope, tensor.layer, tensor.tensor, tensor.place});
                }
            }

            if (is_nested_model(entry)) {
                build_nested(entry, scope, nodes.empty() ? nullptr : &inputs);
                continue;
            }
            if (feeds && entry.class_name == "InputLayer") {
                // A called nested model: its input layer stands for the tensor fed to it.
                if (auto feed = fed_tensor(entry.name, input_names, *feeds)) {
                    define_or_fail(symbols_.define_alias(scope, entry.name, *feed), entry);
                    continue;
                }
            }
            const std::size_t index = place_layer(entry, parent, std::move(inputs));
            define_or_fail(symbols_.define_layer(scope, entry.name, index), entry);
        }

        if (!feeds && parent.empty()) {
            for (const TensorName& input : input_names)
                top_inputs_.push_back(symbolic(scope, input));
        }
        std::vector<SymbolRef> outputs;
        if (const json* output_list = find_member(*model.config, "output_layers")) {
            for (const TensorName& output : read_tensor_list(
                     *output_list, member_place(config_place, "output_layers"), file_)) {
                outputs.push_back(symbolic(scope, output));
            }
        }
        return outputs;
    }

    std::vector<SymbolRef> build_sequential(const LayerEntry& model, std::size_t scope,
                                            const std::string& parent,
                                            const std::vector<SymbolRef>* feeds) {
        const std::string config_place = member_place(model.place, "config");
        json& layers = *layer_list(*model.config);
        const std::string layers_place =
            model.config->is_array() ? config_place : member_place(config_place, "layers");

        // The tensor the next layer consumes.
        std::optional<SymbolRef> previous;
        if (feeds) {
            if (feeds->size() != 1) {
                throw Error(file_, config_place + ": nested Sequential " + quoted_text(model.name) +
                                       " is called with " + std::to_string(feeds->size()) +
                                       " inputs; it takes one");
            }
            previous = feeds->front();
        }

        for (std::size_t i = 0; i < layers.size(); ++i) {
            const ReleasedWhenBuilt release(layers[i]);
            const LayerEntry entry = read_entry(layers[i], index_place(layers_place, i));
            if (i == 0 && !previous && entry.class_name != "InputLayer" &&
                !is_nested_model(entry)) {
                previous = implicit_input(entry, model, parent);
            }
            if (is_nested_model(entry)) {
                std::vector<SymbolRef> fed;
                if (previous) fed.push_back(*previous);
                build_nested(entry, scope, previous ? &fed : nullptr);
                previous = SymbolRef{std::nullopt, scope, entry.name, 0, entry.place};
                continue;
            }
            if (entry.class_name == "InputLayer" && previous) {
                // The input layer of a called Sequential stands for the tensor fed to it.
                symbols_.define_alias(scope, entry.name, *previous);
                continue;
            }
            std::vector<SymbolRef> inputs;
            if (previous) inputs.push_back(*previous);
            const std::size_t index = place_layer(entry, parent, std::move(inputs));
            symbols_.define_layer(scope, entry.name, index);
            previous = placed(index, entry.place);
        }
        if (!previous) return {};
        return {*previous};
    }

    // The input layer Keras creates for a Sequential model whose first layer declares the
    // input shape; nullopt when nothing declares one.
    std::optional<SymbolRef> implicit_input(const LayerEntry& first, const LayerEntry& model,
                                            const std::string& parent) {
        std::optional<Shape> shape;
        if (first.config) {
            shape = first_layer_input_shape(*first.config, first.class_name,
                                            first.place + ".config", file_);
        }
        if (!shape) {
            if (const json* built = find_member(*model.config, "build_input_shape")) {
                if (!built->is_null()) {
                    shape = read_shape(
                        *built, member_place(model.place, "config.build_input_shape"), file_);
                }
            }
        }
        if (!shape) return std::nullopt;
        Layer input;
        input.name = unique_name(first.name + "_input");
        input.type = "InputLayer";
        input.shapes = {*shape};
        input.shape_known = true;
        input.implicit = true;
        input.parent = parent;
        input.attrs["batch_input_shape"] = *shape;
        return placed(push_layer(std::move(input), {}, first), first.place);
    }

    // Flattens a nested model in place; its layers get the nested model as parent.
    void build_nested(const LayerEntry& entry, std::size_t scope,
                      const std::vector<SymbolRef>* feeds) {
        define_or_fail(symbols_.define_nested_model(scope, entry.name), entry);
        const std::size_t submodel = result_.model.submodels.size();
        result_.model.submodels.push_back(Submodel{entry.name, entry.class_name, {}});
        const std::vector<SymbolRef> outputs =
            build_scope(entry, symbols_.new_scope(), entry.name, feeds);
        symbols_.set_nested_model_outputs(scope, entry.name, outputs);
        submodel_outputs_.emplace_back(submodel, outputs);
    }

    std::size_t place_layer(const LayerEntry& entry, const std::string& parent,
                            std::vector<SymbolRef> inputs) {
        Layer layer;
        layer.attrs =
            entry.config ? config_to_attrs(*entry.config, entry.place + ".config", file_) : Attrs{};
        layer.type = keras2_class_name(entry.class_name, layer.attrs);
        const bool renamed_keys = normalise_keras1_attrs(layer.type, layer.attrs);
        result_.keras1_vocabulary =
            result_.keras1_vocabulary || renamed_keys || layer.type != entry.class_name;
        if (layer.type == "InputLayer" && entry.config) {
            if (auto shape = input_layer_shape(*entry.config, entry.place + ".config", file_)) {
                layer.shapes = {*shape};
                layer.shape_known = true;
            }
        }
        layer.name = unique_name(entry.name);
        layer.parent = parent;
        return push_layer(std::move(layer), std::move(inputs), entry);
    }

    // Adds a layer that `entry` defines.
    std::size_t push_layer(Layer layer, std::vector<SymbolRef> inputs, const LayerEntry& entry) {
        const std::string& place = entry.place;
        if (result_.model.layers.size() >= limits::kMaxLayers) {
            throw Error(file_,
                        place + ": more than " + std::to_string(limits::kMaxLayers) + " layers");
        }
        if (!name_bytes_.take(layer.name))
            throw Error(file_, place + ": " + layer_names_too_long());
        result_.model.layers.push_back(std::move(layer));
        pending_inputs_.push_back(std::move(inputs));
        layer_places_.push_back(place);
        if (offsets_) {
            result_.layer_offsets.push_back(entry.object ? offsets_->find(*entry.object)
                                                         : std::nullopt);
        }
        return result_.model.layers.size() - 1;
    }

    // Layer names must be unique in the flattened model; a clash gets a numbered suffix.
    std::string unique_name(const std::string& name) {
        if (used_names_.insert(name).second) return name;
        for (std::size_t suffix = 1;; ++suffix) {
            std::string candidate = name + "_" + std::to_string(suffix);
            if (used_names_.insert(candidate).second) {
                warnings_.push_back(Warning{file_, "layer name " + quoted_text(name) +
                                                       " is used more than once; renamed to " +
                                                       quoted_text(candidate)});
                return candidate;
            }
        }
    }

    void warn_shared(const LayerEntry& entry) {
        warnings_.push_back(Warning{file_, "layer " + quoted_text(entry.name) +
                                               " is called more than once (a shared layer); "
                                               "only its first call is drawn"});
    }

    void define_or_fail(bool defined, const LayerEntry& entry) {
        if (!defined) {
            throw Error(file_, entry.place + ": layer name " + quoted_text(entry.name) +
                                   " is defined twice in the same model");
        }
    }

    static std::optional<SymbolRef> fed_tensor(const std::string& input_name,
                                               const std::vector<TensorName>& input_names,
                                               const std::vector<SymbolRef>& feeds) {
        for (std::size_t i = 0; i < input_names.size() && i < feeds.size(); ++i) {
            if (input_names[i].layer == input_name) return feeds[i];
        }
        return std::nullopt;
    }

    static SymbolRef symbolic(std::size_t scope, const TensorName& tensor) {
        return SymbolRef{std::nullopt, scope, tensor.layer, tensor.tensor, tensor.place};
    }

    static SymbolRef placed(std::size_t index, const std::string& place) {
        return SymbolRef{TensorRef{index, 0}, 0, "", 0, place};
    }

    // Resolves every name now that all layers are placed, then checks the graph.
    void finish(const std::vector<SymbolRef>& outputs) {
        Model& model = result_.model;
        for (std::size_t i = 0; i < model.layers.size(); ++i) {
            for (const SymbolRef& input : pending_inputs_[i]) {
                model.layers[i].inputs.push_back(symbols_.resolve(input, file_));
            }
        }
        for (const auto& [submodel, refs] : submodel_outputs_) {
            for (const SymbolRef& ref : refs) {
                model.submodels[submodel].outputs.push_back(symbols_.resolve(ref, file_));
            }
        }
        for (const SymbolRef& ref : outputs) model.outputs.push_back(symbols_.resolve(ref, file_));
        for (const SymbolRef& ref : top_inputs_) {
            model.inputs.push_back(symbols_.resolve(ref, file_).layer);
        }
        if (top_inputs_.empty()) {
            for (std::size_t i = 0; i < model.layers.size(); ++i) {
                if (model.layers[i].type == "InputLayer") model.inputs.push_back(i);
            }
        }
        check_acyclic(model, layer_places_, file_);
    }

    const std::string& file_;
    Warnings& warnings_;
    ObjectOffsets* offsets_;  // may be null
    BuiltModel result_;
    SymbolTable symbols_;
    std::vector<std::vector<SymbolRef>> pending_inputs_;  // per placed layer
    std::vector<std::string> layer_places_;               // per placed layer
    std::vector<std::pair<std::size_t, std::vector<SymbolRef>>> submodel_outputs_;
    std::vector<SymbolRef> top_inputs_;
    std::unordered_set<std::string> used_names_;
    NameBudget name_bytes_;
};

}  // namespace

bool is_model_class(const std::string& class_name) {
    return class_name == "Sequential" || class_name == "Model" || class_name == "Functional";
}

BuiltModel build_model(json& model_object, const std::string& place, const std::string& file,
                       Warnings& warnings, ObjectOffsets* offsets) {
    return ModelBuilder(file, warnings, offsets).build(model_object, place);
}

}  // namespace strata::keras
