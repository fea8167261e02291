#include "import/inbound_nodes.hpp"

#include <optional>

#include "strata/error.hpp"
#include "strata/limits.hpp"
#include "strata/printable.hpp"

namespace strata::keras {
namespace {

using json = nlohmann::ordered_json;

constexpr const char* kExpectedReferences = "expected a list of [name, node, tensor] references";

std::string index_place(const std::string& place, std::size_t index) {
    return place + "[" + std::to_string(index) + "]";
}

bool is_index(const json& value, std::int64_t max) {
    if (value.is_number_unsigned())
        return value.get<std::uint64_t>() <= static_cast<std::uint64_t>(max);
    if (value.is_number_integer()) {
        const auto number = value.get<std::int64_t>();
        return number >= 0 && number <= max;
    }
    return false;
}

// ["name", node, tensor] or ["name", node, tensor, {kwargs}]; nullopt when `value` has
// another form.
std::optional<TensorName> list_reference(const json& value, const std::string& place) {
    if (!value.is_array() || value.size() < 3 || value.size() > 4) return std::nullopt;
    if (!value[0].is_string() || !is_index(value[1], limits::kMaxTensorIndex) ||
        !is_index(value[2], limits::kMaxTensorIndex)) {
        return std::nullopt;
    }
    if (value.size() == 4 && !value[3].is_object() && !value[3].is_null()) return std::nullopt;
    return TensorName{value[0].get<std::string>(), value[2].get<std::size_t>(), place};
}

// {"class_name": "__keras_tensor__", "config": {"keras_history": ["name", node, tensor]}}.
bool is_keras_tensor(const json& value) {
    if (!value.is_object()) return false;
    const auto class_name = value.find("class_name");
    return class_name != value.end() && class_name->is_string() &&
           class_name->get_ref<const std::string&>() == "__keras_tensor__";
}

TensorName keras_tensor_reference(const json& value, const std::string& place,
                                  const std::string& file) {
    const auto config = value.find("config");
    if (config != value.end() && config->is_object()) {
        const auto history = config->find("keras_history");
        if (history != config->end()) {
            if (auto reference = list_reference(*history, place)) return *reference;
        }
    }
    throw Error(file,
                place + ": expected a __keras_tensor__ with keras_history [name, node, tensor]");
}

// Collects the tensors in a Keras 3 call argument; constants and other values are skipped.
void collect_argument_tensors(const json& value, const std::string& place, const std::string& file,
                              int nesting, InboundNode& node) {
    if (is_keras_tensor(value)) {
        node.push_back(keras_tensor_reference(value, place, file));
    } else if (value.is_array() && nesting < limits::kMaxArgumentNesting) {
        for (std::size_t i = 0; i < value.size(); ++i) {
            collect_argument_tensors(value[i], index_place(place, i), file, nesting + 1, node);
        }
    }
}

// Tensors passed by keyword in the old encoding, e.g. {"value": ["reshape_3", 0, 0]}.
void collect_keyword_references(const json& kwargs, const std::string& place, InboundNode& node) {
    if (!kwargs.is_object()) return;
    for (const auto& [key, value] : kwargs.items()) {
        if (auto reference = list_reference(value, place + "." + printable_text(key)))
            node.push_back(*reference);
    }
}

InboundNode read_call_node(const json& node, const std::string& place, const std::string& file) {
    InboundNode tensors;
    const auto args = node.find("args");
    if (args != node.end()) collect_argument_tensors(*args, place + ".args", file, 0, tensors);
    const auto kwargs = node.find("kwargs");
    if (kwargs != node.end() && kwargs->is_object()) {
        for (const auto& [key, value] : kwargs->items()) {
            collect_argument_tensors(value, place + ".kwargs." + key, file, 0, tensors);
        }
    }
    return tensors;
}

InboundNode read_reference_list_node(const json& node, const std::string& place,
                                     const std::string& file) {
    InboundNode tensors;
    InboundNode keyword_tensors;
    for (std::size_t i = 0; i < node.size(); ++i) {
        const std::string item_place = index_place(place, i);
        if (is_keras_tensor(node[i])) {
            tensors.push_back(keras_tensor_reference(node[i], item_place, file));
        } else if (auto reference = list_reference(node[i], item_place)) {
            tensors.push_back(*reference);
            if (node[i].size() == 4)
                collect_keyword_references(node[i][3], item_place, keyword_tensors);
        } else {
            throw Error(file, item_place + ": " + kExpectedReferences);
        }
    }
    tensors.insert(tensors.end(), keyword_tensors.begin(), keyword_tensors.end());
    return tensors;
}

}  // namespace

std::vector<InboundNode> read_inbound_nodes(const json& nodes, const std::string& place,
                                            const std::string& file) {
    if (nodes.is_null()) return {};
    if (!nodes.is_array()) throw Error(file, place + ": expected a list of nodes");
    std::vector<InboundNode> result;
    for (std::size_t i = 0; i < nodes.size(); ++i) {
        const std::string node_place = index_place(place, i);
        if (nodes[i].is_object()) {
            result.push_back(read_call_node(nodes[i], node_place, file));
        } else if (nodes[i].is_array()) {
            result.push_back(read_reference_list_node(nodes[i], node_place, file));
        } else {
            throw Error(file, node_place + ": " + kExpectedReferences);
        }
    }
    return result;
}

std::vector<TensorName> read_tensor_list(const json& list, const std::string& place,
                                         const std::string& file) {
    if (auto single = list_reference(list, place)) return {*single};
    std::vector<TensorName> result;
    if (list.is_object()) {
        // Named inputs or outputs of Keras 3: {"pitch": ["pitch", 0, 0], ...}, in file order.
        for (const auto& [key, value] : list.items()) {
            // A key from the file, in every message about its value.
            const std::string key_place = place + "." + printable_text(key);
            auto reference = list_reference(value, key_place);
            if (!reference) throw Error(file, key_place + ": " + kExpectedReferences);
            result.push_back(std::move(*reference));
        }
        return result;
    }
    if (!list.is_array()) throw Error(file, place + ": " + kExpectedReferences);
    for (std::size_t i = 0; i < list.size(); ++i) {
        const std::string item_place = index_place(place, i);
        auto reference = list_reference(list[i], item_place);
        if (!reference) throw Error(file, item_place + ": " + kExpectedReferences);
        result.push_back(std::move(*reference));
    }
    return result;
}

}  // namespace strata::keras
