#include "import/json_document.hpp"

#include <variant>

#include "import/json_scan.hpp"
#include "import/json_tree_builder.hpp"
#include "strata/error.hpp"
#include "strata/limits.hpp"

namespace strata::keras {
namespace {

using json = nlohmann::ordered_json;

// Where a syntax error was found, relative to the text being parsed.
struct SyntaxError {
    json_scan::TextPosition position;
    std::string message;
};

// nlohmann's message reads "[json.exception.parse_error.101] parse error at line 3, column 5:
// syntax error while parsing object - unexpected string literal; expected '}'"; keep the part after
// the position, which says what was expected.
std::string describe_parse_error(const json::parse_error& error) {
    std::string what = error.what();
    const auto colon = what.find(": ", what.find("parse error"));
    if (colon != std::string::npos) what = what.substr(colon + 2);
    return "invalid JSON: " + what;
}

// Parses one JSON text; a syntax problem is returned instead of thrown so that callers can
// place it in the file or in an enclosing string. With `offsets`, the place of each object.
std::variant<json, SyntaxError> parse_text(std::string_view text, ObjectOffsets* offsets) {
    if (json_scan::is_blank(text)) {
        return SyntaxError{{1, 1}, "empty document: expected a JSON model"};
    }
    const json_scan::ExcessFound excess =
        json_scan::find_excess(text, limits::kMaxJsonDepth, limits::kMaxJsonValues,
                               limits::kMaxJsonStringBytes, limits::kMaxJsonModelStringBytes);
    if (const auto& offset = excess.nesting) {
        return SyntaxError{
            json_scan::position_of(text, *offset),
            "JSON nested deeper than " + std::to_string(limits::kMaxJsonDepth) + " levels"};
    }
    if (const auto& offset = excess.values) {
        return SyntaxError{
            json_scan::position_of(text, *offset),
            "JSON holds more than " + std::to_string(limits::kMaxJsonValues) + " values"};
    }
    if (const auto& offset = excess.long_string) {
        const bool whole = *offset == text.find_first_not_of(" \t\r\n");
        return SyntaxError{json_scan::position_of(text, *offset),
                           whole
                               ? "the JSON text is a string longer than " +
                                     std::to_string(limits::kMaxJsonModelStringBytes >> 20) + " MiB"
                               : "a JSON string longer than " +
                                     std::to_string(limits::kMaxJsonStringBytes >> 20) + " MiB"};
    }
    try {
        const char* read = text.data();
        JsonTreeBuilder builder = offsets ? JsonTreeBuilder(&read, text.data()) : JsonTreeBuilder();
        json::sax_parse(ReadPosition(text.data(), &read),
                        ReadPosition(text.data() + text.size(), &read), &builder,
                        nlohmann::json::input_format_t::json, true, false);
        if (offsets) *offsets = builder.take_offsets();
        return builder.take();
    } catch (const json::parse_error& error) {
        // `byte` counts from 1 and points at the last character read: the end of the token
        // that could not be parsed.
        const std::size_t offset = error.byte > 0 ? error.byte - 1 : 0;
        return SyntaxError{json_scan::position_of(text, offset), describe_parse_error(error)};
    } catch (const json::exception& error) {
        // "[json.exception.out_of_range.406] number overflow parsing '1000…'": keep the words.
        std::string what = error.what();
        const auto end = what.find("] ");
        if (what.rfind("[json.exception", 0) == 0 && end != std::string::npos)
            what = what.substr(end + 2);
        if (what.size() > 120) what = what.substr(0, 120) + "...";
        return SyntaxError{{0, 0}, "invalid JSON: " + what};
    }
}

}  // namespace

json parse_json_document(std::string_view text, const std::string& file, ObjectOffsets* offsets) {
    const std::string_view body = json_scan::strip_byte_order_mark(text);
    const std::size_t skipped = text.size() - body.size();
    auto parsed = parse_text(body, offsets);
    if (auto* error = std::get_if<SyntaxError>(&parsed)) {
        if (json_scan::is_blank(body)) throw Error(file, "empty file: expected a JSON model");
        const std::size_t column =
            error->position.column + (error->position.line == 1 ? skipped : 0);
        throw Error(file, error->position.line, error->position.line ? column : 0, error->message);
    }
    json document = std::move(std::get<json>(parsed));
    // A model saved with json.dumps(model.to_json()) is a JSON string holding the JSON.
    for (int unwraps = 0; document.is_string(); ++unwraps) {
        if (unwraps == limits::kMaxJsonStringUnwraps) {
            throw Error(file, "the JSON strings are nested too deeply to hold a model");
        }
        // Moved out, not copied: the string may be tens of MiB.
        const std::string inner = std::move(document.get_ref<std::string&>());
        if (offsets) *offsets = ObjectOffsets();  // the objects are not in the file as written
        auto inner_parsed = parse_text(inner, nullptr);
        if (auto* error = std::get_if<SyntaxError>(&inner_parsed)) {
            throw Error(
                file, "the file is a JSON string, and the JSON text it holds is invalid at line " +
                          std::to_string(error->position.line) + ", column " +
                          std::to_string(error->position.column) + ": " + error->message);
        }
        document = std::move(std::get<json>(inner_parsed));
    }
    return document;
}

}  // namespace strata::keras
