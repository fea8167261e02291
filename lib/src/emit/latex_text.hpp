#pragma once

#include <string>
#include <string_view>

namespace strata::emit {

// `text` as LaTeX text that only prints: every character TeX gives a meaning (\ { } # $ % & ~
// _ ^) and those that print otherwise in OT1 (< > | ") become a fixed command or escape, so no
// model text can run a macro, read a file or change a catcode. Invalid UTF-8 becomes U+FFFD,
// control characters are dropped, spaces are kept one by one (control spaces), and pairs that
// TeX fonts join into ligatures (-- `` '' !` ?` ,,) are kept apart. Other characters pass as
// UTF-8.
std::string latex_text(std::string_view text);

// True when `path` can be written into \includegraphics{...} as it is: only letters, digits
// and . _ - / +, and not empty.
bool latex_safe_path(std::string_view path);

}  // namespace strata::emit
