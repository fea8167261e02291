#include "import/json_locate.hpp"

#include <algorithm>
#include <array>
#include <cstring>
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

    // Skips a string at the cursor without decoding it: most of a model is skipped.
    bool skip_string() {
        ++pos_;  // the opening quote
        for (;;) {
            // memchr to the next quote: strings are most of a model's bytes.
            const void* quote = std::memchr(text_.data() + pos_, '"', text_.size() - pos_);
            if (quote == nullptr) return false;
            const std::size_t at =
                static_cast<std::size_t>(static_cast<const char*>(quote) - text_.data());
            std::size_t backslashes = 0;
            while (at - backslashes > pos_ && text_[at - backslashes - 1] == '\\') ++backslashes;
            pos_ = at + 1;
            if (backslashes % 2 == 0) return true;
        }
    }

    // Skips one value of any kind, nested ones included, without recursion. The text parsed
    // already, so inside a list or an object only quotes and brackets need a look: the loop
    // jumps over everything else a byte at a time without a test per kind.
    bool skip_value() {
        skip_space();
        if (done()) return false;
        const char first = peek();
        if (first == '"') return skip_string();
        if (first == '}' || first == ']' || first == ',' || first == ':') return false;
        if (first != '{' && first != '[') {
            while (!done() && !ends_scalar(peek())) ++pos_;
            return true;
        }
        ++pos_;
        std::size_t depth = 1;
        while (depth > 0) {
            while (pos_ < text_.size() && !is_structural(text_[pos_])) ++pos_;
            if (done()) return false;
            const char c = text_[pos_];
            if (c == '"') {
                if (!skip_string()) return false;
                continue;
            }
            depth = c == '{' || c == '[' ? depth + 1 : depth - 1;
            ++pos_;
        }
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
    static bool ends_scalar(char c) {
        return c == ',' || c == '}' || c == ']' || c == ' ' || c == '\n' || c == '\r' || c == '\t';
    }

    // Quotes and brackets: what skip_value looks at inside a list or an object.
    static bool is_structural(char c) {
        static constexpr auto kTable = [] {
            std::array<bool, 256> table{};
            for (const unsigned char s : {'"', '{', '}', '[', ']'}) table[s] = true;
            return table;
        }();
        return kTable[static_cast<unsigned char>(c)];
    }

    std::string_view text_;
    std::size_t pos_ = 0;
};

// Turns offsets met in increasing order into lines and columns, counting each byte once.
class LineCounter {
  public:
    explicit LineCounter(std::string_view text) : text_(text) {}

    TextPosition at(std::size_t offset) {
        offset = std::min(offset, text_.size());
        // memchr from one line break to the next: a model is often one long line.
        while (done_ < offset) {
            const void* found = std::memchr(text_.data() + done_, '\n', offset - done_);
            if (found == nullptr) {
                position_.column += offset - done_;
                done_ = offset;
                break;
            }
            const auto at =
                static_cast<std::size_t>(static_cast<const char*>(found) - text_.data());
            ++position_.line;
            position_.column = 1;
            done_ = at + 1;
        }
        return position_;
    }

  private:
    std::string_view text_;
    std::size_t done_ = 0;
    TextPosition position_{1, 1};
};

}  // namespace

std::vector<std::optional<TextPosition>> positions_of(
    std::string_view text, const std::vector<std::optional<std::size_t>>& offsets) {
    std::vector<std::size_t> order;
    order.reserve(offsets.size());
    for (std::size_t i = 0; i < offsets.size(); ++i) {
        if (offsets[i]) order.push_back(i);
    }
    std::stable_sort(order.begin(), order.end(),
                     [&](std::size_t a, std::size_t b) { return *offsets[a] < *offsets[b]; });
    std::vector<std::optional<TextPosition>> positions(offsets.size());
    LineCounter lines(text);
    for (const std::size_t i : order) positions[i] = lines.at(*offsets[i]);
    return positions;
}

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
