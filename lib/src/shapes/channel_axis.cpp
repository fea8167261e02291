#include "shapes/channel_axis.hpp"

#include <cstddef>
#include <string>
#include <vector>

#include "shapes/rule_table.hpp"

namespace strata::shapes {
namespace {

bool declares_channels_first(const Layer& layer) {
    return attr<std::string>(layer, "data_format") == "channels_first";
}

// Layer types whose output has the layout of their (first) input, as the shape rules say.
bool keeps_layout(const Layer& layer) {
    return keeps_input_layout(layer.type);
}

// A layer that reads its input as channels-first makes that input channels-first too.
bool reads_channels_first(const Layer& layer, bool first) {
    return declares_channels_first(layer) || (first && keeps_layout(layer));
}

}  // namespace

void mark_channel_axes(Model& model, const std::vector<std::size_t>& order) {
    const std::size_t count = model.layers.size();
    std::vector<bool> first(count, false);
    bool any = false;
    for (std::size_t index : order) {
        const Layer& layer = model.layers[index];
        if (layer.channel_axis) continue;
        if (declares_channels_first(layer)) {
            first[index] = any = true;
        } else if (keeps_layout(layer) && !layer.inputs.empty() &&
                   first[layer.inputs.front().layer]) {
            first[index] = true;
        }
    }
    if (!any) return;
    // Producers, consumers before them: an input or a reshape feeding a channels-first layer.
    for (auto it = order.rbegin(); it != order.rend(); ++it) {
        const Layer& layer = model.layers[*it];
        if (!reads_channels_first(layer, first[*it])) continue;
        for (const TensorRef& in : layer.inputs) {
            if (!model.layers[in.layer].channel_axis) first[in.layer] = true;
        }
    }
    for (std::size_t index = 0; index < count; ++index) {
        Layer& layer = model.layers[index];
        if (!first[index] || layer.channel_axis || !layer.shape_known || layer.shapes.empty())
            continue;
        if (layer.shapes.front().size() >= 3) layer.channel_axis = 1;
    }
}

}  // namespace strata::shapes
