#pragma once

#include <string>

#include "strata/diagnostics.hpp"
#include "strata/model.hpp"
#include "strata/options.hpp"

namespace strata {

// Warns of options that name what the model does not have, which would otherwise change
// nothing without a word: a class in type_ignore or color_map that no layer is, a layer in
// captions, captions_above or (lenet view) top_labels / bottom_labels that the model lacks, a
// key of styles or a name in logo_groups that is no layer, class or base class of the model
// (each with the nearest name the model has, when one is close: a misspelling; past three
// names of one option, a count), an index_ignore past the model's layers.
void warn_unused_option_names(const Model& model, const Options& options, Warnings& warnings);

// Warns of each option that the view `options.view` does not draw (the legend in the lenet
// view, a lenet option in the layered view) whose value differs from that view's default with
// `preset` (a name, or empty) applied: given by the user, it would change nothing without a
// word; a preset, made for every view, is not blamed.
void warn_options_unused_by_view(const Options& options, const std::string& preset,
                                 Warnings& warnings);

// Warns of each option given (as warn_options_unused_by_view decides) that takes effect only
// with another that is off: functional collapse_rules without collapse_enabled,
// orientation_rotation on the functional view's flat boxes, legend_position without a legend,
// lenet top labels' texts with top_label: false (and the bottom ones alike).
void warn_options_needing_others(const Options& options, const std::string& preset,
                                 Warnings& warnings);

}  // namespace strata
