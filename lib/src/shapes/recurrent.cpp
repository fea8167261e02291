#include "shapes/config.hpp"
#include "shapes/rules.hpp"
#include "shapes/spatial.hpp"

namespace strata::shapes {
namespace {

// [sequence output or last output, state...]: return_state appends the final states.
OutputShapes with_states(const Layer& layer, const Shape& sequence, const Shape& last,
                         std::size_t states) {
    OutputShapes outputs{bool_attr(layer, "return_sequences", false) ? sequence : last};
    if (bool_attr(layer, "return_state", false)) outputs.insert(outputs.end(), states, last);
    return outputs;
}

}  // namespace

// LSTM, GRU, SimpleRNN and their CuDNN forms: [batch, time, features] → units per step.
OutputShapes infer_recurrent(const Layer& layer, InputShapes inputs, std::size_t states) {
    // Called with initial states, a recurrent layer has more inputs; the sequence is the first.
    if (inputs.empty()) fail("expects an input sequence");
    const Shape& input = inputs.front();
    require_rank(input, 3);
    const Dim units = keras_count_attr(layer, "units");
    return with_states(layer, {input[0], input[1], units}, {input[0], units}, states);
}

// ConvLSTM1D/2D/3D: a convolution per time step; the states are feature maps.
OutputShapes infer_conv_recurrent(const Layer& layer, InputShapes inputs, std::size_t rank) {
    if (inputs.empty()) fail("expects an input sequence");
    const Shape& input = inputs.front();
    require_rank(input, rank + 3);
    Shape step = input;
    step.erase(step.begin() + 1);  // one time step: [batch, spatial..., channels]
    const Shape step_output = infer_conv(layer, {&step, 1}, rank).front();
    Shape sequence = step_output;
    sequence.insert(sequence.begin() + 1, input[1]);
    return with_states(layer, sequence, step_output, 2);
}

}  // namespace strata::shapes
