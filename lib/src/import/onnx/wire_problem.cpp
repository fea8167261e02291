#include "import/onnx/wire_problem.hpp"

#include <cstdint>
#include <optional>

#include "import/onnx/wire.hpp"
#include "strata/printable.hpp"

namespace strata::onnx_import {
namespace {

constexpr std::uint64_t kModelGraph = 7, kModelFunctions = 25, kLastModelField = 20;
constexpr std::uint64_t kFunctionName = 1;

// A varint at `pos`, or nullopt when the bytes end inside it or it runs past ten bytes.
std::optional<std::uint64_t> varint_at(std::string_view bytes, std::size_t& pos) {
    std::uint64_t value = 0;
    for (int shift = 0; shift < 70 && pos < bytes.size(); shift += 7) {
        const auto byte = static_cast<unsigned char>(bytes[pos++]);
        value |= static_cast<std::uint64_t>(byte & 0x7F) << shift;
        if ((byte & 0x80) == 0) return value;
    }
    return std::nullopt;
}

// Why the field at `start` cannot be read: the first thing next_field() gave up on.
std::string malformed_field(std::string_view bytes, std::size_t start) {
    const std::string at = " at byte " + std::to_string(start);
    std::size_t pos = start;
    const auto tag = varint_at(bytes, pos);
    if (!tag) return "the file ends inside the field tag" + at;
    if ((*tag >> 3) == 0) return "a field numbered 0" + at + " (expected a protobuf field)";
    const std::uint64_t type = *tag & 7;
    const std::string field = "the field" + at + " (number " + std::to_string(*tag >> 3) + ")";
    switch (type) {
        case 0:
            return "the file ends inside the number of " + field;
        case 1:
        case 5:
            return "the file ends inside " + field + ": it needs " +
                   std::to_string(type == 1 ? 8 : 4) + " bytes, " +
                   std::to_string(bytes.size() - pos) + " remain";
        case 2: {
            const auto length = varint_at(bytes, pos);
            if (!length) return "the file ends inside the length of " + field;
            return "the file ends inside " + field + ": it declares " + std::to_string(*length) +
                   " bytes, " + std::to_string(bytes.size() - pos) + " remain";
        }
        default:
            return field + " has wire type " + std::to_string(type) +
                   ", which ONNX does not use (expected 0, 1, 2 or 5)";
    }
}

std::string function_name(std::string_view function) {
    std::size_t pos = 0;
    while (pos < function.size()) {
        const auto field = wire::next_field(function, pos);
        if (!field) break;
        if (field->number == kFunctionName && field->kind == wire::Kind::bytes)
            return quoted_text(field->payload);
    }
    return "(unnamed)";
}

}  // namespace

std::string wire_problem(std::string_view bytes) {
    bool has_graph = false;
    std::size_t pos = 0;
    while (pos < bytes.size()) {
        const std::size_t start = pos;
        const auto field = wire::next_field(bytes, pos);
        if (!field) return malformed_field(bytes, start);
        if (field->number == kModelFunctions && field->kind == wire::Kind::bytes) {
            return "ONNX model-local functions are not supported: function " +
                   function_name(field->payload) + " (byte " + std::to_string(start) + ")";
        }
        if (field->number > kLastModelField) {
            return "the field at byte " + std::to_string(start) + " has number " +
                   std::to_string(field->number) + ", which an ONNX model does not have";
        }
        if (field->number == kModelGraph && field->kind == wire::Kind::bytes) has_graph = true;
    }
    if (!has_graph) return "the model has no graph (field 7)";
    return "";
}

}  // namespace strata::onnx_import
