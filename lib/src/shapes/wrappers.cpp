#include "shapes/config.hpp"
#include "shapes/dims.hpp"
#include "shapes/rule_table.hpp"
#include "shapes/rules.hpp"
#include "strata/printable.hpp"

namespace strata::shapes {
namespace {

enum class MergeMode { concat, sum, mul, ave, none };

MergeMode merge_mode(const Layer& layer) {
    const std::string mode = string_attr(layer, "merge_mode", "concat");
    if (mode == "concat") return MergeMode::concat;
    if (mode == "sum") return MergeMode::sum;
    if (mode == "mul") return MergeMode::mul;
    if (mode == "ave") return MergeMode::ave;
    // A null merge_mode keeps both directions apart.
    if (mode == "None" || mode == "none" || mode == "null" || mode.empty()) return MergeMode::none;
    fail("unknown merge_mode " + quoted_text(mode));
}

}  // namespace

// The wrapped layer runs forwards and backwards; outputs: the merged output (two when
// merge_mode is None), then the forward states, then the backward states.
OutputShapes infer_bidirectional(const Layer& layer, InputShapes inputs) {
    const OutputShapes direction = apply_rule(wrapped_layer(layer), inputs);
    if (direction.empty()) fail("the wrapped layer has no output");
    const MergeMode mode = merge_mode(layer);
    Shape output = direction.front();
    require_min_rank(output, 2);
    OutputShapes outputs;
    if (mode == MergeMode::concat) output.back() = fits(mul_dims(output.back(), 2));
    outputs.push_back(output);
    if (mode == MergeMode::none) outputs.push_back(output);
    for (int pass = 0; pass < 2; ++pass) {
        outputs.insert(outputs.end(), direction.begin() + 1, direction.end());
    }
    return outputs;
}

// The wrapped layer applied to every time step (axis 1) separately.
OutputShapes infer_time_distributed(const Layer& layer, InputShapes inputs) {
    const Shape& input = single_input(inputs);
    require_min_rank(input, 3);
    Shape step = input;
    step.erase(step.begin() + 1);
    OutputShapes outputs = apply_rule(wrapped_layer(layer), {&step, 1});
    for (Shape& output : outputs) {
        if (output.empty()) fail("the wrapped layer gives a scalar");
        output.insert(output.begin() + 1, input[1]);
    }
    return outputs;
}

}  // namespace strata::shapes
