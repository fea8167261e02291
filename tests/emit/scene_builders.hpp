#pragma once

// Small hand-made scenes and SVG queries shared by the emitter tests.

#include <string>
#include <vector>

#include <boost/test/unit_test.hpp>
#include <pugixml.hpp>

#include "strata/scene.hpp"

namespace strata::test {

inline constexpr Rgba black{0, 0, 0, 255};
inline constexpr Rgba white{255, 255, 255, 255};
inline constexpr Rgba yellow{255, 209, 102, 255};

// A 3-D box as the layout draws it: hidden edges, then top, side and front faces.
inline Group box_group(const std::string& id, const std::string& type, const std::string& shape,
                       BoxGeometry b, Rgba fill = yellow) {
    const Rgba top{static_cast<std::uint8_t>(fill.r - 10), static_cast<std::uint8_t>(fill.g - 10),
                   static_cast<std::uint8_t>(fill.b - 10), fill.a};
    const Rgba side{static_cast<std::uint8_t>(fill.r - 20), static_cast<std::uint8_t>(fill.g - 20),
                    static_cast<std::uint8_t>(fill.b - 20), fill.a};
    Group group{.id = id,
                .label = id,
                .role = Role::layer,
                .type = type,
                .shape = shape,
                .box = b,
                .fill = fill,
                .outline = black,
                .items = {}};
    const double de = b.de;
    group.items.push_back(
        Polyline{"hidden", {{b.x1 + de, b.y1 - de}, {b.x1 + de, b.y2 - de}}, black, 1});
    group.items.push_back(Polyline{"hidden", {{b.x1 + de, b.y2 - de}, {b.x1, b.y2}}, black, 1});
    group.items.push_back(
        Polyline{"hidden", {{b.x1 + de, b.y2 - de}, {b.x2 + de, b.y2 - de}}, black, 1});
    group.items.push_back(
        Polygon{"top",
                {{b.x1, b.y1}, {b.x1 + de, b.y1 - de}, {b.x2 + de, b.y1 - de}, {b.x2, b.y1}},
                top,
                black,
                1});
    group.items.push_back(
        Polygon{"side",
                {{b.x2 + de, b.y1 - de}, {b.x2, b.y1}, {b.x2, b.y2}, {b.x2 + de, b.y2 - de}},
                side,
                black,
                1});
    group.items.push_back(
        Polygon{"front", {{b.x1, b.y1}, {b.x2, b.y1}, {b.x2, b.y2}, {b.x1, b.y2}}, fill, black, 1});
    return group;
}

// The four funnel lines between box `a` and box `b`.
inline Group funnel_group(const std::string& id, BoxGeometry a, BoxGeometry b) {
    Group group{.id = id,
                .label = id,
                .role = Role::funnel,
                .type = "",
                .shape = "",
                .box = std::nullopt,
                .fill = std::nullopt,
                .outline = std::nullopt,
                .items = {}};
    group.items.push_back(
        Polyline{"back-top", {{a.x2 + a.de, a.y1 - a.de}, {b.x1 + b.de, b.y1 - b.de}}, black, 1});
    group.items.push_back(Polyline{
        "back-bottom", {{a.x2 + a.de, a.y2 - a.de}, {b.x1 + b.de, b.y2 - b.de}}, black, 1});
    group.items.push_back(Polyline{"front-bottom", {{a.x2, a.y2}, {b.x1, b.y2}}, black, 1});
    group.items.push_back(Polyline{"front-top", {{a.x2, a.y1}, {b.x1, b.y1}}, black, 1});
    return group;
}

inline Group caption_group(const std::string& id, const std::string& text, double x, double y) {
    Group group{.id = id,
                .label = text,
                .role = Role::caption,
                .type = "",
                .shape = "",
                .box = std::nullopt,
                .fill = std::nullopt,
                .outline = std::nullopt,
                .items = {}};
    group.items.push_back(TextRun{.text = text,
                                  .font_family = "DejaVu Sans",
                                  .font_file = "/usr/share/fonts/DejaVuSans.ttf",
                                  .font_size = 12,
                                  .x = x,
                                  .y = y,
                                  .advance = 40,
                                  .ascent = 11,
                                  .descent = 3,
                                  .anchor = TextAnchor::middle,
                                  .fill = black,
                                  .glyphs = {},
                                  .font_data = {}});
    return group;
}

inline constexpr BoxGeometry first_box{10, 20, 50, 100, 10};
inline constexpr BoxGeometry second_box{80, 40, 100, 80, 5};

// Two boxes joined by a funnel, each with a caption: the funnel sits between the boxes.
inline Scene two_layer_scene() {
    Scene scene{.title = "two layers",
                .width = 140,
                .height = 130,
                .background = white,
                .groups = {},
                .level = {},
                .view = {}};
    scene.groups.push_back(box_group("block1_conv1", "Conv2D", "224 x 224 x 64", first_box));
    scene.groups.push_back(funnel_group("funnel-block1_conv1-block1_pool", first_box, second_box));
    scene.groups.push_back(box_group("block1_pool", "MaxPooling2D", "112 x 112 x 64", second_box));
    scene.groups.push_back(caption_group("caption-block1_conv1", "block1_conv1", 10, 120));
    scene.groups.push_back(caption_group("caption-block1_pool", "block1_pool", 70, 120));
    return scene;
}

// Parses emitted SVG; fails the test when it is not well-formed.
inline pugi::xml_document parse_svg(const std::string& svg) {
    pugi::xml_document doc;
    const pugi::xml_parse_result result = doc.load_buffer(svg.data(), svg.size());
    BOOST_REQUIRE_MESSAGE(
        result, "SVG does not parse: " << result.description() << " at " << result.offset);
    return doc;
}

inline pugi::xml_node element_by_id(const pugi::xml_document& doc, const std::string& id) {
    return doc.find_node([&](pugi::xml_node node) { return id == node.attribute("id").value(); });
}

// The nodes matching `xpath`, in document order.
inline std::vector<pugi::xml_node> select(const pugi::xml_node& root, const char* xpath) {
    std::vector<pugi::xml_node> nodes;
    for (const pugi::xpath_node& found : root.select_nodes(xpath)) nodes.push_back(found.node());
    return nodes;
}

}  // namespace strata::test
