#include "layout/layered/repeat_labels.hpp"

#include <algorithm>
#include <iterator>
#include <limits>
#include <utility>

#include "layout/layered/annotation_marks.hpp"

namespace strata::layout {
namespace {

constexpr double kInf = std::numeric_limits<double>::infinity();
// Past the last line that may be added, the line whose labels end first.
constexpr std::size_t kMostLabelLines = 4;
// Between the ends of neighbouring brackets, px: touching, they would read as one.
constexpr double kBracketGap = 4;

// A unit of a row: its bracket and the widths of its label choices, longest first.
struct Slot {
    std::size_t repeat = 0;
    double lo = 0, hi = 0;
    std::vector<std::string> choices;
    std::vector<double> widths;

    double centred(double w) const { return (lo + hi) / 2 - w / 2; }
    // A label stays under its bracket: inside it, or covering it when wider.
    double latest(double w) const { return std::max(lo, hi - w); }
    double shortest() const { return widths.back(); }
};

// Places one row's labels; `labels` is indexed by repeat.
void place_row(const std::vector<Slot>& slots, double gap, std::vector<RepeatLabel>& labels) {
    // Where each unit's shortest label may start at the latest, so that the shortest labels of
    // the units after it still fit each under its bracket.
    std::vector<double> latest_start(slots.size() + 1, kInf);
    for (std::size_t j = slots.size(); j-- > 0;) {
        const Slot& s = slots[j];
        latest_start[j] =
            std::min(s.latest(s.shortest()), latest_start[j + 1] - gap - s.shortest());
    }
    double line_end = -kInf;         // the right end of line 0's labels so far
    std::vector<double> lower_ends;  // the same for the lines under it
    for (std::size_t j = 0; j < slots.size(); ++j) {
        const Slot& s = slots[j];
        RepeatLabel& label = labels[s.repeat];
        const double room_right = latest_start[j + 1] - gap;
        std::size_t pick = s.choices.size();
        for (std::size_t c = 0; c < s.choices.size() && pick == s.choices.size(); ++c) {
            const double w = s.widths[c];
            const double left = std::max(s.centred(w), line_end + gap);
            const bool last = c + 1 == s.choices.size();
            // The shortest label may crowd the units after it: they move to lower lines.
            if (left <= s.latest(w) + 1e-9 && (last || left + w <= room_right + 1e-9)) pick = c;
        }
        if (pick < s.choices.size()) {
            const double w = s.widths[pick];
            label = {s.choices[pick], std::max(s.centred(w), line_end + gap), w, 0};
            line_end = label.left + w;
            continue;
        }
        // Even "×N" cannot stand on the line: centred, on the first lower line with room.
        const double w = s.shortest();
        const double left = s.centred(w);
        std::size_t line = 0;
        while (line < lower_ends.size() && left < lower_ends[line] + gap) ++line;
        if (line == lower_ends.size() && line + 1 >= kMostLabelLines) {
            line = static_cast<std::size_t>(std::min_element(lower_ends.begin(), lower_ends.end()) -
                                            lower_ends.begin());
        }
        if (line == lower_ends.size()) lower_ends.push_back(-kInf);
        lower_ends[line] = left + w;
        label = {s.choices.back(), left, w, line + 1};
    }
}

}  // namespace

bool scope_named_by_captions(const graph::Repeat& repeat, const std::vector<std::size_t>& unit,
                             const std::vector<DrawnBox>& boxes) {
    if (repeat.scope.empty()) return false;
    for (const std::size_t i : unit) {
        if (!boxes[i].caption) continue;
        // A name broken over lines keeps its characters: "features." / "denseblock1".
        std::string caption;
        for (const std::string& line : boxes[i].caption->lines) caption += line;
        if (caption.find(repeat.scope) != std::string::npos) return true;
    }
    return false;
}

std::string preferred_repeat_label(const graph::Repeat& repeat,
                                   const std::vector<std::size_t>& unit,
                                   const std::vector<DrawnBox>& boxes) {
    return repeat_label_choices(repeat, scope_named_by_captions(repeat, unit, boxes)).front();
}

void make_room_for_repeat_labels(const GraphBoxes& graph, const RepeatUnits& units,
                                 std::vector<DrawnBox>& boxes, BoxFrame frame,
                                 const Options& options, TextMeasurer& text) {
    const graph::Arrangement& a = graph.arrangement;
    const FontSpec font = annotation_font(options);
    // Per unit, left to right: where it starts (as placed) and how far it and everything after
    // it moves.
    std::vector<std::pair<double, double>> moves;
    double moved = 0, previous_end = -kInf;
    for (std::size_t k = 0; k < a.repeats.size(); ++k) {
        if (units.boxes[k].empty()) continue;
        const auto extent = unit_extent(units.boxes[k], boxes, frame);
        const double w =
            text.measure(repeat_label_choices(a.repeats[k], true).back(), font).advance;
        const double centre = (extent.first + extent.second) / 2 + moved;
        moved += std::max(0.0, previous_end + font.size - (centre - w / 2));
        previous_end = (extent.first + extent.second) / 2 + moved + w / 2;
        if (!moves.empty() && extent.first < moves.back().first) return;  // not left to right
        moves.emplace_back(extent.first, moved);
    }
    if (moves.empty() || moved <= 0) return;
    for (DrawnBox& b : boxes) {
        const double x = front_left(b, frame);
        const auto after = std::upper_bound(
            moves.begin(), moves.end(), x,
            [](double value, const std::pair<double, double>& m) { return value < m.first; });
        if (after != moves.begin()) b.left += std::prev(after)->second;
    }
}

std::vector<RepeatLabel> place_repeat_labels(const GraphBoxes& graph, const RepeatUnits& units,
                                             const std::vector<DrawnBox>& boxes, BoxFrame frame,
                                             const Options& options, TextMeasurer& text) {
    const graph::Arrangement& a = graph.arrangement;
    std::vector<RepeatLabel> labels(a.repeats.size());
    std::vector<std::vector<Slot>> rows;
    const FontSpec font = annotation_font(options);
    for (std::size_t k = 0; k < a.repeats.size(); ++k) {
        const graph::Repeat& r = a.repeats[k];
        const std::size_t row = boxes[graph.index_of(a.spine[r.first])].row;
        if (row >= rows.size()) rows.resize(row + 1);
        Slot slot;
        slot.repeat = k;
        const auto extent = unit_extent(units.boxes[k], boxes, frame);
        slot.lo = extent.first;
        slot.hi = extent.second;
        slot.choices = repeat_label_choices(r, scope_named_by_captions(r, units.boxes[k], boxes));
        for (const std::string& choice : slot.choices)
            slot.widths.push_back(text.measure(choice, font).advance);
        rows[row].push_back(std::move(slot));
    }
    for (std::vector<Slot>& row : rows) {
        std::stable_sort(row.begin(), row.end(),
                         [](const Slot& x, const Slot& y) { return x.lo < y.lo; });
        place_row(row, font.size, labels);
        for (std::size_t j = 0; j < row.size(); ++j) {
            labels[row[j].repeat].bracket_lo = row[j].lo;
            labels[row[j].repeat].bracket_hi = row[j].hi;
        }
        for (std::size_t j = 0; j + 1 < row.size(); ++j) {
            RepeatLabel& left = labels[row[j].repeat];
            RepeatLabel& right = labels[row[j + 1].repeat];
            if (left.bracket_hi + kBracketGap <= right.bracket_lo) continue;
            const double middle = (left.bracket_hi + right.bracket_lo) / 2;
            left.bracket_hi = std::max(left.bracket_lo, middle - kBracketGap / 2);
            right.bracket_lo = std::min(right.bracket_hi, middle + kBracketGap / 2);
        }
    }
    return labels;
}

}  // namespace strata::layout
