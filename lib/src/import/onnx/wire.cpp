#include "import/onnx/wire.hpp"

namespace strata::onnx_import::wire {
namespace {

std::optional<std::uint64_t> read_varint(std::string_view bytes, std::size_t& pos) {
    std::uint64_t value = 0;
    for (int shift = 0; shift < 64; shift += 7) {
        if (pos >= bytes.size()) return std::nullopt;
        const auto byte = static_cast<unsigned char>(bytes[pos++]);
        value |= static_cast<std::uint64_t>(byte & 0x7f) << shift;
        if ((byte & 0x80) == 0) return value;
    }
    return std::nullopt;
}

}  // namespace

std::optional<Field> next_field(std::string_view message, std::size_t& pos) {
    const std::size_t start = pos;
    const auto tag = read_varint(message, pos);
    if (!tag) return std::nullopt;
    Field field;
    field.number = *tag >> 3;
    if (field.number == 0) return std::nullopt;
    switch (*tag & 7) {
        case 0: {
            field.kind = Kind::varint;
            const auto value = read_varint(message, pos);
            if (!value) return std::nullopt;
            field.value = *value;
            break;
        }
        case 1:
            field.kind = Kind::fixed64;
            if (message.size() - pos < 8) return std::nullopt;
            pos += 8;
            break;
        case 5:
            field.kind = Kind::fixed32;
            if (message.size() - pos < 4) return std::nullopt;
            pos += 4;
            break;
        case 2: {
            field.kind = Kind::bytes;
            const auto length = read_varint(message, pos);
            if (!length || *length > message.size() - pos) return std::nullopt;
            field.payload = message.substr(pos, static_cast<std::size_t>(*length));
            pos += static_cast<std::size_t>(*length);
            break;
        }
        default:
            return std::nullopt;
    }
    field.whole = message.substr(start, pos - start);
    return field;
}

void put_varint(std::string& out, std::uint64_t value) {
    while (value >= 0x80) {
        out.push_back(static_cast<char>((value & 0x7f) | 0x80));
        value >>= 7;
    }
    out.push_back(static_cast<char>(value));
}

}  // namespace strata::onnx_import::wire
