#pragma once

#include <cstddef>
#include <string>
#include <vector>

#include "layout/graph/dag.hpp"
#include "strata/model.hpp"

namespace strata::layout::graph {

// How a merging layer is drawn: a full box, a small ⊕ / ⊗ glyph, or a thin concatenation slab.
enum class MergeKind { none, add, multiply, concat };

// Off-spine layers that hang below the row between the spine layer they leave (`fork`, -1 for
// none: an extra input) and the one they rejoin (`join`, the spine length for none).
struct Branch {
    std::vector<std::size_t> nodes;  // in topological order
    long fork = -1;
    std::size_t join = 0;
    int lane = 0;  // 1 = first lane below the row; set by the placement
};

// A skip connection between two spine layers that are not neighbours, drawn above the row.
struct Skip {
    std::size_t from = 0, to = 0;  // nodes
    bool copy = false;             // into a concatenation (U-Net copy) rather than a sum
    int level = 0;                 // 0 = closest to the boxes
};

// Dense connectivity drawn as one line above a block, with a tap from every source and into
// every target, instead of one level per edge.
struct Bus {
    std::vector<std::size_t> sources, targets;  // nodes, sorted
    bool copy = false;
    int level = 0;
};

// Identical consecutive blocks drawn once: the unit is spine positions [first, last] (its
// branches included); `count` instances in all, the others hidden.
struct Repeat {
    std::size_t first = 0, last = 0;  // spine positions of the drawn unit
    std::size_t run_last = 0;         // spine position of the last layer of the last instance
    std::size_t count = 0;
    std::string scope;               // "conv3_block2–4"
    std::string change;              // what differs between the instances: "64→224 ch"
    std::vector<std::string> names;  // the last layer of every instance, for the title
};

// A stretch of visible spine positions [first, last] that no connector leaves: the units a
// row may be broken between.
struct Item {
    std::size_t first = 0, last = 0;
};

struct Arrangement {
    Dag dag;
    std::vector<std::size_t> spine;  // nodes, input to output
    std::vector<long> spine_pos;     // per node, -1 off the spine
    std::vector<long> branch_of;     // per node, -1 on the spine
    std::vector<Branch> branches;
    std::vector<MergeKind> merge;  // per node
    std::vector<bool> hidden;      // per node: inside a folded repeat
    std::vector<Skip> skips;       // between visible spine nodes
    std::vector<Bus> buses;
    int levels = 0;  // skip levels used
    std::vector<Repeat> repeats;
    std::vector<Item> items;  // visible, in order

    // True when the picture is the classic single chain in model order.
    bool is_plain_chain() const;
};

// Collapse policy of `--collapse`.
enum class Collapse { none, exact };

// The model's drawn layers (`drawn`: model indices, increasing) arranged as a row: the spine is
// the longest input→output path (model order on ties), the rest become branches; merges become
// glyphs; skips get levels; identical consecutive blocks fold. Linear in layers and edges but
// for the skips inside one block.
Arrangement arrange(const Model& model, const std::vector<std::size_t>& drawn, Collapse collapse);

}  // namespace strata::layout::graph
