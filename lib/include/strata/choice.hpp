#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

// The names of the values of an option that is one of a fixed set (an enum class). Each such
// enum E has one table, `choice_names(E{})` (found by argument-dependent lookup), that the
// command line, option files, YAML output, the help and error messages all read.
namespace strata {

template <typename E>
struct ChoiceName {
    E value;
    std::string_view name;
};

// The name of `value`; empty for a value outside the enum (an integer cast to it).
template <typename E>
std::string_view name_of(E value) {
    for (const ChoiceName<E>& c : choice_names(E{})) {
        if (c.value == value) return c.name;
    }
    return {};
}

// The value named `name`, if any.
template <typename E>
std::optional<E> choice_named(std::string_view name) {
    for (const ChoiceName<E>& c : choice_names(E{})) {
        if (c.name == name) return c.value;
    }
    return std::nullopt;
}

// Every name, in the table's order.
template <typename E>
std::vector<std::string> choice_list() {
    std::vector<std::string> names;
    for (const ChoiceName<E>& c : choice_names(E{})) names.emplace_back(c.name);
    return names;
}

// "a, b, c": the names as a message lists them.
template <typename E>
std::string choices_text() {
    std::string text;
    for (const ChoiceName<E>& c : choice_names(E{})) {
        if (!text.empty()) text += ", ";
        text += c.name;
    }
    return text;
}

}  // namespace strata
