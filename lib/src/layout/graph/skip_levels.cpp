// Skip levels: each skip gets the lowest level above every skip nested inside it and free of
// skips it partly overlaps (half-open spans, so back-to-back residual blocks share a level).
// Narrowest first keeps nested skips (U-Net copies) inside outer ones. A block whose skips
// would need too many levels, or where one layer takes three or more skips (dense
// connectivity), is drawn as one bus instead.

#include <algorithm>
#include <map>

#include "layout/graph/tokens.hpp"

namespace strata::layout::graph {
namespace {

constexpr int kMaxLevels = 6;
constexpr std::size_t kDenseFanIn = 3;
// Placing levels is quadratic in the skips of one block; beyond this many, a bus.
constexpr std::size_t kMaxSkipsPerBlock = 4096;
// What place_levels returns as soon as a block needs more than kMaxLevels: a bus.
constexpr int kTooManyLevels = kMaxLevels + 1;

struct Span {
    long start = 0, end = 0;
    std::size_t skip = 0;
    int level = 0;
};

int place_levels(std::vector<Span>& spans) {
    std::sort(spans.begin(), spans.end(), [](const Span& x, const Span& y) {
        if (x.end - x.start != y.end - y.start) return x.end - x.start < y.end - y.start;
        if (x.start != y.start) return x.start < y.start;
        return x.skip < y.skip;
    });
    int used = 0;
    for (std::size_t i = 0; i < spans.size(); ++i) {
        Span& s = spans[i];
        int level = 0;
        for (std::size_t j = 0; j < i; ++j) {
            const Span& q = spans[j];
            if (q.start >= s.start && q.end <= s.end) level = std::max(level, q.level + 1);
        }
        // Past kMaxLevels the block is drawn as a bus: stop before the rescans pile up (one
        // per level, cubic when every skip overlaps every other).
        for (bool clash = true; clash;) {
            if (level >= kTooManyLevels) return kTooManyLevels;
            clash = false;
            for (std::size_t j = 0; j < i; ++j) {
                const Span& q = spans[j];
                if (q.level == level && q.start < s.end && s.start < q.end) {
                    ++level;
                    clash = true;
                    break;
                }
            }
        }
        if (level >= kTooManyLevels) return kTooManyLevels;
        s.level = level;
        used = std::max(used, level + 1);
    }
    return used;
}

}  // namespace

void assign_levels(Arrangement& a, const std::vector<Token>& tokens) {
    std::vector<std::size_t> token_at(a.spine.size(), 0);
    for (std::size_t t = 0; t < tokens.size(); ++t) {
        for (std::size_t p = tokens[t].first; p <= tokens[t].last; ++p) token_at[p] = t;
    }
    std::vector<std::vector<std::size_t>> by_token(tokens.size());
    for (std::size_t i = 0; i < a.skips.size(); ++i)
        by_token[token_at[static_cast<std::size_t>(a.spine_pos[a.skips[i].from])]].push_back(i);
    std::vector<bool> on_bus(a.skips.size(), false);
    a.levels = 0;
    for (const std::vector<std::size_t>& skips : by_token) {
        if (skips.empty()) continue;
        std::vector<Span> spans;
        std::map<std::size_t, std::size_t> fan_in;
        std::size_t widest_fan_in = 0;
        for (std::size_t i : skips) {
            const Skip& s = a.skips[i];
            spans.push_back({a.spine_pos[s.from], a.spine_pos[s.to], i, 0});
            widest_fan_in = std::max(widest_fan_in, ++fan_in[s.to]);
        }
        // Dense blocks go straight to a bus: placing their levels first would be quadratic.
        const bool dense = widest_fan_in >= kDenseFanIn || spans.size() > kMaxSkipsPerBlock;
        const int used = dense ? kTooManyLevels : place_levels(spans);
        if (used <= kMaxLevels) {
            for (const Span& s : spans) a.skips[s.skip].level = s.level;
            a.levels = std::max(a.levels, used);
            continue;
        }
        Bus bus;
        for (std::size_t i : skips) {
            bus.sources.push_back(a.skips[i].from);
            bus.targets.push_back(a.skips[i].to);
            bus.copy = bus.copy || a.skips[i].copy;
            on_bus[i] = true;
        }
        for (auto* list : {&bus.sources, &bus.targets}) {
            std::sort(list->begin(), list->end());
            list->erase(std::unique(list->begin(), list->end()), list->end());
        }
        a.buses.push_back(std::move(bus));
        a.levels = std::max(a.levels, 1);
    }
    std::vector<Skip> kept;
    for (std::size_t i = 0; i < a.skips.size(); ++i) {
        if (!on_bus[i]) kept.push_back(a.skips[i]);
    }
    a.skips = std::move(kept);
}

}  // namespace strata::layout::graph
