#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <vector>

#include "layout/graph_view/graph_columns.hpp"
#include "strata/model.hpp"
#include "strata/options.hpp"

namespace strata::layout {

// What one node of a member's stack is: a neuron (circle), the dots that stand for neurons
// left out, or the one tall box of a member drawn without neurons.
enum class NodeKind { neuron, ellipsis, box };

// The most nodes one stack draws whatever `ellipsize_after` says (0 or above this): a layer of
// 4096 units connected to another stays at most kMostNodesPerStack² lines.
inline constexpr std::int64_t kMostNodesPerStack = 64;

// The neurons a member has as visualkeras counts them: a layer's `units` or `filters` (for a
// Dense or recurrent layer without the attribute, its output's last dimension); an
// input layer's or output tensor's elements when not `inout_as_tensor` (unknown dimensions
// left out); none (a member drawn as one box) otherwise, or without `show_neurons`.
std::optional<std::int64_t> neuron_count(const Model& model, const GraphMember& member,
                                         const Options& options);

// The nodes of a member's stack, top to bottom: one box without neurons. With more neurons than
// `ellipsize_after`, the stack keeps that many nodes, the last but one being the dots. (visualkeras
// puts the dots there also when nothing is left out, replacing a neuron; with compat_visualkeras so
// does this.) `capped` is set when kMostNodesPerStack cut the stack.
std::vector<NodeKind> node_stack(std::optional<std::int64_t> neurons, const Options& options,
                                 bool& capped);

}  // namespace strata::layout
