#include "import/json_plain_parse.hpp"

#include <cmath>
#include <cstdint>
#include <cstdlib>
#include <cstring>
#include <string>
#include <vector>

namespace strata::keras {
namespace {

class PlainParser {
  public:
    PlainParser(std::string_view text, JsonTreeBuilder& builder) : text_(text), builder_(builder) {}

    bool parse() {
        // The open containers: true for an object. A value is read at the top of the loop;
        // after it, a comma or the closing bracket of the innermost container.
        std::vector<bool> open;
        for (;;) {
            skip_space();
            if (at_end()) return false;
            const char c = text_[pos_];
            if (c == '{' || c == '[') {
                ++pos_;
                skip_space();
                const bool object = c == '{';
                const char close = object ? '}' : ']';
                object ? builder_.start_object(std::size_t(-1))
                       : builder_.start_array(std::size_t(-1));
                if (!at_end() && text_[pos_] == close) {
                    ++pos_;
                    object ? builder_.end_object() : builder_.end_array();
                } else {
                    open.push_back(object);
                    if (object && !key()) return false;
                    continue;
                }
            } else if (!scalar()) {
                return false;
            }
            // After a value: close containers or move to the next member.
            for (;;) {
                skip_space();
                if (open.empty()) return at_end();
                if (at_end()) return false;
                const char next = text_[pos_++];
                const bool object = open.back();
                if (next == ',') {
                    if (object && !key()) return false;
                    break;
                }
                if (next != (object ? '}' : ']')) return false;
                open.pop_back();
                object ? builder_.end_object() : builder_.end_array();
            }
        }
    }

  private:
    bool at_end() const { return pos_ >= text_.size(); }

    void skip_space() {
        while (pos_ < text_.size() && (text_[pos_] == ' ' || text_[pos_] == '\n' ||
                                       text_[pos_] == '\r' || text_[pos_] == '\t')) {
            ++pos_;
        }
    }

    // A member's key and its colon.
    bool key() {
        skip_space();
        if (at_end() || text_[pos_] != '"' || !string()) return false;
        builder_.key(buffer_);
        skip_space();
        if (at_end() || text_[pos_] != ':') return false;
        ++pos_;
        return true;
    }

    bool scalar() {
        const char c = text_[pos_];
        if (c == '"') {
            if (!string()) return false;
            builder_.string(buffer_);
            return true;
        }
        if (c == 't') return literal("true") && builder_.boolean(true);
        if (c == 'f') return literal("false") && builder_.boolean(false);
        if (c == 'n') return literal("null") && builder_.null();
        return number();
    }

    bool literal(std::string_view word) {
        if (text_.substr(pos_, word.size()) != word) return false;
        pos_ += word.size();
        return true;
    }

    // A string into buffer_; the opening quote is at pos_.
    bool string() {
        buffer_.clear();
        ++pos_;
        for (;;) {
            const std::size_t start = pos_;
            while (pos_ < text_.size()) {
                const auto byte = static_cast<unsigned char>(text_[pos_]);
                if (byte == '"' || byte == '\\' || byte < 0x20 || byte >= 0x7F) break;
                ++pos_;
            }
            buffer_.append(text_.data() + start, pos_ - start);
            if (at_end()) return false;
            const char c = text_[pos_];
            if (c == '"') {
                ++pos_;
                return true;
            }
            if (c != '\\' || pos_ + 1 >= text_.size()) return false;  // other bytes: not plain
            const char escaped = text_[pos_ + 1];
            pos_ += 2;
            switch (escaped) {
                case '"':
                    buffer_ += '"';
                    break;
                case '\\':
                    buffer_ += '\\';
                    break;
                case '/':
                    buffer_ += '/';
                    break;
                case 'b':
                    buffer_ += '\b';
                    break;
                case 'f':
                    buffer_ += '\f';
                    break;
                case 'n':
                    buffer_ += '\n';
                    break;
                case 'r':
                    buffer_ += '\r';
                    break;
                case 't':
                    buffer_ += '\t';
                    break;
                default:
                    return false;  // \u and invalid escapes
            }
        }
    }

    std::size_t digits() {
        const std::size_t start = pos_;
        while (pos_ < text_.size() && text_[pos_] >= '0' && text_[pos_] <= '9') ++pos_;
        return pos_ - start;
    }

    // -?(0|[1-9][0-9]*)(.[0-9]+)?([eE][+-]?[0-9]+)? as JSON writes numbers.
    bool number() {
        const std::size_t start = pos_;
        const bool negative = text_[pos_] == '-';
        if (negative) ++pos_;
        if (at_end()) return false;
        const bool leading_zero = text_[pos_] == '0';
        const std::size_t integer_digits = digits();
        if (integer_digits == 0 || (leading_zero && integer_digits > 1)) return false;
        bool fraction = false;
        if (!at_end() && text_[pos_] == '.') {
            ++pos_;
            if (digits() == 0) return false;
            fraction = true;
        }
        if (!at_end() && (text_[pos_] == 'e' || text_[pos_] == 'E')) {
            ++pos_;
            if (!at_end() && (text_[pos_] == '+' || text_[pos_] == '-')) ++pos_;
            if (digits() == 0) return false;
            fraction = true;
        }
        const std::size_t length = pos_ - start;
        if (!fraction) {
            // At most 18 digits cannot overflow, so no fallback to a float as nlohmann's has.
            if (integer_digits > 18) return false;
            std::uint64_t value = 0;
            for (std::size_t i = start + (negative ? 1 : 0); i < pos_; ++i)
                value = value * 10 + static_cast<std::uint64_t>(text_[i] - '0');
            if (negative) return builder_.number_integer(-static_cast<std::int64_t>(value));
            return builder_.number_unsigned(value);
        }
        // strtod, as nlohmann's lexer uses, on a terminated copy.
        char token[64];
        if (length >= sizeof token) return false;
        std::memcpy(token, text_.data() + start, length);
        token[length] = '\0';
        char* end = nullptr;
        const double value = std::strtod(token, &end);
        // nlohmann's parser refuses a number out of range (1e400) with its own error.
        if (end != token + length || !std::isfinite(value)) return false;
        builder_.number_float(value, empty_);
        return true;
    }

    std::string_view text_;
    JsonTreeBuilder& builder_;
    std::size_t pos_ = 0;
    std::string buffer_;
    const std::string empty_;
};

}  // namespace

bool parse_plain_json(std::string_view text, JsonTreeBuilder& builder) {
    return PlainParser(text, builder).parse();
}

}  // namespace strata::keras
