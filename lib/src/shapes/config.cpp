#include "shapes/config.hpp"

#include <cmath>

#include "shapes/rule.hpp"
#include "strata/limits.hpp"
#include "strata/printable.hpp"

namespace strata::shapes {
namespace {

constexpr std::string_view kWrappedPrefix = "layer.";

bool nested_too_deep(const Layer& wrapper) {
    std::string prefix;
    for (std::size_t level = 0; level <= limits::kMaxWrapperDepth; ++level)
        prefix += kWrappedPrefix;
    for (const auto& entry : wrapper.attrs) {
        if (entry.first.starts_with(prefix)) return true;
    }
    return false;
}

[[noreturn]] void fail_type(const std::string& key, const char* expected) {
    fail("configuration " + quoted_text(key) + " is not " + expected);
}

// Integers sometimes arrive as whole doubles (3.0) from hand-written files.
std::optional<std::int64_t> whole_number(double value) {
    if (!std::isfinite(value) || std::trunc(value) != value) return std::nullopt;
    if (std::fabs(value) > 9.0e15) return std::nullopt;
    return static_cast<std::int64_t>(value);
}

}  // namespace

std::optional<std::int64_t> optional_int_attr(const Layer& layer, const std::string& key) {
    auto it = layer.attrs.find(key);
    if (it == layer.attrs.end()) return std::nullopt;
    if (const auto* value = std::get_if<std::int64_t>(&it->second)) return *value;
    if (const auto* value = std::get_if<double>(&it->second)) {
        if (auto whole = whole_number(*value)) return whole;
    }
    if (const auto* list = std::get_if<std::vector<std::int64_t>>(&it->second)) {
        if (list->size() == 1) return list->front();
    }
    fail_type(key, "an integer");
}

std::int64_t int_attr(const Layer& layer, const std::string& key, std::int64_t fallback) {
    return optional_int_attr(layer, key).value_or(fallback);
}

std::int64_t positive_int_attr(const Layer& layer, const std::string& key) {
    auto value = optional_int_attr(layer, key);
    if (!value) fail("configuration " + quoted_text(key) + " is not given");
    if (*value <= 0) {
        fail("configuration " + quoted_text(key) + " must be positive, got " +
             std::to_string(*value));
    }
    if (*value > limits::kMaxDimension) fail("configuration " + quoted_text(key) + " exceeds 2^40");
    return *value;
}

std::int64_t keras_count_attr(const Layer& layer, const std::string& key) {
    const std::optional<std::int64_t> value = optional_int_attr(layer, key);
    if (value && *value < 1) fail_below(key, *value, 1);
    return positive_int_attr(layer, key);
}

bool bool_attr(const Layer& layer, const std::string& key, bool fallback) {
    auto it = layer.attrs.find(key);
    if (it == layer.attrs.end()) return fallback;
    if (const auto* value = std::get_if<bool>(&it->second)) return *value;
    // Some writers store a flag as 0 or 1; any other number is no flag Keras would write.
    if (const auto* value = std::get_if<std::int64_t>(&it->second)) {
        if (*value == 0 || *value == 1) return *value == 1;
        throw ImpossibleConfiguration(quoted_text(key) + " holds " + std::to_string(*value) +
                                      ", expected true or false");
    }
    fail_type(key, "a boolean");
}

std::string string_attr(const Layer& layer, const std::string& key, const std::string& fallback) {
    auto it = layer.attrs.find(key);
    if (it == layer.attrs.end()) return fallback;
    if (const auto* value = std::get_if<std::string>(&it->second)) return *value;
    fail_type(key, "a string");
}

std::optional<std::vector<std::int64_t>> int_list_attr(const Layer& layer, const std::string& key) {
    auto it = layer.attrs.find(key);
    if (it == layer.attrs.end()) return std::nullopt;
    if (const auto* list = std::get_if<std::vector<std::int64_t>>(&it->second)) return *list;
    if (const auto* value = std::get_if<std::int64_t>(&it->second)) {
        return std::vector<std::int64_t>{*value};
    }
    if (const auto* list = std::get_if<std::vector<double>>(&it->second)) {
        std::vector<std::int64_t> whole;
        for (double value : *list) {
            auto number = whole_number(value);
            if (!number) fail_type(key, "a list of integers");
            whole.push_back(*number);
        }
        return whole;
    }
    if (const auto* value = std::get_if<double>(&it->second)) {
        if (auto number = whole_number(*value)) return std::vector<std::int64_t>{*number};
    }
    fail_type(key, "a list of integers");
}

std::vector<std::int64_t> spatial_attr_or(const Layer& layer, const std::string& key,
                                          std::size_t rank,
                                          const std::vector<std::int64_t>& fallback) {
    auto values = int_list_attr(layer, key);
    // A list of nulls (strides: [null]) means "not given".
    bool all_null = values && !values->empty();
    if (values) {
        for (std::int64_t value : *values) all_null = all_null && value == -1;
    }
    if (!values || all_null) values = fallback;
    if (values->size() == 1 && rank > 1) values->assign(rank, values->front());
    if (values->size() != rank) {
        fail("configuration " + quoted_text(key) + " has " + std::to_string(values->size()) +
             " values for " + std::to_string(rank) + " spatial axes");
    }
    // A window, step or dilation of 0 or less (other than the null -1) describes no layer.
    for (std::int64_t value : *values)
        if (value <= 0) fail_below(key, value, 1);
    return *values;
}

std::vector<std::int64_t> spatial_attr(const Layer& layer, const std::string& key, std::size_t rank,
                                       std::int64_t fallback) {
    return spatial_attr_or(layer, key, rank, std::vector<std::int64_t>(rank, fallback));
}

Padding padding_attr(const Layer& layer) {
    const std::string padding = string_attr(layer, "padding", "valid");
    if (padding == "valid") return Padding::valid;
    if (padding == "same") return Padding::same;
    if (padding == "causal") return Padding::causal;
    if (padding == "full") return Padding::full;
    fail("unknown padding " + quoted_text(padding));
}

bool is_channels_first(const Layer& layer) {
    const std::string format = string_attr(layer, "data_format", "channels_last");
    if (format == "channels_first") return true;
    if (format == "channels_last") return false;
    fail("unknown data_format " + quoted_text(format));
}

Layer wrapped_layer(const Layer& wrapper) {
    if (nested_too_deep(wrapper)) fail("wrappers are nested too deeply");
    Layer inner;
    inner.name = wrapper.name;
    for (const auto& [key, value] : wrapper.attrs) {
        if (key.size() > kWrappedPrefix.size() && key.starts_with(kWrappedPrefix)) {
            inner.attrs.emplace(key.substr(kWrappedPrefix.size()), value);
        }
    }
    auto type = inner.attrs.find("class_name");
    if (type == inner.attrs.end() || !std::holds_alternative<std::string>(type->second)) {
        fail("the wrapped layer's class is not given");
    }
    inner.type = std::get<std::string>(type->second);
    inner.attrs.erase(type);
    return inner;
}

}  // namespace strata::shapes
