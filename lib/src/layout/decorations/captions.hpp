#pragma once

#include <cstddef>
#include <string>
#include <string_view>

#include <optional>

#include "layout/decorations/text_budget.hpp"
#include "strata/model.hpp"
#include "strata/options.hpp"

namespace strata::layout {

// What joins the dimensions of a shape: visualkeras' " x " (also the form of data attributes
// and titles, for scripts), or " × " as a reader expects it in a caption or legend.
inline constexpr std::string_view kPlainTimes = " x ";
inline constexpr std::string_view kTypesetTimes = " \u00d7 ";

// The one a reader sees under `options`: visualkeras' in compat mode, else the typeset one.
std::string_view reader_times(const Options& options);

// The printed form of a layer's output shape as visualkeras' `shape` caption shows it: batch
// dropped, unknown dims dropped, the rest joined with `times` ("224 x 224 x 64"); "?" when
// unknown.
std::string shape_text(const Layer& layer, std::string_view times = kPlainTimes);

// The caption of a built-in `text_callable` (name, type, shape, name_shape) for the layer drawn
// as box `box_index`, shapes joined with `times`; lines are separated by '\n'; empty for none.
std::string caption_text(TextCallable callable, const Layer& layer, std::size_t box_index,
                         std::string_view times = kPlainTimes);

// Fills a caption template: {name}, {type}, {shape}, {index} (the box's index), {params}
// (weights, "1,792"; "?" when unknown), shapes joined with `times`; "\n" (backslash, n) starts
// a new line; "{{" and "}}" stand for braces. Throws strata::Error naming an unknown field, or
// once the text grows beyond limits::kMaxCaptionBytes (checked as it grows).
std::string expand_caption_template(const std::string& text, const Layer& layer,
                                    std::size_t box_index, std::string_view times = kPlainTimes);

// The caption of the layer drawn as box `box_index`, or nullopt for none: its entry in
// `captions`, else the `caption` template, else the built-in `text_callable`. Its text is
// charged to the figure's `budget`.
std::optional<std::string> caption_for(const Layer& layer, std::size_t box_index,
                                       const Options& options, TextBudget& budget);

// Whether box `box_index`'s caption goes above it (`captions_above`, `caption_position`).
bool caption_above(const Layer& layer, std::size_t box_index, const Options& options);

}  // namespace strata::layout
