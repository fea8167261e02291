// Similar blocks at level layer: DenseNet's dense layers are drawn once, layer by layer, as
// exact folding draws identical blocks, with what changes along them.

#include "layout/detail/folded_runs.hpp"

#include <algorithm>
#include <string>
#include <utility>

#include "layout/graph/attribute_text.hpp"

namespace strata::layout::detail {
namespace {

// What exact folding compares beyond a block's structure: its sizes and rates.
constexpr const char* kSizeKeys[] = {"filters", "units", "rate"};

// A layer's sizes as text: its output shapes, the shapes it takes, its filters, units and rate.
std::string sizes(const Model& model, const Layer& layer) {
    std::string s;
    const auto append_shape = [&](const Layer& of, std::size_t output) {
        if (of.shape_known && output < of.shapes.size()) {
            for (std::int64_t d : of.shapes[output]) s += std::to_string(d) + 'x';
        }
        s += ';';
    };
    for (std::size_t o = 0; o < layer.shapes.size(); ++o) append_shape(layer, o);
    s += '|';
    for (const TensorRef& in : layer.inputs) {
        if (in.layer < model.layers.size()) append_shape(model.layers[in.layer], in.output);
    }
    for (const char* key : kSizeKeys) {
        const auto it = layer.attrs.find(key);
        if (it == layer.attrs.end()) continue;
        s += '|';
        graph::append_attribute_text(s, it->second);
    }
    return s;
}

// Whether the blocks of a run are alike in their sizes too: exact folding draws them.
bool identical(const Model& model, const BlockStructure& s, const SimilarRun& run) {
    const std::vector<std::size_t>& first = s.blocks[run.first].layers;
    for (std::size_t b = run.first + 1; b <= run.last; ++b) {
        const std::vector<std::size_t>& other = s.blocks[b].layers;
        if (other.size() != first.size()) return false;
        for (std::size_t i = 0; i < first.size(); ++i) {
            if (sizes(model, model.layers[first[i]]) != sizes(model, model.layers[other[i]]))
                return false;
        }
    }
    return true;
}

}  // namespace

std::optional<FoldedModel> folded_runs(const Model& model, const BlockStructure& s,
                                       const std::vector<SimilarRun>& all_runs) {
    std::vector<SimilarRun> runs;
    for (const SimilarRun& run : all_runs) {
        if (!identical(model, s, run)) runs.push_back(run);
    }
    if (runs.empty()) return std::nullopt;
    const std::size_t n = model.layers.size();
    const Consumers consumers = consumers_of(model);
    constexpr long kKept = -1;
    // Per layer: the layer that stands for it when it is hidden, else kKept.
    std::vector<long> stand_in(n, kKept);
    std::vector<long> run_of(n, -1);  // per drawn layer of a run: the run
    for (std::size_t r = 0; r < runs.size(); ++r) {
        const SimilarRun& run = runs[r];
        const std::size_t second = s.blocks[run.first + 1].layers.front();
        std::vector<std::size_t> drawn;
        for (std::size_t l : run.layers) {
            if (l < second) drawn.push_back(l);
        }
        if (drawn.empty()) return std::nullopt;
        const std::size_t exit = exit_layer(model, consumers, drawn);
        for (std::size_t l : run.layers) {
            if (l < second)
                run_of[l] = static_cast<long>(r);
            else
                stand_in[l] = static_cast<long>(exit);
        }
    }
    FoldedModel f;
    f.model.name = model.name;
    f.model.format = model.format;
    f.model.keras_version = model.keras_version;
    f.index.assign(n, -1);
    for (std::size_t l = 0; l < n; ++l) {
        if (stand_in[l] == kKept) f.index[l] = static_cast<long>(f.model.layers.size());
        if (stand_in[l] == kKept) f.model.layers.push_back(model.layers[l]);
    }
    // What a hidden layer gave, its run's exit gives: the first output of it.
    const auto ref_of = [&](const TensorRef& in) -> std::optional<TensorRef> {
        if (in.layer >= n) return std::nullopt;
        if (stand_in[in.layer] == kKept)
            return TensorRef{static_cast<std::size_t>(f.index[in.layer]), in.output};
        return TensorRef{static_cast<std::size_t>(f.index[stand_in[in.layer]]), 0};
    };
    for (std::size_t l = 0; l < n; ++l) {
        if (f.index[l] < 0) continue;
        const auto at = static_cast<std::size_t>(f.index[l]);
        Layer& layer = f.model.layers[at];
        layer.inputs.clear();
        for (const TensorRef& in : model.layers[l].inputs) {
            const auto ref = ref_of(in);
            if (!ref) continue;
            // A layer drawn after what it uses, or the order breaks: no folding then.
            if (ref->layer >= at) return std::nullopt;
            if (std::find(layer.inputs.begin(), layer.inputs.end(), *ref) == layer.inputs.end())
                layer.inputs.push_back(*ref);
        }
        if (run_of[l] >= 0) {
            const SimilarRun& run = runs[static_cast<std::size_t>(run_of[l])];
            layer.attrs[kFoldAttr] = run.name;
            layer.attrs[kFoldCountAttr] = static_cast<std::int64_t>(run.last - run.first + 1);
            if (!run.change.empty()) layer.attrs["change"] = run.change;
        }
    }
    for (std::size_t l : model.inputs) {
        if (l < n && f.index[l] >= 0)
            f.model.inputs.push_back(static_cast<std::size_t>(f.index[l]));
    }
    for (const TensorRef& out : model.outputs) {
        const auto ref = ref_of(out);
        if (ref && std::find(f.model.outputs.begin(), f.model.outputs.end(), *ref) ==
                       f.model.outputs.end())
            f.model.outputs.push_back(*ref);
    }
    return f;
}

}  // namespace strata::layout::detail
