#include "shapes/config.hpp"
#include "shapes/rules.hpp"

namespace strata::shapes {

// The output follows the query; output_shape, when given, replaces its feature axis.
OutputShapes infer_multi_head_attention(const Layer& layer, InputShapes inputs) {
    // Keras divides by the square root of key_dim, and builds projections of num_heads heads:
    // below 1, neither is a layer.
    for (const char* key : {"num_heads", "key_dim"}) {
        if (const auto value = optional_int_attr(layer, key); value && *value < 1)
            fail_below(key, *value, 1);
    }
    if (inputs.empty()) fail("expects a query");
    Shape output = inputs.front();
    require_min_rank(output, 3);
    if (auto features = int_list_attr(layer, "output_shape")) {
        output.pop_back();
        for (std::int64_t dim : *features) {
            if (dim < -1 || dim == 0) fail("output_shape has an invalid dimension");
            output.push_back(bounded(dim));
        }
    }
    return {output};
}

// Attention, AdditiveAttention: [query, value, key]; one value vector per query step.
OutputShapes infer_attention(const Layer&, InputShapes inputs) {
    if (inputs.empty()) fail("expects a query");
    Shape output = inputs.front();
    require_min_rank(output, 3);
    if (inputs.size() > 1) {
        require_min_rank(inputs[1], 3);
        output.back() = inputs[1].back();
    }
    return {output};
}

}  // namespace strata::shapes
