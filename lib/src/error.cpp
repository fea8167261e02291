#include "strata/error.hpp"

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
    return text + message;
}

}  // namespace

Error::Error(std::string file, std::size_t line, std::size_t column, std::string message)
    : std::runtime_error(located(file, line, column, message)),
      file_(std::move(file)),
      line_(line),
      column_(column),
      message_(std::move(message)) {}

}  // namespace strata
