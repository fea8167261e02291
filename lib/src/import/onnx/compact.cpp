#include "import/onnx/compact.hpp"

#include "import/onnx/wire.hpp"

namespace strata::onnx_import {
namespace {

// ModelProto.graph, GraphProto.initializer, TensorProto's data fields (float, int32, string,
// int64, raw, double, uint64).
constexpr std::uint64_t kModelGraph = 7;
constexpr std::uint64_t kGraphInitializer = 5;
bool is_tensor_data(std::uint64_t field) {
    return field == 4 || field == 5 || field == 6 || field == 7 || field == 9 || field == 10 ||
           field == 11;
}

void put_bytes_field(std::string& out, std::uint64_t number, std::string_view payload) {
    wire::put_varint(out, (number << 3) | 2);
    wire::put_varint(out, payload.size());
    out.append(payload);
}

bool copy_tensor(std::string_view tensor, std::string& out) {
    if (tensor.size() <= kKeptTensorBytes) {
        out.append(tensor);
        return true;
    }
    std::size_t pos = 0;
    while (pos < tensor.size()) {
        auto field = wire::next_field(tensor, pos);
        if (!field) return false;
        if (!is_tensor_data(field->number)) out.append(field->whole);
    }
    return true;
}

bool copy_graph(std::string_view graph, std::string& out) {
    std::size_t pos = 0;
    while (pos < graph.size()) {
        auto field = wire::next_field(graph, pos);
        if (!field) return false;
        if (field->number == kGraphInitializer && field->kind == wire::Kind::bytes) {
            std::string tensor;
            if (!copy_tensor(field->payload, tensor)) return false;
            put_bytes_field(out, kGraphInitializer, tensor);
        } else {
            out.append(field->whole);
        }
    }
    return true;
}

}  // namespace

bool looks_like_onnx(std::string_view bytes) {
    if (bytes.empty()) return false;
    std::size_t pos = 0;
    bool has_graph = false;
    // ModelProto field numbers run from 1 to 20; anything else is not an ONNX model.
    while (pos < bytes.size()) {
        auto field = wire::next_field(bytes, pos);
        if (!field || field->number > 20) return false;
        if (field->number == kModelGraph && field->kind == wire::Kind::bytes) has_graph = true;
    }
    return has_graph;
}

std::string without_bulk_weights(std::string_view bytes) {
    std::string out;
    std::size_t pos = 0;
    while (pos < bytes.size()) {
        auto field = wire::next_field(bytes, pos);
        if (!field) return {};
        if (field->number == kModelGraph && field->kind == wire::Kind::bytes) {
            std::string graph;
            if (!copy_graph(field->payload, graph)) return {};
            put_bytes_field(out, kModelGraph, graph);
        } else {
            out.append(field->whole);
        }
    }
    return out;
}

}  // namespace strata::onnx_import
