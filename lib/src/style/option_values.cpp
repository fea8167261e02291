#include "style/option_values.hpp"

#include <array>
#include <charconv>
#include <cmath>

#include "strata/error.hpp"
#include "strata/limits.hpp"
#include "strata/printable.hpp"

namespace strata::option_values {
namespace {

std::string_view trim(std::string_view s) {
    while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
    while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
    return s;
}

// Splits at `separator` outside parentheses, so "rgb(1,2,3)" stays one item.
std::vector<std::string_view> split(std::string_view text, char separator) {
    std::vector<std::string_view> parts;
    if (trim(text).empty()) return parts;
    std::size_t start = 0;
    int depth = 0;
    for (std::size_t i = 0; i < text.size(); ++i) {
        if (text[i] == '(') ++depth;
        if (text[i] == ')' && depth > 0) --depth;
        if (text[i] == separator && depth == 0) {
            parts.push_back(trim(text.substr(start, i - start)));
            start = i + 1;
        }
    }
    parts.push_back(trim(text.substr(start)));
    return parts;
}

// A bound as people write it: 0, 0.5, 1000000 (not 1000000.000000).
std::string bound_text(double value) {
    char buffer[400];
    const auto [end, error] =
        std::to_chars(buffer, buffer + sizeof buffer, value, std::chars_format::fixed);
    return error == std::errc{} ? std::string(buffer, end) : std::to_string(value);
}

std::string range_text(double lo, double hi) {
    return "expected a number from " + bound_text(lo) + " to " + bound_text(hi);
}

std::string index_range_text() {
    // No model has more layers than the importers accept: a larger index names none.
    return "expected a layer index from 0 to " + std::to_string(limits::kMaxLayers - 1);
}

}  // namespace

std::string number_text(double value) {
    std::array<char, 64> buffer{};
    auto [end, ec] = std::to_chars(buffer.data(), buffer.data() + buffer.size(), value);
    return ec == std::errc() ? std::string(buffer.data(), end) : "?";
}

void check_number(double value, const std::string& where, double lo, double hi) {
    if (!std::isfinite(value))
        throw Error(where, "expected a number, got " + quoted_text(number_text(value)));
    if (value < lo || value > hi)
        throw Error(where, range_text(lo, hi) + ", got " + quoted_text(number_text(value)));
}

void check_index(std::size_t value, const std::string& where) {
    if (value >= limits::kMaxLayers)
        throw Error(where, index_range_text() + ", got " + quoted_text(std::to_string(value)));
}

double number(std::string_view text, const std::string& where, double lo, double hi) {
    std::string_view t = trim(text);
    double value = 0;
    auto [end, ec] = std::from_chars(t.data(), t.data() + t.size(), value);
    if (t.empty() || ec != std::errc() || end != t.data() + t.size() || !std::isfinite(value)) {
        throw Error(where, "expected a number, got " + quoted_text(text));
    }
    if (value < lo || value > hi) {
        throw Error(where, range_text(lo, hi) + ", got " + quoted_text(text));
    }
    return value;
}

std::size_t index(std::string_view text, const std::string& where) {
    std::string_view t = trim(text);
    std::size_t value = 0;
    auto [end, ec] = std::from_chars(t.data(), t.data() + t.size(), value);
    if (t.empty() || ec != std::errc() || end != t.data() + t.size() ||
        value >= limits::kMaxLayers) {
        throw Error(where, index_range_text() + ", got " + quoted_text(text));
    }
    return value;
}

bool boolean(std::string_view text, const std::string& where) {
    std::string_view t = trim(text);
    if (t == "true" || t == "True" || t == "yes" || t == "on" || t == "1") return true;
    if (t == "false" || t == "False" || t == "no" || t == "off" || t == "0") return false;
    throw Error(where, "expected true or false, got " + quoted_text(text));
}

Rgba color(std::string_view text, const std::string& where) {
    if (auto parsed = parse_color(trim(text))) return *parsed;
    throw Error(where,
                "expected a colour (a CSS name, #rrggbb, #rrggbbaa, rgb(), hsl() ...), got " +
                    quoted_text(text));
}

std::vector<std::string> name_list(std::string_view text) {
    std::vector<std::string> names;
    for (std::string_view part : split(text, ',')) {
        if (!part.empty()) names.emplace_back(part);
    }
    return names;
}

std::vector<std::size_t> index_list(std::string_view text, const std::string& where) {
    std::vector<std::size_t> indices;
    for (std::string_view part : split(text, ',')) indices.push_back(index(part, where));
    return indices;
}

DimensionCaps dimension_caps(std::string_view text, const std::string& where) {
    DimensionCaps caps;
    for (std::string_view part : split(text, ',')) {
        std::size_t eq = part.find('=');
        if (eq == std::string_view::npos) {
            throw Error(where, "expected key=value pairs such as channels=140,sequence=220, got " +
                                   quoted_text(part));
        }
        std::string_view key = trim(part.substr(0, eq));
        double value = number(part.substr(eq + 1), where, 0, limits::kMaxOptionSize);
        if (key == "channels")
            caps.channels = value;
        else if (key == "sequence")
            caps.sequence = value;
        else if (key == "general")
            caps.general = value;
        else
            throw Error(where, "unknown dimension cap " + quoted_text(key) +
                                   " (expected channels, sequence or general)");
    }
    return caps;
}

std::map<std::string, LayerColors> color_map(std::string_view text, const std::string& where) {
    std::map<std::string, LayerColors> map;
    for (std::string_view part : split(text, ',')) {
        std::size_t eq = part.find('=');
        if (eq == std::string_view::npos || trim(part.substr(0, eq)).empty()) {
            throw Error(
                where,
                "expected Class=fill[/outline] entries such as Conv2D=#ffb347/#8c4500, got " +
                    quoted_text(part));
        }
        std::string_view colors = part.substr(eq + 1);
        std::size_t slash = colors.find('/');
        LayerColors entry;
        std::string_view fill = trim(colors.substr(0, slash));
        if (!fill.empty()) entry.fill = color(fill, where);
        if (slash != std::string_view::npos) entry.outline = color(colors.substr(slash + 1), where);
        map[std::string(trim(part.substr(0, eq)))] = entry;
    }
    return map;
}

}  // namespace strata::option_values
