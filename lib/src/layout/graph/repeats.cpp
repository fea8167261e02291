// `--collapse exact`: identical consecutive blocks are drawn once. Two blocks are identical when
// their layers, in the same order, have the same type, configuration (kernel, strides,
// filters, activation, ...), input and output shapes, and the same edges between them.

#include <algorithm>
#include <cctype>
#include <iterator>
#include <string>
#include <string_view>
#include <unordered_map>

#include "layout/graph/attribute_text.hpp"
#include "layout/graph/short_labels.hpp"
#include "layout/graph/tokens.hpp"
#include "layout/layered/channels_last.hpp"

namespace strata::layout::graph {
namespace {

constexpr std::size_t kMaxPeriod = 8;  // tokens in one repeated unit

// Configuration keys that change what a layer computes; names and initialisers do not. Sorted
// as the keys of Attrs are, so that one walk over a layer's attributes finds them all.
constexpr std::string_view kSignatureKeys[] = {"activation",    "axis",      "depth_multiplier",
                                               "dilation_rate", "filters",   "kernel_size",
                                               "padding",       "pool_size", "rate",
                                               "size",          "strides",   "units"};
static_assert(std::is_sorted(std::begin(kSignatureKeys), std::end(kSignatureKeys)));

// A shape as drawn (channels last), so that blocks drawn alike are alike whatever axis order
// the file gives each tensor.
void append_shape(std::string& out, const Layer& layer, const Shape& file_shape) {
    const Shape shape = channels_last(layer, file_shape);
    for (std::size_t i = 1; i < shape.size(); ++i) {
        out += std::to_string(shape[i]);
        out += 'x';
    }
}

// Appends the signature of one layer to `s`.
void append_node_signature(std::string& s, const Model& model, const Layer& layer) {
    s += layer.type;
    auto it = layer.attrs.begin();
    for (const std::string_view key : kSignatureKeys) {
        while (it != layer.attrs.end() && std::string_view(it->first) < key) ++it;
        if (it == layer.attrs.end()) break;
        if (it->first != key) continue;
        s += '|';
        s += key;
        s += '=';
        append_attribute_text(s, it->second);
    }
    s += "|out=";
    if (layer.shape_known) {
        for (const Shape& shape : layer.shapes) {
            append_shape(s, layer, shape);
            s += ';';
        }
    }
    s += "|in=";
    for (const TensorRef& in : layer.inputs) {
        if (in.layer >= model.layers.size()) continue;
        const Layer& from = model.layers[in.layer];
        if (from.shape_known && in.output < from.shapes.size())
            append_shape(s, from, from.shapes[in.output]);
        s += ';';
    }
}

void insert_sorted(std::vector<std::size_t>& set, std::size_t v) {
    const auto at = std::lower_bound(set.begin(), set.end(), v);
    if (at == set.end() || *at != v) set.insert(at, v);
}

// What leaves the hidden last instance of a run now leaves the drawn unit's last layer: skips,
// edges (the next block, a projection shortcut forking there) and the lanes forking there.
void redirect_run_exit(Arrangement& a, const Repeat& r) {
    const std::size_t from = a.spine[r.run_last], to = a.spine[r.last];
    if (from == to) return;
    for (Skip& s : a.skips) {
        if (s.from == from) s.from = to;
    }
    std::vector<std::size_t> kept;
    for (std::size_t w : a.dag.succs[from]) {
        if (a.hidden[w]) {
            kept.push_back(w);
            continue;
        }
        auto& preds = a.dag.preds[w];
        preds.erase(std::find(preds.begin(), preds.end(), from));
        insert_sorted(preds, to);
        insert_sorted(a.dag.succs[to], w);
    }
    a.dag.succs[from] = std::move(kept);
    for (Branch& b : a.branches) {
        if (b.fork == static_cast<long>(r.run_last)) b.fork = static_cast<long>(r.last);
    }
}

}  // namespace

void fold_repeats(const Model& model, Arrangement& a, const std::vector<Token>& tokens) {
    const std::size_t count = tokens.size();
    std::vector<std::size_t> id(count), size(count);
    // Hashed: the signatures of a deep model are long and share long prefixes, which an
    // ordered map compares again and again. Ids are still given in order of first use.
    std::unordered_map<std::string, std::size_t> ids;
    std::string signature;  // reused: its buffer grows once
    std::vector<long> local(a.dag.size(), -1);
    for (std::size_t t = 0; t < count; ++t) {
        const std::vector<std::size_t> nodes = token_nodes(a, tokens[t]);
        for (std::size_t i = 0; i < nodes.size(); ++i) local[nodes[i]] = static_cast<long>(i);
        signature.clear();
        for (std::size_t v : nodes) {
            append_node_signature(signature, model, model.layers[a.dag.layer[v]]);
            signature += "|from=";
            // Edges from outside the block are described by the input shapes alone, so that
            // the first block of a model (fed by an input that is not drawn) matches the rest.
            for (std::size_t u : a.dag.preds[v]) {
                if (local[u] < 0) continue;
                signature += std::to_string(local[u]);
                signature += ',';
            }
            signature += '\n';
        }
        for (std::size_t v : nodes) local[v] = -1;
        const auto known = ids.find(signature);
        id[t] =
            known != ids.end() ? known->second : ids.emplace(signature, ids.size()).first->second;
        size[t] = nodes.size();
    }
    auto same = [&](std::size_t i, std::size_t j, std::size_t p) {
        return std::equal(id.begin() + static_cast<long>(i), id.begin() + static_cast<long>(i + p),
                          id.begin() + static_cast<long>(j));
    };
    for (std::size_t i = 0; i < count;) {
        std::size_t best_p = 0, best_k = 1;
        for (std::size_t p = 1; p <= kMaxPeriod && i + 2 * p <= count; ++p) {
            std::size_t k = 1;
            while (i + (k + 1) * p <= count && same(i, i + k * p, p)) ++k;
            std::size_t unit_nodes = 0;
            for (std::size_t t = i; t < i + p; ++t) unit_nodes += size[t];
            // A repeated block folds from two copies on; a single repeated layer only from
            // four, so that plain stacks such as VGG's three equal convolutions stay drawn out.
            const std::size_t needed = unit_nodes > 1 ? 2 : 4;
            if (k >= needed && p * k > best_p * best_k) {
                best_p = p;
                best_k = k;
            }
        }
        if (best_p == 0) {
            ++i;
            continue;
        }
        Repeat r;
        r.first = tokens[i].first;
        r.last = tokens[i + best_p - 1].last;
        r.count = best_k;
        for (std::size_t k = 0; k < best_k; ++k) {
            const std::size_t last_token = i + k * best_p + best_p - 1;
            r.names.push_back(model.layers[a.dag.layer[a.spine[tokens[last_token].last]]].name);
            if (k == 0) continue;
            for (std::size_t t = i + k * best_p; t <= last_token; ++t) {
                for (std::size_t v : token_nodes(a, tokens[t])) a.hidden[v] = true;
            }
        }
        r.run_last = tokens[i + best_p * best_k - 1].last;
        r.scope = range_label(r.names.front(), r.names.back());
        redirect_run_exit(a, r);
        a.repeats.push_back(std::move(r));
        i += best_p * best_k;
    }
}

void mark_stage_repeats(const Model& model, Arrangement& a) {
    std::vector<bool> folded(a.spine.size(), false);
    for (const Repeat& r : a.repeats) {
        for (std::size_t p = r.first; p <= r.run_last; ++p) folded[p] = true;
    }
    bool added = false;
    const auto fold_of = [&](std::size_t p) {
        return attr<std::string>(model.layers[a.dag.layer[a.spine[p]]], "fold");
    };
    for (std::size_t p = 0; p < a.spine.size(); ++p) {
        const Layer& layer = model.layers[a.dag.layer[a.spine[p]]];
        // Similar blocks at level layer: the first block's layers, marked "fold" with the
        // run's name, "fold_count" and "change", stand for the run.
        if (const auto fold = fold_of(p)) {
            std::size_t q = p;
            while (q + 1 < a.spine.size() && fold_of(q + 1) == fold) ++q;
            const auto count = attr<std::int64_t>(layer, "fold_count");
            const bool free = std::find(folded.begin() + static_cast<long>(p),
                                        folded.begin() + static_cast<long>(q) + 1,
                                        true) == folded.begin() + static_cast<long>(q) + 1;
            if (free && count && *count >= 2) {
                Repeat r;
                r.first = p;
                r.last = r.run_last = q;
                r.count = static_cast<std::size_t>(*count);
                r.scope = short_label(without_op_suffix(*fold));
                r.names = {*fold};
                if (const auto change = attr<std::string>(layer, "change")) r.change = *change;
                a.repeats.push_back(std::move(r));
                added = true;
            }
            p = q;
            continue;
        }
        const auto count = attr<std::int64_t>(layer, "repeat");
        if (folded[p] || !count || *count < 2) continue;
        Repeat r;
        r.first = r.last = r.run_last = p;
        r.count = static_cast<std::size_t>(*count);
        r.scope = short_label(without_op_suffix(layer.name));
        r.names = {layer.name};
        if (const auto change = attr<std::string>(layer, "change")) r.change = *change;
        a.repeats.push_back(std::move(r));
        added = true;
    }
    if (added) {
        std::sort(a.repeats.begin(), a.repeats.end(),
                  [](const Repeat& x, const Repeat& y) { return x.first < y.first; });
    }
}

}  // namespace strata::layout::graph
