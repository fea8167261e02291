#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace strata::layout::graph {

// The longest label strata writes itself (×N, stages, blocks), in characters.
inline constexpr std::size_t kMostLabelCharacters = 32;

// How many characters (UTF-8 code points) `text` has.
std::size_t label_length(std::string_view text);

// `text` cut to at most `most` characters (UTF-8 code points) by an ellipsis in its middle.
std::string short_label(std::string_view text, std::size_t most = kMostLabelCharacters);

// A layer name without the op a module path ends in ("features.1.0.Add_1" → "features.1.0"):
// the op says nothing the picture does not.
std::string without_op_suffix(std::string_view name);

// The names of the first and last of a run as one short label: their common prefix and the
// range of their numbers, what follows them left out ("conv3_block2_out" … "conv3_block4_out" →
// "conv3_block2–4", "encoder_layer_0" … "encoder_layer_10" → "encoder_layer_0–10", "Mixed_6c" …
// "Mixed_6d" → "Mixed_6c–d"), else "first – last"; at most kMostLabelCharacters.
std::string range_label(std::string_view first, std::string_view last);

}  // namespace strata::layout::graph
