// `--expand`: the blocks or stages a paper is about, drawn layer by layer in a figure of
// blocks or stages. Their units are left out of the coarsening, and a frame of the layer
// groups' kind marks them.

#include "layout/detail/expansion.hpp"

#include <algorithm>
#include <map>
#include <optional>
#include <string_view>

#include "layout/graph/short_labels.hpp"
#include "strata/error.hpp"
#include "strata/printable.hpp"

namespace strata::layout::detail {
namespace {

// Names are compared as labels show them: no op suffix, a range with a hyphen or an en dash.
std::string normalized(std::string_view name) {
    std::string s = graph::without_op_suffix(name);
    for (std::size_t at; (at = s.find("\u2013")) != std::string::npos;) s.replace(at, 3, "-");
    return s;
}

// The units a name may denote.
struct Denoted {
    std::string shown;  // as the figure writes it
    std::vector<std::size_t> blocks, stages;
};

using Index = std::map<std::string, Denoted, std::less<>>;

Index index_of(const BlockStructure& s) {
    Index index;
    for (std::size_t b = 0; b < s.blocks.size(); ++b) {
        Denoted& d = index[normalized(s.blocks[b].name)];
        d.shown = graph::without_op_suffix(s.blocks[b].name);
        d.blocks.push_back(b);
    }
    for (std::size_t st = 0; st < s.stages.size(); ++st) {
        Denoted& d = index[normalized(s.stages[st].name)];
        d.shown = graph::without_op_suffix(s.stages[st].name);
        d.stages.push_back(st);
    }
    return index;
}

// Edit distance of the first characters of two names: enough to rank near names, bounded
// whatever their length.
std::size_t distance(std::string_view a, std::string_view b) {
    constexpr std::size_t kCompared = 48;
    a = a.substr(0, kCompared);
    b = b.substr(0, kCompared);
    std::vector<std::size_t> row(b.size() + 1);
    for (std::size_t j = 0; j <= b.size(); ++j) row[j] = j;
    for (std::size_t i = 1; i <= a.size(); ++i) {
        std::size_t diagonal = row[0];
        row[0] = i;
        for (std::size_t j = 1; j <= b.size(); ++j) {
            const std::size_t up = row[j];
            row[j] = std::min({row[j] + 1, row[j - 1] + 1, diagonal + (a[i - 1] != b[j - 1])});
            diagonal = up;
        }
    }
    return row[b.size()];
}

[[noreturn]] void unknown(const Model& model, const BlockStructure& s, const Index& index,
                          const std::string& name) {
    if (index.empty())
        throw Error("expand", "no block or stage named " + quoted_text(name) +
                                  ": this model has no blocks or stages");
    // A layer's name: say which block holds it.
    if (const auto layer = model.find(name)) {
        for (const Block& b : s.blocks) {
            if (std::binary_search(b.layers.begin(), b.layers.end(), *layer))
                throw Error("expand", quoted_text(name) + " is a layer of block " +
                                          quoted_text(graph::without_op_suffix(b.name)) +
                                          ": expand the block");
        }
    }
    constexpr std::size_t kNearNames = 5;
    const std::string wanted = normalized(name);
    std::vector<std::pair<std::size_t, const std::string*>> ranked;
    for (const auto& [known, units] : index)
        ranked.push_back({distance(wanted, known), &units.shown});
    const auto shown = std::min(kNearNames, ranked.size());
    std::partial_sort(ranked.begin(), ranked.begin() + static_cast<long>(shown), ranked.end(),
                      [](const auto& x, const auto& y) {
                          return x.first != y.first ? x.first < y.first : *x.second < *y.second;
                      });
    std::string near;
    for (std::size_t i = 0; i < shown; ++i) {
        near += i == 0 ? "" : ", ";
        near += quoted_text(graph::short_label(*ranked[i].second));
    }
    throw Error("expand",
                "no block or stage named " + quoted_text(name) + " (nearest: " + near + ")");
}

const Denoted& denoted(const Model& model, const BlockStructure& s, const Index& index,
                       const std::string& name) {
    const std::string wanted = normalized(name);
    const auto it = index.find(wanted);
    if (it != index.end()) return it->second;
    // The inner part of a module path, as a ×N label may show it ("denseblock2" for
    // "features.denseblock2"), when one name alone ends so.
    std::vector<const Denoted*> found;
    for (const auto& [known, units] : index) {
        if (known.size() > wanted.size() && known.ends_with(wanted) &&
            (known[known.size() - wanted.size() - 1] == '.' ||
             known[known.size() - wanted.size() - 1] == '/'))
            found.push_back(&units);
    }
    if (found.size() == 1) return *found.front();
    if (found.size() > 1) {
        std::string names;
        for (std::size_t i = 0; i < found.size() && i < 3; ++i)
            names += (i == 0 ? "" : ", ") + quoted_text(found[i]->shown);
        throw Error("expand", quoted_text(name) + " ends " + std::to_string(found.size()) +
                                  " names (" + names + (found.size() > 3 ? ", …" : "") +
                                  "): give the whole name");
    }
    unknown(model, s, index, name);
}

std::vector<std::size_t> without_implicit(const Model& model, const std::vector<std::size_t>& in) {
    std::vector<std::size_t> out;
    for (std::size_t l : in) {
        if (!model.layers[l].implicit) out.push_back(l);
    }
    return out;
}

}  // namespace

void check_expand_names(const Model& model, const std::vector<std::string>& names) {
    if (names.empty()) return;
    const BlockStructure s = find_blocks(model);
    const Index index = index_of(s);
    for (const std::string& name : names) denoted(model, s, index, name);
}

bool expandable_at(const Model& model, const BlockStructure& s, Level level,
                   const std::vector<std::string>& names) {
    const Index index = index_of(s);
    for (const std::string& name : names) {
        const Denoted& d = denoted(model, s, index, name);
        if (level == Level::stage && d.stages.empty()) return false;
    }
    return true;
}

Expansion expansion(const Model& model, const BlockStructure& s, Level level,
                    const std::vector<std::string>& names) {
    Expansion e;
    e.blocks.assign(s.blocks.size(), false);
    e.stages.assign(s.stages.size(), false);
    const Index index = index_of(s);
    for (const std::string& name : names) {
        const Denoted& d = denoted(model, s, index, name);
        // A stage of one block has the block's name: the unit the level draws is meant.
        const bool as_stage = level == Level::stage || d.blocks.empty();
        if (as_stage && d.stages.empty()) {
            std::string stage;
            for (const Stage& st : s.stages) {
                if (std::find(st.blocks.begin(), st.blocks.end(), d.blocks.front()) !=
                    st.blocks.end())
                    stage = st.name;
            }
            throw Error("expand", quoted_text(name) + " is a block and this figure draws stages: " +
                                      "expand its stage " +
                                      quoted_text(graph::without_op_suffix(stage)) +
                                      ", or draw blocks (level block)");
        }
        if (as_stage) {
            for (std::size_t st : d.stages) {
                if (e.stages[st]) continue;
                e.stages[st] = true;
                for (std::size_t b : s.stages[st].blocks) e.blocks[b] = true;
                e.frames.push_back({graph::short_label(graph::without_op_suffix(s.stages[st].name)),
                                    without_implicit(model, s.stages[st].layers)});
            }
        } else {
            for (std::size_t b : d.blocks) {
                if (e.blocks[b]) continue;
                e.blocks[b] = true;
                e.frames.push_back({graph::short_label(graph::without_op_suffix(s.blocks[b].name)),
                                    s.blocks[b].layers});
            }
        }
    }
    return e;
}

}  // namespace strata::layout::detail
