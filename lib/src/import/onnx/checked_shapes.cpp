#include "import/onnx/checked_shapes.hpp"

#include <algorithm>
#include <array>
#include <cmath>
#include <cstdio>
#include <limits>
#include <string>
#include <string_view>

#include "import/onnx/node_attributes.hpp"
#include "shapes/dims.hpp"

namespace strata::onnx_import {
namespace {

using shapes::is_known;

// An output dimension: refused above 2^40 (or past 64 bits) and below 0.
Dim output_dim(std::optional<Dim> value) {
    if (!value) throw ImpossibleValue(shapes::kDimensionTooLarge);
    if (*value < kUnknownDim)
        throw ImpossibleValue("an output dimension is negative (" + std::to_string(*value) + ")");
    return *value;
}

// A number on the way to a dimension (a dilated window, a padded length): past 64 bits, the
// dimension it leads to is far above 2^40.
std::int64_t checked(std::optional<std::int64_t> value) {
    if (!value) throw ImpossibleValue(shapes::kDimensionTooLarge);
    return *value;
}

// An `axis` attribute of a node whose first input has rank `rank`, counted from the end when
// negative: from -rank to rank - 1, or to rank where `rank_allowed` (Flatten). Out of that range
// ONNX's inference gives up silently, leaving the shape unknown, so it is an error here.
std::size_t axis_of(std::int64_t axis, std::size_t rank, bool rank_allowed) {
    const auto r = static_cast<std::int64_t>(rank);
    const std::int64_t highest = rank_allowed ? r : r - 1;
    if (axis < -r || axis > highest) {
        throw ImpossibleValue("axis " + std::to_string(axis) +
                              " is out of range for an input of rank " + std::to_string(rank) +
                              " (expected " + std::to_string(-r) + " to " +
                              std::to_string(highest) + ")");
    }
    return static_cast<std::size_t>(axis < 0 ? axis + r : axis);
}

// An `axes` attribute (Resize from opset 18): each entry from -rank to rank - 1 and no axis
// twice. Where the input's rank is not known, no tensor has more than limits::kMaxRank axes.
std::vector<std::size_t> axes_of(const std::vector<std::int64_t>& axes, const Shape* input,
                                 const std::string& tensor = "an input") {
    const std::size_t rank = input ? input->size() : limits::kMaxRank;
    const auto r = static_cast<std::int64_t>(rank);
    std::vector<std::size_t> out;
    for (std::size_t i = 0; i < axes.size(); ++i) {
        if (axes[i] < -r || axes[i] >= r) {
            throw ImpossibleValue(
                "axes[" + std::to_string(i) + "] holds " + std::to_string(axes[i]) +
                ", out of range for " + tensor + " of rank " +
                (input ? std::to_string(rank) : "at most " + std::to_string(rank)) + " (expected " +
                std::to_string(-r) + " to " + std::to_string(r - 1) + ")");
        }
        const auto axis = static_cast<std::size_t>(axes[i] < 0 ? axes[i] + r : axes[i]);
        if (std::find(out.begin(), out.end(), axis) != out.end())
            throw ImpossibleValue("axes[" + std::to_string(i) + "] names axis " +
                                  std::to_string(axis) + " again, expected each axis once");
        out.push_back(axis);
    }
    return out;
}

// What a node reads: shapes of its inputs and integer constants.
class Reads {
  public:
    Reads(const onnx::NodeProto& node, const KnownShapes& shapes, const Constants& constants)
        : node_(node), shapes_(shapes), constants_(constants) {}

    const Shape* shape(int input) const {
        if (input >= node_.input_size() || node_.input(input).empty()) return nullptr;
        auto it = shapes_.find(node_.input(input));
        return it == shapes_.end() ? nullptr : &it->second;
    }

    bool present(int input) const {
        return input < node_.input_size() && !node_.input(input).empty();
    }

    std::optional<std::vector<double>> values(int input) const {
        if (!present(input)) return std::nullopt;
        auto it = constants_.find(node_.input(input));
        if (it == constants_.end()) return std::nullopt;
        return it->second.values;
    }

    // An integer constant; nullopt when unknown or not whole. Constants are held as doubles:
    // a value at or beyond ±2^63 saturates, which no dimension is near.
    std::optional<std::vector<std::int64_t>> ints(int input) const {
        auto doubles = values(input);
        if (!doubles) return std::nullopt;
        constexpr double kLimit = 9223372036854775807.0;
        std::vector<std::int64_t> out;
        for (double v : *doubles) {
            if (std::isnan(v) || std::trunc(v) != v) return std::nullopt;
            if (v >= kLimit)
                out.push_back(std::numeric_limits<std::int64_t>::max());
            else if (v <= -kLimit)
                out.push_back(std::numeric_limits<std::int64_t>::min());
            else
                out.push_back(static_cast<std::int64_t>(v));
        }
        return out;
    }

  private:
    const onnx::NodeProto& node_;
    const KnownShapes& shapes_;
    const Constants& constants_;
};

std::optional<Shape> concat(const onnx::NodeProto& node, const Reads& in) {
    const Shape* first = in.shape(0);
    if (!first) return std::nullopt;
    const std::size_t axis = axis_of(int_attribute(node, "axis", 0), first->size(), false);
    Shape out = *first;
    for (int i = 1; i < node.input_size(); ++i) {
        const Shape* next = in.shape(i);
        if (!next || next->size() != out.size()) return std::nullopt;
        out[axis] = output_dim(shapes::add_dims(out[axis], (*next)[axis]));
    }
    return out;
}

// Pad's pads: [begin..., end...], from its second input (opset 11) or its attribute.
std::optional<Shape> pad(const onnx::NodeProto& node, const Reads& in, int opset) {
    const Shape* x = in.shape(0);
    if (!x || in.present(3)) return std::nullopt;  // pads on chosen axes only: ONNX decides
    const auto pads = opset >= 11 ? in.ints(1) : ints_attribute(node, "pads");
    if (!pads || pads->size() != 2 * x->size()) return std::nullopt;
    Shape out = *x;
    for (std::size_t i = 0; i < x->size(); ++i) {
        if (!is_known(out[i])) continue;
        const auto grown = shapes::checked_add(out[i], (*pads)[i]);
        const auto padded = grown ? shapes::checked_add(*grown, (*pads)[i + x->size()]) : grown;
        out[i] = output_dim(padded ? shapes::bounded_dim(*padded) : padded);
    }
    return out;
}

std::optional<Shape> tile(const Reads& in) {
    const Shape* x = in.shape(0);
    const auto repeats = in.ints(1);
    if (!x || !repeats || repeats->size() != x->size()) return std::nullopt;
    Shape out = *x;
    for (std::size_t i = 0; i < x->size(); ++i) {
        if ((*repeats)[i] < 0) {
            // ONNX multiplies without a check: a negative repeat wraps to any dimension.
            throw ImpossibleValue("repeats[" + std::to_string(i) + "] is negative (" +
                                  std::to_string((*repeats)[i]) + ")");
        }
        out[i] = output_dim(shapes::mul_dims(out[i], (*repeats)[i]));
    }
    return out;
}

std::optional<Shape> reshape(const onnx::NodeProto& node, const Reads& in) {
    const Shape* x = in.shape(0);
    auto target = in.ints(1);
    if (!x || !target) return std::nullopt;
    const bool allowzero = int_attribute(node, "allowzero", 0) != 0;
    std::optional<Dim> total = 1;
    for (Dim d : *x) total = total ? shapes::mul_counts(*total, d) : total;
    Dim known = 1;
    std::optional<std::size_t> inferred;
    for (std::size_t i = 0; i < target->size(); ++i) {
        Dim& d = (*target)[i];
        if (d == 0 && !allowzero) {
            if (i >= x->size() || !is_known((*x)[i])) return std::nullopt;
            d = (*x)[i];
        }
        if (d == -1 && !inferred) {
            inferred = i;
            continue;
        }
        if (d < 0) {
            // ONNX allows one -1; any other negative target has no meaning.
            throw ImpossibleValue("the target shape's dimension " + std::to_string(i) + " is " +
                                  std::to_string(d) + " (one -1 is allowed, else at least 0)");
        }
        output_dim(shapes::bounded_dim(d));
        known = checked(shapes::checked_mul(known, d));
    }
    if (inferred) {
        if (!total || !is_known(*total)) return std::nullopt;
        if (known == 0 || *total % known != 0) {
            throw ImpossibleValue("the target shape cannot hold the input's " +
                                  std::to_string(*total) + " elements (the known dimensions " +
                                  "multiply to " + std::to_string(known) + ")");
        }
        (*target)[*inferred] = output_dim(shapes::bounded_dim(*total / known));
    }
    return Shape(target->begin(), target->end());
}

std::optional<Shape> flatten(const onnx::NodeProto& node, const Reads& in) {
    const Shape* x = in.shape(0);
    if (!x) return std::nullopt;
    // Flatten's axis may also be the rank itself: everything goes to the outer side.
    const std::size_t axis = axis_of(int_attribute(node, "axis", 1), x->size(), true);
    Dim outer = 1, inner = 1;
    for (std::size_t i = 0; i < x->size(); ++i) {
        Dim& side = i < axis ? outer : inner;
        side = output_dim(shapes::mul_dims(side, (*x)[i]));
    }
    return Shape{outer, inner};
}

// The window of a convolution or pooling node, one entry per spatial axis.
struct Window {
    std::vector<std::int64_t> kernel, strides, dilations, pads;
    std::string auto_pad;
};

std::optional<Window> window_of(const onnx::NodeProto& node, const Shape* weights,
                                std::size_t spatial) {
    Window w;
    if (auto kernel = ints_attribute(node, "kernel_shape")) {
        w.kernel = *kernel;
    } else if (weights && weights->size() == spatial + 2) {
        w.kernel.assign(weights->begin() + 2, weights->end());
    }
    w.strides = ints_attribute(node, "strides").value_or(std::vector<std::int64_t>(spatial, 1));
    w.dilations = ints_attribute(node, "dilations").value_or(std::vector<std::int64_t>(spatial, 1));
    w.pads = ints_attribute(node, "pads").value_or(std::vector<std::int64_t>(2 * spatial, 0));
    if (const auto* a = find_attribute(node, "auto_pad")) w.auto_pad = a->s();
    const auto positive = [](const std::vector<std::int64_t>& v) {
        return std::all_of(v.begin(), v.end(), [](std::int64_t x) { return x > 0; });
    };
    if (w.kernel.size() != spatial || w.strides.size() != spatial ||
        w.dilations.size() != spatial || w.pads.size() != 2 * spatial || !positive(w.kernel) ||
        !positive(w.strides) || !positive(w.dilations))
        return std::nullopt;
    return w;
}

std::int64_t dilated(std::int64_t kernel, std::int64_t dilation) {
    return checked(shapes::checked_add(checked(shapes::checked_mul(kernel - 1, dilation)), 1));
}

// A convolution's group splits the input channels and the output channels (the weights'
// first dimension) into equal parts, each part's input channels the weights' second dimension.
// ONNX's inference leaves the shape unknown, silently, where these do not hold.
void check_groups(const onnx::NodeProto& node, const Reads& in) {
    const std::int64_t group = int_attribute(node, "group", 1);
    const Shape* x = in.shape(0);
    const Shape* weights = in.shape(1);
    if (group < 1 || !x || x->size() < 2) return;  // below 1: check_node_attributes refuses it
    const Dim channels = (*x)[1];
    const auto fail = [&](const std::string& whose, Dim count, const std::string& what) {
        throw ImpossibleValue("group " + std::to_string(group) + " does not divide " + whose +
                              std::to_string(count) + " " + what);
    };
    if (is_known(channels) && channels % group != 0) fail("the input's ", channels, "channels");
    if (!weights || weights->size() != x->size()) return;
    const bool transpose = node.op_type() == "ConvTranspose";
    // Conv weights [M, C / group, k...]; ConvTranspose weights [C, M / group, k...].
    const Dim output_channels = transpose ? kUnknownDim : (*weights)[0];
    if (is_known(output_channels) && output_channels % group != 0)
        fail("the weights' ", output_channels, "output channels");
    const Dim weight_inputs = transpose ? (*weights)[0] : (*weights)[1];
    if (!is_known(channels) || !is_known(weight_inputs)) return;
    if (transpose && weight_inputs != channels) {
        throw ImpossibleValue("the weights' first dimension (" + std::to_string(weight_inputs) +
                              ") is not the input's " + std::to_string(channels) + " channels");
    }
    if (!transpose && shapes::mul_dims(weight_inputs, group) != std::optional<Dim>(channels)) {
        throw ImpossibleValue("the weights' second dimension (" + std::to_string(weight_inputs) +
                              ") times group (" + std::to_string(group) + ") is not the input's " +
                              std::to_string(channels) + " channels");
    }
}

// Conv, MaxPool, AveragePool, LpPool: [N, C, spatial...] → [N, channels, windows...].
std::optional<Shape> windowed(const onnx::NodeProto& node, const Reads& in, bool conv) {
    const Shape* x = in.shape(0);
    if (!x || x->size() < 3) return std::nullopt;
    const std::size_t spatial = x->size() - 2;
    const Shape* weights = conv ? in.shape(1) : nullptr;
    if (conv && (!weights || weights->empty())) return std::nullopt;
    const auto w = window_of(node, weights, spatial);
    if (!w) return std::nullopt;
    const bool ceil_mode = !conv && int_attribute(node, "ceil_mode", 0) != 0;
    Shape out = *x;
    if (conv) out[1] = (*weights)[0];
    for (std::size_t i = 0; i < spatial; ++i) {
        const Dim d = (*x)[i + 2];
        if (!is_known(d)) continue;
        const std::int64_t s = w->strides[i];
        if (w->auto_pad == "SAME_UPPER" || w->auto_pad == "SAME_LOWER") {
            out[i + 2] = d / s + (d % s != 0 ? 1 : 0);
            continue;
        }
        const bool valid = w->auto_pad == "VALID";
        const std::int64_t padded =
            valid ? d
                  : checked(shapes::checked_add(checked(shapes::checked_add(d, w->pads[i])),
                                                w->pads[i + spatial]));
        const std::int64_t span =
            checked(shapes::checked_sub(padded, dilated(w->kernel[i], w->dilations[i])));
        if (span < 0) return std::nullopt;  // a window larger than its input: ONNX refuses it
        const std::int64_t steps = span / s + (ceil_mode && span % s != 0 ? 1 : 0);
        out[i + 2] = output_dim(shapes::add_dims(steps, 1));
    }
    return out;
}

// ConvTranspose: [N, C, spatial...] with weights [C, M / group, k...] → [N, M, lengths...].
std::optional<Shape> conv_transpose(const onnx::NodeProto& node, const Reads& in) {
    const Shape* x = in.shape(0);
    const Shape* weights = in.shape(1);
    if (!x || !weights || x->size() < 3 || weights->size() != x->size()) return std::nullopt;
    const std::size_t spatial = x->size() - 2;
    const auto w = window_of(node, weights, spatial);
    if (!w) return std::nullopt;
    Shape out = *x;
    out[1] = output_dim(shapes::mul_dims((*weights)[1], int_attribute(node, "group", 1)));
    if (auto given = ints_attribute(node, "output_shape")) {
        if (given->size() != spatial) return std::nullopt;
        for (std::size_t i = 0; i < spatial; ++i)
            out[i + 2] = output_dim(shapes::bounded_dim((*given)[i]));
        return out;
    }
    const auto extra =
        ints_attribute(node, "output_padding").value_or(std::vector<std::int64_t>(spatial, 0));
    if (extra.size() != spatial) return std::nullopt;
    for (std::size_t i = 0; i < spatial; ++i) {
        const Dim d = (*x)[i + 2];
        if (!is_known(d)) continue;
        const std::int64_t s = w->strides[i];
        if (w->auto_pad == "SAME_UPPER" || w->auto_pad == "SAME_LOWER") {
            out[i + 2] = output_dim(shapes::mul_dims(d, s));
            continue;
        }
        // stride · (d − 1) + output_padding + dilated kernel − pads
        std::int64_t length = checked(shapes::checked_mul(s, d - 1));
        length = checked(shapes::checked_add(length, extra[i]));
        length = checked(shapes::checked_add(length, dilated(w->kernel[i], w->dilations[i])));
        if (w->auto_pad != "VALID") {
            length = checked(shapes::checked_sub(length, w->pads[i]));
            length = checked(shapes::checked_sub(length, w->pads[i + spatial]));
        }
        out[i + 2] = output_dim(shapes::bounded_dim(length));
    }
    return out;
}

// A scale as a message shows it: 0.5, -2, inf, nan.
std::string number_text(double value) {
    char text[32];
    std::snprintf(text, sizeof text, "%g", value);
    return text;
}

// floor(d · scale) for a finite scale above 0, as ONNX computes it, in float; nullopt above 2^40
// (where ONNX's conversion back to an integer is undefined).
std::optional<Dim> scaled(Dim d, float scale) {
    const float product = std::floor(static_cast<float>(d) * scale);
    if (!(product <= static_cast<float>(limits::kMaxDimension))) return std::nullopt;
    return static_cast<Dim>(product);
}

// Resize (X, roi, scales, sizes) and Upsample (X, scales). From opset 18 Resize's `axes` names
// the axes its scales or sizes are for; the others keep their length.
void check_resize(const onnx::NodeProto& node, const Reads& in, int opset) {
    const Shape* x = in.shape(0);
    const bool upsample = node.op_type() == "Upsample";
    std::optional<std::vector<std::size_t>> axes;
    if (auto given = ints_attribute(node, "axes"); given && !upsample) axes = axes_of(*given, x);
    const auto check_count = [&](const char* what, std::size_t count) {
        const std::size_t expected = axes ? axes->size() : x ? x->size() : count;
        if (count != expected)
            throw ImpossibleValue(std::string(what) + " has " + std::to_string(count) +
                                  " values for " + std::to_string(expected) +
                                  (axes ? " axes (the axes attribute)" : " axes"));
    };
    if (!upsample && opset >= 11 && in.present(3)) {
        const auto sizes = in.ints(3);
        if (!sizes) return;
        for (std::size_t i = 0; i < sizes->size(); ++i) {
            // ONNX's inference copies the sizes as they are: 0 or less would be drawn as is.
            if ((*sizes)[i] <= 0)
                throw ImpossibleValue("sizes[" + std::to_string(i) + "] is " +
                                      std::to_string((*sizes)[i]) + ", expected 1 or more");
            output_dim(shapes::bounded_dim((*sizes)[i]));
        }
        check_count("sizes", sizes->size());
        return;
    }
    const int scales_input = upsample || opset < 11 ? 1 : 2;
    std::optional<std::vector<double>> scales = in.values(scales_input);
    if (!scales && upsample) {
        if (const auto* a = find_attribute(node, "scales"))
            scales = std::vector<double>(a->floats().begin(), a->floats().end());
    }
    if (!scales) return;
    for (std::size_t i = 0; i < scales->size(); ++i) {
        // ONNX's inference turns inf or NaN into an undefined integer and 0 into an empty
        // axis; a negative scale it refuses silently, leaving the shape unknown.
        const float scale = static_cast<float>((*scales)[i]);
        if (!std::isfinite(scale) || scale <= 0)
            throw ImpossibleValue("scales[" + std::to_string(i) + "] is " +
                                  number_text((*scales)[i]) + ", expected a finite number above 0");
    }
    // An opset-11 Resize given sizes has an empty scales tensor.
    if (scales->empty()) return;
    check_count("scales", scales->size());
    if (!x) return;
    for (std::size_t i = 0; i < scales->size(); ++i) {
        const std::size_t axis = axes ? (*axes)[i] : i;
        const Dim d = (*x)[axis];
        if (!is_known(d)) continue;
        const Dim scaled_length = output_dim(scaled(d, static_cast<float>((*scales)[i])));
        // Sampling a non-empty axis gives at least one element: a scale that rounds it down to
        // none is too small to mean anything.
        if (d > 0 && scaled_length == 0)
            throw ImpossibleValue(
                "scales[" + std::to_string(i) + "] is " + number_text((*scales)[i]) + ": axis " +
                std::to_string(axis) + " of length " + std::to_string(d) +
                " would have no elements, expected a scale of at least 1/" + std::to_string(d));
    }
    return;
}

// DepthToSpace moves blocksize² channels into each block of the output, SpaceToDepth each
// blocksize × blocksize block into the channels: ONNX's inference divides without checking.
void check_blocks(const onnx::NodeProto& node, const Reads& in) {
    const std::int64_t block = int_attribute(node, "blocksize", 0);
    if (block < 1) {
        throw ImpossibleValue("blocksize holds " + std::to_string(block) + ", expected 1 or more");
    }
    const Shape* x = in.shape(0);
    if (!x || x->size() != 4) return;
    const auto fail = [&](const std::string& what, Dim count, std::int64_t by) {
        throw ImpossibleValue("blocksize " + std::to_string(block) + ": the input's " +
                              std::to_string(count) + " " + what + " cannot be divided by " +
                              std::to_string(by));
    };
    if (node.op_type() == "DepthToSpace") {
        const auto square = shapes::checked_mul(block, block);
        if (is_known((*x)[1]) && (!square || (*x)[1] % *square != 0))
            fail("channels", (*x)[1], square ? *square : block);
        return;
    }
    if (is_known((*x)[2]) && (*x)[2] % block != 0) fail("rows", (*x)[2], block);
    if (is_known((*x)[3]) && (*x)[3] % block != 0) fail("columns", (*x)[3], block);
}

// Split's parts (its second input from opset 13, else its attribute): one for each output, none
// negative, together the length of the axis they split. ONNX's inference leaves every output
// unknown, silently, where they are not.
void check_split(const onnx::NodeProto& node, const Reads& in, int opset) {
    const auto parts = opset >= 13 ? in.ints(1) : ints_attribute(node, "split");
    if (!parts) return;
    std::int64_t total = 0;
    for (std::size_t i = 0; i < parts->size(); ++i) {
        if ((*parts)[i] < 0) {
            throw ImpossibleValue("split[" + std::to_string(i) + "] holds " +
                                  std::to_string((*parts)[i]) + ", expected 0 or more");
        }
        total = checked(shapes::checked_add(total, (*parts)[i]));
    }
    if (parts->size() != static_cast<std::size_t>(node.output_size())) {
        throw ImpossibleValue("split has " + std::to_string(parts->size()) + " parts for " +
                              std::to_string(node.output_size()) + " outputs");
    }
    const Shape* x = in.shape(0);
    if (!x) return;
    const std::size_t axis = axis_of(int_attribute(node, "axis", 0), x->size(), false);
    if (is_known((*x)[axis]) && total != (*x)[axis]) {
        throw ImpossibleValue("split's parts add up to " + std::to_string(total) + ", but axis " +
                              std::to_string(axis) + " of the input has length " +
                              std::to_string((*x)[axis]));
    }
}

// Ops with an `axis` attribute counted from -rank to rank - 1 of their first input, and ops
// with an `axes` attribute of such axes (Unsqueeze's count in its output's rank). ONNX's
// inference refuses an axis out of range silently, leaving the shape unknown; Concat and Flatten
// are checked where their shapes are recomputed.
constexpr std::array<std::string_view, 12> kAxisOps = {"ArgMax",
                                                       "ArgMin",
                                                       "Compress",
                                                       "Gather",
                                                       "GatherElements",
                                                       "Hardmax",
                                                       "LayerNormalization",
                                                       "LogSoftmax",
                                                       "ScatterElements",
                                                       "Softmax",
                                                       "Split",
                                                       "TopK"};
constexpr std::array<std::string_view, 12> kAxesOps = {
    "ReduceL1",  "ReduceL2",   "ReduceLogSum", "ReduceLogSumExp", "ReduceMax", "ReduceMean",
    "ReduceMin", "ReduceProd", "ReduceSum",    "ReduceSumSquare", "Squeeze",   "Unsqueeze"};

bool one_of(std::string_view op, const auto& ops) {
    return std::find(ops.begin(), ops.end(), op) != ops.end();
}

void check_axis_attributes(const onnx::NodeProto& node, const Reads& in) {
    const Shape* x = in.shape(0);
    const std::string& op = node.op_type();
    if (one_of(op, kAxisOps) && find_attribute(node, "axis") && x)
        axis_of(int_attribute(node, "axis", 0), x->size(), false);
    if (!one_of(op, kAxesOps)) return;
    const auto axes = ints_attribute(node, "axes");
    if (!axes) return;
    if (op != "Unsqueeze") {
        axes_of(*axes, x);
        return;
    }
    // Unsqueeze's axes are positions in its output, whose rank is the input's plus their count.
    Shape output;
    if (x) output.assign(x->size() + axes->size(), 1);
    axes_of(*axes, x ? &output : nullptr, "an output");
}

}  // namespace

std::optional<Shape> checked_output_shape(const onnx::NodeProto& node, const KnownShapes& shapes,
                                          const Constants& constants, int opset) {
    if (!node.domain().empty() && node.domain() != "ai.onnx") return std::nullopt;
    if (node.output_size() < 1 || node.output(0).empty()) return std::nullopt;
    const Reads in(node, shapes, constants);
    const std::string& op = node.op_type();
    check_axis_attributes(node, in);
    if (op == "Concat") return concat(node, in);
    if (op == "Pad") return pad(node, in, opset);
    if (op == "Tile") return tile(in);
    if (op == "Reshape") return reshape(node, in);
    if (op == "Flatten") return flatten(node, in);
    // ONNX computes these as below but unchecked, and has rules of its own at the edges
    // (ceil_mode, float scales): only the bound is checked, ONNX's shape stands.
    if (op == "Conv" || op == "ConvTranspose" || op == "ConvInteger") check_groups(node, in);
    if (op == "DepthToSpace" || op == "SpaceToDepth") check_blocks(node, in);
    if (op == "Split") check_split(node, in, opset);
    if (op == "Conv") windowed(node, in, true);
    if (op == "MaxPool" || op == "AveragePool" || op == "LpPool") windowed(node, in, false);
    if (op == "ConvTranspose") conv_transpose(node, in);
    if (op == "Resize" || op == "Upsample") check_resize(node, in, opset);
    return std::nullopt;
}

}  // namespace strata::onnx_import
