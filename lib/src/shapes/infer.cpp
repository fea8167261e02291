#include "shapes/infer.hpp"

#include <limits>
#include <string>
#include <vector>

#include "shapes/channel_axis.hpp"
#include "shapes/graph_order.hpp"
#include "shapes/params.hpp"
#include "shapes/rule_table.hpp"
#include "strata/limits.hpp"
#include "strata/printable.hpp"

namespace strata {
namespace {

constexpr std::size_t kNoLayer = std::numeric_limits<std::size_t>::max();

// Why shapes are unknown: the layer where inference stopped and what stopped it. Layers
// downstream share their producer's root cause, so the user gets one warning, not a flood.
struct UnknownShapes {
    std::vector<std::size_t> root;        // per layer: the root cause, or kNoLayer if known
    std::vector<std::string> reason;      // per root cause: why
    std::vector<std::size_t> dependents;  // per root cause: layers unknown because of it
};

bool has_shapes(const Layer& layer) {
    return layer.shape_known && !layer.shapes.empty();
}

// The shapes the layer reads, or the reason it cannot read them.
std::vector<Shape> gather_inputs(const Model& model, const Layer& layer,
                                 const UnknownShapes& unknown, std::size_t& blocked_by,
                                 std::string& problem) {
    std::vector<Shape> inputs;
    for (const TensorRef& ref : layer.inputs) {
        const Layer& producer = model.layers[ref.layer];
        if (!has_shapes(producer)) {
            blocked_by = unknown.root[ref.layer];
            if (blocked_by == kNoLayer)
                problem = "reads " + quoted_text(producer.name) + ", whose shape is unknown";
            return {};
        }
        if (ref.output >= producer.shapes.size()) {
            problem = "reads output " + std::to_string(ref.output) + " of " +
                      quoted_text(producer.name) + ", which has " +
                      std::to_string(producer.shapes.size());
            return {};
        }
        inputs.push_back(producer.shapes[ref.output]);
    }
    if (layer.inputs.empty()) {
        problem = layer.type == "InputLayer" ? "the file does not give the input's shape"
                                             : "the layer has no input";
    }
    return inputs;
}

// A computed shape is held to the rank a file may declare: a Reshape or an Embedding that adds
// axes past it would make every later layer and drawing pay for them.
void refuse_over_rank(const Layer& layer) {
    for (const Shape& shape : layer.shapes) {
        if (shape.size() <= limits::kMaxRank) continue;
        shapes::refuse(layer,
                       shapes::ImpossibleConfiguration(
                           "its output would have " + std::to_string(shape.size()) +
                           " dimensions (at most " + std::to_string(limits::kMaxRank) + ")"));
    }
}

void infer_layer(Model& model, std::size_t index, UnknownShapes& unknown) {
    Layer& layer = model.layers[index];
    std::size_t blocked_by = kNoLayer;
    std::string problem;
    const std::vector<Shape> inputs = gather_inputs(model, layer, unknown, blocked_by, problem);
    if (blocked_by == kNoLayer && problem.empty()) {
        try {
            layer.shapes = shapes::apply_rule(layer, inputs);
            refuse_over_rank(layer);
            layer.shape_known = true;
            return;
        } catch (const shapes::ShapeProblem& rule_failure) {
            problem = rule_failure.what();
        } catch (const shapes::ImpossibleConfiguration& impossible) {
            shapes::refuse(layer, impossible);
        }
    }
    layer.shapes.clear();
    layer.shape_known = false;
    if (blocked_by != kNoLayer) {
        unknown.root[index] = blocked_by;
        ++unknown.dependents[blocked_by];
    } else {
        unknown.root[index] = index;
        unknown.reason[index] = problem;
    }
}

std::string describe_unknown(const Layer& layer, const UnknownShapes& unknown, std::size_t index) {
    std::string message = "shape unknown for " + printable_text(layer.type) + " layer " +
                          quoted_text(layer.name) + ": " + unknown.reason[index];
    const std::size_t dependents = unknown.dependents[index];
    if (dependents > 0) {
        message +=
            "; " + std::to_string(dependents) +
            (dependents == 1 ? " layer depends on it and is" : " layers depend on it and are") +
            " unknown too";
    }
    return message;
}

}  // namespace

void infer_shapes(Model& model, Warnings& warnings) {
    const std::vector<std::size_t> order = shapes::dependency_order(model);
    const std::size_t count = model.layers.size();
    UnknownShapes unknown{std::vector<std::size_t>(count, kNoLayer),
                          std::vector<std::string>(count), std::vector<std::size_t>(count, 0)};
    for (std::size_t index : order) {
        if (has_shapes(model.layers[index])) continue;
        infer_layer(model, index, unknown);
    }
    for (std::size_t index = 0; index < count; ++index) {
        if (unknown.root[index] != index) continue;
        const Layer& layer = model.layers[index];
        warnings.push_back({"", describe_unknown(layer, unknown, index), layer.name});
    }
    shapes::count_params(model);
    shapes::mark_channel_axes(model, order);
}

}  // namespace strata
