// Writes a real-size ONNX file with embedded weights for the benchmark: the corpus graph with
// every external-data initializer replaced by raw data of its true size (zeros; the importer
// reads only dims). usage: make_embedded_onnx IN.onnx OUT.onnx
#include <onnx/onnx_pb.h>

#include <cstdio>
#include <fstream>
#include <sstream>

namespace {

std::size_t element_bytes(int type) {
    switch (type) {
        case onnx::TensorProto::DOUBLE:
        case onnx::TensorProto::INT64:
        case onnx::TensorProto::UINT64:
            return 8;
        case onnx::TensorProto::FLOAT16:
        case onnx::TensorProto::BFLOAT16:
        case onnx::TensorProto::INT16:
        case onnx::TensorProto::UINT16:
            return 2;
        case onnx::TensorProto::INT8:
        case onnx::TensorProto::UINT8:
        case onnx::TensorProto::BOOL:
            return 1;
        default:
            return 4;
    }
}

}  // namespace

int main(int argc, char** argv) {
    if (argc != 3) {
        std::fprintf(stderr, "usage: make_embedded_onnx IN.onnx OUT.onnx\n");
        return 2;
    }
    std::ifstream in(argv[1], std::ios::binary);
    std::ostringstream bytes;
    bytes << in.rdbuf();
    onnx::ModelProto model;
    if (!model.ParseFromString(bytes.str())) {
        std::fprintf(stderr, "%s: not an ONNX model\n", argv[1]);
        return 1;
    }
    for (auto& tensor : *model.mutable_graph()->mutable_initializer()) {
        if (tensor.data_location() != onnx::TensorProto::EXTERNAL) continue;
        std::size_t count = 1;
        for (auto d : tensor.dims()) count *= static_cast<std::size_t>(d);
        tensor.clear_external_data();
        tensor.set_data_location(onnx::TensorProto::DEFAULT);
        tensor.set_raw_data(std::string(count * element_bytes(tensor.data_type()), '\0'));
    }
    std::ofstream out(argv[2], std::ios::binary);
    if (!model.SerializeToOstream(&out)) {
        std::fprintf(stderr, "%s: cannot write\n", argv[2]);
        return 1;
    }
    return 0;
}
