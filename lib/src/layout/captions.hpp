#pragma once

#include <cstddef>
#include <string>

#include "strata/model.hpp"

namespace strata::layout {

// The printed form of a layer's output shape as visualkeras' `shape` caption shows it: batch
// dropped, unknown dims dropped, the rest joined with " x " ("224 x 224 x 64"); "?" when unknown.
std::string shape_text(const Layer& layer);

// The caption of a built-in `text_callable` (name, type, shape, name_shape) for the layer drawn
// as box `box_index`; lines are separated by '\n'. Throws strata::Error for an unknown name.
std::string caption_text(const std::string& callable, const Layer& layer, std::size_t box_index);

// True when `callable` names a built-in caption.
bool is_caption_callable(const std::string& callable);

}  // namespace strata::layout
