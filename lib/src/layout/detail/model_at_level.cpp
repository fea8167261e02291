// A model coarsened to blocks or stages: each unit becomes one layer, the units and the
// remaining layers keep the model's order where the edges allow (a topological order, ties
// by the first layer of each).

#include "layout/detail/model_at_level.hpp"

#include <algorithm>
#include <functional>
#include <queue>
#include <string>
#include <utility>

#include "layout/detail/blocks.hpp"
#include "layout/detail/expansion.hpp"
#include "layout/detail/folded_runs.hpp"
#include "layout/detail/similar_blocks.hpp"

namespace strata::layout::detail {
namespace {

// Layers drawn as one box.
struct Unit {
    std::string name;
    std::vector<std::size_t> layers;  // increasing, none implicit
    std::size_t repeat = 1;
    std::string change;  // what differs between the blocks it stands for: "64→224 ch"
};

constexpr long kInsideUnit = -1;

// An expanded block's frame: a light tint of the layer groups' grey, a darker outline.
constexpr Rgba kFrameFill{225, 228, 235, 255};
constexpr Rgba kFrameOutline{110, 115, 125, 255};

struct Coarse {
    Model model;
    std::vector<long> index;  // per original layer: its index in `model`, or kInsideUnit
};

Shape entering_shape(const Model& model, const std::vector<std::size_t>& layers) {
    for (std::size_t l : layers) {
        for (const TensorRef& in : model.layers[l].inputs) {
            if (std::binary_search(layers.begin(), layers.end(), in.layer)) continue;
            const Layer& from = model.layers[in.layer];
            if (from.shape_known && in.output < from.shapes.size()) return from.shapes[in.output];
        }
    }
    return {};
}

// The type of the layer of `layers` (sorted) that merges what comes from outside them with
// what it has inside (the Concatenate a U-Net's copy enters), "" for none: a connector into
// the unit keeps the kind of the merge it goes into.
std::string merge_inside(const Model& model, const std::vector<std::size_t>& layers) {
    for (std::size_t l : layers) {
        const Layer& layer = model.layers[l];
        if (layer.inputs.size() < 2) continue;
        const bool from_outside =
            std::any_of(layer.inputs.begin(), layer.inputs.end(), [&](const TensorRef& in) {
                return !std::binary_search(layers.begin(), layers.end(), in.layer);
            });
        const std::string& t = layer.type;
        if (from_outside && (t == "Concatenate" || t == "Concat" || t == "Add" || t == "Sum" ||
                             t == "Multiply" || t == "Mul"))
            return t;
    }
    return "";
}

// Nullopt when the units and the layers between them form a cycle (units that interleave).
std::optional<Coarse> merged(const Model& model, const std::vector<Unit>& units) {
    const std::size_t n = model.layers.size();
    // Nodes: the units, then each layer outside them.
    std::vector<long> node_of(n, -1);
    std::vector<std::size_t> first_layer;
    for (std::size_t u = 0; u < units.size(); ++u) {
        for (std::size_t l : units[u].layers) node_of[l] = static_cast<long>(u);
        first_layer.push_back(units[u].layers.front());
    }
    std::vector<std::size_t> single;  // node → layer, for nodes that are one layer
    for (std::size_t l = 0; l < n; ++l) {
        if (node_of[l] >= 0) continue;
        node_of[l] = static_cast<long>(first_layer.size());
        single.push_back(l);
        first_layer.push_back(l);
    }
    const std::size_t nodes = first_layer.size();
    const auto is_unit = [&](std::size_t v) { return v < units.size(); };
    // Edges between nodes, with the output of the producer, in the consumers' input order.
    std::vector<std::vector<TensorRef>> inputs(nodes);
    std::vector<std::vector<std::size_t>> succs(nodes);
    std::vector<std::size_t> indegree(nodes, 0);
    const auto layers_of = [&](std::size_t v) {
        return is_unit(v) ? units[v].layers : std::vector<std::size_t>{single[v - units.size()]};
    };
    for (std::size_t v = 0; v < nodes; ++v) {
        for (std::size_t l : layers_of(v)) {
            for (const TensorRef& in : model.layers[l].inputs) {
                if (in.layer >= n) continue;
                const auto u = static_cast<std::size_t>(node_of[in.layer]);
                if (u == v) continue;
                const TensorRef ref{u, is_unit(u) ? 0 : in.output};
                if (std::find(inputs[v].begin(), inputs[v].end(), ref) != inputs[v].end()) continue;
                inputs[v].push_back(ref);
                succs[u].push_back(v);
                ++indegree[v];
            }
        }
    }
    // Kahn's order, the earliest first layer first.
    using Entry = std::pair<std::size_t, std::size_t>;  // first layer, node
    std::priority_queue<Entry, std::vector<Entry>, std::greater<>> ready;
    for (std::size_t v = 0; v < nodes; ++v) {
        if (indegree[v] == 0) ready.push({first_layer[v], v});
    }
    std::vector<std::size_t> order, position(nodes);
    while (!ready.empty()) {
        const std::size_t v = ready.top().second;
        ready.pop();
        position[v] = order.size();
        order.push_back(v);
        for (std::size_t w : succs[v]) {
            if (--indegree[w] == 0) ready.push({first_layer[w], w});
        }
    }
    if (order.size() != nodes) return std::nullopt;

    const Consumers consumers = consumers_of(model);
    Coarse c;
    c.model.name = model.name;
    c.model.format = model.format;
    c.model.keras_version = model.keras_version;
    c.index.assign(n, kInsideUnit);
    for (std::size_t v : order) {
        Layer layer;
        if (is_unit(v)) {
            const Unit& unit = units[v];
            const Layer& exit = model.layers[exit_layer(model, consumers, unit.layers)];
            layer.name = unit.name;
            layer.type = std::string(kBlockType);
            layer.shapes = exit.shapes;
            layer.shape_known = exit.shape_known;
            layer.channel_axis = exit.channel_axis;
            std::int64_t params = 0;
            bool any_params = false;
            for (std::size_t l : unit.layers) {
                if (!model.layers[l].params) continue;
                params += *model.layers[l].params;
                any_params = true;
            }
            if (any_params) layer.params = params;
            layer.attrs["layers"] = static_cast<std::int64_t>(unit.layers.size());
            const Shape in = entering_shape(model, unit.layers);
            if (!in.empty())
                layer.attrs["in_shape"] = std::vector<std::int64_t>(in.begin(), in.end());
            if (unit.repeat > 1) layer.attrs["repeat"] = static_cast<std::int64_t>(unit.repeat);
            if (!unit.change.empty()) layer.attrs["change"] = unit.change;
            if (const std::string merge = merge_inside(model, unit.layers); !merge.empty())
                layer.attrs["merge"] = merge;
        } else {
            const std::size_t l = single[v - units.size()];
            layer = model.layers[l];
            layer.parent.clear();
            c.index[l] = static_cast<long>(c.model.layers.size());
        }
        layer.inputs.clear();
        for (const TensorRef& in : inputs[v])
            layer.inputs.push_back({position[in.layer], in.output});
        c.model.layers.push_back(std::move(layer));
    }
    for (std::size_t l : model.inputs) {
        if (l < n) c.model.inputs.push_back(position[static_cast<std::size_t>(node_of[l])]);
    }
    for (const TensorRef& out : model.outputs) {
        if (out.layer >= n) continue;
        const auto v = static_cast<std::size_t>(node_of[out.layer]);
        c.model.outputs.push_back({position[v], is_unit(v) ? 0 : out.output});
    }
    return c;
}

// The units of `level`; those `expanded` are left out, so that their layers are drawn.
std::vector<Unit> units_at(const Model& model, const BlockStructure& s, Level level, bool similar,
                           const Expansion& expanded, bool expanded_as_blocks) {
    std::vector<Unit> units;
    std::vector<SimilarRun> runs = similar ? similar_runs(model, s) : std::vector<SimilarRun>{};
    // A run with an expanded block in it is no run: its other blocks are drawn one by one.
    std::erase_if(runs, [&](const SimilarRun& run) {
        for (std::size_t b = run.first; b <= run.last; ++b) {
            if (expanded.blocks[b]) return true;
        }
        return false;
    });
    if (level == Level::block) {
        std::size_t next_run = 0;
        for (std::size_t b = 0; b < s.blocks.size(); ++b) {
            while (next_run < runs.size() && runs[next_run].first < b) ++next_run;
            if (next_run < runs.size() && runs[next_run].first == b) {
                const SimilarRun& run = runs[next_run++];
                units.push_back({run.name, run.layers, run.last - run.first + 1, run.change});
                b = run.last;
                continue;
            }
            if (!expanded.blocks[b]) units.push_back({s.blocks[b].name, s.blocks[b].layers, 1, {}});
        }
    } else if (level == Level::stage) {
        // A stage of similar blocks says what changes along it.
        std::size_t next_run = 0;
        for (std::size_t k = 0; k < s.stages.size(); ++k) {
            const Stage& st = s.stages[k];
            if (expanded.stages[k]) {
                // Its blocks one by one, when its layers take more room than the figure has.
                if (expanded_as_blocks) {
                    for (std::size_t b : st.blocks)
                        units.push_back({s.blocks[b].name, s.blocks[b].layers, 1, {}});
                }
                continue;
            }
            while (next_run < runs.size() && runs[next_run].first < st.blocks.front()) ++next_run;
            const bool all_similar = next_run < runs.size() &&
                                     runs[next_run].first == st.blocks.front() &&
                                     runs[next_run].last == st.blocks.back();
            units.push_back({st.name, st.layers, st.blocks.size(),
                             all_similar ? runs[next_run].change : std::string{}});
        }
    }
    return units;
}

std::vector<std::size_t> remapped(const std::vector<std::size_t>& indices,
                                  const std::vector<long>& index) {
    std::vector<std::size_t> out;
    for (std::size_t i : indices) {
        if (i < index.size() && index[i] != kInsideUnit)
            out.push_back(static_cast<std::size_t>(index[i]));
    }
    return out;
}

}  // namespace

ModelAtLevel::ModelAtLevel(const Model& model, const Options& options, Warnings& warnings,
                           bool expanded_as_blocks)
    : model_(model), options_(options) {
    options_.level = Level::layer;
    // Similar blocks are folded here, if at all; later steps fold identical ones.
    if (options_.collapse == Collapse::similar) options_.collapse = Collapse::exact;
    options_.expand.clear();  // the coarse model's names are not the model's
    if (options.level == Level::automatic) return;
    if (options.level == Level::layer) {
        if (options.collapse == Collapse::similar) fold_similar_runs(model, options);
        return;
    }
    const BlockStructure s = find_blocks(model);
    const Expansion expanded = expansion(model, s, options.level, options.expand);
    const auto units_for = [&](bool similar) {
        std::vector<Unit> units =
            units_at(model, s, options.level, similar, expanded, expanded_as_blocks);
        // Drop the implicit input a unit may hold (it is never drawn) and units left empty.
        for (Unit& u : units) {
            std::erase_if(u.layers, [&](std::size_t l) { return model.layers[l].implicit; });
        }
        std::erase_if(units, [](const Unit& u) { return u.layers.empty(); });
        return units;
    };
    const bool similar = options.collapse == Collapse::similar;
    std::vector<Unit> units = units_for(similar);
    if (units.empty() && expanded.frames.empty()) {
        warnings.push_back(
            {"level", "no blocks found in this model's names: drawn layer by layer"});
        return;
    }
    std::optional<Coarse> c = merged(model, units);
    // Similar blocks folded with what lies between them may interleave with other layers:
    // then each block is a unit of its own.
    if (!c && similar) c = merged(model, units_for(false));
    if (!c) {
        warnings.push_back(
            {"level", "the blocks this model's names form overlap: drawn layer by layer"});
        return;
    }
    // Each expanded block or stage in a frame of its own, titled with its name.
    for (const ExpandedFrame& frame : expanded.frames) {
        LayerGroup group;
        group.name = frame.title;
        if (expanded_as_blocks) {
            // The boxes of its blocks.
            for (const Block& b : s.blocks) {
                if (std::binary_search(frame.layers.begin(), frame.layers.end(), b.layers.front()))
                    group.layers.push_back(b.name);
            }
        } else {
            for (std::size_t l : frame.layers) group.layers.push_back(model.layers[l].name);
        }
        group.padding = 6;
        group.fill = kFrameFill;
        group.outline = kFrameOutline;
        group.font_size = options.font_size;
        group.font_color = options.font_color;
        options_.layered_groups.push_back(std::move(group));
    }
    options_.index_ignore = remapped(options.index_ignore, c->index);
    options_.index_2D = remapped(options.index_2D, c->index);
    coarse_ = std::move(c->model);
}

void ModelAtLevel::fold_similar_runs(const Model& model, const Options& options) {
    const BlockStructure s = find_blocks(model);
    // A block to expand is drawn as it is, and so are the other blocks of its run.
    const Expansion expanded = expansion(model, s, Level::block, options.expand);
    std::vector<bool> drawn_out = expanded.blocks;
    for (std::size_t k = 0; k < s.stages.size(); ++k) {
        if (!expanded.stages[k]) continue;
        for (std::size_t b : s.stages[k].blocks) drawn_out[b] = true;
    }
    std::vector<SimilarRun> runs = similar_runs(model, s);
    std::erase_if(runs, [&](const SimilarRun& run) {
        for (std::size_t b = run.first; b <= run.last; ++b) {
            if (drawn_out[b]) return true;
        }
        return false;
    });
    std::optional<FoldedModel> f = folded_runs(model, s, runs);
    if (!f) return;
    options_.index_ignore = remapped(options.index_ignore, f->index);
    options_.index_2D = remapped(options.index_2D, f->index);
    coarse_ = std::move(f->model);
    folded_only_ = true;
}

}  // namespace strata::layout::detail
