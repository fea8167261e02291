#include <utility>

#include "shapes/config.hpp"
#include "shapes/dims.hpp"
#include "shapes/rules.hpp"
#include "shapes/spatial.hpp"
#include "strata/printable.hpp"

namespace strata::shapes {
namespace {

using Margins = std::vector<std::pair<std::int64_t, std::int64_t>>;  // before, after per axis

// Keras accepts one number for every side, one per axis (both sides), or a pair per axis
// (nested lists arrive flattened).
Margins margins_attr(const Layer& layer, const std::string& key, std::size_t rank,
                     std::int64_t fallback) {
    std::vector<std::int64_t> values =
        int_list_attr(layer, key).value_or(std::vector<std::int64_t>{fallback});
    Margins margins;
    if (values.size() == 1) {
        margins.assign(rank, {values[0], values[0]});
    } else if (values.size() == 2 * rank) {
        for (std::size_t i = 0; i < rank; ++i)
            margins.emplace_back(values[2 * i], values[2 * i + 1]);
    } else if (values.size() == rank) {
        for (std::int64_t value : values) margins.emplace_back(value, value);
    } else {
        fail("configuration " + quoted_text(key) + " has " + std::to_string(values.size()) +
             " values for " + std::to_string(rank) + " spatial axes");
    }
    for (const auto& [before, after] : margins) {
        if (before < 0 || after < 0)
            fail("configuration " + quoted_text(key) + " must not be negative");
    }
    return margins;
}

enum class Direction { grow, shrink };

OutputShapes apply_margins(const Layer& layer, InputShapes inputs, std::size_t rank,
                           const std::string& key, std::int64_t fallback, Direction direction) {
    const Shape& input = single_input(inputs);
    require_rank(input, rank + 2);
    const Margins margins = margins_attr(layer, key, rank, fallback);
    const FeatureAxes axes = feature_axes(rank, is_channels_first(layer));
    Shape output = input;
    for (std::size_t i = 0; i < rank; ++i) {
        Dim& dim = output[axes.first_spatial + i];
        if (!is_known(dim)) continue;
        const Dim total = representable(checked_add(margins[i].first, margins[i].second));
        if (direction == Direction::grow) {
            dim = fits(add_dims(dim, total));
        } else {
            if (total >= dim) {
                fail("cropping " + std::to_string(total) + " from an axis of " +
                     std::to_string(dim) + " leaves nothing");
            }
            dim -= total;
        }
    }
    return {output};
}

}  // namespace

OutputShapes infer_zero_padding(const Layer& layer, InputShapes inputs, std::size_t rank) {
    return apply_margins(layer, inputs, rank, "padding", 1, Direction::grow);
}

OutputShapes infer_cropping(const Layer& layer, InputShapes inputs, std::size_t rank) {
    // Keras' default crops one on each side in 1-D and 3-D, nothing in 2-D.
    const std::int64_t fallback = rank == 2 ? 0 : 1;
    return apply_margins(layer, inputs, rank, "cropping", fallback, Direction::shrink);
}

}  // namespace strata::shapes
