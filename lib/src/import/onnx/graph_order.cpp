#include "import/onnx/graph_order.hpp"

#include <queue>
#include <string>
#include <unordered_map>

namespace strata::onnx_import {

std::vector<int> topological_order(const onnx::GraphProto& graph) {
    const int count = graph.node_size();
    std::unordered_map<std::string, int> producer;
    for (int i = 0; i < count; ++i)
        for (const auto& out : graph.node(i).output())
            if (!out.empty()) producer.emplace(out, i);
    std::vector<int> pending(static_cast<std::size_t>(count), 0);
    std::vector<std::vector<int>> consumers(static_cast<std::size_t>(count));
    for (int i = 0; i < count; ++i) {
        for (const auto& in : graph.node(i).input()) {
            auto it = producer.find(in);
            if (it == producer.end()) continue;
            ++pending[static_cast<std::size_t>(i)];
            consumers[static_cast<std::size_t>(it->second)].push_back(i);
        }
    }
    // Smallest index first keeps the file's order whenever it is already topological.
    std::priority_queue<int, std::vector<int>, std::greater<>> ready;
    for (int i = 0; i < count; ++i)
        if (pending[static_cast<std::size_t>(i)] == 0) ready.push(i);
    std::vector<int> order;
    order.reserve(static_cast<std::size_t>(count));
    while (!ready.empty()) {
        const int i = ready.top();
        ready.pop();
        order.push_back(i);
        for (int c : consumers[static_cast<std::size_t>(i)])
            if (--pending[static_cast<std::size_t>(c)] == 0) ready.push(c);
    }
    return order;
}

}  // namespace strata::onnx_import
