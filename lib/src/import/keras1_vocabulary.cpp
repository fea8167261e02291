#include "import/keras1_vocabulary.hpp"

#include <array>
#include <utility>

namespace strata::keras {
namespace {

constexpr std::array<std::pair<std::string_view, std::string_view>, 10> kRenamedClasses = {{
    {"Convolution1D", "Conv1D"},
    {"Convolution2D", "Conv2D"},
    {"Convolution3D", "Conv3D"},
    {"Deconvolution2D", "Conv2DTranspose"},
    {"Deconvolution3D", "Conv3DTranspose"},
    {"AtrousConvolution1D", "Conv1D"},
    {"AtrousConvolution2D", "Conv2D"},
    {"SeparableConvolution2D", "SeparableConv2D"},
    {"SeparableConvolution1D", "SeparableConv1D"},
    {"DepthwiseConvolution2D", "DepthwiseConv2D"},
}};

// Keras 1 Merge modes and the Keras 2 merge layer that does the same.
constexpr std::array<std::pair<std::string_view, std::string_view>, 7> kMergeModes = {{
    {"sum", "Add"},
    {"mul", "Multiply"},
    {"concat", "Concatenate"},
    {"ave", "Average"},
    {"max", "Maximum"},
    {"dot", "Dot"},
    {"cos", "Dot"},
}};

// Keys renamed for every layer type.
constexpr std::array<std::pair<std::string_view, std::string_view>, 17> kRenamedKeys = {{
    {"nb_filter", "filters"},
    {"filter_length", "kernel_size"},
    {"subsample", "strides"},
    {"subsample_length", "strides"},
    {"border_mode", "padding"},
    {"pool_length", "pool_size"},
    {"stride", "strides"},
    {"atrous_rate", "dilation_rate"},
    {"bias", "use_bias"},
    {"init", "kernel_initializer"},
    {"inner_init", "recurrent_initializer"},
    {"inner_activation", "recurrent_activation"},
    {"dropout_W", "dropout"},
    {"dropout_U", "recurrent_dropout"},
    {"concat_axis", "axis"},
    {"dot_axes", "axes"},
    {"sigma", "stddev"},
}};

// Types whose Keras 1 `output_dim` is Keras 2 `units` (Embedding keeps output_dim).
constexpr std::array<std::string_view, 8> kUnitsTypes = {
    "Dense", "LSTM", "GRU", "SimpleRNN", "CuDNNLSTM", "CuDNNGRU", "Highway", "MaxoutDense",
};

template <std::size_t N>
std::optional<std::string_view> lookup(
    const std::array<std::pair<std::string_view, std::string_view>, N>& table,
    std::string_view key) {
    for (const auto& [from, to] : table) {
        if (from == key) return to;
    }
    return std::nullopt;
}

bool contains(std::string_view type, const auto& list) {
    for (std::string_view item : list) {
        if (item == type) return true;
    }
    return false;
}

bool rename_key(Attrs& attrs, const std::string& from, const std::string& to) {
    auto it = attrs.find(from);
    if (it == attrs.end()) return false;
    AttrValue value = std::move(it->second);
    attrs.erase(it);
    attrs.emplace(to, std::move(value));  // keeps a Keras 2 value already present
    return true;
}

// nb_row + nb_col (2-D) or kernel_dim1..3 (3-D) become one kernel_size list.
bool merge_kernel_dims(Attrs& attrs) {
    static const std::array<std::array<const char*, 3>, 2> kGroups = {{
        {"nb_row", "nb_col", nullptr},
        {"kernel_dim1", "kernel_dim2", "kernel_dim3"},
    }};
    bool renamed = false;
    for (const auto& group : kGroups) {
        std::vector<std::int64_t> sizes;
        bool any = false, complete = true;
        for (const char* key : group) {
            if (key == nullptr) continue;
            auto it = attrs.find(key);
            if (it == attrs.end()) {
                complete = false;
                continue;
            }
            any = true;
            if (const auto* size = std::get_if<std::int64_t>(&it->second)) {
                sizes.push_back(*size);
            } else {
                complete = false;
            }
            attrs.erase(it);
        }
        if (any && complete) attrs.emplace("kernel_size", std::move(sizes));
        renamed = renamed || any;
    }
    return renamed;
}

bool rename_dim_ordering(Attrs& attrs) {
    auto it = attrs.find("dim_ordering");
    if (it == attrs.end()) return false;
    if (const auto* ordering = std::get_if<std::string>(&it->second)) {
        if (*ordering == "th") attrs.emplace("data_format", std::string("channels_first"));
        if (*ordering == "tf") attrs.emplace("data_format", std::string("channels_last"));
    }
    attrs.erase("dim_ordering");
    return true;
}

// True when a key is one normalise_own_keys reads. Most configs have none: one pass over
// their keys spares some twenty lookups, each making a std::string, per layer.
bool has_keras1_key(const Attrs& attrs) {
    static constexpr std::array<std::string_view, 9> kOtherKeys = {
        "nb_row",       "nb_col",     "kernel_dim1", "kernel_dim2", "kernel_dim3",
        "dim_ordering", "output_dim", "p",           "length",
    };
    for (const auto& entry : attrs) {
        const std::string_view key = entry.first;
        if (lookup(kRenamedKeys, key) || contains(key, kOtherKeys)) return true;
    }
    return false;
}

bool normalise_own_keys(const std::string& type, Attrs& attrs) {
    if (!has_keras1_key(attrs)) return false;
    bool renamed = merge_kernel_dims(attrs);
    renamed = rename_dim_ordering(attrs) || renamed;
    for (const auto& [from, to] : kRenamedKeys) {
        renamed = rename_key(attrs, std::string(from), std::string(to)) || renamed;
    }
    if (contains(type, kUnitsTypes)) renamed = rename_key(attrs, "output_dim", "units") || renamed;
    if (type.find("Dropout") != std::string::npos) {
        renamed = rename_key(attrs, "p", "rate") || renamed;
    }
    if (type == "UpSampling1D") renamed = rename_key(attrs, "length", "size") || renamed;
    return renamed;
}

}  // namespace

std::string keras2_class_name(const std::string& class_name, const Attrs& attrs) {
    if (class_name == "Merge") {
        const auto mode = attrs.find("mode");
        if (mode != attrs.end()) {
            if (const auto* name = std::get_if<std::string>(&mode->second)) {
                if (auto merged = lookup(kMergeModes, *name)) return std::string(*merged);
            }
        }
        return class_name;
    }
    if (auto renamed = lookup(kRenamedClasses, class_name)) return std::string(*renamed);
    return class_name;
}

bool normalise_keras1_attrs(const std::string& type, Attrs& attrs) {
    bool renamed = normalise_own_keys(type, attrs);

    // The wrapped layer of a Bidirectional / TimeDistributed: normalise its keys alone.
    const std::string prefix = "layer.";
    Attrs wrapped;
    for (auto it = attrs.lower_bound(prefix);
         it != attrs.end() && it->first.compare(0, prefix.size(), prefix) == 0;) {
        wrapped.emplace(it->first.substr(prefix.size()), std::move(it->second));
        it = attrs.erase(it);
    }
    if (wrapped.empty()) return renamed;
    if (auto* wrapped_class = std::get_if<std::string>(&wrapped["class_name"])) {
        const std::string keras2 = keras2_class_name(*wrapped_class, wrapped);
        renamed = renamed || keras2 != *wrapped_class;
        wrapped["class_name"] = keras2;
        renamed = normalise_own_keys(keras2, wrapped) || renamed;
    } else {
        wrapped.erase("class_name");
    }
    for (auto& [key, value] : wrapped) attrs.emplace(prefix + key, std::move(value));
    return renamed;
}

}  // namespace strata::keras
