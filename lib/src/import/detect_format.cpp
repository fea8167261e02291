#include "import/detect_format.hpp"

#include <cctype>

#include "import/json_scan.hpp"

namespace strata {
namespace {

bool starts_with(std::string_view bytes, std::string_view magic) {
    return bytes.substr(0, magic.size()) == magic;
}

// An ONNX ModelProto begins with field 1 (ir_version, a small varint): tag byte 0x08. A text
// file never starts with a backspace character.
bool looks_like_onnx(std::string_view bytes) {
    return bytes.size() >= 2 && bytes[0] == '\x08' && static_cast<unsigned char>(bytes[1]) < 0x80;
}

// torch.save writes a zip whose first entry is `<archive>/data.pkl`, the pickled objects.
bool looks_like_torch_zip(std::string_view bytes) {
    constexpr std::size_t kNameAt = 30;  // local file header: name length at 26, name at 30
    if (!starts_with(bytes, "PK\x03\x04") || bytes.size() < kNameAt) return false;
    const std::size_t length = static_cast<unsigned char>(bytes[26]) |
                               static_cast<std::size_t>(static_cast<unsigned char>(bytes[27])) << 8;
    const std::string_view name = bytes.substr(kNameAt, length);
    const std::string_view pickle = "/data.pkl";
    return name.size() == length && name.size() > pickle.size() && name.ends_with(pickle);
}

// A pickle of protocol 2 or later (what torch.save writes without its zip, and older
// PyTorch wrote by default) begins with the PROTO opcode 0x80 and its version.
bool looks_like_pickle(std::string_view bytes) {
    return bytes.size() >= 2 && static_cast<unsigned char>(bytes[0]) == 0x80 && bytes[1] >= 2 &&
           bytes[1] <= 5;
}

// The first line that is not blank, a comment or a YAML document marker or directive.
std::string_view first_content_line(std::string_view text) {
    while (!text.empty()) {
        const auto end = text.find('\n');
        std::string_view line = text.substr(0, end);
        text = end == std::string_view::npos ? std::string_view{} : text.substr(end + 1);
        const auto first = line.find_first_not_of(" \t\r");
        if (first == std::string_view::npos) continue;
        line = line.substr(first);
        if (line[0] == '#' || line[0] == '%' || starts_with(line, "---")) continue;
        return line;
    }
    return {};
}

// `key:` with a plain key at the start of `text`, the colon followed by a space or a line end.
bool starts_with_plain_key(std::string_view text) {
    std::size_t i = 0;
    while (i < text.size() && (std::isalnum(static_cast<unsigned char>(text[i])) ||
                               text[i] == '_' || text[i] == '-')) {
        ++i;
    }
    while (i < text.size() && text[i] == ' ') ++i;
    return i > 0 && i < text.size() && text[i] == ':' &&
           (i + 1 == text.size() || text[i + 1] == ' ' || text[i + 1] == '\r' ||
            text[i + 1] == '\n');
}

// A YAML mapping: the first content line is `key:` (block style), or `{` and then `key:`
// (flow style, which JSON cannot be: its keys are quoted).
bool looks_like_yaml_mapping(std::string_view text) {
    const std::string_view line = first_content_line(text);
    if (line.empty() || line[0] != '{') return starts_with_plain_key(line);
    const std::string_view rest = text.substr(line.data() - text.data() + 1);
    const auto key = rest.find_first_not_of(" \t\r\n");
    return key != std::string_view::npos && starts_with_plain_key(rest.substr(key));
}

// HDF5's signature is at the start, or after a user block of 512, 1024, 2048 ... bytes (what
// h5jam and some writers put in front); libhdf5 looks in the same places.
bool has_hdf5_signature(std::string_view bytes) {
    constexpr std::string_view kSignature = "\x89HDF\r\n\x1a\n";
    if (starts_with(bytes, kSignature)) return true;
    for (std::size_t offset = 512; offset + kSignature.size() <= bytes.size(); offset *= 2) {
        if (bytes.substr(offset, kSignature.size()) == kSignature) return true;
    }
    return false;
}

}  // namespace

ModelFormat detect_format(std::string_view head) {
    if (looks_like_torch_zip(head) || looks_like_pickle(head)) return ModelFormat::pytorch;
    if (starts_with(head, "PK\x03\x04") || starts_with(head, "PK\x05\x06")) {
        return ModelFormat::keras_archive;
    }
    if (has_hdf5_signature(head)) return ModelFormat::hdf5;
    if (looks_like_onnx(head)) return ModelFormat::onnx;
    const std::string_view text = json_scan::strip_byte_order_mark(head);
    if (looks_like_yaml_mapping(text)) return ModelFormat::yaml_spec;
    const auto first = text.find_first_not_of(" \t\r\n");
    if (first != std::string_view::npos) {
        const char c = text[first];
        if (c == '{' || c == '[' || c == '"') return ModelFormat::json;
    }
    return ModelFormat::unknown;
}

std::string_view format_description(ModelFormat format) {
    switch (format) {
        case ModelFormat::keras_archive:
            return "a zip archive (.keras)";
        case ModelFormat::hdf5:
            return "HDF5 (.h5)";
        case ModelFormat::onnx:
            return "ONNX (.onnx)";
        case ModelFormat::json:
            return "JSON";
        case ModelFormat::yaml_spec:
            return "a YAML model spec";
        case ModelFormat::pytorch:
            return "a PyTorch checkpoint (.pt, .pth)";
        case ModelFormat::unknown:
            break;
    }
    return "unknown";
}

}  // namespace strata
