#include "shapes/config.hpp"
#include "shapes/rules.hpp"

namespace strata::shapes {

// Dense acts on the last axis of an input of any rank.
OutputShapes infer_dense(const Layer& layer, InputShapes inputs) {
    const Shape& input = single_input(inputs);
    require_min_rank(input, 2);
    Shape output = input;
    output.back() = keras_count_attr(layer, "units");
    return {output};
}

// Each index becomes a vector; input_length, when given, fills in the sequence axes.
OutputShapes infer_embedding(const Layer& layer, InputShapes inputs) {
    const Shape& input = single_input(inputs);
    require_min_rank(input, 1);
    Shape output = input;
    if (auto lengths = int_list_attr(layer, "input_length")) {
        if (lengths->size() != input.size() - 1) {
            fail("input_length has " + std::to_string(lengths->size()) + " values for input " +
                 describe(input));
        }
        for (std::size_t i = 0; i < lengths->size(); ++i) {
            const Dim given = (*lengths)[i];
            Dim& dim = output[i + 1];
            if (given >= 0 && dim >= 0 && given != dim) {
                fail("input_length " + std::to_string(given) + " does not match input " +
                     describe(input));
            }
            if (given >= 0) dim = bounded(given);
        }
    }
    output.push_back(keras_count_attr(layer, "output_dim"));
    return {output};
}

// A Lambda runs Python code; only an explicit output_shape (batch excluded) says what it gives.
OutputShapes infer_lambda(const Layer& layer, InputShapes inputs) {
    auto it = layer.attrs.find("output_shape");
    const bool usable =
        it != layer.attrs.end() && (std::holds_alternative<std::vector<std::int64_t>>(it->second) ||
                                    std::holds_alternative<std::int64_t>(it->second));
    if (!usable || inputs.empty()) {
        fail("a Lambda layer runs Python code and the file gives no output_shape");
    }
    Shape output{inputs.front().empty() ? kUnknownDim : inputs.front()[0]};
    const std::vector<std::int64_t> dims = *int_list_attr(layer, "output_shape");
    for (std::int64_t dim : dims) {
        if (dim < -1) fail("output_shape has an invalid dimension " + std::to_string(dim));
        output.push_back(bounded(dim));
    }
    return {output};
}

}  // namespace strata::shapes
