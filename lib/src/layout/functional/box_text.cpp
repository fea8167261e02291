#include "layout/functional/box_text.hpp"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <vector>

#include "layout/decorations/text_run.hpp"

namespace strata::layout::functional {
namespace {

constexpr double kInset = 8;

bool upper(char c) {
    return std::isupper(static_cast<unsigned char>(c)) != 0;
}
bool lower(char c) {
    return std::islower(static_cast<unsigned char>(c)) != 0;
}

struct Wrapped {
    std::vector<std::string> lines;
    double width = 0, height = 0;
};

// Words joined on a line while it fits `width` (a word alone may not).
Wrapped wrap(TextMeasurer& text, const std::string& label, const FontSpec& font, double width,
             double vspacing) {
    std::vector<std::string> words;
    std::string word;
    for (char c : label) {
        if (c == ' ') {
            if (!word.empty()) words.push_back(word);
            word.clear();
        } else {
            word += c;
        }
    }
    if (!word.empty()) words.push_back(word);
    Wrapped w;
    std::string line;
    for (const std::string& next : words) {
        const std::string candidate = line.empty() ? next : line + " " + next;
        if (line.empty() || text.measure(candidate, font).right <= width) {
            line = candidate;
        } else {
            w.lines.push_back(line);
            line = next;
        }
    }
    if (!line.empty()) w.lines.push_back(line);
    for (const std::string& l : w.lines) {
        const TextMetrics m = text.measure(l, font);
        w.width = std::max(w.width, m.right);
        w.height += m.bottom;
    }
    w.height += vspacing * static_cast<double>(w.lines.empty() ? 0 : w.lines.size() - 1);
    return w;
}

}  // namespace

std::string spaced_class_name(const std::string& type, bool compat) {
    std::string out;
    for (std::size_t i = 0; i < type.size(); ++i) {
        const char c = type[i];
        if (c == '_') {
            out += ' ';
            continue;
        }
        if (i > 0 && upper(c)) {
            const char prev = type[i - 1];
            const bool next_lower = i + 1 < type.size() && lower(type[i + 1]);
            if (compat || lower(prev) || (upper(prev) && next_lower)) out += ' ';
        }
        out += c;
    }
    // Runs of spaces as one, none at the ends.
    std::string tidy;
    for (char c : out)
        if (c != ' ' || (!tidy.empty() && tidy.back() != ' ')) tidy += c;
    while (!tidy.empty() && tidy.back() == ' ') tidy.pop_back();
    return tidy;
}

BoxTextRoom box_text_room(TextMeasurer& text, const std::string& label, const FontSpec& font,
                          double vspacing) {
    BoxTextRoom room;
    std::size_t words = 0;
    std::string word;
    const auto add = [&] {
        if (word.empty()) return;
        const TextMetrics m = text.measure(word, font);
        room.width = std::max(room.width, m.right);
        room.height += m.bottom;
        ++words;
        word.clear();
    };
    for (char c : label) {
        if (c == ' ')
            add();
        else
            word += c;
    }
    add();
    if (words > 1) room.height += vspacing * static_cast<double>(words - 1);
    room.width += 2 * kInset;
    room.height += 2 * kInset;
    return room;
}

Group box_text(TextMeasurer& text, const std::string& label, FontSpec font, double least_size,
               Rgba color, double vspacing, double x1, double y1, double x2, double y2,
               const std::string& id, const std::string& name) {
    Group group;
    group.id = id;
    group.label = name;
    group.role = Role::caption;
    const double width = std::max(1.0, x2 - x1 - 2 * kInset);
    const double height = std::max(1.0, y2 - y1 - 2 * kInset);
    Wrapped w = wrap(text, label, font, width, vspacing);
    while ((w.width > width || w.height > height) && font.size - 1 >= least_size) {
        font.size -= 1;
        w = wrap(text, label, font, width, vspacing);
    }
    double top = y1 + std::floor((y2 - y1 - w.height) / 2);
    const double centre = (x1 + x2) / 2;
    for (const std::string& line : w.lines) {
        const TextMetrics m = text.measure(line, font);
        group.items.push_back(make_text_run(text, font, line,
                                            {centre - m.right / 2, top + m.ascent}, m.advance,
                                            color, TextAnchor::middle));
        top += m.bottom + vspacing;
    }
    return group;
}

}  // namespace strata::layout::functional
