#pragma once

#include <string>
#include <string_view>

namespace strata::emit {

// Standard base64 (RFC 4648, with '=' padding, no line breaks), as data URIs need.
std::string base64(std::string_view bytes);

}  // namespace strata::emit
