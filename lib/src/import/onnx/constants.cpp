#include "import/onnx/constants.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstring>
#include <functional>
#include <limits>

#include "import/onnx/node_attributes.hpp"
#include "shapes/dims.hpp"
#include "strata/limits.hpp"

namespace strata::onnx_import {
namespace {

using onnx::TensorProto;

bool is_integer_type(int type) {
    return type == TensorProto::INT64 || type == TensorProto::INT32 || type == TensorProto::INT16 ||
           type == TensorProto::INT8 || type == TensorProto::UINT8 || type == TensorProto::UINT16 ||
           type == TensorProto::UINT32 || type == TensorProto::UINT64 || type == TensorProto::BOOL;
}

// Saturating conversion: "to the end" is written as INT64_MAX, which a double rounds above it.
std::int64_t to_int64(double v) {
    constexpr double kLimit = 9223372036854775807.0;
    if (!(v == v)) return 0;
    if (v >= kLimit) return std::numeric_limits<std::int64_t>::max();
    if (v <= -kLimit) return std::numeric_limits<std::int64_t>::min();
    return static_cast<std::int64_t>(v);
}

std::optional<std::size_t> element_count(const std::vector<std::int64_t>& dims) {
    std::size_t count = 1;
    for (std::int64_t d : dims) {
        if (d < 0) return std::nullopt;
        if (d == 0) return 0;
        if (static_cast<std::size_t>(d) > limits::kMaxOnnxConstantElements / count)
            return std::nullopt;
        count *= static_cast<std::size_t>(d);
    }
    return count;
}

template <typename T>
bool read_raw(const std::string& raw, std::size_t count, std::vector<double>& out) {
    if (raw.size() != count * sizeof(T)) return false;
    out.resize(count);
    for (std::size_t i = 0; i < count; ++i) {
        T value;
        std::memcpy(&value, raw.data() + i * sizeof(T), sizeof(T));
        out[i] = static_cast<double>(value);
    }
    return true;
}

double truncate_to(int type, double v) {
    // Floats keep inf and NaN, so that a check that refuses them (Resize's scales) sees them;
    // every other type is written back as an integer, which cannot hold them.
    if (!std::isfinite(v)) return type == TensorProto::FLOAT || type == TensorProto::DOUBLE ? v : 0;
    if (type == TensorProto::BOOL) return v != 0 ? 1 : 0;
    if (is_integer_type(type)) return std::trunc(v);
    if (type == TensorProto::FLOAT) return static_cast<double>(static_cast<float>(v));
    return v;
}

ConstantTensor make(std::vector<std::int64_t> dims, std::vector<double> values, int type) {
    ConstantTensor t;
    t.dims = std::move(dims);
    t.values = std::move(values);
    t.data_type = type;
    for (double& v : t.values) v = truncate_to(type, v);
    return t;
}

ConstantTensor ints_tensor(const std::vector<std::int64_t>& values, bool scalar = false) {
    std::vector<double> v(values.begin(), values.end());
    return make(scalar ? std::vector<std::int64_t>{}
                       : std::vector<std::int64_t>{static_cast<std::int64_t>(values.size())},
                std::move(v), TensorProto::INT64);
}

std::vector<std::int64_t> as_ints(const ConstantTensor& t) {
    std::vector<std::int64_t> out;
    out.reserve(t.values.size());
    for (double v : t.values) out.push_back(to_int64(v));
    return out;
}

// A value for a message: whole numbers as integers, others in shortest form.
std::string number_text(double v) {
    if (std::trunc(v) == v && std::abs(v) <= 9223372036854775807.0)
        return std::to_string(to_int64(v));
    char buffer[32];
    std::snprintf(buffer, sizeof buffer, "%.17g", v);
    return buffer;
}

// Normalises a possibly negative axis for a given rank; nullopt when out of range.
std::optional<std::size_t> axis_of(std::int64_t axis, std::size_t rank) {
    const auto r = static_cast<std::int64_t>(rank);
    if (axis < -r || axis >= r) return std::nullopt;
    return static_cast<std::size_t>(axis < 0 ? axis + r : axis);
}

std::vector<std::size_t> strides_of(const std::vector<std::int64_t>& dims) {
    std::vector<std::size_t> strides(dims.size(), 1);
    for (std::size_t i = dims.size(); i-- > 1;)
        strides[i - 1] = strides[i] * static_cast<std::size_t>(dims[i]);
    return strides;
}

// Numpy broadcasting of several tensors; calls `f` with the operands of each output element.
std::optional<ConstantTensor> broadcast(const std::vector<const ConstantTensor*>& in, int type,
                                        const std::function<double(const double*)>& f) {
    std::size_t rank = 0;
    for (const auto* t : in) rank = std::max(rank, t->dims.size());
    std::vector<std::int64_t> dims(rank, 1);
    for (const auto* t : in) {
        for (std::size_t i = 0; i < t->dims.size(); ++i) {
            std::int64_t d = t->dims[i];
            std::int64_t& out = dims[rank - t->dims.size() + i];
            if (d == out || d == 1) continue;
            if (out != 1) return std::nullopt;
            out = d;
        }
    }
    auto count = element_count(dims);
    if (!count) return std::nullopt;
    std::vector<std::vector<std::size_t>> strides;
    for (const auto* t : in) {
        std::vector<std::size_t> own = strides_of(t->dims);
        std::vector<std::size_t> s(rank, 0);
        for (std::size_t i = 0; i < t->dims.size(); ++i)
            if (t->dims[i] != 1) s[rank - t->dims.size() + i] = own[i];
        strides.push_back(std::move(s));
    }
    std::vector<double> values(*count);
    std::vector<double> operands(in.size());
    std::vector<std::int64_t> index(rank, 0);
    for (std::size_t e = 0; e < *count; ++e) {
        for (std::size_t k = 0; k < in.size(); ++k) {
            std::size_t offset = 0;
            for (std::size_t i = 0; i < rank; ++i)
                offset += static_cast<std::size_t>(index[i]) * strides[k][i];
            operands[k] = in[k]->values[offset];
        }
        values[e] = f(operands.data());
        for (std::size_t i = rank; i-- > 0;) {
            if (++index[i] < dims[i]) break;
            index[i] = 0;
        }
    }
    return make(std::move(dims), std::move(values), type);
}

std::optional<ConstantTensor> binary(const std::string& op, const ConstantTensor& a,
                                     const ConstantTensor& b) {
    const bool integer = is_integer_type(a.data_type);
    int type = a.data_type;
    std::function<double(const double*)> f;
    if (op == "Add")
        f = [](const double* v) { return v[0] + v[1]; };
    else if (op == "Sub")
        f = [](const double* v) { return v[0] - v[1]; };
    else if (op == "Mul")
        f = [](const double* v) { return v[0] * v[1]; };
    else if (op == "Div") {
        f = [integer](const double* v) {
            if (v[1] == 0) return 0.0;
            return integer ? std::trunc(v[0] / v[1]) : v[0] / v[1];
        };
    } else if (op == "Mod") {
        f = [](const double* v) {
            if (v[1] == 0) return 0.0;
            double r = std::fmod(v[0], v[1]);
            if (r != 0 && ((r < 0) != (v[1] < 0))) r += v[1];
            return r;
        };
    } else if (op == "Pow")
        f = [](const double* v) { return std::pow(v[0], v[1]); };
    else if (op == "Max")
        f = [](const double* v) { return std::max(v[0], v[1]); };
    else if (op == "Min")
        f = [](const double* v) { return std::min(v[0], v[1]); };
    else {
        type = TensorProto::BOOL;
        if (op == "Equal")
            f = [](const double* v) { return v[0] == v[1] ? 1.0 : 0.0; };
        else if (op == "Less")
            f = [](const double* v) { return v[0] < v[1] ? 1.0 : 0.0; };
        else if (op == "Greater")
            f = [](const double* v) { return v[0] > v[1] ? 1.0 : 0.0; };
        else if (op == "LessOrEqual")
            f = [](const double* v) { return v[0] <= v[1] ? 1.0 : 0.0; };
        else if (op == "GreaterOrEqual")
            f = [](const double* v) { return v[0] >= v[1] ? 1.0 : 0.0; };
        else if (op == "And")
            f = [](const double* v) { return v[0] != 0 && v[1] != 0 ? 1.0 : 0.0; };
        else if (op == "Or")
            f = [](const double* v) { return v[0] != 0 || v[1] != 0 ? 1.0 : 0.0; };
        else
            return std::nullopt;
    }
    return broadcast({&a, &b}, type, f);
}

std::optional<ConstantTensor> unary(const std::string& op, const ConstantTensor& a) {
    std::function<double(double)> f;
    if (op == "Neg")
        f = [](double v) { return -v; };
    else if (op == "Abs")
        f = [](double v) { return std::abs(v); };
    else if (op == "Floor")
        f = [](double v) { return std::floor(v); };
    else if (op == "Ceil")
        f = [](double v) { return std::ceil(v); };
    else if (op == "Sqrt")
        f = [](double v) { return v < 0 ? 0.0 : std::sqrt(v); };
    else if (op == "Reciprocal")
        f = [](double v) { return v == 0 ? 0.0 : 1 / v; };
    else if (op == "Relu")
        f = [](double v) { return std::max(v, 0.0); };
    else if (op == "Not")
        f = [](double v) { return v == 0 ? 1.0 : 0.0; };
    else if (op == "Identity" || op == "Dropout")
        f = [](double v) { return v; };
    else
        return std::nullopt;
    std::vector<double> values(a.values.size());
    std::transform(a.values.begin(), a.values.end(), values.begin(), f);
    return make(a.dims, std::move(values), a.data_type);
}

std::optional<ConstantTensor> gather(const ConstantTensor& data, const ConstantTensor& indices,
                                     std::int64_t axis_value) {
    auto axis = axis_of(axis_value, data.dims.size());
    if (!axis) return std::nullopt;
    std::vector<std::int64_t> dims(data.dims.begin(), data.dims.begin() + *axis);
    dims.insert(dims.end(), indices.dims.begin(), indices.dims.end());
    dims.insert(dims.end(), data.dims.begin() + *axis + 1, data.dims.end());
    auto count = element_count(dims);
    if (!count) return std::nullopt;
    std::size_t outer = 1, inner = 1;
    for (std::size_t i = 0; i < *axis; ++i) outer *= static_cast<std::size_t>(data.dims[i]);
    for (std::size_t i = *axis + 1; i < data.dims.size(); ++i)
        inner *= static_cast<std::size_t>(data.dims[i]);
    const std::int64_t extent = data.dims[*axis];
    std::vector<double> values;
    values.reserve(*count);
    for (std::size_t o = 0; o < outer; ++o) {
        for (double index_value : indices.values) {
            auto index = to_int64(index_value);
            if (index < 0) index += extent;
            if (index < 0 || index >= extent) return std::nullopt;
            const std::size_t base =
                (o * static_cast<std::size_t>(extent) + static_cast<std::size_t>(index)) * inner;
            for (std::size_t i = 0; i < inner; ++i) values.push_back(data.values[base + i]);
        }
    }
    return make(std::move(dims), std::move(values), data.data_type);
}

std::optional<ConstantTensor> concat(const std::vector<const ConstantTensor*>& in,
                                     std::int64_t axis_value) {
    if (in.empty()) return std::nullopt;
    auto axis = axis_of(axis_value, in[0]->dims.size());
    if (!axis) return std::nullopt;
    std::vector<std::int64_t> dims = in[0]->dims;
    dims[*axis] = 0;
    for (const auto* t : in) {
        if (t->dims.size() != dims.size()) return std::nullopt;
        for (std::size_t i = 0; i < dims.size(); ++i)
            if (i != *axis && t->dims[i] != dims[i]) return std::nullopt;
        dims[*axis] += t->dims[*axis];
    }
    auto count = element_count(dims);
    if (!count) return std::nullopt;
    std::size_t outer = 1;
    for (std::size_t i = 0; i < *axis; ++i) outer *= static_cast<std::size_t>(dims[i]);
    std::vector<double> values;
    values.reserve(*count);
    for (std::size_t o = 0; o < outer; ++o) {
        for (const auto* t : in) {
            const std::size_t block = outer == 0 ? 0 : t->values.size() / outer;
            values.insert(values.end(), t->values.begin() + static_cast<long>(o * block),
                          t->values.begin() + static_cast<long>((o + 1) * block));
        }
    }
    return make(std::move(dims), std::move(values), in[0]->data_type);
}

std::optional<std::vector<std::int64_t>> reshaped_dims(const std::vector<std::int64_t>& input,
                                                       std::vector<std::int64_t> target,
                                                       bool allowzero) {
    std::size_t total = 1;
    for (std::int64_t d : input) total *= static_cast<std::size_t>(std::max<std::int64_t>(d, 0));
    std::size_t known = 1;
    std::optional<std::size_t> inferred;
    for (std::size_t i = 0; i < target.size(); ++i) {
        if (target[i] == 0 && !allowzero) {
            if (i >= input.size()) return std::nullopt;
            target[i] = input[i];
        }
        if (target[i] == -1) {
            if (inferred) return std::nullopt;
            inferred = i;
        } else if (target[i] < 0) {
            return std::nullopt;
        } else if (auto product =
                       shapes::checked_mul(static_cast<std::int64_t>(known), target[i])) {
            known = static_cast<std::size_t>(*product);
        } else {
            return std::nullopt;  // more elements than the small input has
        }
    }
    if (inferred) {
        if (known == 0 || total % known != 0) return std::nullopt;
        target[*inferred] = static_cast<std::int64_t>(total / known);
    } else if (known != total) {
        return std::nullopt;
    }
    return target;
}

// Iterates over every index of `dims` in row-major order.
template <typename F>
void for_each_index(const std::vector<std::int64_t>& dims, F f) {
    std::size_t count = 1;
    for (std::int64_t d : dims) count *= static_cast<std::size_t>(d);
    std::vector<std::int64_t> index(dims.size(), 0);
    for (std::size_t e = 0; e < count; ++e) {
        f(index);
        for (std::size_t i = dims.size(); i-- > 0;) {
            if (++index[i] < dims[i]) break;
            index[i] = 0;
        }
    }
}

std::optional<ConstantTensor> slice(const ConstantTensor& data,
                                    const std::vector<std::int64_t>& starts,
                                    const std::vector<std::int64_t>& ends,
                                    std::vector<std::int64_t> axes,
                                    std::vector<std::int64_t> steps) {
    const std::size_t rank = data.dims.size();
    if (axes.empty())
        for (std::size_t i = 0; i < starts.size(); ++i)
            axes.push_back(static_cast<std::int64_t>(i));
    if (steps.empty()) steps.assign(starts.size(), 1);
    if (ends.size() != starts.size() || axes.size() != starts.size() ||
        steps.size() != starts.size())
        return std::nullopt;
    std::vector<std::int64_t> first(rank, 0), step(rank, 1), dims = data.dims;
    for (std::size_t k = 0; k < starts.size(); ++k) {
        auto axis = axis_of(axes[k], rank);
        if (!axis || steps[k] == 0) return std::nullopt;
        const std::int64_t n = data.dims[*axis];
        auto clamp_index = [n, s = steps[k]](std::int64_t i) {
            if (i < 0) i += n;
            return s > 0 ? std::clamp<std::int64_t>(i, 0, n)
                         : std::clamp<std::int64_t>(i, -1, n - 1);
        };
        const std::int64_t b = clamp_index(starts[k]), e = clamp_index(ends[k]);
        const std::int64_t s = steps[k];
        // ceil((e - b) / s) without forming e - b + s, which a step near 2^63 overflows.
        std::int64_t length = 0;
        if (s > 0 && e > b) length = 1 + (e - b - 1) / s;
        if (s < 0 && b > e) length = 1 - (b - e - 1) / s;
        first[*axis] = b;
        step[*axis] = s;
        dims[*axis] = std::max<std::int64_t>(length, 0);
    }
    auto count = element_count(dims);
    if (!count) return std::nullopt;
    const std::vector<std::size_t> strides = strides_of(data.dims);
    std::vector<double> values;
    values.reserve(*count);
    if (*count > 0) {
        for_each_index(dims, [&](const std::vector<std::int64_t>& index) {
            std::size_t offset = 0;
            for (std::size_t i = 0; i < rank; ++i)
                offset += static_cast<std::size_t>(first[i] + index[i] * step[i]) * strides[i];
            values.push_back(data.values[offset]);
        });
    }
    return make(std::move(dims), std::move(values), data.data_type);
}

std::optional<ConstantTensor> transpose(const ConstantTensor& data,
                                        std::vector<std::int64_t> perm) {
    const std::size_t rank = data.dims.size();
    if (perm.empty())
        for (std::size_t i = rank; i-- > 0;) perm.push_back(static_cast<std::int64_t>(i));
    if (perm.size() != rank) return std::nullopt;
    std::vector<bool> seen(rank, false);
    std::vector<std::int64_t> dims(rank);
    for (std::size_t i = 0; i < rank; ++i) {
        auto axis = axis_of(perm[i], rank);
        if (!axis || seen[*axis]) return std::nullopt;
        seen[*axis] = true;
        perm[i] = static_cast<std::int64_t>(*axis);
        dims[i] = data.dims[*axis];
    }
    const std::vector<std::size_t> strides = strides_of(data.dims);
    std::vector<double> values;
    values.reserve(data.values.size());
    if (!data.values.empty()) {
        for_each_index(dims, [&](const std::vector<std::int64_t>& index) {
            std::size_t offset = 0;
            for (std::size_t i = 0; i < rank; ++i)
                offset +=
                    static_cast<std::size_t>(index[i]) * strides[static_cast<std::size_t>(perm[i])];
            values.push_back(data.values[offset]);
        });
    }
    return make(std::move(dims), std::move(values), data.data_type);
}

// The constant inputs of a node, nullptr where an input is unknown or absent.
std::vector<const ConstantTensor*> inputs_of(const onnx::NodeProto& node,
                                             const Constants& constants) {
    std::vector<const ConstantTensor*> in;
    for (const auto& name : node.input()) {
        auto it = name.empty() ? constants.end() : constants.find(name);
        in.push_back(it == constants.end() ? nullptr : &it->second);
    }
    return in;
}

std::optional<ConstantTensor> evaluate_one(const onnx::NodeProto& node, const Constants& constants,
                                           const KnownShapes& shapes) {
    const std::string& op = node.op_type();
    const auto in = inputs_of(node, constants);
    auto have = [&](std::size_t i) { return i < in.size() && in[i] != nullptr; };
    if (op == "Constant") {
        if (const auto* a = find_attribute(node, "value"); a && a->has_t())
            return constant_of(a->t());
        if (const auto* a = find_attribute(node, "value_int")) return ints_tensor({a->i()}, true);
        if (const auto* a = find_attribute(node, "value_ints"))
            return ints_tensor({a->ints().begin(), a->ints().end()});
        if (const auto* a = find_attribute(node, "value_float"))
            return make({}, {static_cast<double>(a->f())}, TensorProto::FLOAT);
        if (const auto* a = find_attribute(node, "value_floats")) {
            std::vector<double> v(a->floats().begin(), a->floats().end());
            const auto size = static_cast<std::int64_t>(v.size());
            return make({size}, std::move(v), TensorProto::FLOAT);
        }
        return std::nullopt;
    }
    if (op == "Shape" || op == "Size") {
        if (node.input_size() < 1) return std::nullopt;
        auto it = shapes.find(node.input(0));
        if (it == shapes.end()) return std::nullopt;
        const Shape& shape = it->second;
        if (std::any_of(shape.begin(), shape.end(), [](Dim d) { return d < 0; }))
            return std::nullopt;
        if (op == "Size") {
            std::optional<std::int64_t> size = 1;
            for (Dim d : shape) size = size ? shapes::checked_mul(*size, d) : std::nullopt;
            if (!size) return std::nullopt;  // the shape's own check refuses it
            return ints_tensor({*size}, true);
        }
        const auto rank = static_cast<std::int64_t>(shape.size());
        std::int64_t start = int_attribute(node, "start", 0),
                     end = int_attribute(node, "end", rank);
        if (start < 0) start += rank;
        if (end < 0) end += rank;
        start = std::clamp<std::int64_t>(start, 0, rank);
        end = std::clamp<std::int64_t>(end, start, rank);
        return ints_tensor(std::vector<std::int64_t>(shape.begin() + start, shape.begin() + end));
    }
    if (op == "ConstantOfShape") {
        if (!have(0)) return std::nullopt;
        std::vector<std::int64_t> dims = as_ints(*in[0]);
        auto count = element_count(dims);
        if (!count) return std::nullopt;
        double fill = 0;
        int type = TensorProto::FLOAT;
        if (const auto* a = find_attribute(node, "value"); a && a->has_t()) {
            auto value = constant_of(a->t());
            if (!value || value->values.size() != 1) return std::nullopt;
            fill = value->values[0];
            type = value->data_type;
        }
        return make(std::move(dims), std::vector<double>(*count, fill), type);
    }
    if (op == "Range") {
        const auto n = range_length(node, constants);
        if (!n || static_cast<std::size_t>(*n) > limits::kMaxOnnxConstantElements)
            return std::nullopt;
        const double start = in[0]->values[0], delta = in[2]->values[0];
        std::vector<double> values;
        for (std::size_t i = 0; i < static_cast<std::size_t>(*n); ++i)
            values.push_back(start + static_cast<double>(i) * delta);
        const auto size = static_cast<std::int64_t>(values.size());
        return make({size}, std::move(values), in[0]->data_type);
    }
    // Everything below needs its first input.
    if (!have(0)) return std::nullopt;
    const ConstantTensor& x = *in[0];
    if (op == "Cast") {
        const int to = static_cast<int>(int_attribute(node, "to", TensorProto::FLOAT));
        return make(x.dims, x.values, to);
    }
    if (auto result = unary(op, x)) return result;
    if (op == "Gather")
        return have(1) ? gather(x, *in[1], int_attribute(node, "axis", 0)) : std::nullopt;
    if (op == "Unsqueeze" || op == "Squeeze") {
        std::vector<std::int64_t> axes;
        if (have(1))
            axes = as_ints(*in[1]);
        else if (auto a = ints_attribute(node, "axes"))
            axes = *a;
        std::vector<std::int64_t> dims = x.dims;
        if (op == "Unsqueeze") {
            const std::size_t rank = dims.size() + axes.size();
            std::vector<bool> inserted(rank, false);
            for (std::int64_t a : axes) {
                auto axis = axis_of(a, rank);
                if (!axis || inserted[*axis]) return std::nullopt;
                inserted[*axis] = true;
            }
            std::vector<std::int64_t> out;
            std::size_t next = 0;
            for (std::size_t i = 0; i < rank; ++i) {
                if (inserted[i])
                    out.push_back(1);
                else if (next < dims.size())
                    out.push_back(dims[next++]);
                else
                    return std::nullopt;
            }
            return make(std::move(out), x.values, x.data_type);
        }
        std::vector<bool> removed(dims.size(), axes.empty());
        for (std::int64_t a : axes) {
            auto axis = axis_of(a, dims.size());
            if (!axis || dims[*axis] != 1) return std::nullopt;
            removed[*axis] = true;
        }
        std::vector<std::int64_t> out;
        for (std::size_t i = 0; i < dims.size(); ++i)
            if (!removed[i] || dims[i] != 1) out.push_back(dims[i]);
        return make(std::move(out), x.values, x.data_type);
    }
    if (op == "Concat") {
        std::vector<const ConstantTensor*> parts;
        for (std::size_t i = 0; i < in.size(); ++i) {
            if (!have(i)) return std::nullopt;
            parts.push_back(in[i]);
        }
        return concat(parts, int_attribute(node, "axis", 0));
    }
    if (op == "Slice") {
        std::vector<std::int64_t> starts, ends, axes, steps;
        if (node.input_size() >= 3) {
            if (!have(1) || !have(2)) return std::nullopt;
            starts = as_ints(*in[1]);
            ends = as_ints(*in[2]);
            if (have(3)) axes = as_ints(*in[3]);
            if (have(4)) steps = as_ints(*in[4]);
        } else {
            auto s = ints_attribute(node, "starts"), e = ints_attribute(node, "ends");
            if (!s || !e) return std::nullopt;
            starts = *s;
            ends = *e;
            if (auto a = ints_attribute(node, "axes")) axes = *a;
        }
        return slice(x, starts, ends, axes, steps);
    }
    if (op == "Transpose") {
        return transpose(x, ints_attribute(node, "perm").value_or(std::vector<std::int64_t>{}));
    }
    if (op == "Reshape") {
        if (!have(1)) return std::nullopt;
        auto dims =
            reshaped_dims(x.dims, as_ints(*in[1]), int_attribute(node, "allowzero", 0) != 0);
        if (!dims) return std::nullopt;
        return make(std::move(*dims), x.values, x.data_type);
    }
    if (op == "Flatten") {
        auto axis = axis_of(int_attribute(node, "axis", 1), x.dims.size() + 1);
        if (!axis) return std::nullopt;
        std::int64_t a = 1, b = 1;
        for (std::size_t i = 0; i < x.dims.size(); ++i) (i < *axis ? a : b) *= x.dims[i];
        return make({a, b}, x.values, x.data_type);
    }
    if (op == "Expand") {
        if (!have(1)) return std::nullopt;
        ConstantTensor ones = make(as_ints(*in[1]), {}, x.data_type);
        auto count = element_count(ones.dims);
        if (!count) return std::nullopt;
        ones.values.assign(*count, 0);
        return broadcast({&x, &ones}, x.data_type, [](const double* v) { return v[0]; });
    }
    if (op == "Where") {
        if (!have(1) || !have(2)) return std::nullopt;
        return broadcast({in[0], in[1], in[2]}, in[1]->data_type,
                         [](const double* v) { return v[0] != 0 ? v[1] : v[2]; });
    }
    if (op == "ReduceProd" || op == "ReduceSum") {
        if (x.dims.size() != 1 || int_attribute(node, "keepdims", 1) != 0) return std::nullopt;
        double r = op == "ReduceProd" ? 1 : 0;
        for (double v : x.values) r = op == "ReduceProd" ? r * v : r + v;
        return make({}, {r}, x.data_type);
    }
    if (in.size() == 2 && have(1)) return binary(op, x, *in[1]);
    return std::nullopt;
}

}  // namespace

std::optional<ConstantTensor> constant_of(const TensorProto& tensor) {
    if (tensor.data_location() == TensorProto::EXTERNAL) return std::nullopt;
    std::vector<std::int64_t> dims(tensor.dims().begin(), tensor.dims().end());
    auto count = element_count(dims);
    if (!count) return std::nullopt;
    std::vector<double> values;
    const int type = tensor.data_type();
    const std::string& raw = tensor.raw_data();
    if (tensor.has_raw_data()) {
        bool ok = false;
        switch (type) {
            case TensorProto::INT64:
                ok = read_raw<std::int64_t>(raw, *count, values);
                break;
            case TensorProto::INT32:
                ok = read_raw<std::int32_t>(raw, *count, values);
                break;
            case TensorProto::FLOAT:
                ok = read_raw<float>(raw, *count, values);
                break;
            case TensorProto::DOUBLE:
                ok = read_raw<double>(raw, *count, values);
                break;
            case TensorProto::BOOL:
            case TensorProto::UINT8:
                ok = read_raw<std::uint8_t>(raw, *count, values);
                break;
            case TensorProto::INT8:
                ok = read_raw<std::int8_t>(raw, *count, values);
                break;
            default:
                ok = false;
        }
        if (!ok) return std::nullopt;
    } else if (type == TensorProto::INT64) {
        values.assign(tensor.int64_data().begin(), tensor.int64_data().end());
    } else if (type == TensorProto::FLOAT) {
        values.assign(tensor.float_data().begin(), tensor.float_data().end());
    } else if (type == TensorProto::DOUBLE) {
        values.assign(tensor.double_data().begin(), tensor.double_data().end());
    } else if (type == TensorProto::INT32 || type == TensorProto::BOOL ||
               type == TensorProto::INT8 || type == TensorProto::UINT8 ||
               type == TensorProto::INT16 || type == TensorProto::UINT16) {
        values.assign(tensor.int32_data().begin(), tensor.int32_data().end());
    } else {
        return std::nullopt;
    }
    if (values.size() != *count) return std::nullopt;
    return make(std::move(dims), std::move(values), type);
}

TensorProto tensor_proto_of(const ConstantTensor& constant, const std::string& name) {
    TensorProto proto;
    proto.set_name(name);
    proto.set_data_type(constant.data_type);
    for (std::int64_t d : constant.dims) proto.add_dims(d);
    for (double v : constant.values) {
        switch (constant.data_type) {
            case TensorProto::INT64:
                proto.add_int64_data(to_int64(v));
                break;
            case TensorProto::FLOAT:
                proto.add_float_data(static_cast<float>(v));
                break;
            case TensorProto::DOUBLE:
                proto.add_double_data(v);
                break;
            case TensorProto::UINT64:
                proto.add_uint64_data(static_cast<std::uint64_t>(v));
                break;
            default:
                proto.add_int32_data(static_cast<std::int32_t>(v));
                break;
        }
    }
    return proto;
}

std::optional<std::int64_t> range_length(const onnx::NodeProto& node, const Constants& constants) {
    const auto in = inputs_of(node, constants);
    if (in.size() < 3 || !in[0] || !in[1] || !in[2]) return std::nullopt;
    if (in[0]->values.size() != 1 || in[1]->values.size() != 1 || in[2]->values.size() != 1)
        return std::nullopt;
    const double start = in[0]->values[0], limit = in[1]->values[0], delta = in[2]->values[0];
    if (delta == 0) throw ImpossibleValue("a Range with a delta of 0 never ends");
    // In doubles: the span of two 64-bit integers does not fit in one.
    const double n = std::max(std::ceil((limit - start) / delta), 0.0);
    if (!std::isfinite(n) || n >= 9223372036854775807.0)
        throw ImpossibleValue("a Range from " + number_text(start) + " to " + number_text(limit) +
                              " in steps of " + number_text(delta) +
                              " has more elements than a tensor can hold");
    return static_cast<std::int64_t>(n);
}

std::optional<std::vector<ConstantTensor>> evaluate(const onnx::NodeProto& node,
                                                    const Constants& constants,
                                                    const KnownShapes& shapes) {
    if (!node.domain().empty() && node.domain() != "ai.onnx") return std::nullopt;
    if (node.output_size() < 1) return std::nullopt;
    auto value = evaluate_one(node, constants, shapes);
    if (!value) return std::nullopt;
    return std::vector<ConstantTensor>{std::move(*value)};
}

}  // namespace strata::onnx_import
