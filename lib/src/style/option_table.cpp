#include "strata/option_table.hpp"

#include <algorithm>
#include <cmath>

#include "input/yaml_document.hpp"
#include "strata/error.hpp"
#include "strata/limits.hpp"
#include "strata/printable.hpp"
#include "style/caption_template.hpp"
#include "style/length.hpp"
#include "style/nearest_name.hpp"
#include "style/option_entries.hpp"
#include "style/option_values.hpp"
#include "style/option_yaml_writer.hpp"
#include "style/structured_options.hpp"

namespace strata {
namespace {

namespace ov = option_values;
namespace so = structured_options;

constexpr double kSizeLimit = limits::kMaxOptionSize;

std::string kebab(std::string key) {
    for (char& c : key) {
        if (c == '_') c = '-';
    }
    return key;
}

OptionEntry text_entry(std::string key, OptionKind kind, std::string help,
                       OptionEntry::TextSetter set, OptionEntry::Getter get,
                       OptionEntry::Check check = {}, std::vector<std::string> choices = {}) {
    std::string flag = kebab(key);
    return {{std::move(key), std::move(flag), kind, std::move(help), std::move(choices)},
            std::move(set),
            {},
            std::move(get),
            std::move(check)};
}

template <typename T>
OptionEntry::Getter getter(T Options::*field) {
    return [field](const Options& o, YAML::Emitter& out) { write_value(out, o.*field); };
}

OptionEntry number(std::string key, std::string help, double Options::*field, double lo = 0,
                   double hi = kSizeLimit) {
    return text_entry(
        std::move(key), OptionKind::number, std::move(help),
        [field, lo, hi](Options& o, std::string_view v, const std::string& where) {
            o.*field = ov::number(v, where, lo, hi);
        },
        getter(field),
        [field, lo, hi](const Options& o, const std::string& where) {
            ov::check_number(o.*field, where, lo, hi);
        });
}

// A count: a number with no fraction (a fraction would be cut off unseen).
OptionEntry integer(std::string key, std::string help, double Options::*field, double lo,
                    double hi) {
    const auto whole = [lo, hi](double value, const std::string& where) {
        ov::check_number(value, where, lo, hi);
        if (value != std::floor(value))
            throw Error(where, "expected a whole number, got " + ov::number_text(value));
    };
    return text_entry(
        std::move(key), OptionKind::number, std::move(help),
        [field, lo, hi, whole](Options& o, std::string_view v, const std::string& where) {
            const double value = ov::number(v, where, lo, hi);
            whole(value, where);
            o.*field = value;
        },
        getter(field),
        [field, whole](const Options& o, const std::string& where) { whole(o.*field, where); });
}

OptionEntry boolean(std::string key, std::string help, bool Options::*field) {
    return text_entry(
        std::move(key), OptionKind::boolean, std::move(help),
        [field](Options& o, std::string_view v, const std::string& where) {
            o.*field = ov::boolean(v, where);
        },
        getter(field));
}

OptionEntry color(std::string key, std::string help, Rgba Options::*field) {
    return text_entry(
        std::move(key), OptionKind::color, std::move(help),
        [field](Options& o, std::string_view v, const std::string& where) {
            o.*field = ov::color(v, where);
        },
        getter(field));
}

OptionEntry text(std::string key, std::string help, std::string Options::*field,
                 bool may_be_empty) {
    return text_entry(
        std::move(key), OptionKind::text, std::move(help),
        [field, may_be_empty](Options& o, std::string_view v, const std::string& where) {
            if (v.empty() && !may_be_empty) throw Error(where, "expected a value, got nothing");
            o.*field = std::string(v);
        },
        getter(field),
        [field, may_be_empty](const Options& o, const std::string& where) {
            if ((o.*field).empty() && !may_be_empty)
                throw Error(where, "expected a value, got nothing");
        });
}

// One of the names in E's table; written as its name, quoted.
template <typename E>
OptionEntry choice(std::string key, std::string help, E Options::*field) {
    return text_entry(
        std::move(key), OptionKind::choice, std::move(help),
        [field](Options& o, std::string_view v, const std::string& where) {
            o.*field = ov::choice<E>(v, where);
        },
        [field](const Options& o, YAML::Emitter& out) {
            write_value(out, std::string(name_of(o.*field)));
        },
        [field](const Options& o, const std::string& where) { ov::check_choice(o.*field, where); },
        choice_list<E>());
}

OptionEntry index_list(std::string key, std::string help,
                       std::vector<std::size_t> Options::*field) {
    return text_entry(
        std::move(key), OptionKind::index_list, std::move(help),
        [field](Options& o, std::string_view v, const std::string& where) {
            o.*field = ov::index_list(v, where);
        },
        getter(field),
        [field](const Options& o, const std::string& where) {
            for (std::size_t index : o.*field) ov::check_index(index, where);
        });
}

// A structure: set from a YAML node; on the command line the text is read as YAML.
template <typename Read, typename Field>
OptionEntry structure(std::string key, OptionKind kind, std::string help, Field Options::*field,
                      Read read, OptionEntry::TextSetter text_setter = {}) {
    std::string flag = kebab(key);
    OptionEntry entry{{std::move(key), std::move(flag), kind, std::move(help), {}},
                      std::move(text_setter),
                      [read](Options& o, const YAML::Node& node, const YamlSource& source) {
                          read(o, node, source);
                      },
                      getter(field),
                      {}};
    return entry;
}

// The lenet view's own label of each stack by layer name, over the built-in one.
OptionEntry texts_by_layer(const char* key, const char* side,
                           std::map<std::string, std::string> Options::*field) {
    return structure(key, OptionKind::structure,
                     std::string("lenet: label ") + side +
                         " a stack per layer name: {conv1: 'first conv'} ('': none)",
                     field, [key, field](Options& o, const YAML::Node& n, const YamlSource& s) {
                         for (auto& [layer, text] : so::texts_by_layer(s, n, key))
                             (o.*field)[layer] = text;
                     });
}

std::vector<OptionEntry> make_entries() {
    std::vector<OptionEntry> e;
    e.push_back(text_entry(
        "view", OptionKind::choice,
        "the picture the model is drawn as, with its own defaults: layered (3-D boxes), lenet "
        "(stacks of feature maps), functional (flat boxes in the ranks of the graph), graph (a "
        "column of neurons per layer)",
        [](Options& o, std::string_view v, const std::string& where) {
            apply_view(o, ov::choice<View>(v, where));
        },
        [](const Options& o, YAML::Emitter& out) {
            write_value(out, std::string(name_of(o.view)));
        },
        [](const Options& o, const std::string& where) { ov::check_choice(o.view, where); },
        choice_list<View>()));
    // Box sizing.
    e.push_back(
        choice("sizing_mode", "how tensor dimensions become box sizes", &Options::sizing_mode));
    e.push_back(number("scale_xy", "pixels per unit of height and depth", &Options::scale_xy));
    e.push_back(number("scale_z", "pixels per unit of width (channels)", &Options::scale_z));
    e.push_back(number("min_xy", "smallest box height and depth, px", &Options::min_xy));
    e.push_back(number("max_xy", "largest box height and depth, px", &Options::max_xy));
    e.push_back(number("min_z", "smallest box width, px", &Options::min_z));
    e.push_back(number("max_z", "largest box width, px", &Options::max_z));
    e.push_back(structure(
        "dimension_caps", OptionKind::dimension_caps,
        "caps for non-accurate modes, e.g. channels=140,sequence=220", &Options::dimension_caps,
        [](Options& o, const YAML::Node& n, const YamlSource& s) {
            o.dimension_caps = so::dimension_caps(s, n);
        },
        [](Options& o, std::string_view v, const std::string& where) {
            o.dimension_caps = ov::dimension_caps(v, where);
        }));
    e.back().check = [](const Options& o, const std::string& where) {
        if (o.dimension_caps) so::check_dimension_caps(*o.dimension_caps, where);
    };
    e.push_back(number("relative_base_size", "pixels per unit in relative mode",
                       &Options::relative_base_size));
    e.push_back(choice("one_dim_orientation",
                       "how 1-D tensors are drawn: wide (z), tall (y), deep (x)",
                       &Options::one_dim_orientation));
    // Which layers are drawn and how.
    e.push_back(text_entry(
        "type_ignore", OptionKind::name_list, "layer classes not drawn, e.g. InputLayer,Dropout",
        [](Options& o, std::string_view v, const std::string&) {
            o.type_ignore = ov::name_list(v);
        },
        getter(&Options::type_ignore)));
    e.push_back(
        index_list("index_ignore", "model indices of layers not drawn", &Options::index_ignore));
    e.push_back(index_list("index_2D", "model indices of layers drawn flat", &Options::index_2D));
    e.push_back(structure(
        "color_map", OptionKind::color_map,
        "colours per class, e.g. Conv2D=#ffb347/#8c4500,Dense=#8ecae6", &Options::color_map,
        [](Options& o, const YAML::Node& n, const YamlSource& s) {
            for (auto& [cls, colors] : so::color_map(s, n)) o.color_map[cls] = colors;
        },
        [](Options& o, std::string_view v, const std::string& where) {
            for (auto& [cls, colors] : ov::color_map(v, where)) o.color_map[cls] = colors;
        }));
    e.push_back(
        structure("styles", OptionKind::structure,
                  "per class, base class or layer name: {Conv2D: {fill: orange, scale_z: 2}}",
                  &Options::styles, [](Options& o, const YAML::Node& n, const YamlSource& s) {
                      for (auto& [key, style] : so::styles(s, n)) o.styles[key] = style;
                  }));
    e.back().check = [](const Options& o, const std::string& where) {
        for (const auto& [key, style] : o.styles) so::check_style(style, where + "." + key);
    };
    // Picture.
    e.push_back(color("background_fill", "canvas colour", &Options::background_fill));
    e.push_back(boolean("draw_volume", "draw boxes in 3-D", &Options::draw_volume));
    e.push_back(boolean("draw_reversed", "draw the depth to the left", &Options::draw_reversed));
    e.push_back(
        boolean("draw_funnel", "join neighbouring boxes with funnels", &Options::draw_funnel));
    e.push_back(color("connector_fill", "funnel colour", &Options::connector_fill));
    e.push_back(number("connector_width", "funnel line width, px", &Options::connector_width));
    e.push_back(number("padding", "margin around the picture, px", &Options::padding));
    e.push_back(number("spacing", "gap between boxes, px", &Options::spacing, -kSizeLimit));
    e.push_back(
        number("shade_step", "how much darker the top and side faces are", &Options::shade_step));
    // Captions.
    e.push_back(choice("text_callable", "built-in caption of each box", &Options::text_callable));
    // Empty text means none too; the name is written plain.
    e.back().set_text = [](Options& o, std::string_view v, const std::string& where) {
        o.text_callable = v.empty() ? TextCallable::none : ov::choice<TextCallable>(v, where);
    };
    e.back().get = [](const Options& o, YAML::Emitter& out) {
        out << std::string(name_of(o.text_callable));
    };
    e.push_back(
        text("caption",
             "caption template, e.g. '{name}\\n{shape}' (fields name, type, shape, index, params)",
             &Options::caption, true));
    // A template is filled in by the layout: its syntax is checked here, at its place.
    e.back().set_text = [](Options& o, std::string_view v, const std::string& where) {
        if (auto problem = caption_template_problem(v)) throw Error(where, *problem);
        o.caption = std::string(v);
    };
    e.back().check = [](const Options& o, const std::string& where) {
        if (auto problem = caption_template_problem(o.caption)) throw Error(where, *problem);
    };
    e.push_back(choice("caption_position", "where captions go", &Options::caption_position));
    e.push_back(structure("captions", OptionKind::structure,
                          "caption per layer name: {conv1: 'first conv'}", &Options::captions,
                          [](Options& o, const YAML::Node& n, const YamlSource& s) {
                              for (auto& [layer, caption] : so::captions(s, n))
                                  o.captions[layer] = caption;
                          }));
    e.back().check = [](const Options& o, const std::string& where) {
        for (const auto& [layer, caption] : o.captions) {
            if (auto problem = caption_template_problem(caption))
                throw Error(where + "." + layer, *problem);
        }
    };
    e.push_back(text_entry(
        "captions_above", OptionKind::name_list,
        "layers whose caption goes above the box, whatever caption_position says",
        [](Options& o, std::string_view v, const std::string&) {
            o.captions_above = ov::name_list(v);
        },
        getter(&Options::captions_above)));
    e.push_back(number("text_vspacing", "gap between caption lines, px", &Options::text_vspacing));
    e.push_back(text("font", "font: a fontconfig family or a font file", &Options::font, false));
    // A flag's font file in the working directory is that file; in a file, a font that names
    // a file is a path (kept inside a model file's folder).
    e.back().set_text = [](Options& o, std::string_view v, const std::string& where) {
        if (v.empty()) throw Error(where, "expected a value, got nothing");
        o.font = user_font(std::string(v));
    };
    e.back().set_node = [](Options& o, const YAML::Node& n, const YamlSource& s) {
        std::string font = yaml_font(s, n, "font");
        if (font.empty()) throw Error("", "expected a value, got nothing");
        o.font = std::move(font);
    };
    e.push_back(number("font_size", "font size, px", &Options::font_size, 0.5, 1000));
    e.push_back(color("font_color", "text colour", &Options::font_color));
    // Legend.
    e.push_back(boolean("legend", "add a legend of the layer classes", &Options::legend));
    e.push_back(choice("legend_position",
                       "where the legend goes: below, right, or auto (right when a height is "
                       "given and the diagram is larger so)",
                       &Options::legend_position));
    e.push_back(boolean("show_dimension", "one legend entry per layer, with its dimensions",
                        &Options::show_dimension));
    e.push_back(number("legend_text_spacing_offset", "accepted for compatibility; has no effect",
                       &Options::legend_text_spacing_offset, -kSizeLimit));
    // The functional view.
    e.push_back(number("column_spacing", "functional: gap between rank columns, px",
                       &Options::column_spacing));
    e.push_back(number("row_spacing", "functional: gap between boxes of one column, px",
                       &Options::row_spacing));
    e.push_back(number("component_spacing",
                       "functional: gap between unconnected parts of the graph, px",
                       &Options::component_spacing));
    e.push_back(boolean("connector_arrow", "functional: arrowheads on connectors",
                        &Options::connector_arrow));
    e.push_back(number("connector_padding", "functional: gap between a connector and a box, px",
                       &Options::connector_padding, -kSizeLimit));
    e.push_back(boolean("add_output_nodes", "functional: a small box after each model output",
                        &Options::add_output_nodes));
    e.push_back(number("layout_iterations",
                       "functional: passes that order each column to reduce crossings",
                       &Options::layout_iterations, 0, 100));
    e.push_back(number("virtual_node_size",
                       "functional: size of the points a long connector passes through, px",
                       &Options::virtual_node_size));
    e.push_back(boolean("render_virtual_nodes",
                        "functional: draw the points a long connector passes through",
                        &Options::render_virtual_nodes));
    e.push_back(boolean("collapse_enabled", "functional: draw the runs collapse_rules match once",
                        &Options::collapse_enabled));
    e.push_back(structure(
        "collapse_rules", OptionKind::structure,
        "functional: runs drawn once: [{kind: block, selector: [Conv2D, ReLU], repeat_count: 3, "
        "label: 3x, annotation_position: above}] (selector: layer or class names)",
        &Options::collapse_rules, [](Options& o, const YAML::Node& n, const YamlSource& s) {
            o.collapse_rules = so::collapse_rules(s, n);
        }));
    e.back().check = [](const Options& o, const std::string& where) {
        for (std::size_t i = 0; i < o.collapse_rules.size(); ++i)
            so::check_collapse_rule(o.collapse_rules[i], where + "[" + std::to_string(i) + "]");
    };
    e.push_back(boolean("collapse_annotations",
                        "functional: a double-headed arrow over each collapsed block",
                        &Options::collapse_annotations));
    e.push_back(boolean("simple_text_visualization",
                        "functional: flat boxes with text inside or below",
                        &Options::simple_text_visualization));
    e.push_back(choice("simple_text_label_mode",
                       "functional: with simple_text_visualization, text below or inside the boxes",
                       &Options::simple_text_label_mode));
    e.push_back(text_entry(
        "orientation_rotation", OptionKind::text,
        "functional: turn 3-D boxes this many degrees about the vertical (none: visualkeras' "
        "oblique boxes)",
        [](Options& o, std::string_view v, const std::string& where) {
            if (v.empty() || v == "none" || v == "null" || v == "~") {
                o.orientation_rotation.reset();
                return;
            }
            o.orientation_rotation = ov::number(v, where, -1e6, 1e6);
        },
        [](const Options& o, YAML::Emitter& out) {
            if (o.orientation_rotation)
                write_value(out, *o.orientation_rotation);
            else
                out << YAML::Null;
        },
        [](const Options& o, const std::string& where) {
            if (o.orientation_rotation) ov::check_number(*o.orientation_rotation, where, -1e6, 1e6);
        }));
    // Groups, logos, face images.
    e.push_back(structure(
        "layered_groups", OptionKind::structure,
        "boxes around layers: [{name: Features, layers: [conv1, conv2], fill: '#e3f2fd'}]",
        &Options::layered_groups, [](Options& o, const YAML::Node& n, const YamlSource& s) {
            o.layered_groups = so::layered_groups(s, n);
        }));
    e.back().check = [](const Options& o, const std::string& where) {
        for (std::size_t i = 0; i < o.layered_groups.size(); ++i)
            so::check_layered_group(o.layered_groups[i], where + "[" + std::to_string(i) + "]");
    };
    e.push_back(
        structure("logo_groups", OptionKind::structure,
                  "images on faces: [{file: logo.png, layers: [Conv2D], axis: z, size: 0.5}]",
                  &Options::logo_groups, [](Options& o, const YAML::Node& n, const YamlSource& s) {
                      o.logo_groups = so::logo_groups(s, n);
                  }));
    e.back().check = [](const Options& o, const std::string& where) {
        for (std::size_t i = 0; i < o.logo_groups.size(); ++i)
            so::check_logo_group(o.logo_groups[i], where + "[" + std::to_string(i) + "]");
    };
    e.push_back(structure("logos_legend", OptionKind::structure,
                          "legend of the logos: true or {padding: 10, spacing: 10}",
                          &Options::logos_legend,
                          [](Options& o, const YAML::Node& n, const YamlSource& s) {
                              o.logos_legend = so::logos_legend(s, n);
                          }));
    e.back().check = [](const Options& o, const std::string& where) {
        if (o.logos_legend) so::check_logos_legend(*o.logos_legend, where);
    };
    e.push_back(choice("image_fit", "how face images fit", &Options::image_fit));
    e.push_back(choice("image_axis", "which face images go on", &Options::image_axis));
    e.push_back(boolean("link_images", "refer to image files instead of embedding them",
                        &Options::link_images));
    // Branching and deep models.
    e.push_back(text_entry(
        "width", OptionKind::text, "fit the figure to a width: 17cm, 6.5in, 480pt, 640px",
        [](Options& o, std::string_view v, const std::string& where) {
            if (!v.empty()) length_in_px(v, where);  // validates
            o.width = std::string(v);
        },
        getter(&Options::width),
        [](const Options& o, const std::string& where) {
            if (!o.width.empty()) length_in_px(o.width, where);
        }));
    e.push_back(text_entry(
        "height", OptionKind::text,
        "keep the figure no taller than this: 720px, 20cm (a finer level that fits, else the "
        "figure scaled down with a warning)",
        [](Options& o, std::string_view v, const std::string& where) {
            if (!v.empty()) length_in_px(v, where);  // validates
            o.height = std::string(v);
        },
        getter(&Options::height),
        [](const Options& o, const std::string& where) {
            if (!o.height.empty()) length_in_px(o.height, where);
        }));
    e.push_back(number("min_font_size", "smallest text when fitting to a width, pt",
                       &Options::min_font_size, 1, 1000));
    e.push_back(choice("collapse",
                       "draw consecutive blocks once, marked xN: none, exact (identical), similar "
                       "(alike but for sizes), auto (similar at level auto, else exact)",
                       &Options::collapse));
    e.push_back(boolean("stages", "bracket the stages of a deep model", &Options::stages));
    e.push_back(choice("level",
                       "what one box stands for: layer, block, stage, or auto (the finest that "
                       "fits the width; layer without one)",
                       &Options::level));
    e.push_back(text_entry(
        "expand", OptionKind::name_list,
        "blocks or stages drawn layer by layer in a coarser figure, e.g. conv3_block2,conv4",
        [](Options& o, std::string_view v, const std::string&) { o.expand = ov::name_list(v); },
        getter(&Options::expand)));
    // The lenet view.
    e.push_back(number("layer_spacing", "lenet and graph views: gap between stacks or columns, px",
                       &Options::layer_spacing));
    e.push_back(number("map_spacing", "lenet: offset between the maps of a stack, px",
                       &Options::map_spacing));
    e.push_back(integer("max_visual_channels", "lenet: most maps drawn per stack",
                        &Options::max_visual_channels, 1, 1000));
    e.push_back(color("patch_fill", "lenet: receptive field patch colour", &Options::patch_fill));
    e.push_back(
        color("patch_outline", "lenet: receptive field patch outline", &Options::patch_outline));
    e.push_back(number("patch_scale", "lenet: patch size as a share of the kernel's",
                       &Options::patch_scale, 0, 1000));
    e.push_back(text_entry(
        "seed", OptionKind::text,
        "lenet: seed of the patch places, an integer (none: visualkeras' unseeded places)",
        [](Options& o, std::string_view v, const std::string& where) {
            if (v.empty() || v == "none" || v == "null" || v == "~") {
                o.seed.reset();
                return;
            }
            constexpr double kLargest = 9007199254740992.0;  // 2^53: exact as a double
            const double n = ov::number(v, where, -kLargest, kLargest);
            if (n != static_cast<double>(static_cast<std::int64_t>(n)))
                throw Error(where, "expected an integer, got '" + std::string(v) + "'");
            o.seed = static_cast<std::int64_t>(n);
        },
        [](const Options& o, YAML::Emitter& out) {
            if (o.seed)
                out << *o.seed;
            else
                out << YAML::Null;
        }));
    e.push_back(
        boolean("draw_connections", "lenet: join neighbouring stacks", &Options::draw_connections));
    e.push_back(
        boolean("draw_patches", "lenet: draw the receptive field patches", &Options::draw_patches));
    e.push_back(
        boolean("top_label", "lenet: the layer class above each stack", &Options::top_label));
    e.push_back(boolean("bottom_label", "lenet: the size (C@HxW) below each stack",
                        &Options::bottom_label));
    e.push_back(number("top_label_padding", "lenet: gap above a stack to its label, px",
                       &Options::top_label_padding));
    e.push_back(number("bottom_label_padding", "lenet: gap below a stack to its label, px",
                       &Options::bottom_label_padding));
    e.push_back(choice("top_label_callable",
                       "lenet: what the label above each stack says: type, size, name, shape, none",
                       &Options::top_label_callable));
    e.push_back(choice("bottom_label_callable",
                       "lenet: what the label below each stack says: type, size, name, shape, none",
                       &Options::bottom_label_callable));
    e.push_back(texts_by_layer("top_labels", "above", &Options::top_labels));
    e.push_back(texts_by_layer("bottom_labels", "below", &Options::bottom_labels));
    // The graph view.
    e.push_back(number("node_size", "graph view: node diameter, px", &Options::node_size));
    e.push_back(number("node_spacing", "graph view: gap between the nodes of a column, px",
                       &Options::node_spacing));
    e.push_back(integer("ellipsize_after",
                        "graph view: most nodes per layer, dots standing for the rest (0: all)",
                        &Options::ellipsize_after, 0, kSizeLimit));
    e.push_back(boolean("inout_as_tensor", "graph view: each input and output tensor one node",
                        &Options::inout_as_tensor));
    e.push_back(boolean("show_neurons", "graph view: a node per unit or filter of a layer",
                        &Options::show_neurons));
    // Output.
    e.push_back(text("to_file", "output file when -o is not given", &Options::to_file, true));
    e.back().info.names_output = true;
    e.push_back(boolean("compat_visualkeras",
                        "reproduce visualkeras' canvas exactly, quirks included (for comparisons)",
                        &Options::compat_visualkeras));
    return e;
}

}  // namespace

const std::vector<OptionEntry>& option_entries() {
    static const std::vector<OptionEntry> table = make_entries();
    return table;
}

const OptionEntry* find_option(std::string_view key) {
    for (const OptionEntry& e : option_entries()) {
        if (e.info.key == key || e.info.flag == key) return &e;
    }
    return nullptr;
}

const std::vector<OptionInfo>& option_table() {
    static const std::vector<OptionInfo> infos = [] {
        std::vector<OptionInfo> v;
        for (const OptionEntry& e : option_entries()) v.push_back(e.info);
        return v;
    }();
    return infos;
}

std::string options_to_yaml(const Options& options) {
    YAML::Emitter out;
    out << YAML::BeginMap;
    for (const OptionEntry& e : option_entries()) {
        out << YAML::Key << e.info.key << YAML::Value;
        e.get(options, out);
    }
    out << YAML::EndMap;
    return escape_yaml_line_separators(std::string(out.c_str()) + "\n");
}

std::string option_value_yaml(const OptionEntry& entry, const Options& options) {
    YAML::Emitter out;
    entry.get(options, out);
    return out.c_str();
}

std::string options_to_yaml(const Options& options, const Options& base) {
    // The file's `view` key is applied first and brings that view's defaults: the other keys
    // are what differs from those.
    Options start = base;
    if (options.view != base.view) apply_view(start, options.view);
    YAML::Emitter out;
    out << YAML::BeginMap;
    for (const OptionEntry& e : option_entries()) {
        const bool changed = e.info.key == "view"
                                 ? options.view != base.view
                                 : option_value_yaml(e, options) != option_value_yaml(e, start);
        if (!changed) continue;
        out << YAML::Key << e.info.key << YAML::Value;
        e.get(options, out);
    }
    out << YAML::EndMap;
    return escape_yaml_line_separators(std::string(out.c_str()) + "\n");
}

void validate(const Options& options) {
    for (const OptionEntry& e : option_entries()) {
        if (e.check) e.check(options, e.info.key);
    }
}

std::string unknown_option_message(std::string_view key) {
    std::vector<std::string> keys;
    for (const OptionEntry& e : option_entries()) keys.emplace_back(e.info.key);
    return "unknown option " + quoted_text(key) + style::did_you_mean(key, keys);
}

namespace {

// The example a structure's help gives ("boxes around layers: [{name: ...}]"), brackets
// balanced, to show the value's form where its YAML cannot be read.
std::string yaml_example(const std::string& help) {
    const std::size_t start = help.find_first_of("[{");
    if (start == std::string::npos) return "{key: value} in flow style";
    int depth = 0;
    for (std::size_t i = start; i < help.size(); ++i) {
        if (help[i] == '[' || help[i] == '{') ++depth;
        if ((help[i] == ']' || help[i] == '}') && --depth == 0)
            return help.substr(start, i + 1 - start);
    }
    return "{key: value} in flow style";
}

}  // namespace

void set_option(Options& options, std::string_view key, std::string_view value,
                const std::string& where) {
    const OptionEntry* entry = find_option(key);
    if (entry == nullptr) throw Error(where, unknown_option_message(key));
    // A value given here has no place in a file: the place of the one it replaces goes.
    options.option_places.forget(entry->info.key);
    if (entry->set_text) {
        entry->set_text(options, value, where);
        return;
    }
    YAML::Node node;
    try {
        node = parse_yaml_document(value, where);
    } catch (const Error& e) {
        // A syntax error found only at the end of the text has no mark: it is at the end.
        std::size_t line = e.line(), column = e.column();
        if (line == 0) {
            const std::size_t last = value.rfind('\n');
            line = 1 + static_cast<std::size_t>(std::count(value.begin(), value.end(), '\n'));
            column = value.size() - (last == std::string_view::npos ? 0 : last + 1) + 1;
        }
        throw Error(where, line, column,
                    "expected YAML such as " + yaml_example(entry->info.help) + ": " + e.message());
    }
    entry->set_node(options, node, YamlSource{where, ""});
}

}  // namespace strata
