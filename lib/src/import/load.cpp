#include "import/load.hpp"

#include "import/detect_format.hpp"
#include "import/json_scan.hpp"
#include "import/keras_archive.hpp"
#include "import/keras_hdf5.hpp"
#include "import/keras_json.hpp"
#include "import/mapped_file.hpp"
#include "import/model_text.hpp"
#include "import/name_budget.hpp"
#include "import/onnx/onnx_reader.hpp"
#include "import/onnx/wire_problem.hpp"
#include "import/spec_reader.hpp"
#include "input/input_file.hpp"
#include "strata/error.hpp"
#include "strata/limits.hpp"

namespace strata {
namespace {

// Enough for an HDF5 signature after a user block of up to 32 KiB.
constexpr std::size_t kDetectionBytes = std::size_t{64} << 10;
constexpr const char* kChangedWhileRead =
    "the file was truncated while it was read (another program changed it)";

std::string too_large(std::size_t limit) {
    return "the file is larger than " + std::to_string(limit >> 20) + " MiB";
}

// The model file, opened only if it is a regular file within the size limit.
io::InputFile open_model(const std::string& path) {
    io::InputFile file = io::InputFile::open(path, "the file");
    if (file.size() > limits::kMaxFileBytes) throw Error(path, too_large(limits::kMaxFileBytes));
    return file;
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
    if (import.onnx_raw && format != ModelFormat::onnx)
        warnings.push_back({"onnx_raw", "the model is not ONNX: ignored"});
    switch (format) {
        case ModelFormat::json:
            return read_keras_json_file(bytes, source_name, warnings);
        case ModelFormat::keras_archive:
            return read_keras_archive_bytes(bytes, source_name, warnings);
        case ModelFormat::hdf5:
            return read_keras_hdf5_bytes(bytes, source_name, warnings);
        case ModelFormat::yaml_spec:
            return read_model_spec(bytes, source_name, warnings, import).model;
        case ModelFormat::onnx:
            // It begins like an ONNX model but is not one: say where reading stopped.
            throw Error(source_name, "not a valid ONNX model: " + onnx_import::wire_problem(bytes));
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
    check_layer_name_bytes(model, source_name);
    return model;
}

Model import_model_file(const std::string& path, Warnings& warnings, const ImportOptions& import) {
    const io::InputFile file = open_model(path);
    std::string head = file.read_up_to(kDetectionBytes, path);
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
            if (auto mapped = MappedFile::map(file.fd(), file.size())) {
                Model mapped_model;
                try {
                    mapped_model = import_model_bytes(mapped->bytes(), path, warnings, import);
                } catch (const Error&) {
                    if (mapped->cut_short()) throw Error(path, kChangedWhileRead);
                    throw;
                }
                if (mapped->cut_short()) throw Error(path, kChangedWhileRead);
                return mapped_model;
            }
            head += file.read_up_to(limits::kMaxFileBytes + 1 - head.size(), path);
            if (head.size() > limits::kMaxFileBytes)
                throw Error(path, too_large(limits::kMaxFileBytes));
            return import_model_bytes(head, path, warnings, import);
    }
    make_model_text_valid(model);
    check_layer_name_bytes(model, path);
    return model;
}

}  // namespace strata
