#include "shapes/config.hpp"
#include "shapes/params_rules.hpp"

namespace strata::shapes {
namespace {

// Keras 3 LoRA adds two trainable factors of rank r beside the frozen matrix: in·r + r·out.
std::int64_t lora_size(const Layer& layer, std::int64_t in, std::int64_t out) {
    const std::int64_t rank = int_attr(layer, "lora_rank", 0);
    if (rank < 0) fail("lora_rank must not be negative");
    return product_of({rank, sum_of({in, out})});
}

}  // namespace

// Dense: kernel [in, units] on the last axis, bias [units].
std::int64_t count_dense(const Layer& layer, InputShapes inputs, const KerasDefaults&) {
    const std::int64_t in = feature_dim(single_input(inputs), 2);
    const std::int64_t units = keras_count_attr(layer, "units");
    return sum_of({product_of({in, units}), bias_size(layer, units), lora_size(layer, in, units)});
}

// Embedding: one output_dim vector per index below input_dim; the input shape does not matter.
std::int64_t count_embedding(const Layer& layer, InputShapes, const KerasDefaults&) {
    const std::int64_t vocabulary = keras_count_attr(layer, "input_dim");
    const std::int64_t width = keras_count_attr(layer, "output_dim");
    return sum_of({product_of({vocabulary, width}), lora_size(layer, vocabulary, width)});
}

// PReLU: one alpha per input element (batch excluded), shared along shared_axes.
std::int64_t count_prelu(const Layer& layer, InputShapes inputs, const KerasDefaults&) {
    const Shape& input = single_input(inputs);
    require_min_rank(input, 2);
    Shape alpha(input.begin() + 1, input.end());
    const std::vector<std::int64_t> shared =
        int_list_attr(layer, "shared_axes").value_or(std::vector<std::int64_t>{});
    for (std::int64_t axis : shared) {
        // Keras numbers shared axes from the batch axis, which is never shared.
        if (axis < 1 || axis > static_cast<std::int64_t>(alpha.size())) {
            fail("shared axis " + std::to_string(axis) + " is out of range");
        }
        alpha[static_cast<std::size_t>(axis - 1)] = 1;
    }
    std::int64_t total = 1;
    for (Dim dim : alpha) total = product_of({total, known_dim(dim)});
    return total;
}

}  // namespace strata::shapes
