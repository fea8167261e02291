// Similar blocks: DenseNet's dense layers, one kind of Inception module, EfficientNet's and
// MobileNet's repeated blocks compute alike on tensors of growing or shrinking sizes. They are
// drawn once, marked with how many they are and what changes.

#include "layout/detail/similar_blocks.hpp"

#include <algorithm>
#include <type_traits>
#include <variant>

#include "layout/graph/attribute_text.hpp"
#include "layout/graph/short_labels.hpp"
#include "layout/layered/channels_last.hpp"

namespace strata::layout::detail {
namespace {

// Configuration that says what a layer computes, not how much of it: filters, units and a
// depthwise convolution's group count (its channel count) left out, and a dropout's rate
// (EfficientNet's grows from block to block).
constexpr const char* kStructureKeys[] = {
    "kernel_size", "kernel_shape",  "strides",   "activation", "pool_size",        "padding",
    "pads",        "dilation_rate", "dilations", "axis",       "depth_multiplier", "size"};

bool grouped(const Layer& layer) {
    for (const char* key : {"group", "groups"}) {
        const auto count = attr<std::int64_t>(layer, key);
        if (count && *count > 1) return true;
    }
    return false;
}

// The drawn shape (channels last) of a layer's first output; empty when unknown.
Shape drawn_shape(const Layer& layer) {
    if (!layer.shape_known || layer.shapes.empty() || layer.shapes.front().size() < 2) return {};
    return channels_last(layer, layer.shapes.front());
}

std::string spatial(const Shape& shape) {
    std::string out;
    for (std::size_t i = 1; i + 1 < shape.size(); ++i) {
        if (!out.empty()) out += "\u00d7";
        out += std::to_string(shape[i]);
    }
    return out;
}

// The first change, layer by layer, between two similar blocks: a channel count
// ("64→224 ch"), else a spatial size ("56×56→28×28"); empty when none.
std::string first_change(const Model& model, const std::vector<std::size_t>& a,
                         const std::vector<std::size_t>& b) {
    std::string size_change;
    for (std::size_t k = 0; k < a.size() && k < b.size(); ++k) {
        const Shape x = drawn_shape(model.layers[a[k]]), y = drawn_shape(model.layers[b[k]]);
        if (x.size() != y.size() || x.empty()) continue;
        if (x.back() != y.back() && x.back() > 0 && y.back() > 0)
            return std::to_string(x.back()) + "\u2192" + std::to_string(y.back()) + " ch";
        if (size_change.empty() && x.size() > 2 && spatial(x) != spatial(y))
            size_change = spatial(x) + "\u2192" + spatial(y);
    }
    return size_change;
}

}  // namespace

std::string block_structure(const Model& model, const std::vector<std::size_t>& layers) {
    std::string s;
    for (std::size_t l : layers) {
        const Layer& layer = model.layers[l];
        s += layer.type;
        for (const char* key : kStructureKeys) {
            const auto it = layer.attrs.find(key);
            if (it == layer.attrs.end()) continue;
            s += '|';
            s += key;
            s += '=';
            graph::append_attribute_text(s, it->second);
        }
        if (grouped(layer)) s += "|grouped";
        // Edges inside the block by position; what enters from outside (a dense layer's
        // growing list of earlier outputs) is no part of the structure.
        s += "|from=";
        for (const TensorRef& in : layer.inputs) {
            const auto at = std::lower_bound(layers.begin(), layers.end(), in.layer);
            if (at == layers.end() || *at != in.layer) continue;
            s += std::to_string(at - layers.begin());
            s += ',';
        }
        s += '\n';
    }
    return s;
}

std::vector<SimilarRun> similar_runs(const Model& model, const BlockStructure& s) {
    std::vector<SimilarRun> runs;
    std::vector<std::string> structure;
    structure.reserve(s.blocks.size());
    constexpr long kNoBlock = -1;
    std::vector<long> block_of(model.layers.size(), kNoBlock);
    for (std::size_t k = 0; k < s.blocks.size(); ++k) {
        structure.push_back(block_structure(model, s.blocks[k].layers));
        for (std::size_t l : s.blocks[k].layers) block_of[l] = static_cast<long>(k);
    }
    for (const Stage& st : s.stages) {
        for (std::size_t i = 0; i < st.blocks.size();) {
            std::size_t j = i + 1;
            while (j < st.blocks.size() && structure[st.blocks[j]] == structure[st.blocks[i]]) ++j;
            if (j - i >= 2) {
                SimilarRun run;
                run.first = st.blocks[i];
                run.last = st.blocks[j - 1];
                const Block &first = s.blocks[run.first], &last = s.blocks[run.last];
                // The blocks' layers and what lies between them (an activation after a sum).
                for (std::size_t l = first.layers.front(); l <= last.layers.back(); ++l) {
                    if (model.layers[l].implicit) continue;
                    const long k = block_of[l];
                    if (k == kNoBlock ||
                        (k >= static_cast<long>(run.first) && k <= static_cast<long>(run.last)))
                        run.layers.push_back(l);
                }
                run.change = first_change(model, first.layers, last.layers);
                run.name = i == 0 && j == st.blocks.size()
                               ? st.name
                               : graph::range_label(first.name, last.name);
                runs.push_back(std::move(run));
            }
            i = j;
        }
    }
    return runs;
}

}  // namespace strata::layout::detail
