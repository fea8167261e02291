// Similar blocks: DenseNet's dense layers, one kind of Inception module, EfficientNet's and
// MobileNet's repeated blocks compute alike on tensors of growing or shrinking sizes. They are
// drawn once, marked with how many they are and what changes.

#include "layout/detail/similar_blocks.hpp"

#include <algorithm>
#include <map>
#include <string_view>
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

// "first–last" of a run, its shared leading path parts ("features.") left out while the label
// would be too long to read whole: "denseblock1.denselayer1–6", not "features.denseb…".
std::string run_label(std::string_view first, std::string_view last) {
    // range_label cuts a label too long by an ellipsis.
    while (graph::range_label(first, last).find("\u2026") != std::string::npos) {
        const std::size_t cut = first.find_first_of("./");
        if (cut == std::string_view::npos || cut + 1 >= first.size() || cut + 1 >= last.size() ||
            last.substr(0, cut + 1) != first.substr(0, cut + 1))
            break;
        first.remove_prefix(cut + 1);
        last.remove_prefix(cut + 1);
    }
    return graph::range_label(first, last);
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
    // Where each name is a layer's: a run may take its stage's name only when no box of its
    // own bears it (DenseNet's export names the concatenation that closes a dense block after
    // the block: two boxes "denseblock1" side by side).
    std::map<std::string_view, std::vector<std::size_t>> layers_named;
    for (std::size_t l = 0; l < model.layers.size(); ++l)
        layers_named[model.layers[l].name].push_back(l);
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
                bool name_free = true;
                if (auto named = layers_named.find(st.name); named != layers_named.end()) {
                    for (std::size_t l : named->second)
                        name_free &= std::binary_search(run.layers.begin(), run.layers.end(), l);
                }
                run.name = i == 0 && j == st.blocks.size() && name_free
                               ? st.name
                               : run_label(first.name, last.name);
                runs.push_back(std::move(run));
            }
            i = j;
        }
    }
    return runs;
}

}  // namespace strata::layout::detail
