#include <algorithm>
#include <fstream>

#include "import/detect_format.hpp"
#include "import/limits.hpp"
#include "import/spec_reader.hpp"
#include "strata/error.hpp"
#include "strata/spec.hpp"

namespace strata {
namespace {

// At most `size` more bytes, read in pieces: the limit is far above a usual spec's size.
std::string read_up_to(std::ifstream& stream, std::size_t size) {
    std::string text;
    char buffer[1 << 16];
    while (text.size() < size && (stream.read(buffer, static_cast<std::streamsize>(std::min(
                                                          sizeof buffer, size - text.size()))) ||
                                  stream.gcount() > 0)) {
        text.append(buffer, static_cast<std::size_t>(stream.gcount()));
    }
    return text;
}

}  // namespace

Options options_of_model_file(const std::string& path) {
    std::ifstream stream(path, std::ios::binary);
    if (!stream) return Options{};  // loading the model reports why
    std::string text = read_up_to(stream, 4096);
    if (detect_format(text) != ModelFormat::yaml_spec) return Options{};
    text += read_up_to(stream, limits::kMaxSpecBytes + 1 - text.size());
    Warnings ignored;  // loading the model reports them
    return read_model_spec(text, path, ignored).options;
}

}  // namespace strata
