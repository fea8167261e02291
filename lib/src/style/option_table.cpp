#include "strata/option_table.hpp"

#include <functional>
#include <map>

#include "strata/error.hpp"
#include "style/option_values.hpp"

namespace strata {
namespace {

namespace ov = option_values;

using Setter = std::function<void(Options&, std::string_view, const std::string&)>;

struct Entry {
    OptionInfo info;
    Setter set;
};

constexpr double kSizeLimit = 1e6;  // no box, gap or scale beyond this makes a usable picture

std::string kebab(std::string key) {
    for (char& c : key) {
        if (c == '_') c = '-';
    }
    return key;
}

Entry number(std::string key, std::string help, double Options::*field, double lo = 0) {
    std::string flag = kebab(key);
    return {{key, flag, OptionKind::number, std::move(help), {}},
            [field, lo](Options& o, std::string_view v, const std::string& where) {
                o.*field = ov::number(v, where, lo, kSizeLimit);
            }};
}

Entry boolean(std::string key, std::string help, bool Options::*field) {
    std::string flag = kebab(key);
    return {{key, flag, OptionKind::boolean, std::move(help), {}},
            [field](Options& o, std::string_view v, const std::string& where) {
                o.*field = ov::boolean(v, where);
            }};
}

Entry color(std::string key, std::string help, Rgba Options::*field) {
    std::string flag = kebab(key);
    return {{key, flag, OptionKind::color, std::move(help), {}},
            [field](Options& o, std::string_view v, const std::string& where) {
                o.*field = ov::color(v, where);
            }};
}

Entry choice(std::string key, std::string help, std::string Options::*field,
             std::vector<std::string> choices) {
    std::string flag = kebab(key);
    return {{key, flag, OptionKind::choice, std::move(help), choices},
            [field, choices](Options& o, std::string_view v, const std::string& where) {
                for (const std::string& c : choices) {
                    if (v == c) {
                        o.*field = c;
                        return;
                    }
                }
                std::string expected;
                for (const std::string& c : choices) expected += (expected.empty() ? "" : ", ") + c;
                throw Error(where, "expected one of " + expected + ", got '" +
                                       std::string(v.substr(0, 60)) + "'");
            }};
}

std::vector<Entry> make_entries() {
    std::vector<Entry> e;
    e.push_back(choice("sizing_mode", "how tensor dimensions become box sizes",
                       &Options::sizing_mode,
                       {"accurate", "balanced", "capped", "logarithmic", "relative"}));
    e.push_back(number("scale_xy", "pixels per unit of height and depth", &Options::scale_xy));
    e.push_back(number("scale_z", "pixels per unit of width (channels)", &Options::scale_z));
    e.push_back(number("min_xy", "smallest box height and depth, px", &Options::min_xy));
    e.push_back(number("max_xy", "largest box height and depth, px", &Options::max_xy));
    e.push_back(number("min_z", "smallest box width, px", &Options::min_z));
    e.push_back(number("max_z", "largest box width, px", &Options::max_z));
    e.push_back({{"dimension_caps",
                  "dimension-caps",
                  OptionKind::dimension_caps,
                  "caps for non-accurate modes, e.g. channels=140,sequence=220",
                  {}},
                 [](Options& o, std::string_view v, const std::string& where) {
                     o.dimension_caps = ov::dimension_caps(v, where);
                 }});
    e.push_back(number("relative_base_size", "pixels per unit in relative mode",
                       &Options::relative_base_size));
    e.push_back(choice("one_dim_orientation",
                       "how 1-D tensors are drawn: wide (z), tall (y), deep (x)",
                       &Options::one_dim_orientation, {"z", "y", "x"}));
    e.push_back({{"type_ignore",
                  "type-ignore",
                  OptionKind::name_list,
                  "layer classes not drawn, e.g. InputLayer,Dropout",
                  {}},
                 [](Options& o, std::string_view v, const std::string&) {
                     o.type_ignore = ov::name_list(v);
                 }});
    e.push_back({{"index_ignore",
                  "index-ignore",
                  OptionKind::index_list,
                  "model indices of layers not drawn",
                  {}},
                 [](Options& o, std::string_view v, const std::string& where) {
                     o.index_ignore = ov::index_list(v, where);
                 }});
    e.push_back(
        {{"index_2D", "index-2D", OptionKind::index_list, "model indices of layers drawn flat", {}},
         [](Options& o, std::string_view v, const std::string& where) {
             o.index_2D = ov::index_list(v, where);
         }});
    e.push_back({{"color_map",
                  "color-map",
                  OptionKind::color_map,
                  "colours per class, e.g. Conv2D=#ffb347/#8c4500,Dense=#8ecae6",
                  {}},
                 [](Options& o, std::string_view v, const std::string& where) {
                     for (auto& [cls, colors] : ov::color_map(v, where)) o.color_map[cls] = colors;
                 }});
    e.push_back(color("background_fill", "canvas colour", &Options::background_fill));
    e.push_back(boolean("draw_volume", "draw boxes in 3-D", &Options::draw_volume));
    e.push_back(boolean("draw_reversed", "draw the depth to the left", &Options::draw_reversed));
    e.push_back(
        boolean("draw_funnel", "join neighbouring boxes with funnels", &Options::draw_funnel));
    e.push_back(number("padding", "margin around the picture, px", &Options::padding));
    e.push_back(number("spacing", "gap between boxes, px", &Options::spacing, -kSizeLimit));
    e.push_back(
        number("shade_step", "how much darker the top and side faces are", &Options::shade_step));
    e.push_back({{"text_callable",
                  "text-callable",
                  OptionKind::choice,
                  "caption under each box",
                  {"name", "type", "shape", "name_shape", "none"}},
                 [](Options& o, std::string_view v, const std::string& where) {
                     if (v == "none" || v.empty()) {
                         o.text_callable.clear();
                     } else if (v == "name" || v == "type" || v == "shape" || v == "name_shape") {
                         o.text_callable = std::string(v);
                     } else {
                         throw Error(where,
                                     "expected one of name, type, shape, name_shape, none, got '" +
                                         std::string(v.substr(0, 60)) + "'");
                     }
                 }});
    e.push_back(number("text_vspacing", "gap between caption lines, px", &Options::text_vspacing));
    e.push_back(
        {{"font", "font", OptionKind::text, "caption font: a fontconfig family or a font file", {}},
         [](Options& o, std::string_view v, const std::string& where) {
             if (v.empty())
                 throw Error(where, "expected a font family or a font file, got nothing");
             o.font = std::string(v);
         }});
    e.push_back({{"font_size", "font-size", OptionKind::number, "caption font size, px", {}},
                 [](Options& o, std::string_view v, const std::string& where) {
                     o.font_size = ov::number(v, where, 0.5, 1000);
                 }});
    e.push_back(color("font_color", "caption colour", &Options::font_color));
    e.push_back(boolean("compat_visualkeras",
                        "reproduce visualkeras' canvas exactly, quirks included (for comparisons)",
                        &Options::compat_visualkeras));
    return e;
}

const std::vector<Entry>& entries() {
    static const std::vector<Entry> table = make_entries();
    return table;
}

}  // namespace

const std::vector<OptionInfo>& option_table() {
    static const std::vector<OptionInfo> infos = [] {
        std::vector<OptionInfo> v;
        for (const Entry& e : entries()) v.push_back(e.info);
        return v;
    }();
    return infos;
}

void set_option(Options& options, std::string_view key, std::string_view value,
                const std::string& where) {
    for (const Entry& e : entries()) {
        if (e.info.key == key || e.info.flag == key) {
            e.set(options, value, where);
            return;
        }
    }
    throw Error(where, "unknown option '" + std::string(key.substr(0, 60)) + "'");
}

}  // namespace strata
