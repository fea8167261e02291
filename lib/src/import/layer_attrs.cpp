#include "import/layer_attrs.hpp"

#include <optional>

#include "import/dimensions.hpp"
#include "strata/limits.hpp"
#include "strata/printable.hpp"

namespace strata::keras {
namespace {

using json = nlohmann::ordered_json;

// The leaves of a list, nested lists flattened; false when it holds an object or exceeds
// the length limit.
bool collect_leaves(const json& list, std::vector<const json*>& leaves) {
    for (const json& item : list) {
        if (item.is_array()) {
            if (!collect_leaves(item, leaves)) return false;
        } else if (item.is_object()) {
            return false;
        } else {
            leaves.push_back(&item);
            if (leaves.size() > limits::kMaxAttrListLength) return false;
        }
    }
    return true;
}

// `place` makes the value's place for a message: only called when there is one, since
// building a place for every key of every layer was most of a large model's import.
template <class Place>
std::optional<AttrValue> list_value(const json& list, bool dimensions, const Place& place,
                                    const std::string& file) {
    std::vector<const json*> leaves;
    if (!collect_leaves(list, leaves)) return std::nullopt;
    bool all_integers = true, all_numbers = true, all_strings = true;
    for (const json* leaf : leaves) {
        const bool is_null = leaf->is_null();
        all_integers = all_integers && (leaf->is_number_integer() || is_null);
        all_numbers = all_numbers && (leaf->is_number() || is_null);
        all_strings = all_strings && leaf->is_string();
    }
    if (dimensions && all_numbers) {
        // Validated even when fractional: 3.7 where a size is expected is an error.
        std::vector<std::int64_t> values;
        values.reserve(leaves.size());
        for (std::size_t i = 0; i < leaves.size(); ++i) {
            const auto dimension = valid_dimension(*leaves[i]);
            values.push_back(
                dimension
                    ? *dimension
                    : read_dimension(*leaves[i], place() + "[" + std::to_string(i) + "]", file));
        }
        return values;
    }
    if (all_integers) {
        std::vector<std::int64_t> values;
        for (const json* leaf : leaves) {
            if (leaf->is_null()) {
                values.push_back(kUnknownDim);
            } else if (leaf->is_number_unsigned() &&
                       leaf->get<std::uint64_t>() > static_cast<std::uint64_t>(INT64_MAX)) {
                return std::nullopt;
            } else {
                values.push_back(leaf->get<std::int64_t>());
            }
        }
        return values;
    }
    if (all_numbers) {
        std::vector<double> values;
        for (const json* leaf : leaves) {
            values.push_back(leaf->is_null() ? static_cast<double>(kUnknownDim)
                                             : leaf->get<double>());
        }
        return values;
    }
    if (all_strings) {
        std::vector<std::string> values;
        for (const json* leaf : leaves) {
            const auto& text = leaf->get_ref<const std::string&>();
            if (text.size() > limits::kMaxAttrStringLength) return std::nullopt;
            values.push_back(text);
        }
        return values;
    }
    return std::nullopt;
}

// A dtype policy of Keras 3 or of mixed precision: {"class_name": "DTypePolicy",
// "config": {"name": "float32"}}.
std::optional<std::string> policy_name(const json& value) {
    const auto class_name = value.find("class_name");
    const auto config = value.find("config");
    if (class_name == value.end() || !class_name->is_string() || config == value.end() ||
        !config->is_object()) {
        return std::nullopt;
    }
    const auto& name_of_class = class_name->get_ref<const std::string&>();
    if (name_of_class.find("Policy") == std::string::npos) return std::nullopt;
    const auto name = config->find("name");
    if (name == config->end() || !name->is_string()) return std::nullopt;
    return name->get<std::string>();
}

template <class Place>
std::optional<AttrValue> scalar_value(const std::string& key, const json& value, const Place& place,
                                      const std::string& file) {
    if (is_dimension_key(key) && value.is_number()) {
        if (auto dimension = valid_dimension(value)) return *dimension;
        return read_dimension(value, place(), file);
    }
    if (value.is_boolean()) return value.get<bool>();
    if (value.is_number_unsigned()) {
        const auto number = value.get<std::uint64_t>();
        if (number > static_cast<std::uint64_t>(INT64_MAX)) return static_cast<double>(number);
        return static_cast<std::int64_t>(number);
    }
    if (value.is_number_integer()) return value.get<std::int64_t>();
    if (value.is_number_float()) return value.get<double>();
    if (value.is_string()) {
        const auto& text = value.get_ref<const std::string&>();
        if (text.size() > limits::kMaxAttrStringLength) return std::nullopt;
        return text;
    }
    // Bidirectional's merge_mode null means "return both directions", unlike a missing key
    // (which means concat): keep it as the Python spelling.
    if (value.is_null() && key == "merge_mode") return std::string("None");
    return std::nullopt;
}

void add_attrs(const json& config, const std::string& prefix, const std::string& place,
               const std::string& file, int wrapper_depth, Attrs& attrs) {
    for (const auto& member : config.items()) {
        const std::string& key = member.key();  // named, not bound: lambdas capture it
        const json& value = member.value();
        const auto value_place = [&] { return place + "." + printable_text(key); };
        if (is_positive_key(key) && !is_positive_or_null(value))
            check_positive(value, value_place(), file);
        if (value.is_array()) {
            if (auto converted = list_value(value, is_dimension_key(key), value_place, file)) {
                attrs.insert_or_assign(prefix + key, std::move(*converted));
            }
        } else if (value.is_object()) {
            if (auto name = policy_name(value)) {
                attrs.insert_or_assign(prefix + key, std::move(*name));
            } else if (key == "layer" && wrapper_depth < 4) {
                // The layer wrapped by Bidirectional / TimeDistributed.
                const auto class_name = value.find("class_name");
                if (class_name != value.end() && class_name->is_string()) {
                    attrs.insert_or_assign(prefix + "layer.class_name",
                                           class_name->get<std::string>());
                }
                const auto inner = value.find("config");
                if (inner != value.end() && inner->is_object()) {
                    add_attrs(*inner, prefix + "layer.", value_place() + ".config", file,
                              wrapper_depth + 1, attrs);
                }
            }
        } else if (auto converted = scalar_value(key, value, value_place, file)) {
            attrs.insert_or_assign(prefix + key, std::move(*converted));
        }
    }
}

}  // namespace

Attrs config_to_attrs(const nlohmann::ordered_json& config, const std::string& place,
                      const std::string& file) {
    Attrs attrs;
    if (config.is_object()) add_attrs(config, "", place, file, 0, attrs);
    return attrs;
}

}  // namespace strata::keras
