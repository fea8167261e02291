#include "import/load.hpp"

#include <cerrno>
#include <cstring>
#include <filesystem>
#include <fstream>

#include "import/detect_format.hpp"
#include "import/json_scan.hpp"
#include "import/keras_archive.hpp"
#include "import/keras_hdf5.hpp"
#include "import/keras_json.hpp"
#include "import/limits.hpp"
#include "import/mapped_file.hpp"
#include "import/model_text.hpp"
#include "import/onnx/read_onnx.hpp"
#include "import/spec_reader.hpp"
#include "strata/error.hpp"

namespace strata {
namespace {

constexpr std::size_t kDetectionBytes = 4096;

std::string too_large(std::size_t limit) {
    return "the file is larger than " + std::to_string(limit >> 20) + " MiB (limit kMaxFileBytes)";
}

std::ifstream open_model(const std::string& path) {
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
    return stream;
}

std::string read_stream(std::ifstream& stream, const std::string& path, std::size_t limit) {
    std::string bytes;
    char buffer[1 << 16];
    while (bytes.size() < limit &&
           (stream.read(buffer, static_cast<std::streamsize>(
                                    std::min(sizeof buffer, limit - bytes.size()))) ||
            stream.gcount() > 0)) {
        bytes.append(buffer, static_cast<std::size_t>(stream.gcount()));
    }
    if (stream.bad()) throw Error(path, "cannot read the file");
    return bytes;
}

std::string read_file(const std::string& path) {
    std::ifstream stream = open_model(path);
    std::string bytes = read_stream(stream, path, limits::kMaxFileBytes + 1);
    if (bytes.size() > limits::kMaxFileBytes) {
        throw Error(path, too_large(limits::kMaxFileBytes));
    }
    return bytes;
}

[[noreturn]] void unsupported(ModelFormat format, const std::string& source_name) {
    if (format == ModelFormat::unknown) {
        throw Error(
            source_name,
            "unsupported model format: expected Keras JSON, a .keras archive, an HDF5 "
            "(.h5) model, an ONNX model, TensorFlow.js model.json or a strata YAML model spec");
    }
    if (format == ModelFormat::pytorch) {
        throw Error(source_name,
                    "a PyTorch checkpoint holds weights and pickled Python objects, not an "
                    "architecture strata can read; export the model to ONNX with "
                    "torch.onnx.export(model, example_input, \"model.onnx\") and draw "
                    "model.onnx");
    }
    throw Error(source_name,
                "unsupported model format: " + std::string(format_description(format)));
}

Model read_by_format(std::string_view bytes, const std::string& source_name, Warnings& warnings,
                     const ImportOptions& import) {
    if (looks_like_onnx(bytes)) return read_onnx(bytes, source_name, warnings, import.onnx_raw);
    const ModelFormat format = detect_format(bytes);
    switch (format) {
        case ModelFormat::json:
            return read_keras_json(bytes, source_name, warnings);
        case ModelFormat::keras_archive:
            return read_keras_archive_bytes(bytes, source_name, warnings);
        case ModelFormat::hdf5:
            return read_keras_hdf5_bytes(bytes, source_name, warnings);
        case ModelFormat::yaml_spec:
            return read_model_spec(bytes, source_name, warnings).model;
        default:
            unsupported(format, source_name);
    }
}

}  // namespace

Model import_model_bytes(std::string_view bytes, const std::string& source_name, Warnings& warnings,
                         const ImportOptions& import) {
    if (bytes.size() > limits::kMaxFileBytes) {
        throw Error(source_name, too_large(limits::kMaxFileBytes));
    }
    const std::string_view text = json_scan::strip_byte_order_mark(bytes);
    if (text.find_first_not_of(" \t\r\n") == std::string_view::npos) {
        throw Error(source_name, "empty file: expected a model");
    }
    Model model = read_by_format(bytes, source_name, warnings, import);
    make_model_text_valid(model);
    return model;
}

Model import_model_file(const std::string& path, Warnings& warnings, const ImportOptions& import) {
    std::ifstream stream = open_model(path);
    const std::string head = read_stream(stream, path, kDetectionBytes);
    // Archives and HDF5 files hold the weights too: read only what the reader opens.
    Model model;
    const ModelFormat format = detect_format(head);
    switch (format) {
        case ModelFormat::keras_archive:
            model = read_keras_archive_file(path, warnings);
            break;
        case ModelFormat::hdf5:
            model = read_keras_hdf5_file(path, warnings);
            break;
        case ModelFormat::pytorch:
            unsupported(format, path);
        default:
            // Mapped rather than read: a large ONNX file's weights are skipped, never copied.
            if (auto mapped = MappedFile::open(path))
                return import_model_bytes(mapped->bytes(), path, warnings, import);
            return import_model_bytes(read_file(path), path, warnings, import);
    }
    make_model_text_valid(model);
    return model;
}

}  // namespace strata
