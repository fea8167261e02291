#pragma once

#include <string>
#include <utility>
#include <vector>

#include "shapes/infer.hpp"
#include "strata/diagnostics.hpp"
#include "strata/model.hpp"

namespace strata::testing {

// Builds small models by hand: input layers with a shape, then layers wired to them.
class ModelBuilder {
  public:
    TensorRef input(const std::string& name, Shape shape) {
        Layer layer;
        layer.name = name;
        layer.type = "InputLayer";
        layer.shapes = {std::move(shape)};
        layer.shape_known = true;
        model_.inputs.push_back(model_.layers.size());
        return push(std::move(layer));
    }

    TensorRef add(const std::string& name, const std::string& type, std::vector<TensorRef> inputs,
                  Attrs attrs = {}) {
        Layer layer;
        layer.name = name;
        layer.type = type;
        layer.inputs = std::move(inputs);
        layer.attrs = std::move(attrs);
        return push(std::move(layer));
    }

    Model& model() { return model_; }
    const Layer& layer(const std::string& name) const { return model_.layers[*model_.find(name)]; }

  private:
    TensorRef push(Layer layer) {
        model_.layers.push_back(std::move(layer));
        return {model_.layers.size() - 1, 0};
    }

    Model model_;
};

// The outcome of inferring one layer fed by input layers of the given shapes.
struct SingleLayer {
    std::vector<Shape> shapes;  // empty when unknown
    bool known = false;
    Warnings warnings;
};

inline SingleLayer infer_single(const std::string& type, Attrs attrs,
                                const std::vector<Shape>& input_shapes) {
    ModelBuilder builder;
    std::vector<TensorRef> refs;
    for (std::size_t i = 0; i < input_shapes.size(); ++i) {
        refs.push_back(builder.input("input_" + std::to_string(i), input_shapes[i]));
    }
    builder.add("subject", type, refs, std::move(attrs));
    SingleLayer result;
    infer_shapes(builder.model(), result.warnings);
    const Layer& layer = builder.layer("subject");
    result.shapes = layer.shapes;
    result.known = layer.shape_known;
    return result;
}

// The single output shape, or {} when unknown or not exactly one output.
inline Shape infer_shape(const std::string& type, Attrs attrs, const std::vector<Shape>& inputs) {
    SingleLayer result = infer_single(type, std::move(attrs), inputs);
    return result.shapes.size() == 1 ? result.shapes.front() : Shape{};
}

using Ints = std::vector<std::int64_t>;
constexpr Dim N = kUnknownDim;  // the batch

}  // namespace strata::testing
