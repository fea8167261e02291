#include "layout/graph_view/node_stack.hpp"

#include <algorithm>
#include <cmath>
#include <iterator>
#include <limits>
#include <string_view>

namespace strata::layout {
namespace {

// The elements of a shape, its unknown dimensions left out (0 when none is known), saturated
// rather than overflowing: only whether it passes the stack's size matters.
std::int64_t elements(const Shape& shape) {
    std::int64_t product = 0;
    bool any = false;
    for (Dim d : shape) {
        if (d < 0) continue;
        if (!any) {
            product = d;
            any = true;
        } else if (d != 0 && product > std::numeric_limits<std::int64_t>::max() / d) {
            product = std::numeric_limits<std::int64_t>::max();
        } else {
            product *= d;
        }
    }
    return product;
}

// Keras' classes with `units`, for layers whose file gives no such attribute (an ONNX LSTM):
// their units are the last dimension of their output.
bool has_units_class(const Layer& layer) {
    static constexpr std::string_view kClasses[] = {"Dense", "SimpleRNN", "LSTM", "GRU"};
    return std::find(std::begin(kClasses), std::end(kClasses), layer.type) != std::end(kClasses);
}

bool is_input_layer(const Layer& layer) {
    return layer.type == "InputLayer" || layer.inputs.empty();
}

}  // namespace

std::optional<std::int64_t> neuron_count(const Model& model, const GraphMember& member,
                                         const Options& options) {
    if (!options.show_neurons) return std::nullopt;
    if (!member.layer) {
        if (options.inout_as_tensor || member.output >= model.outputs.size()) return std::nullopt;
        const TensorRef out = model.outputs[member.output];
        const Layer& producer = model.layers[out.layer];
        const std::int64_t count =
            out.output < producer.shapes.size() ? elements(producer.shapes[out.output]) : 0;
        // An output tensor of no known element is a box, as visualkeras gives it no units.
        if (count == 0) return std::nullopt;
        return count;
    }
    const Layer& layer = model.layers[*member.layer];
    if (auto units = attr<std::int64_t>(layer, "units")) return std::max<std::int64_t>(*units, 0);
    if (auto filters = attr<std::int64_t>(layer, "filters"))
        return std::max<std::int64_t>(*filters, 0);
    if (has_units_class(layer) && !layer.shapes.empty() && !layer.shapes.front().empty() &&
        layer.shapes.front().back() >= 0)
        return layer.shapes.front().back();
    if (is_input_layer(layer) && !options.inout_as_tensor)
        return layer.shapes.empty() ? 0 : elements(layer.shapes.front());
    return std::nullopt;
}

std::vector<NodeKind> node_stack(std::optional<std::int64_t> neurons, const Options& options,
                                 bool& capped) {
    capped = false;
    if (!neurons) return {NodeKind::box};
    const double asked = std::floor(options.ellipsize_after);
    const bool honoured = asked > 0 && asked <= static_cast<double>(kMostNodesPerStack);
    const std::int64_t most = honoured ? static_cast<std::int64_t>(asked) : kMostNodesPerStack;
    capped = !honoured && *neurons > kMostNodesPerStack;
    const std::int64_t count = std::min(*neurons, most);
    std::vector<NodeKind> stack(static_cast<std::size_t>(std::max<std::int64_t>(count, 0)),
                                NodeKind::neuron);
    // The dots stand for the neurons left out, in the last but one place.
    const bool left_out = *neurons > most;
    const bool visualkeras_dots = options.compat_visualkeras && honoured && *neurons >= most - 1;
    if (most > 1 && (left_out || visualkeras_dots) && most - 2 < count)
        stack[static_cast<std::size_t>(most - 2)] = NodeKind::ellipsis;
    return stack;
}

}  // namespace strata::layout
