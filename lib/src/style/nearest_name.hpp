#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace strata::style {

// The one of `candidates` a misspelt `name` most likely meant: the closest by edit distance
// (letter case ignored), when it is close (at most a third of the name's letters, and at least
// one, differ). Ties go to the earlier candidate; nullopt when none is close.
std::optional<std::string> nearest_name(std::string_view name,
                                        const std::vector<std::string>& candidates);

// " (did you mean 'X'?)" for the nearest candidate, or "" when none is close.
std::string did_you_mean(std::string_view name, const std::vector<std::string>& candidates);

}  // namespace strata::style
