#include "shapes/config.hpp"
#include "shapes/params_rules.hpp"
#include "strata/printable.hpp"

namespace strata::shapes {
namespace {

// A projection of `in` features to `out` (kernel and, with use_bias, bias).
std::int64_t projection(const Layer& layer, std::int64_t in, std::int64_t out) {
    return sum_of({product_of({in, out}), bias_size(layer, out)});
}

// The features the output projection gives: output_shape when set, else the query's.
std::int64_t output_features(const Layer& layer, std::int64_t query_features) {
    const auto output_shape = int_list_attr(layer, "output_shape");
    if (!output_shape) return query_features;
    for (std::int64_t dim : *output_shape) {
        if (dim <= 0) fail("output_shape must be positive");
    }
    return volume(*output_shape);
}

}  // namespace

// MultiHeadAttention(query, value, key=value): query, key and value are each projected to
// num_heads heads (key_dim, key_dim, value_dim features), then the heads back to the output.
std::int64_t count_multi_head_attention(const Layer& layer, InputShapes inputs,
                                        const KerasDefaults&) {
    if (inputs.empty()) fail("expects a query");
    const std::int64_t query = feature_dim(inputs[0], 3);
    const std::int64_t value = inputs.size() > 1 ? feature_dim(inputs[1], 3) : query;
    const std::int64_t key = inputs.size() > 2 ? feature_dim(inputs[2], 3) : value;
    const std::int64_t heads = positive_int_attr(layer, "num_heads");
    const std::int64_t key_dim = positive_int_attr(layer, "key_dim");
    const std::int64_t value_dim =
        layer.attrs.contains("value_dim") ? positive_int_attr(layer, "value_dim") : key_dim;
    const std::int64_t key_width = product_of({heads, key_dim});
    const std::int64_t value_width = product_of({heads, value_dim});
    return sum_of({projection(layer, query, key_width), projection(layer, key, key_width),
                   projection(layer, value, value_width),
                   projection(layer, value_width, output_features(layer, query))});
}

// Attention (dot-product): an optional scalar scale, and a scalar weight for score_mode concat.
std::int64_t count_dot_attention(const Layer& layer, InputShapes, const KerasDefaults&) {
    const std::string mode = string_attr(layer, "score_mode", "dot");
    if (mode != "dot" && mode != "concat") fail("unknown score_mode " + quoted_text(mode));
    return (bool_attr(layer, "use_scale", false) ? 1 : 0) + (mode == "concat" ? 1 : 0);
}

// AdditiveAttention: a scale per feature when use_scale (the default).
std::int64_t count_additive_attention(const Layer& layer, InputShapes inputs,
                                      const KerasDefaults&) {
    if (inputs.empty()) fail("expects a query");
    if (!bool_attr(layer, "use_scale", true)) return 0;
    return feature_dim(inputs.size() > 1 ? inputs[1] : inputs[0], 3);
}

}  // namespace strata::shapes
