// Scene → editable SVG: one <g> per scene group (stable id, Inkscape label, data-role/-type/
// -shape, <title>), faces and lines as separate named paths, text as real <text>, everything
// as inline presentation attributes. The emitter only translates; it never measures or moves.

#include <map>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <tuple>
#include <unordered_map>
#include <unordered_set>
#include <utility>
#include <variant>
#include <vector>

#include <pugixml.hpp>

#include "emit/base64.hpp"
#include "emit/face_shade.hpp"
#include "emit/hex_color.hpp"
#include "emit/number_format.hpp"
#include "emit/xml_output.hpp"
#include "emit/xml_text.hpp"
#include "strata/emit.hpp"

namespace strata {
namespace {

using emit::format_number;
using emit::xml_safe_text;

// Inkscape layers. The scene's paint order is kept exactly. In the layered view a funnel is
// painted after the box on its left and before the box on its right: its front lines run
// visibly across the left box's side face while the right box covers their ends. A funnel
// layer below all boxes would hide those lines, one above all boxes would show the ends over
// the right box, so funnels share one Inkscape layer with the boxes (each still its own
// <g data-role="funnel">). The ghost outlines behind a block drawn once for ×N are painted
// before every box, so they have a layer of their own under the boxes' layer, apart from the
// brackets and labels painted after the boxes ("annotations"). Captions, painted after
// everything, get their own layer. An
// Inkscape layer holds a run of consecutive groups; if a kind recurs after another kind, a
// further layer of that kind opens ("captions 2") instead of anything being reordered.
struct LayerKind {
    std::string id, label;
    bool operator==(const LayerKind&) const = default;
};

LayerKind inkscape_layer_of(Role role, const std::string& view) {
    // The graph view draws its layers as columns of nodes under their lines.
    if (view == "graph" && role == Role::layer) return {"layer-nodes", "nodes"};
    switch (role) {
        case Role::layer:
        case Role::funnel:
        case Role::logo:   // logos and face images are painted right after their box, so they
        case Role::image:  // stay in the boxes' layer
        case Role::merge:  // merge glyphs stand in the row like boxes
            return {"layer-boxes-and-funnels", "boxes and funnels"};
        case Role::connector:
            return {"layer-connections", "connections"};
        case Role::repeat:
            return {"layer-ghost-outlines", "ghost outlines"};
        case Role::annotation:
            return {"layer-annotations", "annotations"};
        case Role::caption:
            return {"layer-captions", "captions"};
        case Role::group:
            return {"layer-groups", "groups"};
        case Role::group_title:
            return {"layer-group-titles", "group titles"};
        case Role::legend:
            return {"layer-legend", "legend"};
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
    explicit IdRegistry(std::size_t expected) { used_.reserve(expected); }

    std::string claim(std::string_view wanted, std::string_view fallback) {
        const std::string base = emit::xml_safe_id(wanted, fallback);
        if (used_.insert(base).second) return base;
        int& n = next_number_.try_emplace(base, 2).first->second;
        for (;;) {
            std::string id = numbered(base, '-', n++);
            if (used_.insert(id).second) return id;
        }
    }

  private:
    std::unordered_set<std::string> used_;  // membership only: never iterated
    // Next number to try per base: many clashing names cost linear time, not quadratic.
    std::unordered_map<std::string, int> next_number_;  // lookups only
};

void set_attribute(pugi::xml_node node, const char* name, std::string_view value) {
    node.append_attribute(name).set_value(value.data(), value.size());
}

void set_text_attribute(pugi::xml_node node, const char* name, std::string_view value) {
    set_attribute(node, name, xml_safe_text(value));
}

// Formats numbers, colours and path data into one reused buffer instead of a string each.
class AttributeText {
  public:
    void number(pugi::xml_node node, const char* name, double value) {
        buffer_.clear();
        emit::append_number(buffer_, value);
        set_attribute(node, name, buffer_);
    }

    void paint(pugi::xml_node node, const char* paint, const char* opacity, Rgba color) {
        buffer_.clear();
        emit::append_hex_rgb(buffer_, color);
        set_attribute(node, paint, buffer_);
        if (color.a != 255) number(node, opacity, emit::opacity(color));
    }

    void path_data(pugi::xml_node node, const std::vector<Point>& points, bool closed) {
        buffer_.clear();
        for (const Point& p : points) {
            buffer_ += buffer_.empty() ? "M " : " L ";
            emit::append_number(buffer_, p.x);
            buffer_ += ' ';
            emit::append_number(buffer_, p.y);
        }
        if (closed) buffer_ += " Z";
        set_attribute(node, "d", buffer_);
    }

  private:
    std::string buffer_;
};

// A linked image's path as a URI reference that can only mean that local file: every byte
// but unreserved characters and '/' is percent-encoded, so no scheme ("javascript:"), host
// ("//host") or query can appear, and the path is written relative ("./") unless absolute.
std::string file_reference(std::string_view path) {
    constexpr char kHex[] = "0123456789ABCDEF";
    std::string out = path.substr(0, 1) == "/" ? "/" : "./";
    bool slash = true;
    for (const char c : path) {
        const auto byte = static_cast<unsigned char>(c);
        if (c == '/') {
            if (!slash) out += '/';  // no "//": it would name a host
            slash = true;
            continue;
        }
        slash = false;
        const bool unreserved = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') ||
                                (c >= '0' && c <= '9') || c == '-' || c == '.' || c == '_' ||
                                c == '~';
        if (unreserved) {
            out += c;
        } else {
            out += '%';
            out += kHex[byte >> 4];
            out += kHex[byte & 0xF];
        }
    }
    return out;
}

void append_title(pugi::xml_node parent, std::string_view text) {
    const std::string safe = xml_safe_text(text);
    parent.append_child("title")
        .append_child(pugi::node_pcdata)
        .set_value(safe.data(), safe.size());
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

std::string_view primitive_name(const Primitive& item) {
    if (const auto* polygon = std::get_if<Polygon>(&item)) {
        return polygon->name.empty() ? std::string_view("polygon") : polygon->name;
    }
    if (const auto* line = std::get_if<Polyline>(&item)) {
        return line->name.empty() ? std::string_view("line") : line->name;
    }
    if (const auto* image = std::get_if<Image>(&item)) {
        return image->name.empty() ? std::string_view("image") : image->name;
    }
    return "text";
}

// Each distinct picture of a scene, written once in <defs> and placed by <use>: a picture
// placed on every layer is embedded once. Pictures are told apart by their shared bytes and
// how they are written; ids follow the order of first placement.
class PictureDefinitions {
  public:
    explicit PictureDefinitions(const Scene& scene) {
        for (const Group& group : scene.groups) {
            for (const Primitive& item : group.items) {
                if (const auto* image = std::get_if<Image>(&item)) {
                    if (index_.try_emplace(key_of(*image), first_.size()).second)
                        first_.push_back(image);
                }
            }
        }
    }

    bool empty() const { return first_.empty(); }

    // Claims the definitions' ids and writes them into `defs`.
    void write(pugi::xml_node defs, IdRegistry& ids, AttributeText& text) {
        for (std::size_t i = 0; i < first_.size(); ++i) {
            const Image& image = *first_[i];
            ids_.push_back(ids.claim(numbered("picture", '-', static_cast<int>(i) + 1), "picture"));
            pugi::xml_node element = defs.append_child("image");
            set_attribute(element, "id", ids_.back());
            set_text_attribute(element, "inkscape:label", image.file);
            element.append_attribute("x").set_value("0");
            element.append_attribute("y").set_value("0");
            text.number(element, "width", image.width);
            text.number(element, "height", image.height);
            element.append_attribute("preserveAspectRatio").set_value("none");
            if (image.linked) {
                set_attribute(element, "href", file_reference(image.file));
            } else {
                set_attribute(
                    element, "href",
                    "data:" + image.mime_type + ";base64," + emit::base64(image.data.str()));
            }
        }
    }

    const std::string& id_of(const Image& image) const { return ids_.at(index_.at(key_of(image))); }

  private:
    using Key = std::tuple<const void*, std::string, std::string, bool, double, double>;
    static Key key_of(const Image& image) {
        return {image.data.identity(), image.file,  image.mime_type,
                image.linked,          image.width, image.height};
    }

    std::vector<const Image*> first_;   // the first placement of each picture
    std::map<Key, std::size_t> index_;  // lookups only
    std::vector<std::string> ids_;
};

// How often each primitive name occurs in one group, and how many of each were written.
// Groups hold a handful of primitives, so a flat list beats a map.
class NameCounts {
  public:
    void count(std::string_view name) { ++entry(name).total; }
    int total(std::string_view name) { return entry(name).total; }
    int next_index(std::string_view name) { return ++entry(name).written; }

  private:
    struct Entry {
        std::string_view name;
        int total = 0, written = 0;
    };
    Entry& entry(std::string_view name) {
        for (Entry& e : entries_) {
            if (e.name == name) return e;
        }
        return entries_.emplace_back(Entry{name});
    }
    std::vector<Entry> entries_;
};

// Writes one group's primitives into its <g>, in paint order. A name used more than once in
// the group gets a 1-based index, so the ids stay readable and unique.
class PrimitiveWriter {
  public:
    // `inherited_fill`: the fill the group carries for its faces, if it does.
    PrimitiveWriter(pugi::xml_node group_node, const Group& group, std::string_view group_id,
                    std::optional<Rgba> inherited_fill, IdRegistry& ids, AttributeText& text,
                    const PictureDefinitions& pictures)
        : node_(group_node),
          group_(group),
          group_id_(group_id),
          inherited_fill_(inherited_fill),
          ids_(ids),
          text_(text),
          pictures_(pictures) {
        for (const Primitive& item : group.items) names_.count(primitive_name(item));
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
        text_.path_data(path, polygon.points, true);
        std::optional<emit::FaceShade> shade;
        if (polygon.fill && inherited_fill_)
            shade = emit::face_shade(*inherited_fill_, *polygon.fill);
        if (shade) {
            // No fill of its own: the face takes the group's.
        } else if (polygon.fill) {
            text_.paint(path, "fill", "fill-opacity", *polygon.fill);
        } else {
            path.append_attribute("fill").set_value("none");
        }
        if (polygon.stroke) {
            text_.paint(path, "stroke", "stroke-opacity", *polygon.stroke);
            text_.number(path, "stroke-width", polygon.stroke_width);
            path.append_attribute("stroke-linejoin").set_value("miter");
        }
        if (shade && shade->opacity > 0) {
            pugi::xml_node overlay = node_.append_child("path");
            set_attribute(overlay, "id", ids_.claim(current_id_ + "-shade", "shade"));
            text_.path_data(overlay, polygon.points, true);
            text_.paint(overlay, "fill", "fill-opacity", shade->overlay);
            text_.number(overlay, "fill-opacity", shade->opacity);
        }
    }

    void operator()(const Polyline& line) {
        if (line.points.empty()) return;
        pugi::xml_node path = start("path");
        text_.path_data(path, line.points, false);
        path.append_attribute("fill").set_value("none");
        text_.paint(path, "stroke", "stroke-opacity", line.stroke);
        text_.number(path, "stroke-width", line.stroke_width);
    }

    // The text sits at its anchor, so that a viewer whose font widths differ a little from the
    // measured ones keeps centred text centred.
    void operator()(const TextRun& run) {
        pugi::xml_node text = start("text");
        text_.number(text, "x", anchor_x(run));
        text_.number(text, "y", run.y);
        if (run.anchor != TextAnchor::start) {
            text.append_attribute("text-anchor")
                .set_value(run.anchor == TextAnchor::middle ? "middle" : "end");
        }
        set_text_attribute(text, "font-family", css_font_family(run.font_family));
        text_.number(text, "font-size", run.font_size);
        text_.paint(text, "fill", "fill-opacity", run.fill);
        text.append_attribute("xml:space").set_value("preserve");
        const std::string content = xml_safe_text(run.text);
        if (!content.empty()) {
            text.append_child(pugi::node_pcdata).set_value(content.data(), content.size());
        }
    }

    // A placement of a picture defined once in <defs> (the picture stretched over its own
    // pixel box), mapped by its matrix; a clip polygon is given in canvas coordinates, so it
    // goes on a wrapping <g> outside the transform.
    void operator()(const Image& image) {
        pugi::xml_node parent = node_;
        if (!image.clip.empty()) {
            const std::string clip_id = ids_.claim(current_id_ + "-clip", "clip");
            pugi::xml_node clip = node_.append_child("clipPath");
            set_attribute(clip, "id", clip_id);
            text_.path_data(clip.append_child("path"), image.clip, true);
            parent = node_.append_child("g");
            set_attribute(parent, "clip-path", "url(#" + clip_id + ")");
        }
        pugi::xml_node element = parent.append_child("use");
        set_attribute(element, "id", current_id_);
        set_attribute(element, "xlink:href", "#" + pictures_.id_of(image));
        const Affine& m = image.transform;
        std::string matrix = "matrix(";
        for (double v : {m.a, m.b, m.c, m.d, m.e, m.f}) {
            if (matrix.back() != '(') matrix += ' ';
            matrix += format_number(v);
        }
        set_attribute(element, "transform", matrix + ")");
    }

  private:
    std::string next_id(std::string_view name) {
        std::string wanted(group_id_);
        wanted += '-';
        wanted += name;
        if (names_.total(name) > 1) wanted = numbered(wanted, '-', names_.next_index(name));
        return ids_.claim(wanted, "item");
    }

    pugi::xml_node start(const char* element) {
        pugi::xml_node node = node_.append_child(element);
        set_attribute(node, "id", current_id_);
        return node;
    }

    pugi::xml_node node_;
    const Group& group_;
    std::string_view group_id_;  // as written, so a renamed group's parts follow its new id
    std::optional<Rgba> inherited_fill_;
    IdRegistry& ids_;
    AttributeText& text_;
    const PictureDefinitions& pictures_;
    NameCounts names_;
    std::string current_id_;
};

std::size_t primitive_count(const Scene& scene) {
    std::size_t primitives = 0;
    for (const Group& group : scene.groups) primitives += group.items.size();
    return primitives;
}

// Rough size of the document, so that the output buffer rarely grows. Reserved pages that
// are never written cost no memory.
std::size_t expected_size(const Scene& scene) {
    return 4096 + 512 * scene.groups.size() + 256 * primitive_count(scene);
}

// The document is written piece by piece: the <svg> element and each Inkscape layer are
// printed around a marker child, and each scene group is built and printed on its own, so
// only one group is ever held as a DOM. The bytes are those of saving the whole DOM at once.
class SvgWriter {
  public:
    SvgWriter(const Scene& scene, const SvgOptions& options)
        : scene_(scene),
          options_(options),
          ids_(16 + scene.groups.size() + primitive_count(scene)),
          pictures_(scene) {
        // Scene ids come first so that they survive unchanged whatever else needs an id.
        group_ids_.reserve(scene.groups.size());
        for (const Group& group : scene.groups) group_ids_.push_back(ids_.claim(group.id, "group"));
    }

    std::string write() {
        out_.reserve(expected_size(scene_));
        const emit::Shell root = root_shell();
        out_ += root.head;
        write_groups();
        out_ += root.tail;
        return std::move(out_);
    }

  private:
    emit::Shell root_shell() {
        pugi::xml_document doc;
        pugi::xml_node declaration = doc.append_child(pugi::node_declaration);
        declaration.append_attribute("version").set_value("1.0");
        declaration.append_attribute("encoding").set_value("UTF-8");

        pugi::xml_node svg = doc.append_child("svg");
        svg.append_attribute("xmlns").set_value("http://www.w3.org/2000/svg");
        svg.append_attribute("xmlns:inkscape")
            .set_value("http://www.inkscape.org/namespaces/inkscape");
        svg.append_attribute("xmlns:sodipodi")
            .set_value("http://sodipodi.sourceforge.net/DTD/sodipodi-0.dtd");
        if (!pictures_.empty()) {
            svg.append_attribute("xmlns:xlink").set_value("http://www.w3.org/1999/xlink");
        }
        text_.number(svg, "width", scene_.width);
        text_.number(svg, "height", scene_.height);
        const std::string view_box =
            "0 0 " + format_number(scene_.width) + " " + format_number(scene_.height);
        set_attribute(svg, "viewBox", view_box);
        svg.append_attribute("version").set_value("1.1");
        append_title(svg, "strata diagram");
        if (!pictures_.empty()) pictures_.write(svg.append_child("defs"), ids_, text_);
        write_background(svg);
        svg.append_child(emit::kChildrenMarker);

        std::string printed;
        emit::append_saved(printed, doc);
        return emit::split_at_marker(printed);
    }

    void write_background(pugi::xml_node svg) {
        if (scene_.background.a == 0) return;
        pugi::xml_node rect = svg.append_child("rect");
        set_attribute(rect, "id", ids_.claim("background", "background"));
        rect.append_attribute("x").set_value("0");
        rect.append_attribute("y").set_value("0");
        text_.number(rect, "width", scene_.width);
        text_.number(rect, "height", scene_.height);
        text_.paint(rect, "fill", "fill-opacity", scene_.background);
    }

    // The opening and closing text of one Inkscape layer. Its id is claimed here, between
    // the groups before and after it, as a whole-document writer would.
    emit::Shell layer_shell(const LayerKind& kind, int use) {
        const std::string label = use > 1 ? numbered(kind.label, ' ', use) : kind.label;
        pugi::xml_document doc;
        pugi::xml_node layer = doc.append_child("g");
        layer.append_attribute("inkscape:groupmode").set_value("layer");
        set_text_attribute(layer, "inkscape:label", label);
        set_attribute(layer, "id", ids_.claim(kind.id, "layer"));
        layer.append_child(emit::kChildrenMarker);
        std::string printed;
        emit::append_printed(printed, layer, 1);
        return emit::split_at_marker(printed);
    }

    void write_groups() {
        std::string layer_tail;
        bool layer_open = false;
        LayerKind current_kind;
        std::map<std::string, int> kind_uses;
        for (std::size_t i = 0; i < scene_.groups.size(); ++i) {
            const Group& group = scene_.groups[i];
            const LayerKind kind = inkscape_layer_of(group.role, scene_.view);
            if (!layer_open || !(kind == current_kind)) {
                out_ += layer_tail;
                emit::Shell layer = layer_shell(kind, ++kind_uses[kind.id]);
                out_ += layer.head;
                layer_tail = std::move(layer.tail);
                layer_open = true;
                current_kind = kind;
            }
            write_group(group, group_ids_[i]);
        }
        out_ += layer_tail;
    }

    void write_group(const Group& group, const std::string& id) {
        pugi::xml_node node = scratch_.append_child("g");
        set_attribute(node, "id", id);
        set_text_attribute(node, "inkscape:label", group.label);
        node.append_attribute("data-role").set_value(to_string(group.role));
        if (!group.type.empty()) set_text_attribute(node, "data-type", group.type);
        if (!group.shape.empty()) set_text_attribute(node, "data-shape", group.shape);
        append_title(node, group_title(group));
        const std::optional<Rgba> inherited_fill = fill_for_faces(group);
        if (inherited_fill) text_.paint(node, "fill", "fill-opacity", *inherited_fill);
        PrimitiveWriter(node, group, id, inherited_fill, ids_, text_, pictures_).write_all();
        emit::append_printed(out_, node, 2);
        scratch_.remove_child(node);
    }

    // A layer's group carries its colour for its faces to inherit, unless exact face colours
    // are asked for.
    std::optional<Rgba> fill_for_faces(const Group& group) const {
        if (options_.exact_face_colors || group.role != Role::layer || !group.fill ||
            group.fill->a != 255)
            return std::nullopt;
        return group.fill;
    }

    const Scene& scene_;
    const SvgOptions& options_;
    pugi::xml_document scratch_;  // holds the group being written
    IdRegistry ids_;
    AttributeText text_;
    PictureDefinitions pictures_;
    std::vector<std::string> group_ids_;
    std::string out_;
};

}  // namespace

std::string to_svg(const Scene& scene, const SvgOptions& options) {
    return SvgWriter(scene, options).write();
}

}  // namespace strata
