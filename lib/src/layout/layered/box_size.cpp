#include "layout/layered/box_size.hpp"

#include <algorithm>
#include <cmath>

#include "layout/layered/channels_last.hpp"

namespace strata::layout {
namespace {

// min(max(v, lo), hi): when lo > hi the result is hi, as in visualkeras.
double clamp(double v, double lo, double hi) {
    return std::min(std::max(v, lo), hi);
}

double floor0(double v) {
    return std::trunc(v);
}

double product(const std::vector<double>& dims, std::size_t from) {
    double p = 1;
    for (std::size_t i = from; i < dims.size(); ++i) p *= dims[i];
    return p;
}

struct Caps {
    double channel, sequence;
};

Caps caps_of(const Options& options, const SizeLimits& limits) {
    Caps caps{limits.max_z, limits.max_xy};
    if (options.dimension_caps) {
        if (options.dimension_caps->channels) caps.channel = *options.dimension_caps->channels;
        if (options.dimension_caps->sequence) caps.sequence = *options.dimension_caps->sequence;
    }
    return caps;
}

// How a 1-D tensor is drawn: as a tall bar (y), a wide bar (z) or a deep bar (x).
enum class Orientation { z, y, x };

BoxSize accurate(const std::vector<double>& d, const SizeLimits& l, Orientation o) {
    if (d.size() == 1) {
        if (o == Orientation::x)
            return {clamp(d[0] * l.scale_xy, l.min_xy, l.max_xy), l.min_xy, l.min_z};
        if (o == Orientation::y)
            return {l.min_xy, clamp(d[0] * l.scale_xy, l.min_xy, l.max_xy), l.min_z};
        return {l.min_xy, l.min_xy, clamp(d[0] * l.scale_z, l.min_z, l.max_z)};
    }
    double x = clamp(d[0] * l.scale_xy, l.min_xy, l.max_xy);
    double y = clamp(d[1] * l.scale_xy, l.min_xy, l.max_xy);
    // A 2-D tensor (sequence, features) uses its features for both height and width.
    double width_source = d.size() == 2 ? d[1] : product(d, 2);
    return {x, y, clamp(width_source * l.scale_z, l.min_z, l.max_z)};
}

// Shared shape of the balanced and logarithmic modes: a per-value function f(v, scale, lo, cap).
template <typename F>
BoxSize by_first_three(const std::vector<double>& d, const SizeLimits& l, const Caps& caps,
                       Orientation o, F f) {
    if (d.size() == 1) {
        if (o == Orientation::x)
            return {floor0(f(d[0], l.scale_xy, l.min_xy, caps.sequence)), l.min_xy, l.min_z};
        if (o == Orientation::y)
            return {l.min_xy, floor0(f(d[0], l.scale_xy, l.min_xy, caps.sequence)), l.min_z};
        return {l.min_xy, l.min_xy, floor0(f(d[0], l.scale_z, l.min_z, caps.channel))};
    }
    double third = d.size() > 2 ? d[2] : 1;
    return {floor0(f(d[0], l.scale_xy, l.min_xy, caps.sequence)),
            floor0(f(d[1], l.scale_xy, l.min_xy, caps.sequence)),
            floor0(f(third, l.scale_z, l.min_z, caps.channel))};
}

double smart(double v, double s, double lo, double cap) {
    if (v <= 64) return clamp(v * s, lo, cap);
    if (v <= 512) return clamp(v * s * 0.6, lo, cap);
    if (v <= 2048) return clamp(v * s * 0.3, lo, cap);
    return clamp(std::log10(v) * s * 15, lo, cap);
}

double logarithmic(double v, double s, double lo, double cap) {
    if (v <= 1) return lo;
    return clamp(std::log10(v) * s * 20, lo, cap);
}

// Capped clamps the other way round: when a cap is below the minimum, the minimum wins.
double capped_value(double v, double cap, double lo) {
    return std::max(std::min(v, cap), lo);
}

BoxSize capped(const std::vector<double>& d, const SizeLimits& l, const Caps& caps, Orientation o,
               const Options& options) {
    if (d.size() == 1) {
        if (o == Orientation::x)
            return {capped_value(d[0] * l.scale_xy, caps.sequence, l.min_xy), l.min_xy, l.min_z};
        if (o == Orientation::y)
            return {l.min_xy, capped_value(d[0] * l.scale_xy, caps.sequence, l.min_xy), l.min_z};
        return {l.min_xy, l.min_xy, capped_value(d[0] * l.scale_z, caps.channel, l.min_z)};
    }
    double x = capped_value(d[0] * l.scale_xy, caps.sequence, l.min_xy);
    double y = capped_value(d[1] * l.scale_xy, caps.sequence, l.min_xy);
    if (d.size() == 2) return {x, y, capped_value(l.min_z, caps.channel, l.min_z)};
    // visualkeras falls through to a minimum cube for every tensor of rank three or more.
    if (options.compat_visualkeras) return {l.min_xy, l.min_xy, l.min_z};
    return {x, y, capped_value(product(d, 2) * l.scale_z, caps.channel, l.min_z)};
}

double proportional(double v, double lo, double hi, double base) {
    if (v <= 0) return lo;
    return std::max(lo, std::min(v * base, hi));
}

BoxSize relative(const std::vector<double>& d, const SizeLimits& l, const Caps& caps, Orientation o,
                 double base) {
    if (d.size() == 1) {
        if (o == Orientation::x)
            return {proportional(d[0], l.min_xy, caps.sequence, base), l.min_xy, l.min_z};
        if (o == Orientation::y)
            return {l.min_xy, proportional(d[0], l.min_xy, caps.sequence, base), l.min_z};
        return {l.min_xy, l.min_xy, proportional(d[0], l.min_z, caps.channel, base)};
    }
    double width_source = d.size() == 2 ? d[1] : product(d, 2);
    return {proportional(d[0], l.min_xy, caps.sequence, base),
            proportional(d[1], l.min_xy, caps.sequence, base),
            proportional(width_source, l.min_z, caps.channel, base)};
}

}  // namespace

std::vector<double> box_dims(const Layer& layer) {
    if (!layer.shape_known || layer.shapes.empty()) return {1};
    const Shape shape = channels_last(layer, layer.shapes.front());
    std::vector<double> dims;
    for (std::size_t i = 1; i < shape.size(); ++i) {
        if (shape[i] != kUnknownDim) dims.push_back(static_cast<double>(shape[i]));
    }
    return dims;
}

BoxSize box_size(const std::vector<double>& dims, const SizeLimits& limits,
                 const Options& options) {
    if (dims.empty()) return {limits.min_xy, limits.min_xy, limits.min_z};
    // visualkeras treats "x" like "z"; strata draws it as depth unless asked for the quirk.
    Orientation orientation = Orientation::z;
    if (options.one_dim_orientation == Axis::y) orientation = Orientation::y;
    if (options.one_dim_orientation == Axis::x && !options.compat_visualkeras)
        orientation = Orientation::x;
    Caps caps = caps_of(options, limits);
    switch (options.sizing_mode) {
        case SizingMode::balanced:
            return by_first_three(dims, limits, caps, orientation, smart);
        case SizingMode::logarithmic:
            return by_first_three(dims, limits, caps, orientation, logarithmic);
        case SizingMode::capped:
            return capped(dims, limits, caps, orientation, options);
        case SizingMode::relative:
            return relative(dims, limits, caps, orientation, options.relative_base_size);
        case SizingMode::accurate:
            break;
    }
    return accurate(dims, limits, orientation);
}

}  // namespace strata::layout
