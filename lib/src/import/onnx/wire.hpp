#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

// A minimal reader of the protobuf wire format, enough to recognise an ONNX file and to copy
// it without the bulk of its weights before the protobuf library parses it.
namespace strata::onnx_import::wire {

enum class Kind { varint = 0, fixed64 = 1, bytes = 2, fixed32 = 5 };

// One field of a message: its number, kind, the whole field as written (tag included) and,
// for `bytes`, the payload.
struct Field {
    std::uint64_t number = 0;
    Kind kind = Kind::varint;
    std::uint64_t value = 0;   // the varint value
    std::string_view whole;    // tag and content
    std::string_view payload;  // content of a length-delimited field
};

// Reads the field at `pos` of `message` and advances `pos`; nullopt for malformed bytes
// (a group, an unknown wire type, a length past the end).
std::optional<Field> next_field(std::string_view message, std::size_t& pos);

// Appends a varint.
void put_varint(std::string& out, std::uint64_t value);

}  // namespace strata::onnx_import::wire
