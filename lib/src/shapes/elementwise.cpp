#include "shapes/config.hpp"
#include "shapes/rules.hpp"

namespace strata::shapes {

OutputShapes infer_same_shape(const Layer&, InputShapes inputs) {
    return {single_input(inputs)};
}

OutputShapes infer_same_shape_on_axes(const Layer& layer, InputShapes inputs) {
    const Shape& input = single_input(inputs);
    const auto rank = static_cast<std::int64_t>(input.size());
    // Keras refuses to build the layer (BatchNormalization: "Invalid axis"; Softmax fails
    // when it is called), so the file describes no model.
    for (const std::int64_t axis :
         int_list_attr(layer, "axis").value_or(std::vector<std::int64_t>{})) {
        if (axis < -rank || axis >= rank) {
            throw ImpossibleConfiguration(
                "'axis' holds " + std::to_string(axis) + ", outside the " + std::to_string(rank) +
                " axes of its input " + describe(input) + " (from " + std::to_string(-rank) +
                " to " + std::to_string(rank - 1) + ")");
        }
    }
    return {input};
}

}  // namespace strata::shapes
