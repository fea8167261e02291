#include <cstddef>

#include "shapes/config.hpp"
#include "shapes/dims.hpp"
#include "shapes/rules.hpp"

namespace strata::shapes {
namespace {

// Number of elements per sample (all axes but the batch); unknown if any axis is.
Dim sample_size(const Shape& shape) {
    Dim size = 1;
    for (std::size_t axis = 1; axis < shape.size(); ++axis) {
        size = representable(mul_counts(size, shape[axis]));
    }
    return size;
}

}  // namespace

// Keras accepts a 2-D input as it is (nothing to flatten).
OutputShapes infer_flatten(const Layer&, InputShapes inputs) {
    const Shape& input = single_input(inputs);
    require_min_rank(input, 1);
    return {{input[0], bounded(sample_size(input))}};
}

OutputShapes infer_reshape(const Layer& layer, InputShapes inputs) {
    const Shape& input = single_input(inputs);
    require_min_rank(input, 1);
    const auto target = int_list_attr(layer, "target_shape");
    if (!target) fail_missing("target_shape");

    std::optional<std::size_t> free_axis;  // the one -1 entry, sized from the input
    Dim fixed_size = 1;
    for (std::size_t i = 0; i < target->size(); ++i) {
        const std::int64_t dim = (*target)[i];
        if (dim == -1) {
            if (free_axis) fail("target_shape has more than one -1");
            free_axis = i;
        } else if (dim <= 0) {
            fail("target_shape has an invalid dimension " + std::to_string(dim));
        } else {
            fixed_size = representable(checked_mul(bounded(dim), fixed_size));
        }
    }

    Shape output{input[0]};
    output.insert(output.end(), target->begin(), target->end());
    const Dim input_size = sample_size(input);
    if (!is_known(input_size)) return {output};
    if (free_axis) {
        if (input_size % fixed_size != 0) {
            fail("cannot reshape " + describe(input) + " to " + describe(output));
        }
        output[*free_axis + 1] = bounded(input_size / fixed_size);
    } else if (input_size != fixed_size) {
        fail("cannot reshape " + describe(input) + " (" + std::to_string(input_size) +
             " values) to " + describe(output) + " (" + std::to_string(fixed_size) + " values)");
    }
    return {output};
}

OutputShapes infer_permute(const Layer& layer, InputShapes inputs) {
    const Shape& input = single_input(inputs);
    const auto dims = int_list_attr(layer, "dims");
    if (!dims) fail_missing("dims");
    require_rank(input, dims->size() + 1);
    // `dims` numbers the axes from 1 (the batch stays first) and must use each once.
    std::vector<bool> used(input.size(), false);
    Shape output{input[0]};
    for (std::int64_t axis : *dims) {
        if (axis < 1 || axis >= static_cast<std::int64_t>(input.size()) || used[axis]) {
            fail("dims is not a permutation of the axes 1.." + std::to_string(input.size() - 1));
        }
        used[axis] = true;
        output.push_back(input[axis]);
    }
    return {output};
}

OutputShapes infer_repeat_vector(const Layer& layer, InputShapes inputs) {
    const Shape& input = single_input(inputs);
    require_rank(input, 2);
    return {{input[0], positive_int_attr(layer, "n"), input[1]}};
}

}  // namespace strata::shapes
