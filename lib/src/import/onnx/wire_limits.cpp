#include "import/onnx/wire_limits.hpp"

#include <cstdint>

#include "import/onnx/compact.hpp"
#include "import/onnx/wire.hpp"
#include "strata/error.hpp"
#include "strata/limits.hpp"
#include "strata/printable.hpp"

namespace strata::onnx_import {
namespace {

using wire::Field;
using wire::Kind;

// Field numbers of onnx.proto3 whose contents the walk follows.
namespace model_field {
constexpr std::uint64_t kGraph = 7, kOpsetImport = 8, kMetadataProps = 14, kTrainingInfo = 20,
                        kFunctions = 25;
}
namespace training_field {  // TrainingInfoProto
constexpr std::uint64_t kInitialization = 1, kAlgorithm = 2, kInitializationBinding = 3,
                        kUpdateBinding = 4;
}
namespace function_field {  // FunctionProto
constexpr std::uint64_t kNode = 7, kOpsetImport = 9, kAttributeProto = 11, kValueInfo = 12,
                        kMetadataProps = 14;
}
namespace graph_field {
constexpr std::uint64_t kNode = 1, kInitializer = 5, kInput = 11, kOutput = 12, kValueInfo = 13,
                        kQuantizationAnnotation = 14, kSparseInitializer = 15, kMetadataProps = 16;
}
namespace node_field {
constexpr std::uint64_t kInput = 1, kOutput = 2, kName = 3, kOpType = 4, kAttribute = 5,
                        kMetadataProps = 9;
}
namespace attribute_field {
constexpr std::uint64_t kTensor = 5, kGraph = 6, kFloats = 7, kInts = 8, kTensors = 10,
                        kGraphs = 11, kSparseTensor = 22, kSparseTensors = 23, kTypeProtos = 15,
                        kTypeProto = 14;
}
namespace tensor_field {
constexpr std::uint64_t kDims = 1, kSegment = 3, kFloatData = 4, kInt32Data = 5, kInt64Data = 7,
                        kDoubleData = 10, kUint64Data = 11, kExternalData = 13, kMetadataProps = 16;
}
namespace type_field {
constexpr std::uint64_t kTensorType = 1, kSequenceType = 4, kMapType = 5, kSparseTensorType = 8,
                        kOptionalType = 9;
}

// Nesting the walk follows (subgraphs, sequence and map types); the protobuf library refuses
// messages nested deeper than 100 anyway.
constexpr int kMaxWalkDepth = 100;

// Outputs of all the nodes together, subgraphs and functions included: as many as the graph may
// declare value_info entries, one for each value a node computes. Checking and inference take
// tens of microseconds an output, as they do a node.
constexpr std::uint64_t kMaxNodeOutputs = limits::kMaxOnnxGraphTensors;
// Inputs of all the nodes together: four a node (a convolution reads its data, weights and
// bias). Each distinct one is an edge the layout routes.
constexpr std::uint64_t kMaxNodeInputs = 4 * limits::kMaxOnnxNodes;

// Every field of every message the protobuf library would parse counts as an item: a field
// it does not know is kept too (as an unknown field), so 10 million of them in 30 MB would
// otherwise take hundreds of MiB. A packed list counts one item per element. Payloads are
// skipped by their length: the weights' pages are never read.
class WireLimits {
  public:
    WireLimits(const std::string& source_name, bool raw) : source_(source_name), raw_(raw) {}

    void model(std::string_view bytes) {
        fields(bytes, [&](const Field& f) {
            if (f.kind != Kind::bytes) return;
            switch (f.number) {
                case model_field::kGraph:
                    graph(f.payload, 0);
                    break;
                case model_field::kOpsetImport:
                case model_field::kMetadataProps:
                    flat(f.payload);
                    break;
                case model_field::kTrainingInfo:
                    fields(f.payload, [&](const Field& part) {
                        if (part.kind != Kind::bytes) return;
                        if (part.number == training_field::kInitialization ||
                            part.number == training_field::kAlgorithm)
                            graph(part.payload, 1);
                        else if (part.number == training_field::kInitializationBinding ||
                                 part.number == training_field::kUpdateBinding)
                            flat(part.payload);
                    });
                    break;
                case model_field::kFunctions:
                    function(f.payload);
                    break;
                default:
                    break;
            }
        });
        // Every input of the main graph that no initializer gives is drawn as an input box.
        if (top_inputs_ > top_initializers_ + limits::kMaxLayers)
            fail("more than " + std::to_string(limits::kMaxLayers) +
                 " layers: the ONNX graph has " + std::to_string(top_inputs_) + " inputs and " +
                 std::to_string(top_initializers_) +
                 " initializers, and every input that no initializer gives is a layer");
    }

  private:
    void count(std::uint64_t items) {
        items_ += items;
        if (items_ > limits::kMaxOnnxGraphItems) {
            fail("the ONNX model holds more than " + std::to_string(limits::kMaxOnnxGraphItems) +
                 " protobuf fields and list elements in its graphs: nodes, their inputs, "
                 "outputs and attributes, tensors, dimensions ...");
        }
    }

    // Graph inputs, outputs, value_info entries and initializers, each against
    // limits::kMaxOnnxGraphTensors.
    enum Declared { kInputs, kOutputs, kValueInfo, kInitializers, kDeclaredKinds };
    void declare(Declared kind) {
        static constexpr const char* kWhat[kDeclaredKinds] = {"graph inputs", "graph outputs",
                                                              "value_info entries", "initializers"};
        if (++declared_[kind] > limits::kMaxOnnxGraphTensors)
            fail("the ONNX graph declares more than " +
                 std::to_string(limits::kMaxOnnxGraphTensors) + " " + kWhat[kind] +
                 ", subgraphs included");
    }

    void node_counted(int depth) {
        if (++nodes_ > limits::kMaxOnnxNodes)
            fail("the ONNX graph has more than " + std::to_string(limits::kMaxOnnxNodes) +
                 " nodes, subgraphs and functions included");
        if (raw_ && depth == 0 && ++top_nodes_ > limits::kMaxLayers)
            fail("more than " + std::to_string(limits::kMaxLayers) +
                 " layers: the ONNX graph has more nodes");
    }

    [[noreturn]] void fail(const std::string& message) const { throw Error(source_, message); }

    // Counts and calls `visit` on every field of a message; stops at malformed bytes (the
    // parser refuses them).
    template <typename Visit>
    void fields(std::string_view message, Visit&& visit) {
        std::size_t pos = 0;
        while (pos < message.size()) {
            const auto f = wire::next_field(message, pos);
            if (!f) return;
            count(1);
            visit(*f);
        }
    }

    // A message whose fields hold no further messages (or none the walk needs to enter).
    void flat(std::string_view message) {
        fields(message, [](const Field&) {});
    }

    // The elements of a repeated scalar field beyond the one its field counted: none when
    // written unpacked, all but one of the varint or fixed values of its payload when packed.
    void list(const Field& f, std::size_t fixed_size) {
        const std::uint64_t n = elements(f, fixed_size);
        if (n > 1) count(n - 1);
    }
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
                    node_counted(depth);
                    node(f.payload, depth);
                    break;
                case graph_field::kInitializer:
                    declare(kInitializers);
                    if (depth == 0) ++top_initializers_;
                    // The copy parsed keeps the data of small main-graph initializers only.
                    tensor(f.payload, depth > 0 || f.payload.size() <= kKeptTensorBytes);
                    break;
                case graph_field::kSparseInitializer:
                    declare(kInitializers);
                    if (depth == 0) ++top_initializers_;
                    sparse_tensor(f.payload);
                    break;
                case graph_field::kInput:
                case graph_field::kOutput:
                case graph_field::kValueInfo:
                    declare(f.number == graph_field::kInput    ? kInputs
                            : f.number == graph_field::kOutput ? kOutputs
                                                               : kValueInfo);
                    if (depth == 0 && f.number == graph_field::kInput) ++top_inputs_;
                    value_info(f.payload, depth);
                    break;
                case graph_field::kQuantizationAnnotation:
                    fields(f.payload, [&](const Field& part) {  // tensor name, entries
                        if (part.number == 2 && part.kind == Kind::bytes) flat(part.payload);
                    });
                    break;
                case graph_field::kMetadataProps:
                    flat(f.payload);
                    break;
                default:
                    break;
            }
        });
    }

    void value_info(std::string_view bytes, int depth) {
        fields(bytes, [&](const Field& part) {
            if (part.kind != Kind::bytes) return;
            if (part.number == 2) type(part.payload, depth);
            if (part.number == 4) flat(part.payload);  // metadata_props
        });
    }

    // A FunctionProto: its nodes, attributes and value_info are parsed like a graph's.
    void function(std::string_view bytes) {
        fields(bytes, [&](const Field& f) {
            if (f.kind != Kind::bytes) return;
            switch (f.number) {
                case function_field::kNode:
                    node_counted(1);
                    node(f.payload, 1);
                    break;
                case function_field::kAttributeProto:
                    attribute(f.payload, 1);
                    break;
                case function_field::kValueInfo:
                    declare(kValueInfo);
                    value_info(f.payload, 1);
                    break;
                case function_field::kOpsetImport:
                case function_field::kMetadataProps:
                    flat(f.payload);
                    break;
                default:
                    break;
            }
        });
    }

    // A node's outputs are values that checking and shape inference give a type each (a
    // Split of a million outputs took them 10 s and 1.6 GiB); its inputs are edges folding
    // follows. Counted before its fields are walked, so that the message can name the node,
    // whose name the wire holds after its inputs and outputs.
    void node_values(std::string_view bytes) {
        std::uint64_t inputs = 0, outputs = 0;
        std::string_view name, op_type;
        std::size_t pos = 0;
        while (pos < bytes.size()) {
            const auto f = wire::next_field(bytes, pos);
            if (!f) return;
            if (f->kind != Kind::bytes) continue;
            if (f->number == node_field::kInput) ++inputs;
            if (f->number == node_field::kOutput) ++outputs;
            if (f->number == node_field::kName) name = f->payload;
            if (f->number == node_field::kOpType) op_type = f->payload;
        }
        node_inputs_ += inputs;
        node_outputs_ += outputs;
        if (node_outputs_ > kMaxNodeOutputs)
            fail(node_text(name, op_type) + " has " + std::to_string(outputs) +
                 " outputs: the nodes of the ONNX graph have more than " +
                 std::to_string(kMaxNodeOutputs) +
                 " outputs together, subgraphs and functions included");
        if (node_inputs_ > kMaxNodeInputs)
            fail(node_text(name, op_type) + " has " + std::to_string(inputs) +
                 " inputs: the nodes of the ONNX graph have more than " +
                 std::to_string(kMaxNodeInputs) +
                 " inputs together, subgraphs and functions included");
    }

    // "node 'split' (Split)", as node_description writes a parsed node.
    static std::string node_text(std::string_view name, std::string_view op_type) {
        return "node " + (name.empty() ? std::string("(unnamed)") : quoted_text(name)) + " (" +
               printable_text(op_type) + ")";
    }

    void node(std::string_view bytes, int depth) {
        node_values(bytes);
        fields(bytes, [&](const Field& f) {
            if (f.kind != Kind::bytes) return;
            if (f.number == node_field::kAttribute) attribute(f.payload, depth);
            if (f.number == node_field::kMetadataProps) flat(f.payload);
        });
    }

    void attribute(std::string_view bytes, int depth) {
        fields(bytes, [&](const Field& f) {
            switch (f.number) {
                case attribute_field::kFloats:
                    list(f, 4);
                    break;
                case attribute_field::kInts:
                    list(f, 0);
                    break;
                case attribute_field::kTensor:
                case attribute_field::kTensors:
                    if (f.kind == Kind::bytes) tensor(f.payload, true);
                    break;
                case attribute_field::kSparseTensor:
                case attribute_field::kSparseTensors:
                    if (f.kind == Kind::bytes) sparse_tensor(f.payload);
                    break;
                case attribute_field::kGraph:
                case attribute_field::kGraphs:
                    if (f.kind == Kind::bytes) graph(f.payload, depth + 1);
                    break;
                case attribute_field::kTypeProto:
                case attribute_field::kTypeProtos:
                    if (f.kind == Kind::bytes) type(f.payload, depth + 1);
                    break;
                default:
                    break;
            }
        });
    }

    // A TensorProto: its dims (a rank like any shape's), and the lists its data is kept in when
    // the parsed copy keeps it (`with_data`).
    void tensor(std::string_view bytes, bool with_data) {
        std::uint64_t rank = 0;
        fields(bytes, [&](const Field& f) {
            switch (f.number) {
                case tensor_field::kDims:
                    rank += elements(f, 0);
                    list(f, 0);
                    break;
                case tensor_field::kFloatData:
                    if (with_data) list(f, 4);
                    break;
                case tensor_field::kDoubleData:
                    if (with_data) list(f, 8);
                    break;
                case tensor_field::kInt32Data:
                case tensor_field::kInt64Data:
                case tensor_field::kUint64Data:
                    if (with_data) list(f, 0);
                    break;
                case tensor_field::kSegment:
                case tensor_field::kExternalData:
                case tensor_field::kMetadataProps:
                    if (f.kind == Kind::bytes) flat(f.payload);
                    break;
                default:  // name, raw_data, string_data (one string a field) ...
                    break;
            }
        });
        check_rank(rank);
    }

    // A SparseTensorProto: values and indices are tensors, then its dims.
    void sparse_tensor(std::string_view bytes) {
        fields(bytes, [&](const Field& part) {
            if (part.kind == Kind::bytes && (part.number == 1 || part.number == 2))
                tensor(part.payload, true);
            else if (part.number == 3)
                list(part, 0);
        });
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
    std::uint64_t node_inputs_ = 0, node_outputs_ = 0;
    std::uint64_t declared_[kDeclaredKinds] = {};
    std::uint64_t top_inputs_ = 0, top_initializers_ = 0;
};

}  // namespace

void check_wire_limits(std::string_view model_bytes, const std::string& source_name, bool raw) {
    WireLimits(source_name, raw).model(model_bytes);
}

}  // namespace strata::onnx_import
