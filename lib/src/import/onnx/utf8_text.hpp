#pragma once

#include <string>
#include <string_view>

namespace strata::onnx_import {

// Text from the file made safe to draw on one line (unicode::valid_line: invalid UTF-8 and
// controls become U+FFFD, breaks and tabs spaces), cut after `max_bytes` on a character boundary.
std::string clean_text(std::string_view text, std::size_t max_bytes);

}  // namespace strata::onnx_import
