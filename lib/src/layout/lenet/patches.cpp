#include "layout/lenet/patches.hpp"

#include <algorithm>
#include <cmath>
#include <optional>
#include <vector>

namespace strata::layout {
namespace {

constexpr double kMargin = 1;

struct Range {
    double lo = 0, hi = 0;
};

Rect clamp_to_face(const Rect& r, const Rect& face) {
    const double w = std::max(0.0, r.x2 - r.x1), h = std::max(0.0, r.y2 - r.y1);
    const double x1 = std::min(std::max(r.x1, face.x1 + kMargin), face.x2 - kMargin - w);
    const double y1 = std::min(std::max(r.y1, face.y1 + kMargin), face.y2 - kMargin - h);
    return {x1, y1, x1 + w, y1 + h};
}

Rect with_x1(const Rect& r, double x1) {
    return {x1, r.y1, x1 + (r.x2 - r.x1), r.y2};
}

Rect with_y1(const Rect& r, double y1) {
    return {r.x1, y1, r.x2, y1 + (r.y2 - r.y1)};
}

bool overlap(double a1, double a2, double b1, double b2, double eps) {
    return a1 <= b2 + eps && a2 >= b1 - eps;
}

// The y nearest `prefer` within the ranges (a tie chosen at random), jittered a little.
std::optional<double> choose_y(PythonRandom& rng, double prefer, const std::vector<Range>& ranges) {
    if (ranges.empty()) return std::nullopt;
    struct Candidate {
        double distance, y;
        Range range;
    };
    std::vector<Candidate> candidates;
    for (const Range& r : ranges) {
        const double y = std::max(r.lo, std::min(prefer, r.hi));
        candidates.push_back({std::fabs(prefer - y), y, r});
    }
    double nearest = candidates.front().distance;
    for (const Candidate& c : candidates) nearest = std::min(nearest, c.distance);
    std::vector<Candidate> best;
    for (const Candidate& c : candidates) {
        if (std::fabs(c.distance - nearest) <= 1e-6) best.push_back(c);
    }
    const Candidate chosen = best[rng.below(best.size())];
    double y = chosen.y;
    if (chosen.range.hi - chosen.range.lo >= 1.0) {
        const double jitter =
            (rng.random() - 0.5) * std::min(6.0, chosen.range.hi - chosen.range.lo);
        y = std::max(chosen.range.lo, std::min(chosen.range.hi, y + jitter));
    }
    return y;
}

// The free y ranges for a rectangle of height `h` on `face` above and below [top, bottom].
std::vector<Range> free_ranges(const Rect& face, double h, double top, double bottom, double gap) {
    const double min_y = face.y1 + kMargin, max_y = face.y2 - kMargin - h;
    const double above_max = std::min(max_y, top - gap - h);
    const double below_min = std::max(min_y, bottom + gap);
    std::vector<Range> ranges;
    if (min_y <= above_max) ranges.push_back({min_y, above_max});
    if (below_min <= max_y) ranges.push_back({below_min, max_y});
    return ranges;
}

}  // namespace

PatchRatio sample_patch_ratio(PythonRandom& rng, double x_lo, double x_hi) {
    constexpr double kYLo = 0.12, kYHi = 0.88;
    const double rx = x_lo + (x_hi - x_lo) * rng.random();
    const double ry = kYLo + (kYHi - kYLo) * rng.random();
    return {std::clamp(rx, 0.0, 1.0), std::clamp(ry, 0.0, 1.0)};
}

Rect place_patch(const Rect& face, double width, double height, PatchRatio ratio) {
    const double fw = std::max(0.0, face.x2 - face.x1), fh = std::max(0.0, face.y2 - face.y1);
    const double travel_w = std::max(0.0, fw - 2 * kMargin - width);
    const double travel_h = std::max(0.0, fh - 2 * kMargin - height);
    const double rx = travel_w > 0 ? ratio.rx : 0.5, ry = travel_h > 0 ? ratio.ry : 0.5;
    const double cx = face.x1 + kMargin + width / 2 + rx * travel_w;
    const double cy = face.y1 + kMargin + height / 2 + ry * travel_h;
    // Clamped inside the face's margins; a face too small holds a point at its centre.
    const double room_w = std::max(0.0, fw - 2 * kMargin), room_h = std::max(0.0, fh - 2 * kMargin);
    if (room_w <= 0 || room_h <= 0) {
        const double mx = (face.x1 + face.x2) / 2, my = (face.y1 + face.y2) / 2;
        return {mx, my, mx, my};
    }
    const double hw = std::min(width, room_w) / 2, hh = std::min(height, room_h) / 2;
    const double x = std::min(std::max(cx, face.x1 + kMargin + hw), face.x2 - kMargin - hw);
    const double y = std::min(std::max(cy, face.y1 + kMargin + hh), face.y2 - kMargin - hh);
    return {x - hw, y - hh, x + hw, y + hh};
}

PatchPair separate_patches(const Rect& face, Rect incoming, Rect outgoing, PythonRandom& rng) {
    constexpr double kXEps = 1, kVGap = 2;
    Rect inc = clamp_to_face(incoming, face);
    Rect out = clamp_to_face(outgoing, face);
    if (out.x1 < inc.x1) {
        out = clamp_to_face(with_x1(out, std::min(face.x2 - kMargin - (out.x2 - out.x1), inc.x1)),
                            face);
        if (out.x1 < inc.x1) inc = clamp_to_face(with_x1(inc, out.x1), face);
    }
    const bool side_by_side = out.x1 <= inc.x2 + kXEps;
    if (side_by_side && overlap(inc.y1, inc.y2, out.y1, out.y2, kVGap)) {
        const auto ranges = free_ranges(face, out.y2 - out.y1, inc.y1, inc.y2, kVGap);
        if (auto y = choose_y(rng, out.y1, ranges)) out = clamp_to_face(with_y1(out, *y), face);
        if (overlap(inc.y1, inc.y2, out.y1, out.y2, kVGap)) {
            const auto ranges2 = free_ranges(face, inc.y2 - inc.y1, out.y1, out.y2, kVGap);
            if (auto y = choose_y(rng, inc.y1, ranges2))
                inc = clamp_to_face(with_y1(inc, *y), face);
        }
    }
    return {inc, out};
}

}  // namespace strata::layout
