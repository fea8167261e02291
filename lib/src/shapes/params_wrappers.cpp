#include "shapes/config.hpp"
#include "shapes/params_rules.hpp"
#include "shapes/params_table.hpp"

namespace strata::shapes {

// Two copies of the wrapped layer, one per direction. The importer keeps only the forward
// configuration; a backward_layer the file gives is taken to mirror it, as Keras' default does.
std::int64_t count_bidirectional(const Layer& layer, InputShapes inputs,
                                 const KerasDefaults& defaults) {
    const std::int64_t direction = apply_counter(wrapped_layer(layer), inputs, defaults);
    return product_of({2, direction});
}

// The wrapped layer sees one time step: the input without its time axis (axis 1).
std::int64_t count_time_distributed(const Layer& layer, InputShapes inputs,
                                    const KerasDefaults& defaults) {
    const Shape& input = single_input(inputs);
    require_min_rank(input, 3);
    Shape step = input;
    step.erase(step.begin() + 1);
    return apply_counter(wrapped_layer(layer), {&step, 1}, defaults);
}

}  // namespace strata::shapes
