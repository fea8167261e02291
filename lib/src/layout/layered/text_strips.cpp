#include "layout/layered/text_strips.hpp"

#include <algorithm>
#include <utility>
#include <variant>
#include <vector>

namespace strata::layout {
namespace {

using Span = std::pair<double, double>;  // top, bottom

// The spans sorted and merged where they overlap.
std::vector<Span> merged(std::vector<Span> spans) {
    std::sort(spans.begin(), spans.end());
    std::vector<Span> out;
    for (const Span& s : spans) {
        if (!out.empty() && s.first <= out.back().second)
            out.back().second = std::max(out.back().second, s.second);
        else
            out.push_back(s);
    }
    return out;
}

double total(const std::vector<Span>& spans) {
    double sum = 0;
    for (const Span& s : spans) sum += s.second - s.first;
    return sum;
}

// The length two sets of merged spans share.
double shared(const std::vector<Span>& a, const std::vector<Span>& b) {
    double sum = 0;
    std::size_t i = 0, j = 0;
    while (i < a.size() && j < b.size()) {
        sum += std::max(0.0, std::min(a[i].second, b[j].second) - std::max(a[i].first, b[j].first));
        if (a[i].second < b[j].second)
            ++i;
        else
            ++j;
    }
    return sum;
}

Span vertical_span(const Primitive& item) {
    if (const auto* run = std::get_if<TextRun>(&item))
        return {run->y - run->ascent, run->y + run->descent};
    double top = 0, bottom = 0;
    bool any = false;
    const auto add = [&](const Point& p, double half) {
        top = any ? std::min(top, p.y - half) : p.y - half;
        bottom = any ? std::max(bottom, p.y + half) : p.y + half;
        any = true;
    };
    if (const auto* shape = std::get_if<Polygon>(&item)) {
        for (const Point& p : shape->points) add(p, 0);
    } else if (const auto* line = std::get_if<Polyline>(&item)) {
        for (const Point& p : line->points) add(p, line->stroke_width / 2);
    } else if (const auto* image = std::get_if<Image>(&item)) {
        const Affine& m = image->transform;
        for (const Point p : {Point{0, 0}, Point{image->width, 0}, Point{0, image->height},
                              Point{image->width, image->height}})
            add({m.a * p.x + m.c * p.y + m.e, m.b * p.x + m.d * p.y + m.f}, 0);
    }
    return any ? Span{top, bottom} : Span{0, 0};
}

}  // namespace

double text_only_height(const Scene& scene) {
    std::vector<Span> texts, others;
    for (const Group& g : scene.groups) {
        for (const Primitive& item : g.items) {
            const Span s = vertical_span(item);
            if (s.second <= s.first) continue;
            (std::holds_alternative<TextRun>(item) ? texts : others).push_back(s);
        }
    }
    const std::vector<Span> text_spans = merged(std::move(texts));
    return total(text_spans) - shared(text_spans, merged(std::move(others)));
}

}  // namespace strata::layout
