#include "shapes/rule.hpp"

#include "shapes/dims.hpp"
#include "strata/error.hpp"
#include "strata/printable.hpp"

namespace strata::shapes {

void fail(const std::string& reason) {
    throw ShapeProblem(reason);
}

void refuse(const Layer& layer, const ImpossibleConfiguration& problem) {
    throw Error("", layer.line, layer.column,
                "layer " + quoted_text(layer.name) + " (" + printable_text(layer.type) +
                    "): " + problem.what());
}

void fail_below(const std::string& key, std::int64_t value, std::int64_t least) {
    throw ImpossibleConfiguration(quoted_text(key) + " holds " + std::to_string(value) +
                                  ", expected " + std::to_string(least) + " or more");
}

void fail_missing(const std::string& key) {
    throw ImpossibleConfiguration(quoted_text(key) +
                                  " is not given, and Keras cannot build the layer without it");
}

const Shape& single_input(InputShapes inputs) {
    if (inputs.size() != 1) {
        fail("expects one input, got " + std::to_string(inputs.size()));
    }
    return inputs.front();
}

void require_rank(const Shape& shape, std::size_t rank) {
    if (shape.size() != rank) {
        fail("expects a " + std::to_string(rank) + "-D input (batch included), got " +
             describe(shape));
    }
}

void require_min_rank(const Shape& shape, std::size_t rank) {
    if (shape.size() < rank) {
        fail("expects an input of at least " + std::to_string(rank) +
             " dimensions (batch included), got " + describe(shape));
    }
}

Dim fits(std::optional<Dim> dim) {
    if (!dim) fail(kDimensionTooLarge);
    return *dim;
}

std::int64_t representable(std::optional<std::int64_t> number) {
    if (!number) fail("a number the shape depends on is too large to represent");
    return *number;
}

Dim bounded(std::int64_t dim) {
    return fits(bounded_dim(dim));
}

std::string describe(const Shape& shape) {
    std::string text = "[";
    for (std::size_t i = 0; i < shape.size(); ++i) {
        if (i > 0) text += ", ";
        text += shape[i] < 0 ? std::string("?") : std::to_string(shape[i]);
    }
    return text + "]";
}

}  // namespace strata::shapes
