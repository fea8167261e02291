// Scene → JSON, a stable summary of the picture for scripts and tests.
//
// Format (keys always in this order; numbers rounded to 3 decimals, integers without ".0";
// colours "#rrggbb" when opaque, "#rrggbbaa" otherwise; text is UTF-8, invalid bytes replaced
// by U+FFFD):
//
//   {
//     "width": 640, "height": 232,          canvas size in CSS pixels
//     "background": "#ffffff",              canvas colour
//     "level": "stage",                     what a box stands for: block or stage, or the
//                                           level auto chose; absent for layers otherwise
//     "groups": [                           one entry per scene group, in paint order
//       {
//         "id": "block1_conv1",             the group's id, also its SVG <g id>
//         "role": "layer",                  layer, funnel, caption, legend, group,
//                                           group-title, logo, image, connector, merge,
//                                           repeat or annotation
//         "name": "block1_conv1",           human-readable label (the layer name)
//         "type": "Conv2D",                 layer class; "" when none (funnels)
//         "shape": "224 x 224 x 64",        printed output shape; only when not empty
//         "box": {"x1": 10, "y1": 16,       front face corners and depth offset;
//                 "x2": 30, "y2": 64,       only when the group draws a box
//                 "de": 6.667},
//         "fill": "#ffd166",                box fill; only when set
//         "outline": "#000000",             box outline; only when set
//         "texts": [                        the group's text runs, in paint order; only
//           {                               when it has any
//             "text": "Conv2D",             the string, UTF-8
//             "font": "DejaVu Sans",        family named in the output
//             "font_file": "/usr/…/x.ttf",  the file measured; only when known
//             "size": 10,                   font size in pixels
//             "anchor": "start",            start, middle or end: the point a renderer
//                                           that sets the text itself keeps
//             "x": 40, "y": 77.5,           left end of the baseline
//             "box": {"x1": 40, "y1": 67.8, the box the layout gave it: the measured
//                     "x2": 79.1, "y2": 80.1}  advance by the font's ascent and descent
//           }
//         ]
//       }
//     ]
//   }

#include <utility>
#include <variant>

#include <nlohmann/json.hpp>

#include "emit/hex_color.hpp"
#include "emit/number_format.hpp"
#include "strata/emit.hpp"

namespace strata {
namespace {

using Json = nlohmann::ordered_json;

// Whole numbers as JSON integers, so they print without ".0"; the rest keeps 3 decimals.
Json number(double value) {
    const double rounded = emit::round_number(value);
    const double limit = 9007199254740992.0;  // 2^53: every integer below is exact
    const bool whole = rounded > -limit && rounded < limit &&
                       rounded == static_cast<double>(static_cast<long long>(rounded));
    if (whole) return static_cast<long long>(rounded);
    return rounded;
}

Json box_json(const BoxGeometry& box) {
    Json json;
    json["x1"] = number(box.x1);
    json["y1"] = number(box.y1);
    json["x2"] = number(box.x2);
    json["y2"] = number(box.y2);
    json["de"] = number(box.de);
    return json;
}

const char* anchor_name(TextAnchor anchor) {
    switch (anchor) {
        case TextAnchor::start:
            break;
        case TextAnchor::middle:
            return "middle";
        case TextAnchor::end:
            return "end";
    }
    return "start";
}

Json text_json(const TextRun& run) {
    Json json;
    json["text"] = run.text;
    json["font"] = run.font_family;
    if (!run.font_file.empty()) json["font_file"] = run.font_file;
    json["size"] = number(run.font_size);
    json["anchor"] = anchor_name(run.anchor);
    json["x"] = number(run.x);
    json["y"] = number(run.y);
    Json box;
    box["x1"] = number(run.x);
    box["y1"] = number(run.y - run.ascent);
    box["x2"] = number(run.x + run.advance);
    box["y2"] = number(run.y + run.descent);
    json["box"] = std::move(box);
    return json;
}

Json group_json(const Group& group) {
    Json json;
    json["id"] = group.id;
    json["role"] = to_string(group.role);
    json["name"] = group.label;
    json["type"] = group.type;
    if (!group.shape.empty()) json["shape"] = group.shape;
    if (group.box) json["box"] = box_json(*group.box);
    if (group.fill) json["fill"] = emit::hex_rgba(*group.fill);
    if (group.outline) json["outline"] = emit::hex_rgba(*group.outline);
    Json texts = Json::array();
    for (const Primitive& item : group.items) {
        if (const auto* run = std::get_if<TextRun>(&item)) texts.push_back(text_json(*run));
    }
    if (!texts.empty()) json["texts"] = std::move(texts);
    return json;
}

}  // namespace

std::string to_scene_json(const Scene& scene) {
    Json json;
    json["width"] = number(scene.width);
    json["height"] = number(scene.height);
    json["background"] = emit::hex_rgba(scene.background);
    if (!scene.level.empty()) json["level"] = scene.level;
    json["groups"] = Json::array();
    for (const Group& group : scene.groups) json["groups"].push_back(group_json(group));
    return json.dump(2, ' ', false, Json::error_handler_t::replace) + "\n";
}

}  // namespace strata
