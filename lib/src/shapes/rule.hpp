#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <span>
#include <stdexcept>
#include <string>
#include <vector>

#include "strata/model.hpp"

namespace strata::shapes {

using InputShapes = std::span<const Shape>;
using OutputShapes = std::vector<Shape>;

// A shape rule: a layer's configuration and the shapes of its inputs give one shape per output.
using ShapeRule = OutputShapes (*)(const Layer& layer, InputShapes inputs);

// Raised by a rule when the configuration or the input shapes leave the output impossible or
// unknowable. It is caught where the rule is applied and becomes an unknown shape plus a
// warning; it never leaves the shapes module, so a hostile file cannot make inference throw.
class ShapeProblem : public std::runtime_error {
  public:
    using std::runtime_error::runtime_error;
};

[[noreturn]] void fail(const std::string& reason);

// Raised by a rule for a configuration no Keras could build: a window, step or dilation below 1,
// groups that do not divide the channels. The file itself is wrong, so unlike ShapeProblem this
// leaves the shapes module: infer_shapes turns it into a strata::Error naming the layer.
class ImpossibleConfiguration : public std::runtime_error {
  public:
    using std::runtime_error::runtime_error;
};

// Throws the strata::Error an ImpossibleConfiguration of `layer` becomes: it names the layer,
// and the caller of infer_shapes the file.
[[noreturn]] void refuse(const Layer& layer, const ImpossibleConfiguration& problem);

// "'strides' holds 0, expected 1 or more", as an ImpossibleConfiguration.
[[noreturn]] void fail_below(const std::string& key, std::int64_t value, std::int64_t least);

// "'target_shape' is not given", as an ImpossibleConfiguration: for a key without which Keras
// cannot build the layer at all (a constructor argument with no default).
[[noreturn]] void fail_missing(const std::string& key);

// The only input of a single-input layer.
const Shape& single_input(InputShapes inputs);
void require_rank(const Shape& shape, std::size_t rank);
void require_min_rank(const Shape& shape, std::size_t rank);
// An output dimension computed with the arithmetic of dims.hpp; nullopt (above 2^40) fails the
// rule with kDimensionTooLarge.
Dim fits(std::optional<Dim> dim);
// A number computed on the way (a dilated window, an element count); nullopt (it does not fit
// in 64 bits) fails the rule.
std::int64_t representable(std::optional<std::int64_t> number);
// An output dimension the configuration gives; one above 2^40 fails the rule.
Dim bounded(std::int64_t dim);

// "[?, 32, 32, 3]", for messages.
std::string describe(const Shape& shape);

}  // namespace strata::shapes
