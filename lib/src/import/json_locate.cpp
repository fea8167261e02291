#include "import/json_locate.hpp"

#include <string>
#include <variant>
#include <vector>

namespace strata::keras {
namespace {

constexpr std::string_view kByteOrderMark = "\xEF\xBB\xBF";

// One step of a path: a member name or a list index.
using Step = std::variant<std::string, std::size_t>;

std::optional<std::vector<Step>> parse_path(std::string_view path) {
    std::vector<Step> steps;
    std::size_t i = 0;
    while (i < path.size()) {
        if (path[i] == '[') {
            const std::size_t close = path.find(']', i);
            if (close == std::string_view::npos || close == i + 1) return std::nullopt;
            std::size_t index = 0;
            for (std::size_t k = i + 1; k < close; ++k) {
                if (path[k] < '0' || path[k] > '9' || index > (std::size_t{1} << 40))
                    return std::nullopt;
                index = index * 10 + static_cast<std::size_t>(path[k] - '0');
            }
            steps.emplace_back(index);
            i = close + 1;
            if (i < path.size() && path[i] == '.') ++i;
            continue;
        }
        const std::size_t end = path.find_first_of(".[", i);
        const std::size_t stop = end == std::string_view::npos ? path.size() : end;
        if (stop == i) return std::nullopt;
        steps.emplace_back(std::string(path.substr(i, stop - i)));
        i = stop;
        if (i < path.size() && path[i] == '.') ++i;
    }
    return steps;
}

class Scanner {
  public:
    explicit Scanner(std::string_view text) : text_(text) {}

    std::size_t at() const { return pos_; }
    bool done() const { return pos_ >= text_.size(); }
    char peek() const { return done() ? '\0' : text_[pos_]; }
    void skip_space() {
        while (!done() && (peek() == ' ' || peek() == '\t' || peek() == '\n' || peek() == '\r'))
            ++pos_;
    }
    bool eat(char c) {
        skip_space();
        if (peek() != c) return false;
        ++pos_;
        return true;
    }

    // A string at the cursor, its escapes decoded (\uXXXX kept as written: member names the
    // readers quote are plain).
    std::optional<std::string> string() {
        skip_space();
        if (peek() != '"') return std::nullopt;
        ++pos_;
        std::string out;
        while (!done() && peek() != '"') {
            if (peek() == '\\') {
                ++pos_;
                if (done()) return std::nullopt;
                const char c = peek();
                out += c == 'n'   ? '\n'
                       : c == 't' ? '\t'
                       : c == 'r' ? '\r'
                       : c == 'b' ? '\b'
                       : c == 'f' ? '\f'
                                  : c;
                if (c == 'u') out += std::string(text_.substr(pos_ + 1, 4));
                pos_ += c == 'u' ? 5 : 1;
                continue;
            }
            out += peek();
            ++pos_;
        }
        if (done()) return std::nullopt;
        ++pos_;
        return out;
    }

    // Skips one value of any kind, nested ones included, without recursion.
    bool skip_value() {
        skip_space();
        std::size_t depth = 0;
        do {
            skip_space();
            const char c = peek();
            if (done()) return false;
            if (c == '"') {
                if (!string()) return false;
            } else if (c == '{' || c == '[') {
                ++depth;
                ++pos_;
            } else if (c == '}' || c == ']') {
                if (depth == 0) return false;
                --depth;
                ++pos_;
            } else if (c == ',' || c == ':') {
                if (depth == 0) return false;
                ++pos_;
            } else {
                while (!done() && peek() != ',' && peek() != '}' && peek() != ']' &&
                       peek() != ' ' && peek() != '\n' && peek() != '\r' && peek() != '\t')
                    ++pos_;
            }
        } while (depth > 0);
        return true;
    }

    // Moves to the value of member `name` of the object at the cursor.
    bool member(const std::string& name) {
        if (!eat('{')) return false;
        if (eat('}')) return false;
        for (;;) {
            const std::optional<std::string> key = string();
            if (!key || !eat(':')) return false;
            skip_space();
            if (*key == name) return true;
            if (!skip_value()) return false;
            if (!eat(',')) return false;
        }
    }

    // Moves to element `index` of the list at the cursor.
    bool element(std::size_t index) {
        if (!eat('[')) return false;
        if (eat(']')) return false;
        for (std::size_t k = 0;; ++k) {
            skip_space();
            if (k == index) return true;
            if (!skip_value() || !eat(',')) return false;
        }
    }

  private:
    std::string_view text_;
    std::size_t pos_ = 0;
};

}  // namespace

std::optional<TextPosition> locate_json_path(std::string_view text, std::string_view path) {
    const std::optional<std::vector<Step>> steps = parse_path(path);
    if (!steps) return std::nullopt;
    const std::size_t start = text.starts_with(kByteOrderMark) ? kByteOrderMark.size() : 0;
    Scanner scan(text.substr(start));
    scan.skip_space();
    if (scan.peek() != '{' && scan.peek() != '[') return std::nullopt;  // double-encoded
    for (const Step& step : *steps) {
        const bool found = std::holds_alternative<std::string>(step)
                               ? scan.member(std::get<std::string>(step))
                               : scan.element(std::get<std::size_t>(step));
        if (!found) return std::nullopt;
    }
    scan.skip_space();
    TextPosition position{1, 1};
    const std::string_view before = text.substr(start, scan.at());
    for (const char c : before) {
        if (c == '\n') {
            ++position.line;
            position.column = 1;
        } else {
            ++position.column;
        }
    }
    return position;
}

}  // namespace strata::keras
