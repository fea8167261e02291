#include "style/option_yaml_writer.hpp"

#include <array>
#include <charconv>
#include <string_view>
#include <utility>

namespace strata {
namespace {

// Shortest text that reads back as the same double.
std::string number_text(double value) {
    std::array<char, 64> buffer{};
    auto [end, ec] = std::to_chars(buffer.data(), buffer.data() + buffer.size(), value);
    return ec == std::errc() ? std::string(buffer.data(), end) : "0";
}

template <typename T>
void field(YAML::Emitter& out, const char* key, const T& value) {
    out << YAML::Key << key << YAML::Value;
    write_value(out, value);
}

template <typename T>
void optional_field(YAML::Emitter& out, const char* key, const std::optional<T>& value) {
    if (!value) return;
    out << YAML::Key << key << YAML::Value;
    write_value(out, *value);
}

bool is_plain_safe(const std::string& text) {
    if (text.empty()) return false;
    const auto letter = [](char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); };
    const auto digit = [](char c) { return c >= '0' && c <= '9'; };
    if (!letter(text[0]) && text[0] != '_') return false;
    for (char c : text) {
        if (!letter(c) && !digit(c) && c != '_' && c != '-' && c != '.' && c != '/') return false;
    }
    // What YAML 1.1 reads as a boolean or null, in any of its spellings.
    static const char* const kWords[] = {"y",   "n",    "yes",   "no",  "on",
                                         "off", "true", "false", "null"};
    std::string lower;
    for (char c : text) lower += static_cast<char>(letter(c) && c < 'a' ? c - 'A' + 'a' : c);
    for (const char* word : kWords) {
        if (lower == word) return false;
    }
    return true;
}

}  // namespace

void write_text(YAML::Emitter& out, const std::string& text) {
    if (is_plain_safe(text)) {
        out << text;
    } else {
        out << YAML::DoubleQuoted << text;
    }
}

std::string escape_yaml_line_separators(std::string yaml) {
    static const std::pair<std::string_view, std::string_view> kEscapes[] = {
        {"\xC2\x85", "\\N"}, {"\xE2\x80\xA8", "\\L"}, {"\xE2\x80\xA9", "\\P"}};
    for (const auto& [raw, escape] : kEscapes) {
        for (std::size_t at = yaml.find(raw); at != std::string::npos;
             at = yaml.find(raw, at + escape.size()))
            yaml.replace(at, raw.size(), escape);
    }
    return yaml;
}

void write_value(YAML::Emitter& out, double value) {
    out << number_text(value);
}
void write_value(YAML::Emitter& out, bool value) {
    out << (value ? "true" : "false");
}
void write_value(YAML::Emitter& out, const std::string& value) {
    out << YAML::DoubleQuoted << value;
}
void write_value(YAML::Emitter& out, Rgba value) {
    out << YAML::DoubleQuoted << to_hex(value);
}

void write_value(YAML::Emitter& out, const std::vector<std::string>& value) {
    out << YAML::Flow << YAML::BeginSeq;
    for (const std::string& item : value) out << YAML::DoubleQuoted << item;
    out << YAML::EndSeq;
}

void write_value(YAML::Emitter& out, const std::vector<std::size_t>& value) {
    out << YAML::Flow << YAML::BeginSeq;
    for (std::size_t item : value) out << item;
    out << YAML::EndSeq;
}

void write_value(YAML::Emitter& out, const std::optional<DimensionCaps>& value) {
    out << YAML::Flow << YAML::BeginMap;
    if (value) {
        optional_field(out, "channels", value->channels);
        optional_field(out, "sequence", value->sequence);
        optional_field(out, "general", value->general);
    }
    out << YAML::EndMap;
}

void write_value(YAML::Emitter& out, const std::map<std::string, LayerColors>& value) {
    if (value.empty()) out << YAML::Flow;  // "{}" on the key's line
    out << YAML::BeginMap;
    for (const auto& [cls, colors] : value) {
        out << YAML::Key;
        write_text(out, cls);
        out << YAML::Value << YAML::Flow << YAML::BeginMap;
        optional_field(out, "fill", colors.fill);
        optional_field(out, "outline", colors.outline);
        out << YAML::EndMap;
    }
    out << YAML::EndMap;
}

void write_value(YAML::Emitter& out, const Style& s) {
    out << YAML::BeginMap;
    optional_field(out, "fill", s.fill);
    optional_field(out, "outline", s.outline);
    optional_field(out, "scale_xy", s.scale_xy);
    optional_field(out, "scale_z", s.scale_z);
    optional_field(out, "min_xy", s.min_xy);
    optional_field(out, "max_xy", s.max_xy);
    optional_field(out, "min_z", s.min_z);
    optional_field(out, "max_z", s.max_z);
    optional_field(out, "shade_step", s.shade_step);
    optional_field(out, "spacing", s.spacing);
    optional_field(out, "font", s.font);
    optional_field(out, "font_size", s.font_size);
    optional_field(out, "font_color", s.font_color);
    optional_field(out, "text_vspacing", s.text_vspacing);
    optional_field(out, "image", s.image);
    optional_field(out, "image_fit", s.image_fit);
    optional_field(out, "image_axis", s.image_axis);
    optional_field(out, "scale_image", s.scale_image);
    out << YAML::EndMap;
}

void write_value(YAML::Emitter& out, const std::map<std::string, Style>& value) {
    if (value.empty()) out << YAML::Flow;  // "{}" on the key's line
    out << YAML::BeginMap;
    for (const auto& [key, s] : value) {
        out << YAML::Key;
        write_text(out, key);
        out << YAML::Value;
        write_value(out, s);
    }
    out << YAML::EndMap;
}

void write_value(YAML::Emitter& out, const std::map<std::string, std::string>& value) {
    if (value.empty()) out << YAML::Flow;  // "{}" on the key's line
    out << YAML::BeginMap;
    for (const auto& [key, text] : value) {
        out << YAML::Key;
        write_text(out, key);
        out << YAML::Value << YAML::DoubleQuoted << text;
    }
    out << YAML::EndMap;
}

void write_value(YAML::Emitter& out, const std::vector<LayerGroup>& value) {
    if (value.empty()) out << YAML::Flow;
    out << YAML::BeginSeq;
    for (const LayerGroup& g : value) {
        out << YAML::BeginMap;
        field(out, "name", g.name);
        field(out, "layers", g.layers);
        field(out, "padding", g.padding);
        field(out, "fill", g.fill);
        field(out, "outline", g.outline);
        field(out, "width", g.width);
        optional_field(out, "font", g.font);
        field(out, "font_size", g.font_size);
        field(out, "font_color", g.font_color);
        field(out, "text_spacing", g.text_spacing);
        out << YAML::EndMap;
    }
    out << YAML::EndSeq;
}

void write_value(YAML::Emitter& out, const std::vector<LogoGroup>& value) {
    if (value.empty()) out << YAML::Flow;
    out << YAML::BeginSeq;
    for (const LogoGroup& g : value) {
        out << YAML::BeginMap;
        field(out, "file", g.file);
        field(out, "layers", g.layers);
        field(out, "axis", g.axis);
        out << YAML::Key << "size" << YAML::Value;
        if (g.size_px) {
            out << YAML::Flow << YAML::BeginSeq << number_text(g.size_px->first)
                << number_text(g.size_px->second) << YAML::EndSeq;
        } else {
            write_value(out, g.size);
        }
        field(out, "corner", g.corner);
        field(out, "padding", g.padding);
        field(out, "name", g.name);
        out << YAML::EndMap;
    }
    out << YAML::EndSeq;
}

void write_value(YAML::Emitter& out, const std::vector<CollapseRule>& value) {
    if (value.empty()) out << YAML::Flow;
    out << YAML::BeginSeq;
    for (const CollapseRule& r : value) {
        out << YAML::BeginMap;
        field(out, "kind", r.kind);
        field(out, "selector", r.selector);
        field(out, "repeat_count", static_cast<double>(r.repeat_count));
        if (!r.label.empty()) field(out, "label", r.label);
        field(out, "annotation_position", r.annotation_position);
        out << YAML::EndMap;
    }
    out << YAML::EndSeq;
}

void write_value(YAML::Emitter& out, const std::optional<LogosLegend>& value) {
    if (!value) {
        out << "false";
        return;
    }
    out << YAML::Flow << YAML::BeginMap << YAML::Key << "padding" << YAML::Value
        << number_text(value->padding) << YAML::Key << "spacing" << YAML::Value
        << number_text(value->spacing) << YAML::EndMap;
}

}  // namespace strata
