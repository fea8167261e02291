#include "layout/captions.hpp"

#include "strata/error.hpp"

namespace strata::layout {

std::string shape_text(const Layer& layer) {
    if (!layer.shape_known || layer.shapes.empty()) return "?";
    const Shape& shape = layer.shapes.front();  // multi-output layers show their first output
    if (shape.size() <= 1) return "?";
    std::string known, unknown;
    for (std::size_t i = 1; i < shape.size(); ++i) {
        if (!unknown.empty()) unknown += " x ";
        unknown += "?";
        if (shape[i] == kUnknownDim) continue;
        if (!known.empty()) known += " x ";
        known += std::to_string(shape[i]);
    }
    return known.empty() ? unknown : known;
}

bool is_caption_callable(const std::string& callable) {
    return callable == "name" || callable == "type" || callable == "shape" ||
           callable == "name_shape";
}

std::string caption_text(const std::string& callable, const Layer& layer, std::size_t box_index) {
    std::string name = layer.name.empty() ? "layer_" + std::to_string(box_index) : layer.name;
    if (callable == "name") return name;
    if (callable == "type") return layer.type;
    if (callable == "shape") return shape_text(layer);
    if (callable == "name_shape") return name + "\n" + shape_text(layer);
    throw Error("", "unknown text_callable '" + callable +
                        "' (expected one of: name, name_shape, shape, type)");
}

}  // namespace strata::layout
