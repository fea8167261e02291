// Blocks and stages from a model's names. A block is the deepest level of siblings numbered
// alike that follow one another (layer2.0 → layer2.1); looking deeper than that would find
// Keras' "conv2_block1_1" (a convolution, its normalisation and activation), looking higher
// "conv2" … "conv5" (the stages).

#include "layout/detail/blocks.hpp"

#include <algorithm>
#include <cctype>
#include <map>
#include <set>
#include <string_view>
#include <utility>

#include "layout/detail/graph_regions.hpp"
#include "layout/graph/short_labels.hpp"
#include "layout/layered/channels_last.hpp"

namespace strata::layout::detail {
namespace {

// "block2" → "block", "inception4a" → "inception", "7" → ""; no stem (nullopt) for a part
// that ends in no number.
std::optional<std::string_view> numbered_stem(std::string_view part) {
    std::size_t end = part.size();
    if (end >= 2 && std::islower(static_cast<unsigned char>(part[end - 1])) != 0 &&
        std::isdigit(static_cast<unsigned char>(part[end - 2])) != 0)
        --end;
    if (end == 0 || std::isdigit(static_cast<unsigned char>(part[end - 1])) == 0)
        return std::nullopt;
    while (end > 0 && std::isdigit(static_cast<unsigned char>(part[end - 1])) != 0) --end;
    return part.substr(0, end);
}

// Layers that only accompany another (its normalisation, activation, padding, dropout): a
// convolution with its normalisation and activation is one layer to a reader, not a block.
bool accompanies(const std::string& type) {
    for (const char* word : {"Normalization", "Activation", "ReLU", "ReLu", "Relu", "Dropout",
                             "Padding", "Softmax", "Sigmoid", "Tanh", "Gelu", "GELU"}) {
        if (type.find(word) != std::string::npos) return true;
    }
    return type == "InputLayer";
}

// A block holds at least two layers that compute on their own.
bool enough_for_a_block(const Model& model, const Scope& scope) {
    std::size_t own = 0;
    for (std::size_t l : scope.layers) {
        if (!accompanies(model.layers[l].type) && ++own == 2) return true;
    }
    return false;
}

using SiblingEdges = std::set<std::pair<std::size_t, std::size_t>>;

// Every pair of sibling scopes (a, b) with a layer under b using a layer under a.
SiblingEdges sibling_edges(const Model& model, const ScopeTree& tree) {
    SiblingEdges edges;
    for (std::size_t l = 0; l < model.layers.size(); ++l) {
        const std::vector<std::size_t>& to = tree.path[l];
        for (const TensorRef& in : model.layers[l].inputs) {
            if (in.layer >= model.layers.size()) continue;
            const std::vector<std::size_t>& from = tree.path[in.layer];
            std::size_t d = 0;
            while (d < to.size() && d < from.size() && to[d] == from[d]) ++d;
            if (d < to.size() && d < from.size()) edges.insert({from[d], to[d]});
        }
    }
    return edges;
}

// The children of `scope` that are blocks of one kind: numbered alike, each of two layers or
// more that compute on their own, at least two of them and one feeding the next.
std::vector<std::vector<std::size_t>> numbered_groups(const Model& model, const ScopeTree& tree,
                                                      std::size_t scope,
                                                      const SiblingEdges& edges) {
    std::map<std::string_view, std::vector<std::size_t>> by_stem;
    std::vector<std::string_view> order;
    for (std::size_t c : tree.scopes[scope].children) {
        const Scope& child = tree.scopes[c];
        if (child.submodel || !enough_for_a_block(model, child)) continue;
        const auto stem = numbered_stem(child.part);
        if (!stem || (stem->empty() && !child.dotted)) continue;
        auto [it, added] = by_stem.try_emplace(*stem);
        if (added) order.push_back(*stem);
        it->second.push_back(c);
    }
    std::vector<std::vector<std::size_t>> groups;
    for (std::string_view stem : order) {
        std::vector<std::size_t>& members = by_stem[stem];
        if (members.size() < 2) continue;
        bool chained = false;
        for (std::size_t k = 0; k + 1 < members.size() && !chained; ++k)
            chained = edges.count({members[k], members[k + 1]}) != 0;
        if (chained) groups.push_back(std::move(members));
    }
    return groups;
}

// "2×3" from a layer's output: its spatial size, channels and batch left out.
std::string spatial_size(const Layer& layer) {
    if (!layer.shape_known || layer.shapes.empty() || layer.shapes.front().size() < 3) return "";
    const Shape shape = channels_last(layer, layer.shapes.front());
    std::string key;
    for (std::size_t i = 1; i + 1 < shape.size(); ++i) key += std::to_string(shape[i]) + "x";
    return key;
}

// "block4" for "block4a" (EfficientNet numbers its stages and letters their blocks); empty
// for a part numbered without letters.
std::string_view family(std::string_view part) {
    const std::size_t n = part.size();
    if (n >= 2 && std::islower(static_cast<unsigned char>(part[n - 1])) != 0 &&
        std::isdigit(static_cast<unsigned char>(part[n - 2])) != 0)
        return part.substr(0, n - 1);
    return {};
}

bool inside(const std::vector<std::size_t>& layers, std::size_t l) {
    return std::binary_search(layers.begin(), layers.end(), l);
}

// Whether `to` uses an output of `from`, directly or through one layer that only accompanies
// it (the activation after a residual sum); adds such a layer to `between`.
bool feeds(const Model& model, const Block& from, const Block& to,
           std::vector<std::size_t>& between) {
    for (std::size_t l : to.layers) {
        for (const TensorRef& in : model.layers[l].inputs) {
            if (inside(from.layers, in.layer)) return true;
        }
    }
    for (std::size_t l : to.layers) {
        for (const TensorRef& in : model.layers[l].inputs) {
            if (inside(to.layers, in.layer)) continue;
            const Layer& x = model.layers[in.layer];
            if (!accompanies(x.type)) continue;
            for (const TensorRef& xin : x.inputs) {
                if (!inside(from.layers, xin.layer)) continue;
                between.push_back(in.layer);
                return true;
            }
        }
    }
    return false;
}

// Blocks that numbers share across names (MobileNet's "conv_pad_2", "conv_dw_2", "conv_pw_2"):
// the children of one scope numbered alike under two stems or more, together of at least two
// layers that compute on their own, at least three such numbers and one feeding the next. Named
// by their parent and number ("conv_2"). Linear in the scopes and layers.
std::vector<Block> shared_number_blocks(const Model& model, const ScopeTree& tree) {
    std::vector<Block> found;
    std::vector<bool> taken(model.layers.size(), false);
    for (std::size_t x = 0; x < tree.scopes.size(); ++x) {
        std::map<std::string_view, std::vector<std::size_t>> by_number;
        std::map<std::string_view, std::set<std::string_view>> stems;
        std::vector<std::string_view> order;
        for (std::size_t c : tree.scopes[x].children) {
            const Scope& child = tree.scopes[c];
            const auto stem = numbered_stem(child.part);
            if (child.submodel || !stem || stem->empty()) continue;
            const std::string_view number = std::string_view(child.part).substr(stem->size());
            auto [it, added] = by_number.try_emplace(number);
            if (added) order.push_back(number);
            it->second.push_back(c);
            stems[number].insert(*stem);
        }
        std::vector<Block> blocks;
        for (std::string_view number : order) {
            if (stems[number].size() < 2) continue;
            Block b;
            b.name = (x == 0 ? std::string() : tree.scopes[x].name + "_") + std::string(number);
            b.scope = by_number[number].front();
            b.stage_scope = x;
            std::size_t own = 0;
            for (std::size_t c : by_number[number]) {
                for (std::size_t l : tree.scopes[c].layers) {
                    if (model.layers[l].implicit || taken[l]) continue;
                    b.layers.push_back(l);
                    own += !accompanies(model.layers[l].type);
                }
            }
            std::sort(b.layers.begin(), b.layers.end());
            if (own >= 2) blocks.push_back(std::move(b));
        }
        // Two numbers may be a small model's two convolutions and poolings ("enc_conv1",
        // "enc_pool1"); a run of such units repeats.
        if (blocks.size() < 3) continue;
        bool chained = false;
        std::vector<std::size_t> between;
        for (std::size_t k = 0; k + 1 < blocks.size() && !chained; ++k)
            chained = feeds(model, blocks[k], blocks[k + 1], between);
        if (!chained) continue;
        for (Block& b : blocks) {
            for (std::size_t l : b.layers) taken[l] = true;
            found.push_back(std::move(b));
        }
    }
    return found;
}

std::vector<Stage> stages_of(const Model& model, const BlockStructure& s) {
    std::vector<Stage> stages;
    const std::vector<Block>& blocks = s.blocks;
    const Consumers consumers = consumers_of(model);
    std::vector<std::string> sizes;
    for (const Block& b : blocks)
        sizes.push_back(spatial_size(model.layers[exit_layer(model, consumers, b.layers)]));
    // How many blocks lie under each scope.
    std::vector<std::size_t> blocks_under(s.tree.scopes.size(), 0);
    for (const Block& b : blocks) {
        for (std::size_t sc = b.scope;; sc = s.tree.scopes[sc].parent) {
            ++blocks_under[sc];
            if (sc == 0) break;
        }
    }
    for (std::size_t i = 0; i < blocks.size();) {
        std::size_t j = i + 1;
        std::vector<std::size_t> between;
        while (j < blocks.size() && !blocks[i].stands_alone && !blocks[j].stands_alone &&
               blocks[j].stage_scope == blocks[i].stage_scope && sizes[j] == sizes[i] &&
               family(s.tree.scopes[blocks[j].scope].part) ==
                   family(s.tree.scopes[blocks[i].scope].part) &&
               feeds(model, blocks[j - 1], blocks[j], between))
            ++j;
        Stage st;
        for (std::size_t k = i; k < j; ++k) st.blocks.push_back(k);
        const std::size_t parent = blocks[i].stage_scope;
        if (parent != 0 && blocks_under[parent] == j - i) {
            st.name = s.tree.scopes[parent].name;
            st.layers = s.tree.scopes[parent].layers;
        } else {
            st.name = graph::range_label(blocks[i].name, blocks[j - 1].name);
            st.layers = between;
            for (std::size_t k = i; k < j; ++k)
                st.layers.insert(st.layers.end(), blocks[k].layers.begin(), blocks[k].layers.end());
            std::sort(st.layers.begin(), st.layers.end());
            st.layers.erase(std::unique(st.layers.begin(), st.layers.end()), st.layers.end());
        }
        stages.push_back(std::move(st));
        i = j;
    }
    return stages;
}

}  // namespace

Consumers consumers_of(const Model& model) {
    Consumers consumers(model.layers.size());
    for (std::size_t l = 0; l < model.layers.size(); ++l) {
        for (const TensorRef& in : model.layers[l].inputs) {
            if (in.layer < model.layers.size() &&
                (consumers[in.layer].empty() || consumers[in.layer].back() != l))
                consumers[in.layer].push_back(l);
        }
    }
    // The model's outputs are used from outside every set of layers.
    for (const TensorRef& out : model.outputs) {
        if (out.layer < model.layers.size()) consumers[out.layer].push_back(model.layers.size());
    }
    return consumers;
}

std::size_t exit_layer(const Model&, const Consumers& consumers,
                       const std::vector<std::size_t>& layers) {
    const auto inside = [&](std::size_t l) {
        return std::binary_search(layers.begin(), layers.end(), l);
    };
    for (auto it = layers.rbegin(); it != layers.rend(); ++it) {
        for (std::size_t user : consumers[*it]) {
            if (!inside(user)) return *it;
        }
    }
    return layers.back();
}

BlockStructure find_blocks(const Model& model) {
    BlockStructure s;
    s.tree = scope_tree(model);
    const std::vector<Scope>& scopes = s.tree.scopes;
    const SiblingEdges edges = sibling_edges(model, s.tree);
    std::vector<std::vector<std::vector<std::size_t>>> groups(scopes.size());
    // deeper[x]: some scope at or under x has blocks among its children. Children come after
    // their parents, so one backward pass sees every child first.
    std::vector<bool> deeper(scopes.size(), false);
    for (std::size_t x = scopes.size(); x-- > 0;) {
        groups[x] = numbered_groups(model, s.tree, x, edges);
        bool any = !groups[x].empty();
        for (std::size_t c : scopes[x].children) any = any || deeper[c];
        deeper[x] = any;
    }
    const auto add_block = [&](std::size_t scope, std::size_t parent) {
        Block b;
        b.name = scopes[scope].name;
        b.scope = scope;
        b.stage_scope = parent;
        for (std::size_t l : scopes[scope].layers) {
            if (!model.layers[l].implicit) b.layers.push_back(l);
        }
        if (b.layers.size() >= 2) s.blocks.push_back(std::move(b));
    };
    std::vector<std::size_t> todo{0};
    while (!todo.empty()) {
        const std::size_t x = todo.back();
        todo.pop_back();
        std::set<std::size_t> placed;
        for (const std::vector<std::size_t>& group : groups[x]) {
            for (std::size_t m : group) {
                if (deeper[m]) continue;
                add_block(m, x);
                placed.insert(m);
            }
        }
        for (std::size_t c : scopes[x].children) {
            if (placed.count(c) != 0) continue;
            if (deeper[c]) {
                todo.push_back(c);
            } else if (scopes[c].submodel) {
                add_block(c, x);
            }
        }
    }
    // Numbers shared across names.
    if (s.blocks.empty()) s.blocks = shared_number_blocks(model, s.tree);
    // Names that say nothing: the graph's single-entry stretches, named by their last layer.
    if (s.blocks.empty()) {
        std::vector<std::vector<std::size_t>> regions = single_entry_regions(model);
        // A long skip around them all hides the residual blocks from that count.
        if (regions.empty()) regions = residual_regions(model);
        // Skips that nest make all of it one stretch: the runs at one resolution, each a unit
        // of its own (folding alike ones would hide where their skips go).
        bool by_resolution = false;
        if (regions.empty()) {
            regions =
                resolution_runs(model, [](const Layer& layer) { return !accompanies(layer.type); });
            by_resolution = true;
        }
        for (std::vector<std::size_t>& region : regions) {
            Block b;
            b.stands_alone = by_resolution;
            b.name = model.layers[region.back()].name;
            b.layers = std::move(region);
            b.scope = s.tree.path[b.layers.back()].back();
            s.blocks.push_back(std::move(b));
        }
    }
    std::sort(s.blocks.begin(), s.blocks.end(),
              [](const Block& a, const Block& b) { return a.layers.front() < b.layers.front(); });
    s.stages = stages_of(model, s);
    return s;
}

}  // namespace strata::layout::detail
