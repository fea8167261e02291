#include "strata/error.hpp"
#include "strata/printable.hpp"

#include "text/unicode_text.hpp"

namespace strata {
namespace {

std::string located(const std::string& file, std::size_t line, std::size_t column,
                    const std::string& message) {
    std::string text = file;
    if (line > 0) {
        text += ':' + std::to_string(line);
        if (column > 0) text += ':' + std::to_string(column);
    }
    if (!text.empty()) text += ": ";
    // Messages quote file names and input text; printed to a terminal they must stay one
    // bounded line of valid text, with no control sequences and no reordering of what it says.
    return unicode::message_line(text + message);
}

}  // namespace

std::string printable_text(std::string_view text) {
    return unicode::excerpt(text, kMaxQuotedCharacters);
}

std::string quoted_text(std::string_view text) {
    return "'" + printable_text(text) + "'";
}

std::string printable_line(std::string_view text) {
    return unicode::message_line(text);
}

Error::Error(std::string file, std::size_t line, std::size_t column, std::string message)
    : std::runtime_error(located(file, line, column, message)),
      file_(std::move(file)),
      line_(line),
      column_(column),
      message_(unicode::message_line(message)) {}

}  // namespace strata
