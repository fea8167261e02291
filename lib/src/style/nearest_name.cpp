#include "style/nearest_name.hpp"

#include <algorithm>
#include <cstddef>

#include "strata/printable.hpp"

namespace strata::style {
namespace {

char lower(char c) {
    return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c;
}

// Levenshtein distance, letter case ignored, giving up (returning `bound` + 1) once every
// alignment is further than `bound`: names are short, and a long hostile one costs little.
std::size_t distance(std::string_view a, std::string_view b, std::size_t bound) {
    if (a.size() > b.size() + bound || b.size() > a.size() + bound) return bound + 1;
    std::vector<std::size_t> row(b.size() + 1);
    for (std::size_t j = 0; j <= b.size(); ++j) row[j] = j;
    for (std::size_t i = 1; i <= a.size(); ++i) {
        std::size_t diagonal = row[0];
        row[0] = i;
        std::size_t best = row[0];
        for (std::size_t j = 1; j <= b.size(); ++j) {
            const std::size_t above = row[j];
            const std::size_t substitute = diagonal + (lower(a[i - 1]) == lower(b[j - 1]) ? 0 : 1);
            row[j] = std::min({above + 1, row[j - 1] + 1, substitute});
            diagonal = above;
            best = std::min(best, row[j]);
        }
        if (best > bound) return bound + 1;
    }
    return row[b.size()];
}

}  // namespace

std::optional<std::string> nearest_name(std::string_view name,
                                        const std::vector<std::string>& candidates) {
    constexpr std::size_t kLongestCompared = 200;  // no class or option name is longer
    if (name.empty() || name.size() > kLongestCompared) return std::nullopt;
    const std::size_t bound = std::max<std::size_t>(1, name.size() / 3);
    std::optional<std::string> nearest;
    std::size_t nearest_distance = bound + 1;
    for (const std::string& candidate : candidates) {
        if (candidate.size() > kLongestCompared) continue;
        const std::size_t d = distance(name, candidate, bound);
        if (d < nearest_distance) {
            nearest_distance = d;
            nearest = candidate;
        }
    }
    return nearest;
}

std::string did_you_mean(std::string_view name, const std::vector<std::string>& candidates) {
    const std::optional<std::string> nearest = nearest_name(name, candidates);
    return nearest ? " (did you mean " + quoted_text(*nearest) + "?)" : std::string();
}

}  // namespace strata::style
