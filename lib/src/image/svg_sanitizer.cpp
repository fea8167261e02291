#include "strata/image_source.hpp"

#include <functional>
#include <map>
#include <optional>
#include <set>
#include <sstream>
#include <utility>
#include <vector>

#include <pugixml.hpp>

#include "strata/error.hpp"

namespace strata {
namespace {

constexpr std::string_view kSvgNamespace = "http://www.w3.org/2000/svg";
constexpr std::string_view kXlinkNamespace = "http://www.w3.org/1999/xlink";
constexpr std::string_view kXmlNamespace = "http://www.w3.org/XML/1998/namespace";

// Elements that draw or define what is drawn. Not here: script, style, foreignObject, a
// (its content is kept in a plain group), image and feImage (they load other files),
// animation elements (they can set any attribute), switch, metadata, font, cursor, view.
const std::set<std::string_view>& drawing_elements() {
    static const std::set<std::string_view> names = {"svg",
                                                     "g",
                                                     "defs",
                                                     "symbol",
                                                     "use",
                                                     "path",
                                                     "rect",
                                                     "circle",
                                                     "ellipse",
                                                     "line",
                                                     "polyline",
                                                     "polygon",
                                                     "text",
                                                     "tspan",
                                                     "textPath",
                                                     "title",
                                                     "desc",
                                                     "linearGradient",
                                                     "radialGradient",
                                                     "stop",
                                                     "clipPath",
                                                     "mask",
                                                     "pattern",
                                                     "marker",
                                                     "filter",
                                                     "feBlend",
                                                     "feColorMatrix",
                                                     "feComponentTransfer",
                                                     "feComposite",
                                                     "feConvolveMatrix",
                                                     "feDiffuseLighting",
                                                     "feDisplacementMap",
                                                     "feDistantLight",
                                                     "feDropShadow",
                                                     "feFlood",
                                                     "feFuncA",
                                                     "feFuncB",
                                                     "feFuncG",
                                                     "feFuncR",
                                                     "feGaussianBlur",
                                                     "feMerge",
                                                     "feMergeNode",
                                                     "feMorphology",
                                                     "feOffset",
                                                     "fePointLight",
                                                     "feSpecularLighting",
                                                     "feSpotLight",
                                                     "feTile",
                                                     "feTurbulence"};
    return names;
}

// Geometry and presentation attributes; none of them runs or loads anything (url(...) values
// are checked separately).
const std::set<std::string_view>& drawing_attributes() {
    static const std::set<std::string_view> names = {
        // core
        "id", "class", "lang", "version", "baseProfile",
        // geometry
        "x", "y", "x1", "y1", "x2", "y2", "cx", "cy", "r", "rx", "ry", "fx", "fy", "fr", "width",
        "height", "d", "points", "transform", "viewBox", "preserveAspectRatio", "dx", "dy",
        "rotate", "textLength", "lengthAdjust", "startOffset", "method", "spacing", "side",
        "pathLength", "refX", "refY", "markerWidth", "markerHeight", "markerUnits", "orient",
        "patternUnits", "patternContentUnits", "patternTransform", "gradientUnits",
        "gradientTransform", "spreadMethod", "offset", "clipPathUnits", "maskUnits",
        "maskContentUnits", "filterUnits", "primitiveUnits",
        // presentation
        "fill", "fill-opacity", "fill-rule", "stroke", "stroke-width", "stroke-opacity",
        "stroke-linecap", "stroke-linejoin", "stroke-miterlimit", "stroke-dasharray",
        "stroke-dashoffset", "opacity", "color", "stop-color", "stop-opacity", "clip-path",
        "clip-rule", "mask", "marker", "marker-start", "marker-mid", "marker-end", "display",
        "visibility", "overflow", "font-family", "font-size", "font-size-adjust", "font-weight",
        "font-style", "font-variant", "font-stretch", "text-anchor", "dominant-baseline",
        "alignment-baseline", "baseline-shift", "letter-spacing", "word-spacing", "text-decoration",
        "writing-mode", "direction", "unicode-bidi", "paint-order", "vector-effect",
        "shape-rendering", "text-rendering", "image-rendering", "color-interpolation",
        "color-interpolation-filters", "filter", "flood-color", "flood-opacity", "lighting-color",
        "mix-blend-mode", "isolation", "style",
        // filter primitives
        "in", "in2", "result", "stdDeviation", "mode", "type", "values", "operator", "k1", "k2",
        "k3", "k4", "radius", "scale", "xChannelSelector", "yChannelSelector", "baseFrequency",
        "numOctaves", "seed", "stitchTiles", "tableValues", "slope", "intercept", "amplitude",
        "exponent", "kernelMatrix", "order", "divisor", "bias", "targetX", "targetY", "edgeMode",
        "preserveAlpha", "surfaceScale", "diffuseConstant", "specularConstant", "specularExponent",
        "azimuth", "elevation", "z", "pointsAtX", "pointsAtY", "pointsAtZ", "limitingConeAngle",
        "kernelUnitLength"};
    return names;
}

// Elements whose text content is part of the picture.
bool keeps_text(std::string_view local_name) {
    return local_name == "text" || local_name == "tspan" || local_name == "textPath" ||
           local_name == "title" || local_name == "desc";
}

std::string lower(std::string_view text) {
    std::string out(text);
    for (char& c : out) {
        if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    }
    return out;
}

// Whether every url(...) in a value names a fragment of this picture, and the value carries
// nothing CSS could use to hide one (escapes, at-rules, comments, markup).
bool references_only_fragments(std::string_view value) {
    const std::string text = lower(value);
    if (text.find_first_of("\\@<") != std::string::npos || text.find("/*") != std::string::npos ||
        text.find("javascript:") != std::string::npos ||
        text.find("expression") != std::string::npos) {
        return false;
    }
    for (std::size_t at = text.find("url"); at != std::string::npos;
         at = text.find("url", at + 3)) {
        std::size_t next = text.find_first_not_of(" \t\r\n", at + 3);
        if (next == std::string::npos || text[next] != '(') continue;
        next = text.find_first_not_of(" \t\r\n\"'", next + 1);
        if (next == std::string::npos || text[next] != '#') return false;
    }
    return true;
}

// A name split at its first colon: prefix (empty when there is none) and local name.
struct QualifiedName {
    std::string_view prefix, local;
};

QualifiedName split_name(std::string_view name) {
    const std::size_t colon = name.find(':');
    if (colon == std::string_view::npos) return {{}, name};
    return {name.substr(0, colon), name.substr(colon + 1)};
}

// The namespace declarations in scope at a node of the walk: for each prefix ("" the default
// namespace), the URIs declared for it from the root down, innermost last. pugixml reads names
// as plain text; what a prefix means is only known from the xmlns attributes around it.
class NamespaceScope {
  public:
    // Declares the xmlns attributes of `element`; returns how many, for leave().
    std::size_t enter(const pugi::xml_node& element) {
        std::size_t count = 0;
        for (const pugi::xml_attribute& a : element.attributes()) {
            const std::string_view name = a.name();
            std::string_view prefix;
            if (name == "xmlns") {
                prefix = "";
            } else if (name.substr(0, 6) == "xmlns:") {
                prefix = name.substr(6);
                // `xml` is bound for ever and `xmlns` never; neither can be declared.
                if (prefix == "xml" || prefix == "xmlns") continue;
            } else {
                continue;
            }
            auto it = bindings_.find(prefix);
            if (it == bindings_.end()) it = bindings_.emplace(std::string(prefix), Uris()).first;
            it->second.emplace_back(a.value());
            declared_.push_back(&it->second);
            ++count;
        }
        return count;
    }

    // Undoes the last `count` declarations (those of the element being left).
    void leave(std::size_t count) {
        for (; count > 0; --count) {
            declared_.back()->pop_back();
            declared_.pop_back();
        }
    }

    // The namespace `prefix` stands for: "" for no namespace (an unprefixed name where no
    // default is declared, or one declared empty), nullopt for a prefix that is not bound.
    std::optional<std::string_view> uri(std::string_view prefix) const {
        if (prefix == "xml") return kXmlNamespace;
        const auto it = bindings_.find(prefix);
        if (it == bindings_.end() || it->second.empty())
            return prefix.empty() ? std::optional<std::string_view>("") : std::nullopt;
        const std::string& uri = it->second.back();
        if (uri.empty() && !prefix.empty()) return std::nullopt;  // not a binding
        return std::string_view(uri);
    }

  private:
    using Uris = std::vector<std::string>;
    std::map<std::string, Uris, std::less<>> bindings_;  // node-based: pointers stay valid
    std::vector<Uris*> declared_;
};

// Names are judged by the namespace their prefix is bound to, never by the prefix's text, and
// the picture is written with names of its own: SVG elements unprefixed in the SVG default
// namespace, `xlink:href` and `xml:space`/`xml:lang` with the prefixes bound to theirs, so that
// whatever prefixes the picture chose, the result is well-formed and means what was checked.
class Sanitizer {
  public:
    NamespaceScope scope;

    // The namespace the root `svg` element is in, which the picture's elements must share:
    // SVG's, or none for an SVG written without namespaces (it is written out in SVG's).
    // Throws when the root is no SVG element.
    void check_root(const pugi::xml_node& root, const std::string& file) {
        const QualifiedName name = split_name(root.name());
        const std::optional<std::string_view> uri = scope.uri(name.prefix);
        if (name.local != "svg" || !uri || (*uri != kSvgNamespace && !uri->empty())) {
            throw Error(file, "not an SVG file: the root element is <" + std::string(root.name()) +
                                  ">" + (name.local == "svg" ? " outside the SVG namespace" : ""));
        }
        svg_namespace_ = std::string(*uri);
    }

    // The local name of an SVG element of the picture, or empty for any other node.
    std::string_view svg_local_name(const pugi::xml_node& node) const {
        if (node.type() != pugi::node_element) return {};
        const QualifiedName name = split_name(node.name());
        const std::optional<std::string_view> uri = scope.uri(name.prefix);
        if (!uri || *uri != svg_namespace_) return {};
        return name.local;
    }

    void copy_attributes(const pugi::xml_node& from, pugi::xml_node to) {
        for (const pugi::xml_attribute& a : from.attributes()) {
            const std::string_view value = a.value();
            const std::string name = kept_name(a.name(), value);
            // One name given twice (through two prefixes of one namespace) is kept once.
            if (name.empty() || to.attribute(name.c_str())) continue;
            if (name == "xlink:href") uses_xlink_ = true;
            to.append_attribute(name.c_str()).set_value(a.value());
        }
    }

    bool uses_xlink() const { return uses_xlink_; }

  private:
    // The name an attribute is written under, or empty when it goes. Unprefixed attributes are
    // in no namespace; declarations go (the result declares its own).
    std::string kept_name(std::string_view qualified, std::string_view value) const {
        const QualifiedName name = split_name(qualified);
        if (qualified == "xmlns" || name.prefix == "xmlns") return {};
        const std::optional<std::string_view> uri =
            name.prefix.empty() ? std::optional<std::string_view>("") : scope.uri(name.prefix);
        if (!uri) return {};
        const bool fragment = value.substr(0, 1) == "#";
        if (uri->empty()) {
            if (name.local == "href") return fragment ? "href" : "";
            return drawing_attributes().count(name.local) != 0 && references_only_fragments(value)
                       ? std::string(name.local)
                       : "";
        }
        if (*uri == kXlinkNamespace && name.local == "href") return fragment ? "xlink:href" : "";
        if (*uri == kXmlNamespace && (name.local == "space" || name.local == "lang"))
            return "xml:" + std::string(name.local);
        return {};
    }

    std::string svg_namespace_;
    bool uses_xlink_ = false;
};

}  // namespace

std::string sanitize_svg_picture(std::string_view data, const std::string& file) {
    pugi::xml_document source;
    const pugi::xml_parse_result parsed =
        source.load_buffer(data.data(), data.size(), pugi::parse_default | pugi::parse_doctype);
    if (!parsed) throw Error(file, std::string("broken SVG file: ") + parsed.description());
    for (const pugi::xml_node& node : source.children()) {
        if (node.type() == pugi::node_doctype &&
            std::string_view(node.value()).find('[') != std::string_view::npos) {
            throw Error(file,
                        "SVG picture declares entities in its DOCTYPE; strata refuses them "
                        "(remove the DOCTYPE)");
        }
    }
    const pugi::xml_node root = source.document_element();
    Sanitizer sanitizer;
    // A walk with an explicit stack: a hostile picture may nest a million elements. Each
    // element's namespace declarations are in scope from its own name until it is left.
    struct Step {
        pugi::xml_node from, to, next;
        std::size_t declared;
        bool text_allowed;
    };
    const std::size_t root_declared = sanitizer.scope.enter(root);
    sanitizer.check_root(root, file);
    pugi::xml_document clean;
    pugi::xml_node top = clean.append_child("svg");
    top.append_attribute("xmlns").set_value(kSvgNamespace.data());
    sanitizer.copy_attributes(root, top);
    std::vector<Step> pending{{root, top, root.first_child(), root_declared, false}};
    while (!pending.empty()) {
        Step& step = pending.back();
        const pugi::xml_node child = step.next;
        if (!child) {
            sanitizer.scope.leave(step.declared);
            pending.pop_back();
            continue;
        }
        step.next = child.next_sibling();
        if (child.type() == pugi::node_pcdata || child.type() == pugi::node_cdata) {
            if (step.text_allowed) step.to.append_child(pugi::node_pcdata).set_value(child.value());
            continue;
        }
        if (child.type() != pugi::node_element) continue;
        const std::size_t declared = sanitizer.scope.enter(child);
        std::string name(sanitizer.svg_local_name(child));
        // A link's content stays, as a plain group (or span inside text).
        if (name == "a") {
            name = step.text_allowed ? "tspan" : "g";
        } else if (drawing_elements().count(name) == 0) {
            sanitizer.scope.leave(declared);
            continue;
        }
        pugi::xml_node copy = step.to.append_child(name.c_str());
        sanitizer.copy_attributes(child, copy);
        pending.push_back({child, copy, child.first_child(), declared, keeps_text(name)});
    }
    if (sanitizer.uses_xlink()) {
        top.insert_attribute_after("xmlns:xlink", top.attribute("xmlns"))
            .set_value(kXlinkNamespace.data());
    }
    std::ostringstream out;
    clean.save(out, "", pugi::format_raw | pugi::format_no_declaration);
    return out.str();
}

}  // namespace strata
