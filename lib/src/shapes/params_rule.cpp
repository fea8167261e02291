#include "shapes/params_rule.hpp"

#include <algorithm>

#include "shapes/config.hpp"
#include "shapes/dims.hpp"

namespace strata::shapes {
namespace {

std::int64_t counted(std::optional<std::int64_t> value) {
    if (!value) fail("the number of weights is too large to represent");
    return *value;
}

void require_count(std::int64_t value) {
    if (value < 0) fail("a size the weights depend on is unknown");
}

}  // namespace

std::int64_t sum_of(std::initializer_list<std::int64_t> terms) {
    std::int64_t total = 0;
    for (std::int64_t term : terms) {
        require_count(term);
        total = counted(checked_add(total, term));
    }
    return total;
}

std::int64_t product_of(std::initializer_list<std::int64_t> factors) {
    return volume(factors);
}

std::int64_t volume(const std::vector<std::int64_t>& sizes) {
    std::int64_t total = 1;
    for (std::int64_t size : sizes) {
        require_count(size);
        total = counted(checked_mul(total, size));
    }
    return total;
}

std::int64_t known_dim(Dim dim) {
    if (!is_known(dim)) fail("an input dimension the weights depend on is unknown");
    return dim;
}

std::int64_t feature_dim(const Shape& input, std::size_t min_rank) {
    require_min_rank(input, min_rank);
    return known_dim(input.back());
}

std::int64_t bias_size(const Layer& layer, std::int64_t size) {
    return bool_attr(layer, "use_bias", true) ? size : 0;
}

std::int64_t axes_volume(const Shape& input, const std::vector<std::int64_t>& axes) {
    require_min_rank(input, 2);
    const auto rank = static_cast<std::int64_t>(input.size());
    std::vector<std::int64_t> seen;
    std::int64_t total = 1;
    for (std::int64_t axis : axes) {
        const std::int64_t index = axis < 0 ? axis + rank : axis;
        // Axis 0 is the batch: Keras refuses to normalise over it.
        if (index <= 0 || index >= rank) fail("axis " + std::to_string(axis) + " is out of range");
        if (std::find(seen.begin(), seen.end(), index) != seen.end()) {
            fail("axis " + std::to_string(axis) + " is given twice");
        }
        seen.push_back(index);
        total = counted(checked_mul(total, known_dim(input[static_cast<std::size_t>(index)])));
    }
    return total;
}

}  // namespace strata::shapes
