#include "import/onnx/build_model.hpp"

#include <algorithm>
#include <limits>
#include <map>
#include <optional>
#include <set>
#include <unordered_map>
#include <unordered_set>
#include <utility>

#include "import/onnx/graph_order.hpp"
#include "import/onnx/naming.hpp"
#include "shapes/dims.hpp"
#include "strata/limits.hpp"

namespace strata::onnx_import {
namespace {

// Ops that work on channels-first tensors and produce one.
const std::unordered_set<std::string>& spatial_ops() {
    static const std::unordered_set<std::string> ops{"Conv",
                                                     "ConvTranspose",
                                                     "MaxPool",
                                                     "AveragePool",
                                                     "LpPool",
                                                     "GlobalAveragePool",
                                                     "GlobalMaxPool",
                                                     "BatchNormalization",
                                                     "InstanceNormalization",
                                                     "LRN",
                                                     "Resize",
                                                     "Upsample",
                                                     "DepthToSpace",
                                                     "SpaceToDepth"};
    return ops;
}

// Ops whose output keeps the layout of their first input.
const std::unordered_set<std::string>& layout_keeping_ops() {
    static const std::unordered_set<std::string> ops{
        "Relu", "Clip",   "Sigmoid",    "HardSigmoid", "HardSwish", "Tanh",     "LeakyRelu",
        "Elu",  "Selu",   "Celu",       "PRelu",       "Softplus",  "Softsign", "Gelu",
        "Erf",  "Mish",   "Dropout",    "Identity",    "Cast",      "Add",      "Sub",
        "Mul",  "Div",    "Pow",        "Sqrt",        "Max",       "Min",      "Sum",
        "Mean", "Concat", "Pad",        "Slice",       "Split",     "Neg",      "Abs",
        "Exp",  "Log",    "Reciprocal", "Where",       "Softmax"};
    return ops;
}

// Ops a paper figure does not draw as boxes of their own: they fold into the box they follow.
const std::unordered_set<std::string>& folded_ops() {
    static const std::unordered_set<std::string> ops{"Relu",
                                                     "Clip",
                                                     "Sigmoid",
                                                     "HardSigmoid",
                                                     "HardSwish",
                                                     "Tanh",
                                                     "LeakyRelu",
                                                     "Elu",
                                                     "Selu",
                                                     "Celu",
                                                     "PRelu",
                                                     "Softplus",
                                                     "Softsign",
                                                     "Gelu",
                                                     "Erf",
                                                     "Mish",
                                                     "ThresholdedRelu",
                                                     "Softmax",
                                                     "LogSoftmax",
                                                     "BatchNormalization",
                                                     "InstanceNormalization",
                                                     "LayerNormalization",
                                                     "LRN",
                                                     "Dropout",
                                                     "Identity",
                                                     "Cast",
                                                     "Reshape",
                                                     "Flatten",
                                                     "Squeeze",
                                                     "Unsqueeze",
                                                     "Transpose",
                                                     "Pad",
                                                     "Slice",
                                                     "Split",
                                                     "Expand",
                                                     "Tile",
                                                     "Gather",
                                                     "Constant"};
    return ops;
}

const std::unordered_set<std::string>& elementwise_ops() {
    static const std::unordered_set<std::string> ops{
        "Add",  "Sub",     "Mul",   "Div",        "Pow",   "Sqrt",  "Max",  "Min",       "Neg",
        "Abs",  "Exp",     "Log",   "Reciprocal", "Where", "Equal", "Not",  "And",       "Or",
        "Less", "Greater", "Floor", "Ceil",       "Round", "Sum",   "Mean", "ReduceMean"};
    return ops;
}

// Ops that always begin a box of their own, whatever module they belong to.
bool always_boxed(const std::string& op) {
    return op == "Conv" || op == "ConvTranspose" || op == "Gemm" || op == "LSTM" || op == "GRU" ||
           op == "RNN";
}

struct Home {
    std::size_t box = 0;
    std::size_t output = 0;
};

struct Box {
    std::string name, path, type;
    std::vector<std::string> tips;  // the tensor each output shows
    std::vector<TensorRef> inputs;
    // The inputs as a set: a node may read hundreds of thousands of tensors, and a search of
    // the list for each would take quadratic time.
    std::set<std::pair<std::size_t, std::size_t>> input_set;
    std::int64_t params = 0;
    bool reads_weights = false;
    bool is_input = false;
    bool has_matmul = false, has_softmax = false;
    Attrs attrs;
};

class Builder {
  public:
    Builder(const onnx::ModelProto& model, const TensorShapes& shapes, bool raw)
        : graph_(model.graph()), shapes_(shapes), raw_(raw) {
        model_.format = "onnx";
        model_.name = graph_.name().empty() ? model.producer_name() : graph_.name();
    }

    Model build() {
        for (const auto& tensor : graph_.initializer()) {
            weights_[tensor.name()] = Shape(tensor.dims().begin(), tensor.dims().end());
            constant_like_.insert(tensor.name());
        }
        for (const auto& input : graph_.input()) {
            if (weights_.count(input.name())) continue;
            add_input(input.name());
        }
        const std::vector<int> order = topological_order(graph_);
        find_constant_like(order);
        count_consumers(order);
        find_channels_first(order);
        for (int index : order) visit(graph_.node(index), static_cast<std::size_t>(index));
        finish();
        return std::move(model_);
    }

  private:
    bool is_data(const std::string& tensor) const {
        return !tensor.empty() && !constant_like_.count(tensor) && homes_.count(tensor);
    }

    std::vector<std::string> data_inputs(const onnx::NodeProto& node) const {
        std::vector<std::string> inputs;
        for (const auto& in : node.input())
            if (is_data(in)) inputs.push_back(in);
        return inputs;
    }

    void add_input(const std::string& name) {
        Box box;
        box.name = name;
        box.type = "InputLayer";
        box.tips = {name};
        box.is_input = true;
        names_.insert(name);
        homes_[name] = {boxes_.size(), 0};
        model_.inputs.push_back(boxes_.size());
        boxes_.push_back(std::move(box));
    }

    void find_constant_like(const std::vector<int>& order) {
        for (int index : order) {
            const auto& node = graph_.node(index);
            bool constant = node.op_type() == "Shape" || node.op_type() == "Size";
            if (!constant) {
                constant = true;
                for (const auto& in : node.input())
                    if (!in.empty() && !constant_like_.count(in)) constant = false;
            }
            if (constant)
                for (const auto& out : node.output()) constant_like_.insert(out);
        }
    }

    void count_consumers(const std::vector<int>& order) {
        for (int index : order) {
            const auto& node = graph_.node(index);
            if (node.op_type() == "Shape" || node.op_type() == "Size") continue;
            std::set<std::string> distinct(node.input().begin(), node.input().end());
            const bool splits = node.op_type() == "Slice" || node.op_type() == "Split";
            for (const auto& in : distinct) {
                ++consumers_[in];
                if (!splits) not_only_split_.insert(in);
            }
        }
        for (const auto& out : graph_.output()) {
            ++consumers_[out.name()];
            not_only_split_.insert(out.name());
            leaving_.insert(out.name());
        }
    }

    const Shape* shape_of(const std::string& tensor) const {
        auto it = shapes_.shapes.find(tensor);
        return it == shapes_.shapes.end() ? nullptr : &it->second;
    }

    // Which tensors are channels-first: outputs of convolutions and pooling, what elementwise
    // ops make of them, and a reshape that restores such a shape (a channel shuffle).
    void find_channels_first(const std::vector<int>& order) {
        std::unordered_map<std::string, Shape> origin;  // last channels-first shape upstream
        for (int index : order) {
            const auto& node = graph_.node(index);
            const std::string& op = node.op_type();
            std::string data;
            for (const auto& in : node.input()) {
                if (in.empty() || constant_like_.count(in)) continue;
                data = in;
                break;
            }
            bool first = false;
            if (spatial_ops().count(op)) {
                first = true;
                if (!data.empty()) channels_first_.insert(data);  // a graph input fed to a Conv
            } else if (layout_keeping_ops().count(op)) {
                first = !data.empty() && channels_first_.count(data) > 0;
            }
            if (first) {
                for (const auto& out : node.output()) {
                    channels_first_.insert(out);
                    if (const Shape* shape = shape_of(out)) origin[out] = *shape;
                }
                continue;
            }
            auto from = origin.find(data);
            if (data.empty() || from == origin.end()) continue;
            const Shape before = from->second;
            for (const auto& out : node.output()) {
                const Shape* shape = shape_of(out);
                if (shape && *shape == before && (op == "Reshape" || op == "Transpose"))
                    channels_first_.insert(out);
                origin[out] = before;
            }
        }
    }

    void add_weights(Box& box, const onnx::NodeProto& node) {
        for (const auto& in : node.input()) {
            auto it = weights_.find(in);
            if (it == weights_.end()) continue;
            // Checked: a hostile file's dims may multiply past 2^63; the count then saturates.
            constexpr std::int64_t kMost = std::numeric_limits<std::int64_t>::max();
            std::int64_t count = 1;
            for (Dim d : it->second) {
                if (d <= 0) {
                    count = 0;
                    break;
                }
                count = shapes::checked_mul(count, d).value_or(kMost);
            }
            box.params = shapes::checked_add(box.params, count).value_or(kMost);
            box.reads_weights = true;
        }
    }

    bool absorbs(const onnx::NodeProto& node, const std::vector<std::string>& data,
                 const std::string& path) const {
        const Home home = homes_.at(data.front());
        const Box& box = boxes_[home.box];
        if (box.is_input) return false;
        // Every other data input must come from this box or from one drawn before it.
        bool same_box = true;
        for (const auto& in : data) {
            const std::size_t from = homes_.at(in).box;
            if (from > home.box) return false;
            if (from != home.box) same_box = false;
        }
        const std::string& op = node.op_type();
        if (folded_ops().count(op)) return true;
        if (elementwise_ops().count(op) && same_box) return true;
        return !always_boxed(op) && !path.empty() && path == box.path;
    }

    static void add_box_input(Box& box, TensorRef ref) {
        if (box.input_set.emplace(ref.layer, ref.output).second) box.inputs.push_back(ref);
    }

    // A tensor of one box read by another: what the first box hands on.
    void note_exit(const std::string& tensor) {
        const Home home = homes_.at(tensor);
        exits_[{home.box, home.output}] = tensor;
        leaving_.insert(tensor);
    }

    void absorb(const onnx::NodeProto& node, const std::vector<std::string>& data) {
        const Home home = homes_.at(data.front());
        Box& box = boxes_[home.box];
        for (const auto& in : data) {
            const std::size_t from = homes_.at(in).box;
            if (from == home.box) continue;
            note_exit(in);
            TensorRef ref{from, homes_.at(in).output};
            add_box_input(box, ref);
        }
        add_weights(box, node);
        box.has_matmul = box.has_matmul || node.op_type() == "MatMul";
        box.has_softmax = box.has_softmax || node.op_type() == "Softmax";
        // The box shows the end of its chain, unless the chain forks here.
        std::string& tip = box.tips[home.output];
        if (data.front() == tip && consumers_[tip] == 1 && node.output_size() > 0 &&
            !node.output(0).empty()) {
            tip = node.output(0);
        }
        for (const auto& out : node.output())
            if (!out.empty()) homes_[out] = home;
    }

    std::string unique_name(const std::string& wanted, const std::string& alternative) {
        std::string name = wanted;
        if (names_.count(name) && !alternative.empty()) name = alternative;
        for (int k = 2; names_.count(name); ++k) name = wanted + "_" + std::to_string(k);
        names_.insert(name);
        return name;
    }

    void set_attrs(Box& box, const onnx::NodeProto& node) {
        const std::string& op = node.op_type();
        if ((op == "Conv" || op == "ConvTranspose") && node.input_size() > 1) {
            auto w = weights_.find(node.input(1));
            if (w != weights_.end() && w->second.size() >= 3) {
                box.attrs["filters"] =
                    static_cast<std::int64_t>(op == "Conv" ? w->second[0] : w->second[1]);
                box.attrs["kernel_size"] =
                    std::vector<std::int64_t>(w->second.begin() + 2, w->second.end());
            }
        }
        for (const auto& a : node.attribute()) {
            if (a.name() == "strides" && a.type() == onnx::AttributeProto::INTS)
                box.attrs["strides"] = std::vector<std::int64_t>(a.ints().begin(), a.ints().end());
        }
        if (op == "Gemm" || op == "MatMul") {
            auto shape = shapes_.shapes.find(node.output_size() > 0 ? node.output(0) : "");
            if (shape != shapes_.shapes.end() && !shape->second.empty() &&
                shape->second.back() >= 0)
                box.attrs["units"] = static_cast<std::int64_t>(shape->second.back());
        }
    }

    void new_box(const onnx::NodeProto& node, std::size_t index,
                 const std::vector<std::string>& data, const std::string& path) {
        Box box;
        box.path = path;
        const std::string node_name =
            node.name().empty() ? node.op_type() + "_" + std::to_string(index) : node.name();
        if (raw_) {
            box.name = unique_name(node_name, "");
            box.type = node.op_type();
        } else {
            std::string local = node_name.substr(node_name.rfind('/') + 1);
            std::string wanted = path.empty() ? local : path;
            box.name = unique_name(wanted, path.empty() ? "" : path + "." + local);
            box.type = keras_word(node, shapes_, weights_);
        }
        for (const auto& in : data) {
            const Home home = homes_.at(in);
            note_exit(in);
            TensorRef ref{home.box, home.output};
            add_box_input(box, ref);
        }
        add_weights(box, node);
        set_attrs(box, node);
        box.has_matmul = node.op_type() == "MatMul";
        for (int j = 0; j < node.output_size(); ++j) {
            box.tips.push_back(node.output(j));
            if (!node.output(j).empty())
                homes_[node.output(j)] = {boxes_.size(), static_cast<std::size_t>(j)};
        }
        boxes_.push_back(std::move(box));
    }

    void visit(const onnx::NodeProto& node, std::size_t index) {
        if (raw_) {
            std::vector<std::string> inputs;
            for (const auto& in : node.input())
                if (!in.empty() && homes_.count(in)) inputs.push_back(in);
            new_box(node, index, inputs, module_path(node.name()));
            return;
        }
        const std::string& op = node.op_type();
        if (op == "Shape" || op == "Size") return;  // reads only a shape: nothing to draw
        const std::vector<std::string> data = data_inputs(node);
        if (data.empty()) return;  // a constant or shape computation: nothing to draw
        const std::string path = module_path(node.name());
        if (absorbs(node, data, path)) {
            absorb(node, data);
        } else {
            new_box(node, index, data, path);
        }
    }

    Shape shape_of_tip(const std::string& tensor, bool& known) const {
        const Shape* shape = shape_of(tensor);
        if (!shape) {
            known = false;
            return {};
        }
        return *shape;
    }

    // Axis 1 holds the channels of a channels-first tensor of rank three or more; for rank
    // two it is also the last axis, so only a higher rank needs saying.
    std::optional<std::size_t> channel_axis_of(const std::string& tensor) const {
        const Shape* shape = shape_of(tensor);
        if (shape && shape->size() >= 3 && channels_first_.count(tensor)) return 1;
        return std::nullopt;
    }

    // The tensor a box output shows: the end of its chain of folded ops, unless that chain
    // ends inside the box (an attention block reshaping back and forth), then what leaves it.
    // A chain that ends in a split into parts shows the whole.
    std::string shown_tensor(std::size_t box, std::size_t output) const {
        const std::string& tip = boxes_[box].tips[output];
        if (leaving_.count(tip) || !not_only_split_.count(tip)) return tip;
        auto exit = exits_.find({box, output});
        return exit == exits_.end() ? tip : exit->second;
    }

    void finish() {
        for (std::size_t b = 0; b < boxes_.size(); ++b) {
            Box& box = boxes_[b];
            for (std::size_t k = 0; k < box.tips.size(); ++k) box.tips[k] = shown_tensor(b, k);
            Layer layer;
            // Attention written out as matrix products and a softmax, folded into one module.
            if (!raw_ && box.has_matmul && box.has_softmax) box.type = "MultiHeadAttention";
            layer.name = std::move(box.name);
            layer.type = std::move(box.type);
            layer.inputs = std::move(box.inputs);
            layer.attrs = std::move(box.attrs);
            bool known = true;
            for (const auto& tip : box.tips) layer.shapes.push_back(shape_of_tip(tip, known));
            layer.shape_known = known && !layer.shapes.empty();
            if (!layer.shape_known) layer.shapes.clear();
            // The drawn box shows the first output.
            if (layer.shape_known) layer.channel_axis = channel_axis_of(box.tips.front());
            layer.params = box.params;  // 0 for a graph input, as for a Keras InputLayer
            model_.layers.push_back(std::move(layer));
        }
        for (const auto& out : graph_.output()) {
            auto it = homes_.find(out.name());
            if (it == homes_.end()) continue;
            TensorRef ref{it->second.box, it->second.output};
            if (std::find(model_.outputs.begin(), model_.outputs.end(), ref) ==
                model_.outputs.end())
                model_.outputs.push_back(ref);
        }
    }

    const onnx::GraphProto& graph_;
    const TensorShapes& shapes_;
    bool raw_;
    Model model_;
    KnownShapes weights_;
    std::unordered_set<std::string> constant_like_, channels_first_, names_;
    std::unordered_map<std::string, std::size_t> consumers_;
    std::unordered_map<std::string, Home> homes_;
    std::map<std::pair<std::size_t, std::size_t>, std::string> exits_;
    std::unordered_set<std::string> leaving_, not_only_split_;
    std::vector<Box> boxes_;
};

}  // namespace

Model build_model(const onnx::ModelProto& model, const TensorShapes& shapes, bool raw) {
    return Builder(model, shapes, raw).build();
}

}  // namespace strata::onnx_import
