#include "import/load.hpp"

#include <cerrno>
#include <cstring>
#include <filesystem>
#include <fstream>

#include "import/json_scan.hpp"
#include "import/keras_json.hpp"
#include "import/limits.hpp"
#include "import/model_text.hpp"
#include "strata/error.hpp"

namespace strata {
namespace {

constexpr std::string_view kSupported = " (this version reads Keras and TensorFlow.js JSON)";

std::string too_large(std::size_t limit) {
    return "the file is larger than " + std::to_string(limit >> 20) + " MiB (limit kMaxFileBytes)";
}

std::string read_file(const std::string& path) {
    std::error_code error;
    const auto status = std::filesystem::status(path, error);
    if (std::filesystem::is_directory(status)) {
        throw Error(path, "cannot read the file: it is a directory");
    }
    // A device or a pipe (/dev/zero, /dev/stdin) could feed bytes for ever.
    if (std::filesystem::exists(status) && !std::filesystem::is_regular_file(status)) {
        throw Error(path, "cannot read the file: it is not a regular file");
    }
    if (std::filesystem::exists(status)) {
        const auto size = std::filesystem::file_size(path, error);
        if (!error && size > limits::kMaxFileBytes)
            throw Error(path, too_large(limits::kMaxFileBytes));
    }
    std::ifstream stream(path, std::ios::binary);
    if (!stream) throw Error(path, std::string("cannot open the file: ") + std::strerror(errno));
    std::string bytes;
    char buffer[1 << 16];
    while (stream.read(buffer, sizeof buffer) || stream.gcount() > 0) {
        bytes.append(buffer, static_cast<std::size_t>(stream.gcount()));
        if (bytes.size() > limits::kMaxFileBytes)
            throw Error(path, too_large(limits::kMaxFileBytes));
    }
    if (stream.bad()) throw Error(path, "cannot read the file");
    return bytes;
}

bool starts_with(std::string_view bytes, std::string_view magic) {
    return bytes.substr(0, magic.size()) == magic;
}

}  // namespace

Model import_model_bytes(std::string_view bytes, const std::string& source_name,
                         Warnings& warnings) {
    if (bytes.size() > limits::kMaxFileBytes) {
        throw Error(source_name, too_large(limits::kMaxFileBytes));
    }
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
    Model model = read_keras_json(bytes, source_name, warnings);
    make_model_text_valid(model);
    return model;
}

Model import_model_file(const std::string& path, Warnings& warnings) {
    return import_model_bytes(read_file(path), path, warnings);
}

}  // namespace strata
