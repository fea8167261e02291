#include "import/detect_format.hpp"
#include "import/spec_reader.hpp"
#include "input/input_file.hpp"
#include "strata/error.hpp"
#include "strata/limits.hpp"
#include "strata/spec.hpp"

namespace strata {

Options options_of_model_file(const std::string& path) {
    return options_of_model_file(path, ImportOptions{});
}

Options options_of_model_file(const std::string& path, const ImportOptions& import) {
    const io::InputFile file = io::InputFile::open(path, "the file");
    std::string text = file.read_up_to(4096, path);
    if (detect_format(text) != ModelFormat::yaml_spec) return Options{};
    text += file.read_up_to(limits::kMaxSpecBytes + 1 - text.size(), path);
    Warnings ignored;  // loading the model reports them
    return read_model_spec(text, path, ignored, import).options;
}

Options options_of_model_bytes(std::string_view bytes, const std::string& source_name,
                               const ImportOptions& import) {
    if (detect_format(bytes.substr(0, 4096)) != ModelFormat::yaml_spec) return Options{};
    if (bytes.size() > limits::kMaxSpecBytes) return Options{};  // parse_model refuses it
    Warnings ignored;                                            // parsing the model reports them
    return read_model_spec(bytes, source_name, ignored, import).options;
}

}  // namespace strata
