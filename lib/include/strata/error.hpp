#pragma once

#include <cstddef>
#include <stdexcept>
#include <string>

namespace strata {

// The one exception type of the library: where the problem is and what was expected.
// `line`/`column` are 1-based; 0 means "not known" and is left out of the message.
class Error : public std::runtime_error {
  public:
    Error(std::string file, std::size_t line, std::size_t column, std::string message);
    Error(std::string file, std::string message)
        : Error(std::move(file), 0, 0, std::move(message)) {}

    const std::string& file() const { return file_; }
    std::size_t line() const { return line_; }
    std::size_t column() const { return column_; }
    // The bare message without the location prefix.
    const std::string& message() const { return message_; }

  private:
    std::string file_;
    std::size_t line_;
    std::size_t column_;
    std::string message_;
};

}  // namespace strata
