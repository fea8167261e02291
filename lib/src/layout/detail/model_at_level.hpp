#pragma once

#include <optional>
#include <string_view>

#include "strata/diagnostics.hpp"
#include "strata/model.hpp"
#include "strata/options.hpp"

namespace strata::layout::detail {

// The type of a layer that stands for a block or a stage.
inline constexpr std::string_view kBlockType = "Block";

// The model and options a figure at `options.level` is laid out from: at `block` every block
// is one layer of type "Block", at `stage` every stage is one (attribute "repeat": how many
// blocks it stands for, drawn ×N); with collapse similar, consecutive similar blocks are one
// such layer too, and a unit of similar blocks says what changes along it (attribute
// "change": "64→224 ch"). Such a layer has the output shape of the layer its data
// leaves by, the sum of the parameters, and the attributes "layers" (how many it stands for)
// and "in_shape" (the shape that enters it). Options that name layers by index follow them;
// a layer inside a block is no longer drawn on its own. Every later step (connectors, merges,
// lanes, ×N, wrapping, legend) works on this model unchanged.
class ModelAtLevel {
  public:
    // `expanded_as_blocks`: at level stage, an expanded stage is drawn block by block (each
    // block one box) in its frame, for a figure whose width its layers would overflow.
    ModelAtLevel(const Model& model, const Options& options, Warnings& warnings,
                 bool expanded_as_blocks = false);
    const Model& model() const { return coarse_ ? *coarse_ : model_; }
    // The options for the model at its level (whose own level is layer, so that no later
    // step coarsens it again).
    const Options& options() const { return options_; }
    // False when the model stays as it is (level layer, or no blocks to be found). At level
    // layer with collapse similar, each run of similar blocks is drawn once, layer by layer
    // (see folded_runs): the model changes, its level does not.
    bool coarsened() const { return coarse_.has_value() && !folded_only_; }

  private:
    void fold_similar_runs(const Model& model, const Options& options);

    bool folded_only_ = false;
    const Model& model_;
    std::optional<Model> coarse_;
    Options options_;
};

}  // namespace strata::layout::detail
