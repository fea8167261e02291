#include "import/onnx/wire_limits.hpp"

#include <cstdint>

#include "import/onnx/wire.hpp"
#include "strata/error.hpp"
#include "strata/limits.hpp"

namespace strata::onnx_import {
namespace {

using wire::Field;
using wire::Kind;

// Field numbers of onnx.proto3 that hold what parsing allocates.
namespace model_field {
constexpr std::uint64_t kGraph = 7;
}
namespace graph_field {
constexpr std::uint64_t kNode = 1, kInitializer = 5, kInput = 11, kOutput = 12, kValueInfo = 13,
                        kSparseInitializer = 15;
}
namespace node_field {
constexpr std::uint64_t kInput = 1, kOutput = 2, kAttribute = 5;
}
namespace attribute_field {
constexpr std::uint64_t kTensor = 5, kGraph = 6, kFloats = 7, kInts = 8, kStrings = 9,
                        kTensors = 10, kGraphs = 11, kSparseTensor = 22, kSparseTensors = 23,
                        kTypeProtos = 15, kTypeProto = 14;
}
namespace type_field {
constexpr std::uint64_t kTensorType = 1, kSequenceType = 4, kMapType = 5, kSparseTensorType = 8,
                        kOptionalType = 9;
}

// Nesting the walk follows (subgraphs, sequence and map types); the protobuf library refuses
// messages nested deeper than 100 anyway.
constexpr int kMaxWalkDepth = 100;

class WireLimits {
  public:
    WireLimits(const std::string& source_name, bool raw) : source_(source_name), raw_(raw) {}

    void model(std::string_view bytes) {
        std::size_t pos = 0;
        while (pos < bytes.size()) {
            const auto f = wire::next_field(bytes, pos);
            if (!f) return;
            if (f->number == model_field::kGraph && f->kind == Kind::bytes) graph(f->payload, 0);
        }
    }

  private:
    void count(std::uint64_t items) {
        items_ += items;
        if (items_ > limits::kMaxOnnxGraphItems) {
            fail("the ONNX graph holds more than " + std::to_string(limits::kMaxOnnxGraphItems) +
                 " nodes, node inputs, outputs and attributes, tensors and dimensions");
        }
    }

    [[noreturn]] void fail(const std::string& message) const { throw Error(source_, message); }

    // Calls `visit` on every field of a message; stops at malformed bytes (the parser refuses
    // them).
    template <typename Visit>
    static void fields(std::string_view message, Visit&& visit) {
        std::size_t pos = 0;
        while (pos < message.size()) {
            const auto f = wire::next_field(message, pos);
            if (!f) return;
            visit(*f);
        }
    }

    // Elements of a repeated scalar field: one when written unpacked, every varint or fixed
    // value of its payload when packed.
    static std::uint64_t elements(const Field& f, std::size_t fixed_size) {
        if (f.kind != Kind::bytes) return 1;
        if (fixed_size > 0) return f.payload.size() / fixed_size;
        std::uint64_t n = 0;
        for (const char c : f.payload) n += (static_cast<unsigned char>(c) & 0x80) == 0;
        return n;
    }

    void graph(std::string_view bytes, int depth) {
        if (depth > kMaxWalkDepth) return;
        fields(bytes, [&](const Field& f) {
            if (f.kind != Kind::bytes) return;
            switch (f.number) {
                case graph_field::kNode:
                    if (++nodes_ > limits::kMaxOnnxNodes)
                        fail("the ONNX graph has more than " +
                             std::to_string(limits::kMaxOnnxNodes) + " nodes");
                    if (raw_ && depth == 0 && ++top_nodes_ > limits::kMaxLayers)
                        fail("more than " + std::to_string(limits::kMaxLayers) +
                             " layers: the ONNX graph has more nodes");
                    count(1);
                    node(f.payload, depth);
                    break;
                case graph_field::kInitializer:
                    count(1);
                    tensor(f.payload);
                    break;
                case graph_field::kSparseInitializer:
                    count(1);
                    fields(f.payload, [&](const Field& part) {  // values, indices: tensors
                        if (part.kind == Kind::bytes && (part.number == 1 || part.number == 2))
                            tensor(part.payload);
                        else
                            count(elements(part, 0));  // dims
                    });
                    break;
                case graph_field::kInput:
                case graph_field::kOutput:
                case graph_field::kValueInfo:
                    count(1);
                    fields(f.payload, [&](const Field& part) {
                        if (part.number == 2 && part.kind == Kind::bytes) type(part.payload, depth);
                    });
                    break;
                default:
                    break;
            }
        });
    }

    void node(std::string_view bytes, int depth) {
        fields(bytes, [&](const Field& f) {
            if (f.number == node_field::kInput || f.number == node_field::kOutput) {
                count(1);
            } else if (f.number == node_field::kAttribute && f.kind == Kind::bytes) {
                count(1);
                attribute(f.payload, depth);
            }
        });
    }

    void attribute(std::string_view bytes, int depth) {
        fields(bytes, [&](const Field& f) {
            switch (f.number) {
                case attribute_field::kFloats:
                    count(elements(f, 4));
                    break;
                case attribute_field::kInts:
                    count(elements(f, 0));
                    break;
                case attribute_field::kStrings:
                    count(1);
                    break;
                case attribute_field::kTensor:
                case attribute_field::kTensors:
                case attribute_field::kSparseTensor:
                case attribute_field::kSparseTensors:
                    count(1);
                    if (f.kind == Kind::bytes) tensor(f.payload);
                    break;
                case attribute_field::kGraph:
                case attribute_field::kGraphs:
                    count(1);
                    if (f.kind == Kind::bytes) graph(f.payload, depth + 1);
                    break;
                case attribute_field::kTypeProto:
                case attribute_field::kTypeProtos:
                    count(1);
                    if (f.kind == Kind::bytes) type(f.payload, depth + 1);
                    break;
                default:
                    break;
            }
        });
    }

    // A TensorProto: its dims (a rank like any shape's); data kept in a small initializer
    // counts as list elements. Sparse tensors are checked as their parts.
    void tensor(std::string_view bytes) {
        std::uint64_t rank = 0;
        fields(bytes, [&](const Field& f) {
            switch (f.number) {
                case 1:  // dims
                    rank += elements(f, 0);
                    count(elements(f, 0));
                    break;
                case 4:  // float_data
                    count(elements(f, 4));
                    break;
                case 10:  // double_data
                    count(elements(f, 8));
                    break;
                case 6:  // string_data, one string a field
                    count(1);
                    break;
                case 5:  // int32_data, int64_data, uint64_data
                case 7:
                case 11:
                    count(elements(f, 0));
                    break;
                default:  // name, raw_data, external data ...: no list to allocate
                    break;
            }
        });
        check_rank(rank);
    }

    void check_rank(std::uint64_t rank) const {
        if (rank > limits::kMaxRank)
            fail("an ONNX tensor has more than " + std::to_string(limits::kMaxRank) +
                 " dimensions");
    }

    void type(std::string_view bytes, int depth) {
        if (depth > kMaxWalkDepth) return;
        fields(bytes, [&](const Field& f) {
            if (f.kind != Kind::bytes) return;
            if (f.number == type_field::kTensorType || f.number == type_field::kSparseTensorType) {
                fields(f.payload, [&](const Field& part) {
                    if (part.number == 2 && part.kind == Kind::bytes) shape(part.payload);
                });
            } else if (f.number == type_field::kSequenceType ||
                       f.number == type_field::kOptionalType || f.number == type_field::kMapType) {
                fields(f.payload, [&](const Field& part) {
                    if (part.kind == Kind::bytes) type(part.payload, depth + 1);
                });
            }
        });
    }

    // TensorShapeProto: dim (1) is a Dimension with dim_value (1) or dim_param (2).
    void shape(std::string_view bytes) {
        std::uint64_t rank = 0;
        fields(bytes, [&](const Field& dim) {
            if (dim.number != 1) return;
            ++rank;
            count(1);
            check_rank(rank);
            if (dim.kind != Kind::bytes) return;
            fields(dim.payload, [&](const Field& part) {
                const auto value = static_cast<std::int64_t>(part.value);
                if (part.number == 1 && part.kind == Kind::varint && value > limits::kMaxDimension)
                    fail("an ONNX tensor dimension is " + std::to_string(value) + " (at most " +
                         std::to_string(limits::kMaxDimension) + ")");
            });
        });
    }

    const std::string& source_;
    bool raw_;
    std::uint64_t nodes_ = 0, top_nodes_ = 0, items_ = 0;
};

}  // namespace

void check_wire_limits(std::string_view model_bytes, const std::string& source_name, bool raw) {
    WireLimits(source_name, raw).model(model_bytes);
}

}  // namespace strata::onnx_import
