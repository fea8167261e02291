#include "style/structured_options.hpp"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <functional>
#include <limits>

#include "strata/limits.hpp"
#include "strata/printable.hpp"
#include "style/caption_template.hpp"
#include "style/option_values.hpp"

namespace strata::structured_options {
namespace {

namespace ov = option_values;

constexpr double kSizeLimit = limits::kMaxOptionSize;
// A stack label's longest text, as a caption's (64 KiB).
constexpr std::size_t kMostLabelBytes = 64 << 10;

// Reads the fields of one mapping through a table of field readers, so that an unknown key is
// reported with the keys that are allowed.
using FieldReader = std::function<void(const YAML::Node& value, const std::string& where)>;

void read_fields(const YamlSource& source, const YAML::Node& node, const std::string& what,
                 const std::vector<std::pair<std::string, FieldReader>>& fields) {
    if (!node.IsMap()) throw yaml_error(source, node, what + ": expected a mapping");
    for (const auto& entry : node) {
        const std::string key = yaml_scalar(source, entry.first, what + " key");
        const FieldReader* reader = nullptr;
        for (const auto& [name, read] : fields) {
            if (name == key) reader = &read;
        }
        if (reader == nullptr) {
            std::string allowed;
            for (const auto& field : fields) allowed += (allowed.empty() ? "" : ", ") + field.first;
            throw yaml_error(
                source, entry.first,
                what + ": unknown key " + quoted_text(key) + " (expected " + allowed + ")");
        }
        const std::string where = what + "." + key;
        try {
            (*reader)(entry.second, where);
        } catch (const Error& e) {
            if (e.line() > 0) throw;
            throw yaml_error(source, entry.second, where + ": " + e.message());
        }
    }
}

// Field readers that store into an optional or a plain field; errors carry no position (the
// caller adds the node's).
struct Fields {
    const YamlSource& source;

    std::string text(const YAML::Node& v, const std::string& where) const {
        return yaml_scalar(source, v, where);
    }
    double number(const YAML::Node& v, const std::string& where, double lo = 0) const {
        return ov::number(text(v, where), "", lo, kSizeLimit);
    }
    Rgba color(const YAML::Node& v, const std::string& where) const {
        return ov::color(text(v, where), "");
    }
    template <typename E>
    E choice(const YAML::Node& v, const std::string& where) const {
        return ov::choice<E>(text(v, where), "");
    }
    std::vector<std::string> names(const YAML::Node& v, const std::string& where) const {
        if (v.IsScalar()) return {text(v, where)};
        if (!v.IsSequence()) throw Error("", "expected a list of names");
        std::vector<std::string> list;
        for (const YAML::Node& item : v) list.push_back(text(item, where));
        return list;
    }
};

Style style(const YamlSource& source, const YAML::Node& node, const std::string& what) {
    Style s;
    Fields f{source};
    auto number_into = [&](std::optional<double>& field, double lo = 0) {
        return [&field, &f, lo](const YAML::Node& v, const std::string& w) {
            field = f.number(v, w, lo);
        };
    };
    read_fields(source, node, what,
                {{"fill", [&](auto& v, auto& w) { s.fill = f.color(v, w); }},
                 {"outline", [&](auto& v, auto& w) { s.outline = f.color(v, w); }},
                 {"scale_xy", number_into(s.scale_xy)},
                 {"scale_z", number_into(s.scale_z)},
                 {"min_xy", number_into(s.min_xy)},
                 {"max_xy", number_into(s.max_xy)},
                 {"min_z", number_into(s.min_z)},
                 {"max_z", number_into(s.max_z)},
                 {"shade_step", number_into(s.shade_step)},
                 {"spacing", number_into(s.spacing, -kSizeLimit)},
                 {"font", [&](auto& v, auto& w) { s.font = yaml_font(source, v, w); }},
                 {"font_size", number_into(s.font_size, 0.5)},
                 {"font_color", [&](auto& v, auto& w) { s.font_color = f.color(v, w); }},
                 {"text_vspacing", number_into(s.text_vspacing)},
                 {"image", [&](auto& v, auto& w) { s.image = yaml_picture(source, v, w); }},
                 {"image_fit", [&](auto& v, auto& w) { s.image_fit = f.choice<ImageFit>(v, w); }},
                 {"image_axis", [&](auto& v, auto& w) { s.image_axis = f.choice<Axis>(v, w); }},
                 {"scale_image", number_into(s.scale_image)}});
    return s;
}

constexpr const char* kExpectedFile = "expected a file";

void check_number(const std::optional<double>& value, const std::string& where, double lo = 0) {
    if (value) ov::check_number(*value, where, lo, kSizeLimit);
}

}  // namespace

void check_style(const Style& s, const std::string& where) {
    check_number(s.scale_xy, where + ".scale_xy");
    check_number(s.scale_z, where + ".scale_z");
    check_number(s.min_xy, where + ".min_xy");
    check_number(s.max_xy, where + ".max_xy");
    check_number(s.min_z, where + ".min_z");
    check_number(s.max_z, where + ".max_z");
    check_number(s.shade_step, where + ".shade_step");
    check_number(s.spacing, where + ".spacing", -kSizeLimit);
    check_number(s.font_size, where + ".font_size", 0.5);
    check_number(s.text_vspacing, where + ".text_vspacing");
    if (s.image_fit) ov::check_choice(*s.image_fit, where + ".image_fit");
    if (s.image_axis) ov::check_choice(*s.image_axis, where + ".image_axis");
    check_number(s.scale_image, where + ".scale_image");
}

void check_layered_group(const LayerGroup& g, const std::string& where) {
    check_number(g.padding, where + ".padding");
    check_number(g.width, where + ".width");
    check_number(g.font_size, where + ".font_size", 0.5);
    check_number(g.text_spacing, where + ".text_spacing");
}

void check_logo_group(const LogoGroup& g, const std::string& where) {
    if (g.file.empty()) throw Error(where, kExpectedFile);
    ov::check_choice(g.axis, where + ".axis");
    check_number(g.size, where + ".size");
    if (g.size_px) {
        check_number(g.size_px->first, where + ".size");
        check_number(g.size_px->second, where + ".size");
    }
    ov::check_choice(g.corner, where + ".corner");
    check_number(g.padding, where + ".padding");
}

void check_logos_legend(const LogosLegend& legend, const std::string& where) {
    check_number(legend.padding, where + ".padding");
    check_number(legend.spacing, where + ".spacing");
}

void check_collapse_rule(const CollapseRule& r, const std::string& where) {
    ov::check_choice(r.kind, where + ".kind");
    ov::check_choice(r.annotation_position, where + ".annotation_position");
    if (r.repeat_count < 2 || r.repeat_count > 1000000)
        throw Error(where + ".repeat_count", "expected a whole number from 2 to 1000000, got " +
                                                 std::to_string(r.repeat_count));
    if (r.kind == CollapseKind::layer && r.selector.size() != 1)
        throw Error(where + ".selector", "expected one layer name or class name for kind layer");
    if (r.kind == CollapseKind::block && r.selector.size() < 2)
        throw Error(where + ".selector",
                    "expected a list of at least two layer names or class names for kind block");
    for (const std::string& s : r.selector)
        if (s.empty()) throw Error(where + ".selector", "expected a layer name or class name");
}

void check_dimension_caps(const DimensionCaps& caps, const std::string& where) {
    check_number(caps.channels, where + ".channels");
    check_number(caps.sequence, where + ".sequence");
    check_number(caps.general, where + ".general");
}

std::map<std::string, Style> styles(const YamlSource& source, const YAML::Node& node) {
    if (!node.IsMap())
        throw yaml_error(source, node, "styles: expected a mapping of class or layer names");
    std::map<std::string, Style> result;
    for (const auto& entry : node) {
        std::string key = yaml_scalar(source, entry.first, "styles key");
        result[key] = style(source, entry.second, "styles." + printable_text(key));
    }
    return result;
}

std::vector<LayerGroup> layered_groups(const YamlSource& source, const YAML::Node& node) {
    if (!node.IsSequence())
        throw yaml_error(source, node, "layered_groups: expected a list of groups");
    std::vector<LayerGroup> groups;
    Fields f{source};
    for (std::size_t i = 0; i < node.size(); ++i) {
        LayerGroup g;
        bool named = false;
        const std::string what = "layered_groups[" + std::to_string(i) + "]";
        read_fields(source, node[i], what,
                    {{"layers", [&](auto& v, auto& w) { g.layers = f.names(v, w); }},
                     {"name", [&](auto& v, auto& w) { g.name = f.text(v, w), named = true; }},
                     {"caption",
                      [&](auto& v, auto& w) {
                          if (!named) g.name = f.text(v, w);
                      }},
                     {"padding", [&](auto& v, auto& w) { g.padding = f.number(v, w); }},
                     {"fill", [&](auto& v, auto& w) { g.fill = f.color(v, w); }},
                     {"outline", [&](auto& v, auto& w) { g.outline = f.color(v, w); }},
                     {"width", [&](auto& v, auto& w) { g.width = f.number(v, w); }},
                     {"font", [&](auto& v, auto& w) { g.font = yaml_font(source, v, w); }},
                     {"font_size", [&](auto& v, auto& w) { g.font_size = f.number(v, w, 0.5); }},
                     {"font_color", [&](auto& v, auto& w) { g.font_color = f.color(v, w); }},
                     {"text_spacing", [&](auto& v, auto& w) { g.text_spacing = f.number(v, w); }}});
        groups.push_back(std::move(g));
    }
    return groups;
}

std::vector<LogoGroup> logo_groups(const YamlSource& source, const YAML::Node& node) {
    if (!node.IsSequence()) throw yaml_error(source, node, "logo_groups: expected a list of logos");
    std::vector<LogoGroup> logos;
    Fields f{source};
    for (std::size_t i = 0; i < node.size(); ++i) {
        LogoGroup g;
        const std::string what = "logo_groups[" + std::to_string(i) + "]";
        auto size = [&](const YAML::Node& v, const std::string& w) {
            if (v.IsSequence()) {
                if (v.size() != 2) throw Error("", "expected a fraction or a [width, height] pair");
                g.size_px = std::pair{f.number(v[0], w), f.number(v[1], w)};
            } else {
                g.size = f.number(v, w);
            }
        };
        read_fields(source, node[i], what,
                    {{"file", [&](auto& v, auto& w) { g.file = yaml_picture(source, v, w); }},
                     {"layers", [&](auto& v, auto& w) { g.layers = f.names(v, w); }},
                     {"axis", [&](auto& v, auto& w) { g.axis = f.choice<Axis>(v, w); }},
                     {"size", size},
                     {"corner", [&](auto& v, auto& w) { g.corner = f.choice<Corner>(v, w); }},
                     {"padding", [&](auto& v, auto& w) { g.padding = f.number(v, w); }},
                     {"name", [&](auto& v, auto& w) { g.name = f.text(v, w); }}});
        if (g.file.empty()) throw yaml_error(source, node[i], what + ": " + kExpectedFile);
        logos.push_back(std::move(g));
    }
    return logos;
}

std::optional<LogosLegend> logos_legend(const YamlSource& source, const YAML::Node& node) {
    if (node.IsScalar()) {
        if (ov::boolean(node.Scalar(), "")) return LogosLegend{};
        return std::nullopt;
    }
    LogosLegend legend;
    Fields f{source};
    read_fields(source, node, "logos_legend",
                {{"padding", [&](auto& v, auto& w) { legend.padding = f.number(v, w); }},
                 {"spacing", [&](auto& v, auto& w) { legend.spacing = f.number(v, w); }}});
    return legend;
}

namespace {

// visualkeras lower-cases and trims a rule's kind and annotation position ("Layer ").
std::string folded_choice(std::string text) {
    const auto blank = [](unsigned char c) { return std::isspace(c) != 0; };
    while (!text.empty() && blank(static_cast<unsigned char>(text.back()))) text.pop_back();
    std::size_t first = 0;
    while (first < text.size() && blank(static_cast<unsigned char>(text[first]))) ++first;
    text.erase(0, first);
    for (char& c : text) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return text;
}

// Whether a YAML value is a number written plainly (5, 2.0), not text ("5", 2 blocks).
bool plain_number(const YAML::Node& v, const std::string& text) {
    if (v.Tag() != "?") return false;
    try {
        ov::number(text, "", -std::numeric_limits<double>::max(),
                   std::numeric_limits<double>::max());
        return true;
    } catch (const Error&) {
        return false;
    }
}

constexpr const char* kRepeatCount = "expected a whole number from 2 to 1000000";

// A repeat count is a whole number as visualkeras takes it: 2.0 is refused, as Python's
// isinstance(2.0, int) is false. A number is shown as written, text quoted.
int repeat_count(const YAML::Node& v, const std::string& text) {
    const bool digits =
        !text.empty() && text.size() <= 7 &&
        std::all_of(text.begin(), text.end(), [](unsigned char c) { return std::isdigit(c) != 0; });
    if (digits) {
        const int n = std::stoi(text);
        if (n >= 2 && n <= 1000000) return n;
    }
    throw Error("", std::string(kRepeatCount) + ", got " +
                        (plain_number(v, text) ? text : quoted_text(text)));
}

}  // namespace

std::vector<CollapseRule> collapse_rules(const YamlSource& source, const YAML::Node& node) {
    if (!node.IsSequence())
        throw yaml_error(source, node, "collapse_rules: expected a list of rules");
    std::vector<CollapseRule> rules;
    Fields f{source};
    for (std::size_t i = 0; i < node.size(); ++i) {
        CollapseRule r;
        bool has_kind = false, has_selector = false, has_count = false;
        const std::string what = "collapse_rules[" + std::to_string(i) + "]";
        if (!node[i].IsMap()) throw yaml_error(source, node[i], what + ": expected a mapping");
        // visualkeras ignores keys it does not know: they are kept to be named in a warning.
        std::vector<std::pair<std::string, FieldReader>> fields = {
            {"kind",
             [&](auto& v, auto& w) {
                 r.kind = ov::choice<CollapseKind>(folded_choice(f.text(v, w)), "");
                 has_kind = true;
             }},
            {"selector",
             [&](auto& v, auto& w) { r.selector = f.names(v, w), has_selector = true; }},
            {"repeat_count",
             [&](auto& v, auto& w) {
                 r.repeat_count = repeat_count(v, f.text(v, w));
                 has_count = true;
             }},
            {"label",
             [&](auto& v, auto& w) {
                 r.label = f.text(v, w);
                 if (plain_number(v, r.label))
                     throw Error(
                         "", "expected text, got the number " + r.label + " (write it in quotes)");
             }},
            {"annotation_position", [&](auto& v, auto& w) {
                 r.annotation_position =
                     ov::choice<AnnotationPosition>(folded_choice(f.text(v, w)), "");
             }}};
        for (const auto& entry : node[i]) {
            const std::string key = yaml_scalar(source, entry.first, what + " key");
            if (std::none_of(fields.begin(), fields.end(),
                             [&](const auto& field) { return field.first == key; }))
                r.ignored_keys.push_back(key);
        }
        for (const std::string& key : r.ignored_keys) fields.push_back({key, [](auto&, auto&) {}});
        read_fields(source, node[i], what, fields);
        if (!has_kind || !has_selector || !has_count)
            throw yaml_error(source, node[i],
                             what + ": expected kind (layer or block), selector and repeat_count");
        try {
            check_collapse_rule(r, what);
        } catch (const Error& e) {
            throw yaml_error(source, node[i], e.file() + ": " + e.message());
        }
        rules.push_back(std::move(r));
    }
    return rules;
}

std::map<std::string, std::string> captions(const YamlSource& source, const YAML::Node& node) {
    if (!node.IsMap())
        throw yaml_error(source, node, "captions: expected a mapping of layer names to captions");
    std::map<std::string, std::string> result;
    for (const auto& entry : node) {
        std::string layer = yaml_scalar(source, entry.first, "captions key");
        std::string caption = yaml_scalar(source, entry.second, "captions." + layer);
        if (auto problem = caption_template_problem(caption))
            throw yaml_error(source, entry.second, "captions." + layer + ": " + *problem);
        // Filled in per layer by the layout, which may find it too long only then.
        record_option_place(source, entry.second, "captions." + layer, "captions." + layer);
        result[layer] = std::move(caption);
    }
    return result;
}

std::map<std::string, std::string> texts_by_layer(const YamlSource& source, const YAML::Node& node,
                                                  const std::string& key) {
    if (!node.IsMap())
        throw yaml_error(source, node, key + ": expected a mapping of layer names to texts");
    std::map<std::string, std::string> result;
    for (const auto& entry : node) {
        std::string layer = yaml_scalar(source, entry.first, key + " key");
        std::string text = yaml_scalar(source, entry.second, key + "." + layer);
        if (text.size() > kMostLabelBytes)
            throw yaml_error(source, entry.second,
                             key + "." + layer + ": a label of " + std::to_string(text.size()) +
                                 " bytes, more than " + std::to_string(kMostLabelBytes));
        result[layer] = std::move(text);
    }
    return result;
}

std::map<std::string, LayerColors> color_map(const YamlSource& source, const YAML::Node& node) {
    if (node.IsScalar()) return ov::color_map(yaml_scalar(source, node, "color_map"), "");
    if (!node.IsMap())
        throw yaml_error(source, node, "color_map: expected a mapping of class names");
    std::map<std::string, LayerColors> result;
    Fields f{source};
    for (const auto& entry : node) {
        std::string cls = yaml_scalar(source, entry.first, "color_map key");
        LayerColors colors;
        if (entry.second.IsScalar()) {
            // At the colour's own place, as a field of a mapping (fill:, outline:) is.
            try {
                colors.fill = f.color(entry.second, "color_map." + cls);
            } catch (const Error& e) {
                if (e.line() > 0) throw;
                throw yaml_error(source, entry.second, "color_map." + cls + ": " + e.message());
            }
        } else {
            read_fields(source, entry.second, "color_map." + cls,
                        {{"fill", [&](auto& v, auto& w) { colors.fill = f.color(v, w); }},
                         {"outline", [&](auto& v, auto& w) { colors.outline = f.color(v, w); }}});
        }
        result[cls] = colors;
    }
    return result;
}

DimensionCaps dimension_caps(const YamlSource& source, const YAML::Node& node) {
    if (node.IsScalar()) return ov::dimension_caps(yaml_scalar(source, node, "dimension_caps"), "");
    DimensionCaps caps;
    Fields f{source};
    read_fields(source, node, "dimension_caps",
                {{"channels", [&](auto& v, auto& w) { caps.channels = f.number(v, w); }},
                 {"sequence", [&](auto& v, auto& w) { caps.sequence = f.number(v, w); }},
                 {"general", [&](auto& v, auto& w) { caps.general = f.number(v, w); }}});
    return caps;
}

Style one_style(const YamlSource& source, const YAML::Node& node, const std::string& what) {
    return style(source, node, what);
}

}  // namespace strata::structured_options
