#include "strata/color.hpp"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <cstdio>
#include <string>
#include <vector>

#include "strata/limits.hpp"
#include "style/color_models.hpp"
#include "style/color_names.hpp"

// Follows Pillow's ImageColor.getrgb: lower-case the text, try the colour names, then the
// hex forms, then the functional forms with exactly Pillow's grammar (no spaces before '(',
// '%' right after its number, integers for rgb()/rgba(), decimals for hsl()/hsv()).
// Pillow returns out-of-range components (rgb(300,0,0)) unchanged and clips them to 0..255
// when it draws; Rgba holds bytes, so they are clipped here.

namespace strata {
namespace {

bool is_space(char c) {
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
}
bool is_digit(char c) {
    return c >= '0' && c <= '9';
}

std::string_view trim(std::string_view text) {
    while (!text.empty() && is_space(text.front())) text.remove_prefix(1);
    while (!text.empty() && is_space(text.back())) text.remove_suffix(1);
    return text;
}

std::string ascii_lower(std::string_view text) {
    std::string out(text);
    for (char& c : out) {
        if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    }
    return out;
}

std::uint8_t clip8(double value) {
    if (!(value > 0)) return 0;  // also NaN
    if (value >= 255) return 255;
    return static_cast<std::uint8_t>(value);
}

// Python's int(x * 255 + 0.5): truncation toward zero, then clipped.
std::uint8_t unit_to_byte(double unit) {
    return clip8(std::trunc(unit * 255 + 0.5));
}

int hex_value(char c) {
    if (is_digit(c)) return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    return -1;
}

std::optional<Rgba> parse_hex(std::string_view digits) {
    const std::size_t n = digits.size();
    if (n != 3 && n != 4 && n != 6 && n != 8) return std::nullopt;
    std::vector<int> values;
    for (char c : digits) {
        const int v = hex_value(c);
        if (v < 0) return std::nullopt;
        values.push_back(v);
    }
    const bool short_form = n <= 4;
    auto component = [&](std::size_t i) {
        return static_cast<std::uint8_t>(short_form ? values[i] * 17
                                                    : values[2 * i] * 16 + values[2 * i + 1]);
    };
    Rgba color{component(0), component(1), component(2), 255};
    if (n == 4 || n == 8) color.a = component(3);
    return color;
}

// One argument of a functional notation: `\d+(\.\d*)?` optionally followed by '%'.
struct Argument {
    std::string_view number;
    bool has_point = false;
    bool percent = false;
};

// Parses "(a, b, c)" up to the end of the text; nullopt on any deviation.
std::optional<std::vector<Argument>> parse_arguments(std::string_view text) {
    if (text.empty() || text.front() != '(') return std::nullopt;
    std::size_t i = 1;
    std::vector<Argument> arguments;
    auto skip_spaces = [&] {
        while (i < text.size() && is_space(text[i])) ++i;
    };
    while (true) {
        skip_spaces();
        const std::size_t start = i;
        while (i < text.size() && is_digit(text[i])) ++i;
        if (i == start) return std::nullopt;
        Argument argument;
        if (i < text.size() && text[i] == '.') {
            argument.has_point = true;
            ++i;
            while (i < text.size() && is_digit(text[i])) ++i;
        }
        argument.number = text.substr(start, i - start);
        if (i < text.size() && text[i] == '%') {
            argument.percent = true;
            ++i;
        }
        arguments.push_back(argument);
        skip_spaces();
        if (i >= text.size()) return std::nullopt;
        if (text[i] == ')') {
            if (i + 1 != text.size()) return std::nullopt;
            return arguments;
        }
        if (text[i] != ',') return std::nullopt;
        ++i;
    }
}

// Saturates: anything above a billion is far out of range already.
double integer_value(std::string_view digits) {
    double value = 0;
    for (char c : digits) value = std::min(value * 10 + (c - '0'), 1e9);
    return value;
}

double decimal_value(std::string_view number) {
    double value = 0;
    std::from_chars(number.data(), number.data() + number.size(), value);
    return value;
}

bool all_integers(const std::vector<Argument>& arguments) {
    for (const Argument& a : arguments) {
        if (a.has_point) return false;
    }
    return true;
}

std::optional<Rgba> parse_rgb(const std::vector<Argument>& args) {
    if (args.size() != 3 || !all_integers(args)) return std::nullopt;
    const bool percent = args[0].percent;
    Rgba color;
    std::uint8_t* channels[] = {&color.r, &color.g, &color.b};
    for (std::size_t i = 0; i < 3; ++i) {
        if (args[i].percent != percent) return std::nullopt;
        const double v = integer_value(args[i].number);
        *channels[i] = percent ? clip8(std::trunc((v * 255) / 100.0 + 0.5)) : clip8(v);
    }
    return color;
}

std::optional<Rgba> parse_rgba(const std::vector<Argument>& args) {
    if (args.size() != 4 || !all_integers(args)) return std::nullopt;
    for (const Argument& a : args) {
        if (a.percent) return std::nullopt;
    }
    return Rgba{clip8(integer_value(args[0].number)), clip8(integer_value(args[1].number)),
                clip8(integer_value(args[2].number)), clip8(integer_value(args[3].number))};
}

// hsl(h, s%, l%) and hsv(h, s%, v%): hue in degrees, the others in percent.
std::optional<Rgba> parse_hue_based(const std::vector<Argument>& args, bool lightness) {
    if (args.size() != 3 || args[0].percent || !args[1].percent || !args[2].percent) {
        return std::nullopt;
    }
    const double hue = decimal_value(args[0].number) / 360.0;
    const double second = decimal_value(args[1].number) / 100.0;
    const double third = decimal_value(args[2].number) / 100.0;
    const RgbUnit rgb = lightness ? hls_to_rgb(hue, third, second) : hsv_to_rgb(hue, second, third);
    return Rgba{unit_to_byte(rgb.r), unit_to_byte(rgb.g), unit_to_byte(rgb.b), 255};
}

std::optional<Rgba> parse_function(std::string_view text) {
    const std::size_t open = text.find('(');
    if (open == std::string_view::npos) return std::nullopt;
    const std::string_view name = text.substr(0, open);
    const auto args = parse_arguments(text.substr(open));
    if (!args) return std::nullopt;
    if (name == "rgb") return parse_rgb(*args);
    if (name == "rgba") return parse_rgba(*args);
    if (name == "hsl") return parse_hue_based(*args, true);
    if (name == "hsv" || name == "hsb") return parse_hue_based(*args, false);
    return std::nullopt;
}

}  // namespace

std::optional<Rgba> parse_color(std::string_view text) {
    text = trim(text);
    if (text.empty() || text.size() > limits::kMaxColorLength) return std::nullopt;
    const std::string lower = ascii_lower(text);
    if (const auto rgb = named_color(lower)) {
        return Rgba{static_cast<std::uint8_t>(*rgb >> 16), static_cast<std::uint8_t>(*rgb >> 8),
                    static_cast<std::uint8_t>(*rgb), 255};
    }
    if (lower.front() == '#') return parse_hex(std::string_view(lower).substr(1));
    return parse_function(lower);
}

std::string to_hex(Rgba color) {
    char buffer[10];
    if (color.a == 255) {
        std::snprintf(buffer, sizeof buffer, "#%02x%02x%02x", color.r, color.g, color.b);
    } else {
        std::snprintf(buffer, sizeof buffer, "#%02x%02x%02x%02x", color.r, color.g, color.b,
                      color.a);
    }
    return buffer;
}

}  // namespace strata
