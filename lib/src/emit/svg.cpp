// Scene → editable SVG: one <g> per scene group (stable id, Inkscape label, data-role/-type/
// -shape, <title>), faces and lines as separate named paths, text as real <text>, everything
// as inline presentation attributes. The emitter only translates; it never measures or moves.

#include <map>
#include <set>
#include <sstream>
#include <string>
#include <utility>
#include <variant>
#include <vector>

#include <pugixml.hpp>

#include "emit/hex_color.hpp"
#include "emit/number_format.hpp"
#include "emit/xml_text.hpp"
#include "strata/render.hpp"

namespace strata {
namespace {

using emit::format_number;
using emit::hex_rgb;
using emit::xml_safe_text;

// Inkscape layers. The scene's paint order is kept exactly. In the layered view a funnel is
// painted after the box on its left and before the box on its right: its front lines run
// visibly across the left box's side face while the right box covers their ends. A funnel
// layer below all boxes would hide those lines, one above all boxes would show the ends over
// the right box, so funnels share one Inkscape layer with the boxes (each still its own
// <g data-role="funnel">). Captions, painted after everything, get their own layer. An
// Inkscape layer holds a run of consecutive groups; if a kind recurs after another kind, a
// further layer of that kind opens ("captions 2") instead of anything being reordered.
struct LayerKind {
    std::string id, label;
    bool operator==(const LayerKind&) const = default;
};

LayerKind inkscape_layer_of(Role role) {
    switch (role) {
        case Role::layer:
        case Role::funnel:
            return {"layer-boxes-and-funnels", "boxes and funnels"};
        case Role::caption:
            return {"layer-captions", "captions"};
    }
    return {"layer-other", "other"};
}

// "base-2" style names, built by appending (GCC 12 warns falsely on `"-" + std::to_string`).
std::string numbered(std::string base, char separator, int number) {
    base += separator;
    base += std::to_string(number);
    return base;
}

// Hands out document-unique ids: a taken id gets "-2", "-3", … appended. Ids are first made
// valid XML names, so a broken id from upstream still yields a valid document.
class IdRegistry {
  public:
    std::string claim(std::string_view wanted, std::string_view fallback) {
        const std::string base = emit::xml_safe_id(wanted, fallback);
        std::string id = base;
        for (int n = 2; used_.count(id) != 0; ++n) id = numbered(base, '-', n);
        used_.insert(id);
        return id;
    }

  private:
    std::set<std::string> used_;
};

void set_text_attribute(pugi::xml_node node, const char* name, std::string_view value) {
    node.append_attribute(name).set_value(xml_safe_text(value).c_str());
}

void set_number_attribute(pugi::xml_node node, const char* name, double value) {
    node.append_attribute(name).set_value(format_number(value).c_str());
}

void set_paint(pugi::xml_node node, const char* paint, const char* opacity, Rgba color) {
    node.append_attribute(paint).set_value(hex_rgb(color).c_str());
    if (color.a != 255) set_number_attribute(node, opacity, emit::opacity(color));
}

void append_title(pugi::xml_node parent, std::string_view text) {
    parent.append_child("title")
        .append_child(pugi::node_pcdata)
        .set_value(xml_safe_text(text).c_str());
}

std::string path_data(const std::vector<Point>& points, bool closed) {
    std::string d;
    for (const Point& p : points) {
        d += d.empty() ? "M " : " L ";
        d += format_number(p.x) + " " + format_number(p.y);
    }
    if (closed) d += " Z";
    return d;
}

// A CSS font-family value: the bare name when it is a sequence of plain identifiers, else
// quoted, so names such as "Font 3" or generic-looking names stay one family.
std::string css_font_family(std::string_view family) {
    static const std::set<std::string_view> generic = {
        "serif", "sans-serif", "monospace", "cursive", "fantasy", "inherit", "initial", "default"};
    bool plain = !family.empty() && generic.count(family) == 0;
    bool word_start = true;
    for (char c : family) {
        const bool letter = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z');
        const bool digit_or_mark = (c >= '0' && c <= '9') || c == '-' || c == '_';
        if (c == ' ' && !word_start) {
            word_start = true;
        } else if (letter || (digit_or_mark && !word_start)) {
            word_start = false;
        } else {
            plain = false;
        }
    }
    if (plain && !word_start) return std::string(family);
    std::string quoted = "'";
    for (char c : family) {
        if (c == '\'' || c == '\\') quoted += '\\';
        quoted += c;
    }
    return quoted + "'";
}

std::string group_title(const Group& group) {
    std::string title = group.label;
    if (!group.type.empty()) title += " (" + group.type + ")";
    if (!group.shape.empty()) title += " " + group.shape;
    return title;
}

std::string primitive_name(const Primitive& item) {
    if (const auto* polygon = std::get_if<Polygon>(&item)) {
        return polygon->name.empty() ? "polygon" : polygon->name;
    }
    if (const auto* line = std::get_if<Polyline>(&item))
        return line->name.empty() ? "line" : line->name;
    return "text";
}

// Writes one group's primitives into its <g>, in paint order. A name used more than once in
// the group gets a 1-based index, so the ids stay readable and unique.
class PrimitiveWriter {
  public:
    PrimitiveWriter(pugi::xml_node group_node, const Group& group, std::string group_id,
                    IdRegistry& ids)
        : node_(group_node), group_(group), group_id_(std::move(group_id)), ids_(ids) {
        for (const Primitive& item : group.items) ++name_counts_[primitive_name(item)];
    }

    void write_all() {
        for (const Primitive& item : group_.items) {
            current_id_ = next_id(primitive_name(item));
            std::visit(*this, item);
        }
    }

    void operator()(const Polygon& polygon) {
        if (polygon.points.empty()) return;
        pugi::xml_node path = start("path");
        path.append_attribute("d").set_value(path_data(polygon.points, true).c_str());
        if (polygon.fill) {
            set_paint(path, "fill", "fill-opacity", *polygon.fill);
        } else {
            path.append_attribute("fill").set_value("none");
        }
        if (polygon.stroke) {
            set_paint(path, "stroke", "stroke-opacity", *polygon.stroke);
            set_number_attribute(path, "stroke-width", polygon.stroke_width);
            path.append_attribute("stroke-linejoin").set_value("miter");
        }
    }

    void operator()(const Polyline& line) {
        if (line.points.empty()) return;
        pugi::xml_node path = start("path");
        path.append_attribute("d").set_value(path_data(line.points, false).c_str());
        path.append_attribute("fill").set_value("none");
        set_paint(path, "stroke", "stroke-opacity", line.stroke);
        set_number_attribute(path, "stroke-width", line.stroke_width);
    }

    void operator()(const TextRun& run) {
        pugi::xml_node text = start("text");
        set_number_attribute(text, "x", run.x);
        set_number_attribute(text, "y", run.y);
        set_text_attribute(text, "font-family", css_font_family(run.font_family));
        set_number_attribute(text, "font-size", run.font_size);
        set_paint(text, "fill", "fill-opacity", run.fill);
        text.append_attribute("xml:space").set_value("preserve");
        const std::string content = xml_safe_text(run.text);
        if (!content.empty()) text.append_child(pugi::node_pcdata).set_value(content.c_str());
    }

  private:
    std::string next_id(const std::string& name) {
        std::string wanted = group_id_ + "-" + name;
        if (name_counts_[name] > 1) wanted = numbered(wanted, '-', ++name_indices_[name]);
        return ids_.claim(wanted, "item");
    }

    pugi::xml_node start(const char* element) {
        pugi::xml_node node = node_.append_child(element);
        node.append_attribute("id").set_value(current_id_.c_str());
        return node;
    }

    pugi::xml_node node_;
    const Group& group_;
    std::string group_id_;  // as written, so a renamed group's parts follow its new id
    IdRegistry& ids_;
    std::map<std::string, int> name_counts_, name_indices_;
    std::string current_id_;
};

class SvgWriter {
  public:
    explicit SvgWriter(const Scene& scene) : scene_(scene) {
        // Scene ids come first so that they survive unchanged whatever else needs an id.
        for (const Group& group : scene.groups) group_ids_.push_back(ids_.claim(group.id, "group"));
    }

    std::string write() {
        pugi::xml_node declaration = doc_.append_child(pugi::node_declaration);
        declaration.append_attribute("version").set_value("1.0");
        declaration.append_attribute("encoding").set_value("UTF-8");

        pugi::xml_node svg = doc_.append_child("svg");
        svg.append_attribute("xmlns").set_value("http://www.w3.org/2000/svg");
        svg.append_attribute("xmlns:inkscape")
            .set_value("http://www.inkscape.org/namespaces/inkscape");
        svg.append_attribute("xmlns:sodipodi")
            .set_value("http://sodipodi.sourceforge.net/DTD/sodipodi-0.dtd");
        set_number_attribute(svg, "width", scene_.width);
        set_number_attribute(svg, "height", scene_.height);
        const std::string view_box =
            "0 0 " + format_number(scene_.width) + " " + format_number(scene_.height);
        svg.append_attribute("viewBox").set_value(view_box.c_str());
        svg.append_attribute("version").set_value("1.1");
        append_title(svg, "strata diagram");
        write_background(svg);
        write_groups(svg);

        std::ostringstream out;
        doc_.save(out, "  ", pugi::format_indent, pugi::encoding_utf8);
        return out.str();
    }

  private:
    void write_background(pugi::xml_node svg) {
        if (scene_.background.a == 0) return;
        pugi::xml_node rect = svg.append_child("rect");
        rect.append_attribute("id").set_value(ids_.claim("background", "background").c_str());
        rect.append_attribute("x").set_value("0");
        rect.append_attribute("y").set_value("0");
        set_number_attribute(rect, "width", scene_.width);
        set_number_attribute(rect, "height", scene_.height);
        set_paint(rect, "fill", "fill-opacity", scene_.background);
    }

    void write_groups(pugi::xml_node svg) {
        pugi::xml_node layer;
        LayerKind current_kind;
        std::map<std::string, int> kind_uses;
        for (std::size_t i = 0; i < scene_.groups.size(); ++i) {
            const Group& group = scene_.groups[i];
            const LayerKind kind = inkscape_layer_of(group.role);
            if (!layer || !(kind == current_kind)) {
                const int use = ++kind_uses[kind.id];
                const std::string label = use > 1 ? numbered(kind.label, ' ', use) : kind.label;
                layer = svg.append_child("g");
                layer.append_attribute("inkscape:groupmode").set_value("layer");
                set_text_attribute(layer, "inkscape:label", label);
                layer.append_attribute("id").set_value(ids_.claim(kind.id, "layer").c_str());
                current_kind = kind;
            }
            write_group(layer, group, group_ids_[i]);
        }
    }

    void write_group(pugi::xml_node layer, const Group& group, const std::string& id) {
        pugi::xml_node node = layer.append_child("g");
        node.append_attribute("id").set_value(id.c_str());
        set_text_attribute(node, "inkscape:label", group.label);
        node.append_attribute("data-role").set_value(to_string(group.role));
        if (!group.type.empty()) set_text_attribute(node, "data-type", group.type);
        if (!group.shape.empty()) set_text_attribute(node, "data-shape", group.shape);
        append_title(node, group_title(group));
        PrimitiveWriter(node, group, id, ids_).write_all();
    }

    const Scene& scene_;
    pugi::xml_document doc_;
    IdRegistry ids_;
    std::vector<std::string> group_ids_;
};

}  // namespace

std::string to_svg(const Scene& scene) {
    return SvgWriter(scene).write();
}

}  // namespace strata
