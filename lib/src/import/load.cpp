#include "import/load.hpp"

#include <cerrno>
#include <cstring>
#include <filesystem>
#include <fstream>

#include "import/json_scan.hpp"
#include "import/keras_json.hpp"
#include "import/limits.hpp"
#include "import/mapped_file.hpp"
#include "import/onnx/read_onnx.hpp"
#include "strata/error.hpp"

namespace strata {
namespace {

constexpr std::string_view kSupported = " (this version reads Keras and TensorFlow.js JSON)";

std::string read_file(const std::string& path) {
    std::error_code error;
    if (std::filesystem::is_directory(path, error)) {
        throw Error(path, "cannot read the file: it is a directory");
    }
    std::ifstream stream(path, std::ios::binary);
    if (!stream) throw Error(path, std::string("cannot open the file: ") + std::strerror(errno));
    std::string bytes;
    char buffer[1 << 16];
    while (stream.read(buffer, sizeof buffer) || stream.gcount() > 0) {
        bytes.append(buffer, static_cast<std::size_t>(stream.gcount()));
        if (bytes.size() > limits::kMaxFileBytes) {
            throw Error(path, "the file is larger than " +
                                  std::to_string(limits::kMaxFileBytes >> 20) + " MiB");
        }
    }
    if (stream.bad()) throw Error(path, "cannot read the file");
    return bytes;
}

bool starts_with(std::string_view bytes, std::string_view magic) {
    return bytes.substr(0, magic.size()) == magic;
}

}  // namespace

Model import_model_bytes(std::string_view bytes, const std::string& source_name, Warnings& warnings,
                         const ImportOptions& import) {
    if (bytes.size() > limits::kMaxFileBytes) {
        throw Error(source_name, "the model is larger than " +
                                     std::to_string(limits::kMaxFileBytes >> 20) + " MiB");
    }
    if (looks_like_onnx(bytes)) return read_onnx(bytes, source_name, warnings, import.onnx_raw);
    if (starts_with(bytes, "PK\x03\x04")) {
        throw Error(source_name,
                    "unsupported model format: a zip archive (.keras)" + std::string(kSupported));
    }
    if (starts_with(bytes, "\x89HDF")) {
        throw Error(source_name, "unsupported model format: HDF5 (.h5)" + std::string(kSupported));
    }
    const std::string_view text = json_scan::strip_byte_order_mark(bytes);
    const auto first = text.find_first_not_of(" \t\r\n");
    if (first == std::string_view::npos)
        throw Error(source_name, "empty file: expected a JSON model");
    const char c = text[first];
    if (c != '{' && c != '[' && c != '"') {
        throw Error(source_name, "unsupported model format: not JSON" + std::string(kSupported));
    }
    return read_keras_json(bytes, source_name, warnings);
}

Model import_model_file(const std::string& path, Warnings& warnings, const ImportOptions& import) {
    if (auto mapped = MappedFile::open(path)) {
        return import_model_bytes(mapped->bytes(), path, warnings, import);
    }
    return import_model_bytes(read_file(path), path, warnings, import);
}

}  // namespace strata
