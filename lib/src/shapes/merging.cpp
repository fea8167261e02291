#include <cstddef>

#include "shapes/config.hpp"
#include "shapes/dims.hpp"
#include "shapes/rules.hpp"

namespace strata::shapes {
namespace {

// The batch size when every input that states one agrees, otherwise unknown (as Keras).
Dim common_batch(InputShapes inputs) {
    Dim batch = kUnknownDim;
    for (const Shape& shape : inputs) {
        if (shape.empty() || !is_known(shape[0])) continue;
        if (is_known(batch) && batch != shape[0]) return kUnknownDim;
        batch = shape[0];
    }
    return batch;
}

// NumPy broadcasting of two shapes without their batch axis, aligned on the right.
Shape broadcast(const Shape& a, const Shape& b) {
    const Shape& longer = a.size() >= b.size() ? a : b;
    const Shape& shorter = a.size() >= b.size() ? b : a;
    Shape output(longer.begin(), longer.end() - static_cast<std::ptrdiff_t>(shorter.size()));
    const std::size_t offset = longer.size() - shorter.size();
    for (std::size_t i = 0; i < shorter.size(); ++i) {
        const Dim x = longer[offset + i];
        const Dim y = shorter[i];
        if (!is_known(x) || !is_known(y)) {
            output.push_back(kUnknownDim);
        } else if (x == 1) {
            output.push_back(y);
        } else if (y == 1 || x == y) {
            output.push_back(x);
        } else {
            fail("cannot broadcast " + describe(a) + " with " + describe(b));
        }
    }
    return output;
}

Shape without_batch(const Shape& shape) {
    return Shape(shape.begin() + 1, shape.end());
}

std::size_t normalised_axis(std::int64_t axis, std::size_t rank) {
    const auto signed_rank = static_cast<std::int64_t>(rank);
    if (axis < -signed_rank || axis >= signed_rank) {
        fail("axis " + std::to_string(axis) + " is out of range for " + std::to_string(rank) +
             " dimensions");
    }
    return static_cast<std::size_t>(axis < 0 ? axis + signed_rank : axis);
}

}  // namespace

// Add, Subtract, Multiply, Average, Maximum, Minimum.
OutputShapes infer_broadcast_merge(const Layer&, InputShapes inputs) {
    if (inputs.empty()) fail("a merge layer needs inputs");
    for (const Shape& shape : inputs) require_min_rank(shape, 1);
    Shape merged = without_batch(inputs[0]);
    for (std::size_t i = 1; i < inputs.size(); ++i) {
        merged = broadcast(merged, without_batch(inputs[i]));
    }
    merged.insert(merged.begin(), common_batch(inputs));
    return {merged};
}

// The other axes are taken from the first input, as Keras does.
OutputShapes infer_concatenate(const Layer& layer, InputShapes inputs) {
    if (inputs.empty()) fail("Concatenate needs inputs");
    const std::size_t rank = inputs[0].size();
    const std::size_t axis = normalised_axis(int_attr(layer, "axis", -1), rank);
    Shape output = inputs[0];
    for (std::size_t i = 1; i < inputs.size(); ++i) {
        const Shape& shape = inputs[i];
        if (shape.size() != rank) {
            fail("cannot concatenate " + describe(inputs[0]) + " and " + describe(shape));
        }
        for (std::size_t other = 1; other < rank; ++other) {
            if (other == axis) continue;
            if (is_known(output[other]) && is_known(shape[other]) &&
                output[other] != shape[other]) {
                fail("cannot concatenate " + describe(inputs[0]) + " and " + describe(shape) +
                     " on axis " + std::to_string(axis));
            }
        }
        output[axis] = fits(add_dims(output[axis], shape[axis]));
    }
    return {output};
}

OutputShapes infer_dot(const Layer& layer, InputShapes inputs) {
    if (inputs.size() != 2) fail("Dot needs two inputs");
    Shape a = inputs[0];
    Shape b = inputs[1];
    require_min_rank(a, 2);
    require_min_rank(b, 2);
    const auto axes = int_list_attr(layer, "axes");
    if (!axes || axes->empty() || axes->size() > 2) fail("axes must be one or two integers");
    const std::size_t axis_a = normalised_axis(axes->front(), a.size());
    const std::size_t axis_b = normalised_axis(axes->back(), b.size());
    if (axis_a == 0 || axis_b == 0) fail("Dot cannot reduce the batch axis");
    if (is_known(a[axis_a]) && is_known(b[axis_b]) && a[axis_a] != b[axis_b]) {
        fail("Dot axes do not match: " + describe(a) + " and " + describe(b));
    }
    a.erase(a.begin() + static_cast<std::ptrdiff_t>(axis_a));
    b.erase(b.begin() + static_cast<std::ptrdiff_t>(axis_b));
    a.insert(a.end(), b.begin() + 1, b.end());
    if (a.size() == 1) a.push_back(1);
    return {a};
}

}  // namespace strata::shapes
