#include "shapes/params.hpp"

#include <string_view>
#include <vector>

#include "shapes/params_table.hpp"
#include "shapes/rule.hpp"

namespace strata::shapes {
namespace {

// Files written before GRU had reset_after do not name it, and their GRU reset first; files
// of any later Keras name it, so a missing key elsewhere means today's default.
KerasDefaults defaults_of(const Model& model) {
    const std::string_view version = model.keras_version;
    const bool before_reset_after = model.format == "keras1-json" || version.starts_with("1.") ||
                                    version.starts_with("2.0.") || version.starts_with("2.1.");
    return {.gru_reset_after = !before_reset_after};
}

// The input shapes of a layer; an unknown one is empty, which every counter that reads it
// rejects.
std::vector<Shape> input_shapes(const Model& model, const Layer& layer) {
    std::vector<Shape> shapes;
    for (const TensorRef& ref : layer.inputs) {
        const Layer& producer = model.layers[ref.layer];
        const bool known = producer.shape_known && ref.output < producer.shapes.size();
        shapes.push_back(known ? producer.shapes[ref.output] : Shape{});
    }
    return shapes;
}

std::optional<std::int64_t> count_layer(const Model& model, const Layer& layer,
                                        const KerasDefaults& defaults) {
    // A layer whose shape rule failed has a configuration or inputs that make no sense.
    if (!layer.shape_known && !has_no_weights(layer.type)) return std::nullopt;
    const std::vector<Shape> inputs = input_shapes(model, layer);
    try {
        return apply_counter(layer, inputs, defaults);
    } catch (const ShapeProblem&) {
        return std::nullopt;
    } catch (const ImpossibleConfiguration& impossible) {
        refuse(layer, impossible);
    }
}

}  // namespace

void count_params(Model& model) {
    // The counters follow Keras. ONNX ops that share a Keras name (BatchNormalization, Add)
    // hold their weights as initializers with other conventions; only their importer can count.
    if (model.format.starts_with("onnx")) return;
    const KerasDefaults defaults = defaults_of(model);
    for (Layer& layer : model.layers) {
        if (!layer.params) layer.params = count_layer(model, layer, defaults);
    }
}

}  // namespace strata::shapes
