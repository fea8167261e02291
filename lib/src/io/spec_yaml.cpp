#include <yaml-cpp/yaml.h>

#include <array>
#include <charconv>
#include <cmath>

#include "strata/spec.hpp"
#include "style/option_entries.hpp"
#include "style/option_yaml_writer.hpp"

namespace strata {
namespace {

void write_double(YAML::Emitter& out, double value) {
    if (std::isnan(value)) {
        out << ".nan";
        return;
    }
    if (std::isinf(value)) {
        out << (value > 0 ? ".inf" : "-.inf");
        return;
    }
    std::array<char, 64> buffer{};
    const auto [end, ec] = std::to_chars(buffer.data(), buffer.data() + buffer.size(), value);
    std::string text(buffer.data(), ec == std::errc() ? end : buffer.data());
    // Keep it a number with a fraction, so that it reads back as one.
    if (text.find_first_of(".e") == std::string::npos) text += ".0";
    out << text;
}

void write_dims(YAML::Emitter& out, const Shape& shape) {
    out << YAML::Flow << YAML::BeginSeq;
    for (Dim d : shape) {
        if (d < 0) {
            out << YAML::Null;
        } else {
            out << d;
        }
    }
    out << YAML::EndSeq;
}

// Strings in a configuration are always quoted: "true", "1" or "null" stay text.
void write_attr(YAML::Emitter& out, const AttrValue& value) {
    std::visit(
        [&](const auto& v) {
            using T = std::decay_t<decltype(v)>;
            if constexpr (std::is_same_v<T, bool> || std::is_same_v<T, std::int64_t>) {
                out << v;
            } else if constexpr (std::is_same_v<T, double>) {
                write_double(out, v);
            } else if constexpr (std::is_same_v<T, std::string>) {
                out << YAML::DoubleQuoted << v;
            } else {
                out << YAML::Flow << YAML::BeginSeq;
                for (const auto& item : v) {
                    if constexpr (std::is_same_v<std::decay_t<decltype(item)>, double>) {
                        write_double(out, item);
                    } else if constexpr (std::is_same_v<std::decay_t<decltype(item)>,
                                                        std::string>) {
                        out << YAML::DoubleQuoted << item;
                    } else {
                        out << item;
                    }
                }
                out << YAML::EndSeq;
            }
        },
        value);
}

// What a reader assumes when a layer gives no inputs: the layer before it, except for the
// first layer and for input layers.
bool inputs_are_implied(const Model& model, std::size_t index) {
    const Layer& layer = model.layers[index];
    if (layer.type == "InputLayer") return layer.inputs.empty();
    if (index == 0) return false;  // written as [] so that no input is made up for it
    return layer.inputs.size() == 1 && layer.inputs[0] == TensorRef{index - 1, 0};
}

void write_inputs(YAML::Emitter& out, const Model& model, const Layer& layer) {
    out << YAML::Key << "inputs" << YAML::Value << YAML::Flow << YAML::BeginSeq;
    for (const TensorRef& ref : layer.inputs) {
        const std::string& name = model.layers[ref.layer].name;
        if (ref.output == 0) {
            write_text(out, name);
        } else {
            out << YAML::BeginMap << YAML::Key << "layer" << YAML::Value;
            write_text(out, name);
            out << YAML::Key << "output" << YAML::Value << ref.output << YAML::EndMap;
        }
    }
    out << YAML::EndSeq;
}

void write_layer(YAML::Emitter& out, const Model& model, std::size_t index,
                 const Options& options) {
    const Layer& layer = model.layers[index];
    out << YAML::BeginMap;
    out << YAML::Key << "name" << YAML::Value;
    write_text(out, layer.name);
    out << YAML::Key << "type" << YAML::Value;
    write_text(out, layer.type);
    if (layer.implicit) out << YAML::Key << "implicit" << YAML::Value << true;
    if (!layer.parent.empty()) {
        out << YAML::Key << "parent" << YAML::Value;
        write_text(out, layer.parent);
    }
    if (!inputs_are_implied(model, index)) write_inputs(out, model, layer);
    if (layer.shape_known && layer.shapes.size() == 1) {
        out << YAML::Key << "shape" << YAML::Value;
        write_dims(out, layer.shapes.front());
    } else if (layer.shape_known && !layer.shapes.empty()) {
        out << YAML::Key << "shapes" << YAML::Value << YAML::Flow << YAML::BeginSeq;
        for (const Shape& shape : layer.shapes) write_dims(out, shape);
        out << YAML::EndSeq;
    }
    if (layer.shape_known && layer.channel_axis)
        out << YAML::Key << "channel_axis" << YAML::Value << *layer.channel_axis;
    if (layer.params) out << YAML::Key << "params" << YAML::Value << *layer.params;
    if (auto caption = options.captions.find(layer.name); caption != options.captions.end()) {
        out << YAML::Key << "caption" << YAML::Value << YAML::DoubleQuoted << caption->second;
    }
    if (auto style = options.styles.find(layer.name); style != options.styles.end()) {
        out << YAML::Key << "style" << YAML::Value << YAML::Flow;
        write_value(out, style->second);
    }
    if (!layer.attrs.empty()) {
        out << YAML::Key << "config" << YAML::Value << YAML::Flow << YAML::BeginMap;
        for (const auto& [key, value] : layer.attrs) {
            out << YAML::Key;
            write_text(out, key);
            out << YAML::Value;
            write_attr(out, value);
        }
        out << YAML::EndMap;
    }
    out << YAML::EndMap;
}

// The options that differ from the defaults; captions and styles of single layers are left
// to the layers.
void write_options(YAML::Emitter& out, const Model& model, const Options& options) {
    Options rest = options;
    for (const Layer& layer : model.layers) {
        rest.captions.erase(layer.name);
        rest.styles.erase(layer.name);
    }
    const Options defaults;
    bool any = false;
    for (const OptionEntry& entry : option_entries()) {
        if (entry.info.names_output) continue;  // a spec is a model file: it names no output
        if (option_value_yaml(entry, rest) == option_value_yaml(entry, defaults)) continue;
        if (!any) {
            out << YAML::Key << "options" << YAML::Value << YAML::BeginMap;
            any = true;
        }
        out << YAML::Key << entry.info.key << YAML::Value;
        entry.get(rest, out);
    }
    if (any) out << YAML::EndMap;
}

}  // namespace

std::string to_spec_yaml(const Model& model, const Options& options) {
    YAML::Emitter out;
    out.SetNullFormat(YAML::LowerNull);
    out << YAML::Comment("strata model spec: strata render THIS_FILE -o figure.svg");
    out << YAML::BeginMap;
    out << YAML::Key << "strata" << YAML::Value << 1;
    out << YAML::Key << "model" << YAML::Value;
    write_text(out, model.name);
    write_options(out, model, options);
    out << YAML::Key << "layers" << YAML::Value;
    if (model.layers.empty()) out << YAML::Flow;
    out << YAML::BeginSeq;
    for (std::size_t i = 0; i < model.layers.size(); ++i) write_layer(out, model, i, options);
    out << YAML::EndSeq << YAML::EndMap;
    return escape_yaml_line_separators(std::string(out.c_str()) + "\n");
}

}  // namespace strata
