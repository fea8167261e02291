#pragma once

// Helpers of the functional view's tests: a small branching model and the view's defaults.

#include "strata/import.hpp"
#include "strata/option_table.hpp"
#include "strata/options.hpp"

namespace strata::test {

// A branching model: an input, two branches of different lengths, a merge, an output.
inline constexpr const char* kBranching = R"({"class_name": "Functional", "config": {"name": "fork",
 "layers": [
  {"class_name": "InputLayer", "name": "in", "config": {"batch_input_shape": [null, 32, 32, 3],
   "name": "in"}, "inbound_nodes": []},
  {"class_name": "Conv2D", "name": "a1", "config": {"name": "a1", "filters": 8,
   "kernel_size": [3, 3], "padding": "same"}, "inbound_nodes": [[["in", 0, 0, {}]]]},
  {"class_name": "Conv2D", "name": "a2", "config": {"name": "a2", "filters": 8,
   "kernel_size": [3, 3], "padding": "same"}, "inbound_nodes": [[["a1", 0, 0, {}]]]},
  {"class_name": "Conv2D", "name": "b1", "config": {"name": "b1", "filters": 8,
   "kernel_size": [1, 1], "padding": "same"}, "inbound_nodes": [[["in", 0, 0, {}]]]},
  {"class_name": "Add", "name": "sum", "config": {"name": "sum"},
   "inbound_nodes": [[["a2", 0, 0, {}], ["b1", 0, 0, {}]]]},
  {"class_name": "Flatten", "name": "flat", "config": {"name": "flat"},
   "inbound_nodes": [[["sum", 0, 0, {}]]]},
  {"class_name": "Dense", "name": "out", "config": {"name": "out", "units": 10},
   "inbound_nodes": [[["flat", 0, 0, {}]]]}],
 "input_layers": [["in", 0, 0]], "output_layers": [["out", 0, 0]]}})";

inline Model branching() {
    Warnings w;
    return parse_model(kBranching, "fork.json", w);
}

inline Options functional_defaults() {
    Options o;
    apply_view(o, View::functional);
    return o;
}

}  // namespace strata::test
