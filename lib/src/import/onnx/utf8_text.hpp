#pragma once

#include <string>
#include <string_view>

namespace strata::onnx_import {

// Text from the file made safe to draw: invalid UTF-8 becomes U+FFFD, control characters
// become spaces, and it is cut after `max_bytes` (on a character boundary).
std::string clean_text(std::string_view text, std::size_t max_bytes);

}  // namespace strata::onnx_import
