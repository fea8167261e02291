#include "import/spec_reader.hpp"

#include <yaml-cpp/yaml.h>

#include <cctype>
#include <charconv>
#include <cstdlib>
#include <filesystem>
#include <map>
#include <optional>
#include <set>
#include <unordered_map>

#include <nlohmann/json.hpp>

#include "import/dimensions.hpp"
#include "import/input_shape.hpp"
#include "import/keras1_vocabulary.hpp"
#include "import/layer_attrs.hpp"
#include "import/name_budget.hpp"
#include "input/yaml_document.hpp"
#include "strata/error.hpp"
#include "strata/limits.hpp"
#include "strata/printable.hpp"
#include "style/caption_template.hpp"
#include "style/options_file.hpp"
#include "style/structured_options.hpp"
#include "style/yaml_source.hpp"

namespace strata {
namespace {

using json = nlohmann::ordered_json;

const std::set<std::string> kLayerFields = {"name",    "type",         "inputs",   "shape",
                                            "shapes",  "channel_axis", "params",   "config",
                                            "caption", "style",        "implicit", "parent"};

// A plain YAML scalar read the way YAML 1.2's core schema does; quoted scalars stay text. One
// rule for every number of a spec: a number a double cannot hold (1e400, 1e-400) is an error
// at its line and column, never a silent 0 or infinity.
json scalar_to_json(const YamlSource& source, const YAML::Node& node) {
    const std::string& text = node.Scalar();
    if (node.Tag() == "!") return text;
    if (text.empty() || text == "~" || text == "null" || text == "Null" || text == "NULL") {
        return nullptr;
    }
    if (text == "true" || text == "True" || text == "TRUE") return true;
    if (text == "false" || text == "False" || text == "FALSE") return false;
    std::int64_t integer = 0;
    const char* end = text.data() + text.size();
    const char* begin = text.data() + (text[0] == '+' ? 1 : 0);
    if (auto [ptr, ec] = std::from_chars(begin, end, integer); ec == std::errc() && ptr == end) {
        return integer;
    }
    const bool signed_text = text[0] == '-' || text[0] == '+';
    const std::string_view magnitude = std::string_view(text).substr(signed_text ? 1 : 0);
    if (magnitude == ".inf" || magnitude == ".Inf" || magnitude == ".INF") {
        return text[0] == '-' ? -std::numeric_limits<double>::infinity()
                              : std::numeric_limits<double>::infinity();
    }
    if (text == ".nan" || text == ".NaN" || text == ".NAN")
        return std::numeric_limits<double>::quiet_NaN();
    double number = 0;
    const auto [ptr, ec] = std::from_chars(begin, end, number);
    if (ptr != end || text.find_first_of("0123456789") == std::string::npos) return text;
    if (ec == std::errc::result_out_of_range) {
        throw yaml_error(source, node,
                         "the number " + text.substr(0, 60) +
                             " is out of range (numbers are 64-bit floating point, magnitudes "
                             "from about 1e-308 to 1e308)");
    }
    return ec == std::errc() ? json(number) : json(text);
}

// Model and layer names have one limit in every format.
std::string name_too_long(const std::string& key) {
    return key + ": longer than " + std::to_string(limits::kMaxNameLength) + " bytes";
}

// The guard already bounded depth and size, so this recursion is bounded too.
json yaml_to_json(const YamlSource& source, const YAML::Node& node) {
    if (node.IsMap()) {
        json object = json::object();
        for (const auto& entry : node) {
            object[entry.first.IsScalar() ? entry.first.Scalar() : ""] =
                yaml_to_json(source, entry.second);
        }
        return object;
    }
    if (node.IsSequence()) {
        json list = json::array();
        for (const YAML::Node& item : node) list.push_back(yaml_to_json(source, item));
        return list;
    }
    if (node.IsScalar()) return scalar_to_json(source, node);
    return nullptr;
}

// Keras' default layer name for a class: Conv2D -> conv2d, BatchNormalization ->
// batch_normalization, MaxPooling2D -> max_pooling2d.
std::string snake_case(const std::string& type) {
    const auto is = [&](std::size_t i, int (*test)(int)) {
        return i < type.size() && test(static_cast<unsigned char>(type[i])) != 0;
    };
    std::string name;
    for (std::size_t i = 0; i < type.size(); ++i) {
        if (i > 0 && is(i, std::isupper) && (is(i + 1, std::islower) || is(i - 1, std::islower))) {
            name += '_';
        }
        name += static_cast<char>(std::tolower(static_cast<unsigned char>(type[i])));
    }
    return name;
}

struct PendingInput {
    std::string layer;
    std::size_t output = 0;
    YAML::Node where;
};

class SpecReader {
  public:
    SpecReader(const std::string& source_name, Warnings& warnings, const ImportOptions& import)
        : source_{source_name, std::filesystem::path(source_name).parent_path().string(), true,
                  import.allow_model_paths},
          warnings_(warnings) {
        source_.named_files = &spec_.options.model_files;
        source_.font_places = &spec_.options.font_places;
        source_.option_places = &spec_.options.option_places;
        source_.picture_places = &spec_.options.picture_places;
    }
    SpecReader(const SpecReader&) = delete;  // source_ points into spec_
    SpecReader& operator=(const SpecReader&) = delete;

    ModelSpec read(std::string_view text) {
        if (text.size() > limits::kMaxSpecBytes) {
            throw Error(source_.name, "the spec is larger than " +
                                          std::to_string(limits::kMaxSpecBytes >> 20) + " MiB");
        }
        const YAML::Node root = parse_yaml_document(text, source_.name, YamlDocument::spec);
        if (!root.IsMap()) {
            throw yaml_error(source_, root,
                             "expected a strata model spec: a mapping that starts "
                             "with 'strata: 1'");
        }
        check_version(root);
        std::optional<YAML::Node> layers;
        for (const auto& entry : root) {
            const std::string key = yaml_scalar(source_, entry.first, "key");
            if (key == "strata") continue;
            if (key == "model") {
                spec_.model.name = yaml_scalar(source_, entry.second, "model");
                if (spec_.model.name.size() > limits::kMaxNameLength)
                    throw yaml_error(source_, entry.second, name_too_long("model"));
            } else if (key == "options") {
                apply_options_node(spec_.options, entry.second, source_, &warnings_);
            } else if (key == "layers") {
                layers.emplace(entry.second);
            } else {
                throw yaml_error(source_, entry.first,
                                 "unknown key " + quoted_text(key) +
                                     " (a spec has strata, model, options and layers)");
            }
        }
        if (!layers) throw yaml_error(source_, root, "the spec has no 'layers' list");
        if (!layers->IsSequence() && !layers->IsNull()) {
            throw yaml_error(source_, *layers, "layers: expected a list of layers");
        }
        if (layers->IsSequence()) {
            for (const YAML::Node& layer : *layers) read_layer(layer);
        }
        resolve_inputs();
        spec_.model.format = "strata-spec";
        return std::move(spec_);
    }

  private:
    void check_version(const YAML::Node& root) {
        const YAML::Node version = root["strata"];
        if (!version) {
            throw yaml_error(source_, root,
                             "a strata model spec starts with 'strata: 1' (the format version)");
        }
        if (yaml_scalar(source_, version, "strata") != "1") {
            throw yaml_error(source_, version,
                             "this version of strata reads model specs of version 1");
        }
    }

    // The fields of a layer entry, from the long form or the short `Type: {config}` form.
    // Fields the layer does not give stay empty. (Nodes are copied, never assigned: yaml-cpp
    // merges the whole document's node pool on every assignment.)
    using Field = std::optional<YAML::Node>;
    struct Entry {
        Field node, name, type, inputs, shape, shapes, channel_axis, params, config, caption, style,
            implicit, parent;
        std::string type_name;
    };

    Entry fields_of(const YAML::Node& node) {
        Entry entry;
        entry.node.emplace(node);
        if (!node.IsMap()) {
            throw yaml_error(source_, node,
                             "expected a layer: {name: ..., type: ..., config: {...}} or "
                             "{Type: {config}}");
        }
        if (node.size() == 1) {
            const auto only = node.begin();
            const std::string key = yaml_scalar(source_, only->first, "layer type");
            if (!kLayerFields.count(key)) {
                entry.type.emplace(only->first);
                entry.type_name = key;
                entry.config.emplace(only->second);
                return entry;
            }
        }
        for (const auto& field : node) {
            const std::string key = yaml_scalar(source_, field.first, "layer field");
            Field* slot = key == "name"           ? &entry.name
                          : key == "type"         ? &entry.type
                          : key == "inputs"       ? &entry.inputs
                          : key == "shape"        ? &entry.shape
                          : key == "shapes"       ? &entry.shapes
                          : key == "channel_axis" ? &entry.channel_axis
                          : key == "params"       ? &entry.params
                          : key == "config"       ? &entry.config
                          : key == "caption"      ? &entry.caption
                          : key == "style"        ? &entry.style
                          : key == "implicit"     ? &entry.implicit
                          : key == "parent"       ? &entry.parent
                                                  : nullptr;
            if (!slot) {
                throw yaml_error(source_, field.first,
                                 "unknown layer field " + quoted_text(key) +
                                     " (expected name, type, inputs, shape, shapes, "
                                     "channel_axis, params, config, caption, style, implicit "
                                     "or parent)");
            }
            slot->emplace(field.second);
        }
        if (!entry.type) throw yaml_error(source_, node, "the layer has no 'type'");
        entry.type_name = yaml_scalar(source_, *entry.type, "type");
        if (entry.type_name.empty()) throw yaml_error(source_, *entry.type, "type: empty");
        return entry;
    }

    void read_layer(const YAML::Node& node) {
        const Entry entry = fields_of(node);
        if (entry.config && !entry.config->IsMap() && !entry.config->IsNull()) {
            throw yaml_error(source_, *entry.config, "config: expected a mapping of settings");
        }
        const json config = entry.config && entry.config->IsMap()
                                ? yaml_to_json(source_, *entry.config)
                                : json::object();
        Layer layer;
        try {
            layer.attrs = keras::config_to_attrs(config, "config", source_.name);
        } catch (const Error& e) {
            throw yaml_error(source_, *entry.config, e.message());
        }
        layer.type = keras::keras2_class_name(entry.type_name, layer.attrs);
        keras::normalise_keras1_attrs(layer.type, layer.attrs);
        layer.name = layer_name(entry, config);
        if (entry.implicit) layer.implicit = boolean(*entry.implicit, "implicit");
        if (entry.parent) layer.parent = yaml_scalar(source_, *entry.parent, "parent");
        if (entry.params) layer.params = count(*entry.params, "params");
        read_shapes(entry, config, layer);
        if (entry.channel_axis) layer.channel_axis = channel_axis(*entry.channel_axis, layer);

        const bool first = spec_.model.layers.empty();
        std::vector<PendingInput> inputs;
        if (entry.inputs) {
            inputs = read_inputs(*entry.inputs);
        } else if (first && layer.type != "InputLayer" && !layer.shape_known) {
            // A Sequential model whose first layer declares the input shape, as in Keras.
            if (auto shape = shape_in_config(entry, [&] {
                    return keras::first_layer_input_shape(config, layer.type, "config",
                                                          source_.name);
                })) {
                inputs.push_back(PendingInput{add_implicit_input(layer.name, *shape), 0, node});
            }
        } else if (!first && layer.type != "InputLayer") {
            inputs.push_back(PendingInput{spec_.model.layers.back().name, 0, node});
        }
        add_layer(std::move(layer), std::move(inputs), entry);
    }

    std::string layer_name(const Entry& entry, const json& config) {
        std::string name;
        if (entry.name) {
            name = yaml_scalar(source_, *entry.name, "name");
        } else if (auto it = config.find("name"); it != config.end() && it->is_string()) {
            name = it->get<std::string>();
        } else {
            // Keras' rule: the base, else the first free base_N. Names are never freed, so the
            // search for a base resumes where it last stopped: linear in layers overall.
            const std::string base = snake_case(entry.type_name);
            std::size_t& n = next_suffix_[base];
            name = n == 0 ? base : base + "_" + std::to_string(n);
            while (names_.count(name)) name = base + "_" + std::to_string(++n);
        }
        const YAML::Node& where = entry.name ? *entry.name : *entry.node;
        if (name.empty()) throw yaml_error(source_, where, "name: empty");
        if (name.size() > limits::kMaxNameLength) {
            throw yaml_error(source_, where, name_too_long("name"));
        }
        if (names_.count(name)) {
            throw yaml_error(source_, where,
                             "a layer named " + quoted_text(name) + " is already defined");
        }
        return name;
    }

    template <typename Read>
    std::optional<Shape> shape_in_config(const Entry& entry, Read read) {
        try {
            return read();
        } catch (const Error& e) {
            throw yaml_error(source_, entry.config ? *entry.config : *entry.node, e.message());
        }
    }

    void read_shapes(const Entry& entry, const json& config, Layer& layer) {
        if (entry.shape && entry.shapes) {
            throw yaml_error(source_, *entry.shapes, "give either 'shape' or 'shapes', not both");
        }
        if (entry.shape) {
            layer.shapes = {shape(*entry.shape, "shape")};
        } else if (entry.shapes) {
            if (!entry.shapes->IsSequence() || entry.shapes->size() == 0) {
                throw yaml_error(source_, *entry.shapes,
                                 "shapes: expected a list of shapes, one per output");
            }
            for (const YAML::Node& item : *entry.shapes)
                layer.shapes.push_back(shape(item, "shapes"));
        } else if (layer.type == "InputLayer") {
            if (auto declared = shape_in_config(entry, [&] {
                    return keras::input_layer_shape(config, "config", source_.name);
                })) {
                layer.shapes = {*declared};
            }
        }
        layer.shape_known = !layer.shapes.empty();
    }

    Shape shape(const YAML::Node& node, const std::string& what) {
        if (!node.IsSequence()) {
            throw yaml_error(source_, node,
                             what + ": expected a list of dimensions such as [null, 28, 28, 1]");
        }
        try {
            return keras::read_shape(yaml_to_json(source_, node), what, source_.name);
        } catch (const Error& e) {
            throw yaml_error(source_, node, e.message());
        }
    }

    std::vector<PendingInput> read_inputs(const YAML::Node& node) {
        std::vector<PendingInput> inputs;
        if (node.IsNull()) return inputs;
        if (node.IsScalar()) {
            inputs.push_back(PendingInput{node.Scalar(), 0, node});
            return inputs;
        }
        if (!node.IsSequence()) {
            throw yaml_error(source_, node, "inputs: expected a list of layer names");
        }
        for (const YAML::Node& item : node) {
            if (item.IsMap()) {
                const YAML::Node layer = item["layer"];
                if (!layer) {
                    throw yaml_error(source_, item, "inputs: expected {layer: NAME, output: N}");
                }
                std::size_t output = 0;
                if (const YAML::Node index = item["output"]) {
                    output = static_cast<std::size_t>(count(index, "output"));
                    if (output > static_cast<std::size_t>(limits::kMaxTensorIndex)) {
                        throw yaml_error(source_, index, "output: too large");
                    }
                }
                inputs.push_back(PendingInput{yaml_scalar(source_, layer, "layer"), output, item});
            } else {
                inputs.push_back(PendingInput{yaml_scalar(source_, item, "input"), 0, item});
            }
        }
        return inputs;
    }

    bool boolean(const YAML::Node& node, const std::string& what) {
        const json value = node.IsScalar() ? scalar_to_json(source_, node) : json();
        if (!value.is_boolean()) throw yaml_error(source_, node, what + ": expected true or false");
        return value.get<bool>();
    }

    std::int64_t count(const YAML::Node& node, const std::string& what) {
        const json value = node.IsScalar() ? scalar_to_json(source_, node) : json();
        if (!value.is_number_integer() || value.get<std::int64_t>() < 0) {
            throw yaml_error(
                source_, node,
                what + ": expected a whole number, 0 or more, found " +
                    (node.IsScalar() ? quoted_text(node.Scalar())
                                     : std::string(node.IsMap() ? "a mapping" : "a sequence")));
        }
        return value.get<std::int64_t>();
    }

    // The axis of the layer's shape that holds its channels: neither the batch nor beyond it.
    std::size_t channel_axis(const YAML::Node& node, const Layer& layer) {
        const std::int64_t axis = count(node, "channel_axis");
        const std::size_t rank = layer.shape_known ? layer.shapes.front().size() : 0;
        if (axis < 1 || static_cast<std::size_t>(axis) >= rank) {
            throw yaml_error(source_, node,
                             rank < 2 ? std::string("channel_axis: the layer gives no shape "
                                                    "with channels")
                                      : "channel_axis: expected an axis of the shape, 1 to " +
                                            std::to_string(rank - 1));
        }
        return static_cast<std::size_t>(axis);
    }

    std::string add_implicit_input(const std::string& first_name, const Shape& shape) {
        Layer input;
        input.name = first_name + "_input";
        for (std::size_t n = 1; names_.count(input.name); ++n) {
            input.name = first_name + "_input_" + std::to_string(n);
        }
        input.type = "InputLayer";
        input.shapes = {shape};
        input.shape_known = true;
        input.implicit = true;
        input.attrs["batch_input_shape"] = shape;
        const std::string name = input.name;
        add_layer(std::move(input), {}, Entry{});
        return name;
    }

    void add_layer(Layer layer, std::vector<PendingInput> inputs, const Entry& entry) {
        if (spec_.model.layers.size() >= limits::kMaxLayers) {
            throw yaml_error(source_, *entry.node,
                             "more than " + std::to_string(limits::kMaxLayers) + " layers");
        }
        if (!name_bytes_.take(layer.name)) {
            if (!entry.node) throw Error(source_.name, layer_names_too_long());
            throw yaml_error(source_, *entry.node, layer_names_too_long());
        }
        names_[layer.name] = spec_.model.layers.size();
        if (entry.node) {
            if (const YAML::Mark mark = entry.node->Mark(); !mark.is_null() && mark.line >= 0) {
                layer.line = static_cast<std::size_t>(mark.line) + 1;
                layer.column = static_cast<std::size_t>(mark.column) + 1;
            }
        }
        if (entry.caption) {
            std::string caption = yaml_scalar(source_, *entry.caption, "caption");
            if (auto problem = caption_template_problem(caption))
                throw yaml_error(source_, *entry.caption, "caption: " + *problem);
            record_option_place(source_, *entry.caption, "captions." + layer.name, "caption");
            spec_.options.captions[layer.name] = std::move(caption);
        }
        if (entry.style) {
            spec_.options.styles[layer.name] =
                structured_options::one_style(source_, *entry.style, "style");
        }
        if (layer.type == "InputLayer") spec_.model.inputs.push_back(spec_.model.layers.size());
        spec_.model.layers.push_back(std::move(layer));
        pending_.push_back(std::move(inputs));
        places_.push_back(entry.node ? *entry.node : YAML::Node());
    }

    void resolve_inputs() {
        Model& model = spec_.model;
        std::vector<bool> consumed(model.layers.size(), false);
        for (std::size_t i = 0; i < model.layers.size(); ++i) {
            for (const PendingInput& input : pending_[i]) {
                const auto found = names_.find(input.layer);
                if (found == names_.end()) {
                    throw yaml_error(source_, input.where,
                                     "no layer named " + quoted_text(input.layer));
                }
                model.layers[i].inputs.push_back(TensorRef{found->second, input.output});
                consumed[found->second] = true;
            }
        }
        check_acyclic();
        for (std::size_t i = 0; i < model.layers.size(); ++i) {
            if (!consumed[i] && !model.layers[i].implicit) model.outputs.push_back({i, 0});
        }
    }

    // Kahn's algorithm; a layer left over depends on its own output.
    void check_acyclic() {
        const Model& model = spec_.model;
        const std::size_t count = model.layers.size();
        std::vector<std::size_t> waiting(count, 0);
        std::vector<std::vector<std::size_t>> consumers(count);
        for (std::size_t i = 0; i < count; ++i) {
            for (const TensorRef& ref : model.layers[i].inputs) {
                ++waiting[i];
                consumers[ref.layer].push_back(i);
            }
        }
        std::vector<std::size_t> ready;
        for (std::size_t i = 0; i < count; ++i) {
            if (waiting[i] == 0) ready.push_back(i);
        }
        std::size_t done = 0;
        while (!ready.empty()) {
            const std::size_t next = ready.back();
            ready.pop_back();
            ++done;
            for (std::size_t consumer : consumers[next]) {
                if (--waiting[consumer] == 0) ready.push_back(consumer);
            }
        }
        if (done == count) return;
        for (std::size_t i = 0; i < count; ++i) {
            if (waiting[i] > 0) {
                throw yaml_error(source_, places_[i],
                                 "layer " + quoted_text(model.layers[i].name) +
                                     " depends on its own output (the inputs form a cycle)");
            }
        }
    }

    YamlSource source_;
    Warnings& warnings_;
    ModelSpec spec_;
    std::map<std::string, std::size_t> names_;
    NameBudget name_bytes_;
    std::unordered_map<std::string, std::size_t> next_suffix_;  // per base name, see layer_name
    std::vector<std::vector<PendingInput>> pending_;
    std::vector<YAML::Node> places_;
};

}  // namespace

ModelSpec read_model_spec(std::string_view text, const std::string& source_name, Warnings& warnings,
                          const ImportOptions& import) {
    return SpecReader(source_name, warnings, import).read(text);
}

}  // namespace strata
