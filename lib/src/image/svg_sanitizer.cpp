#include "strata/image_source.hpp"

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
        "id", "class", "xml:space", "xml:lang", "lang", "version", "baseProfile",
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

class Sanitizer {
  public:
    explicit Sanitizer(const pugi::xml_node& root) {
        const std::string_view name = root.name();
        const std::size_t colon = name.find(':');
        if (colon != std::string_view::npos) svg_prefix_ = name.substr(0, colon);
    }

    // The local name of an SVG element of the picture, or empty for any other node.
    std::string_view svg_local_name(const pugi::xml_node& node) const {
        if (node.type() != pugi::node_element) return {};
        const std::string_view name = node.name();
        const std::size_t colon = name.find(':');
        const std::string_view prefix =
            colon == std::string_view::npos ? std::string_view() : name.substr(0, colon);
        if (prefix != svg_prefix_) return {};
        return colon == std::string_view::npos ? name : name.substr(colon + 1);
    }

    void copy_attributes(const pugi::xml_node& from, pugi::xml_node to, bool root) const {
        for (const pugi::xml_attribute& a : from.attributes()) {
            const std::string_view name = a.name(), value = a.value();
            bool keep = false;
            if (name == "href" || name == "xlink:href") {
                keep = value.substr(0, 1) == "#";
            } else if (name == "xmlns" || name.substr(0, 6) == "xmlns:") {
                // Only the namespaces the kept names use, and only on the root.
                keep = root && (value == kSvgNamespace ||
                                (name == "xmlns:xlink" && value == kXlinkNamespace));
            } else {
                keep = drawing_attributes().count(name) != 0 && references_only_fragments(value);
            }
            if (keep) to.append_attribute(a.name()).set_value(a.value());
        }
    }

  private:
    std::string_view svg_prefix_;
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
    const Sanitizer sanitizer(root);
    pugi::xml_document clean;
    if (sanitizer.svg_local_name(root) != "svg") {
        throw Error(file,
                    "not an SVG file: the root element is <" + std::string(root.name()) + ">");
    }
    // A walk with an explicit stack: a hostile picture may nest a million elements.
    struct Step {
        pugi::xml_node from, to;
    };
    pugi::xml_node top = clean.append_child(root.name());
    sanitizer.copy_attributes(root, top, true);
    std::vector<Step> pending{{root, top}};
    while (!pending.empty()) {
        Step step = pending.back();
        pending.pop_back();
        const bool text_allowed = keeps_text(sanitizer.svg_local_name(step.to));
        for (const pugi::xml_node& child : step.from.children()) {
            if (child.type() == pugi::node_pcdata || child.type() == pugi::node_cdata) {
                if (text_allowed) {
                    step.to.append_child(pugi::node_pcdata).set_value(child.value());
                }
                continue;
            }
            const std::string_view local = sanitizer.svg_local_name(child);
            // A link's content stays, as a plain group (or span inside text).
            const bool link = local == "a";
            if (!link && drawing_elements().count(local) == 0) continue;
            std::string name = child.name();
            if (link) name.replace(name.size() - 1, 1, text_allowed ? "tspan" : "g");
            pugi::xml_node copy = step.to.append_child(name.c_str());
            sanitizer.copy_attributes(child, copy, false);
            pending.push_back({child, copy});
        }
    }
    std::ostringstream out;
    clean.save(out, "", pugi::format_raw | pugi::format_no_declaration);
    return out.str();
}

}  // namespace strata
