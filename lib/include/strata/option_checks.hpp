#pragma once

#include <string>

#include "strata/diagnostics.hpp"
#include "strata/model.hpp"
#include "strata/options.hpp"

namespace strata {

// Warns of options that name what the model does not have, which would otherwise change
// nothing without a word: a class in type_ignore or color_map that no layer is, a layer in
// captions or captions_above that the model lacks, a key of styles or a name in logo_groups
// that is no layer, class or base class of the model (each with the nearest name the model
// has, when one is close: a misspelling; past three names of one option, a count), an
// index_ignore past the model's layers.
void warn_unused_option_names(const Model& model, const Options& options, Warnings& warnings);

// Warns of each option that the view `options.view` does not draw (the legend in the lenet
// view, a lenet option in the layered view) whose value differs from that view's default with
// `preset` (a name, or empty) applied: given by the user, it would change nothing without a
// word; a preset, made for every view, is not blamed.
void warn_options_unused_by_view(const Options& options, const std::string& preset,
                                 Warnings& warnings);

}  // namespace strata
