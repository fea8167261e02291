#include "style/palette.hpp"

#include <algorithm>
#include <array>
#include <cmath>
#include <cstdint>
#include <map>
#include <string_view>

#include "style/keras_classes.hpp"

namespace strata::layout {
namespace {

constexpr std::array<Rgba, 10> kVisualkerasPalette{{
    {255, 209, 102, 255},  // #ffd166
    {239, 71, 111, 255},   // #ef476f
    {6, 214, 160, 255},    // #06d6a0
    {17, 138, 178, 255},   // #118ab2
    {7, 59, 76, 255},      // #073b4c
    {255, 173, 173, 255},  // #ffadad
    {202, 255, 191, 255},  // #caffbf
    {155, 246, 255, 255},  // #9bf6ff
    {160, 196, 255, 255},  // #a0c4ff
    {189, 178, 255, 255},  // #bdb2ff
}};

// Paul Tol's "light" scheme, in his order.
enum Tone : std::size_t {
    light_blue,
    orange,
    light_yellow,
    pink,
    light_cyan,
    mint,
    pear,
    olive,
    pale_grey
};
constexpr std::array<Rgba, 9> kLight{{
    {119, 170, 221, 255},  // #77aadd light blue
    {238, 136, 102, 255},  // #ee8866 orange
    {238, 221, 136, 255},  // #eedd88 light yellow
    {255, 170, 187, 255},  // #ffaabb pink
    {153, 221, 255, 255},  // #99ddff light cyan
    {68, 187, 153, 255},   // #44bb99 mint
    {187, 204, 51, 255},   // #bbcc33 pear
    {170, 170, 0, 255},    // #aaaa00 olive
    {221, 221, 221, 255},  // #dddddd pale grey
}};

// Families of the classes most models are made of (Keras classes; base classes reach their
// subclasses through `class_chain`; ONNX op types by name). Nine colours cannot tell every
// class apart, so a family shares one (every convolution is blue); the families that appear
// together in the common architectures (VGG, ResNet, MobileNet, Xception, text CNNs and
// LSTMs, U-Nets) differ. Global pooling and upsampling sit with recurrent layers, which
// seldom meet them.
const std::map<std::string_view, Tone>& families() {
    static const std::map<std::string_view, Tone> table = [] {
        std::map<std::string_view, Tone> t;
        for (std::string_view c :
             {"Conv", "SeparableConv", "ConvTranspose", "ConvInteger", "QLinearConv"})
            t[c] = light_blue;
        for (std::string_view c : {"Dense", "EinsumDense", "Gemm", "MatMul", "QLinearMatMul"})
            t[c] = orange;
        for (std::string_view c :
             {"BatchNormalization", "LayerNormalization", "GroupNormalization", "UnitNormalization",
              "Normalization", "Rescaling", "InstanceNormalization", "LRN", "LpNormalization"})
            t[c] = light_yellow;
        for (std::string_view c :
             {"Pooling1D", "Pooling2D", "Pooling3D", "MaxPool", "AveragePool", "LpPool"})
            t[c] = pink;
        for (std::string_view c :
             {"Merge", "Add", "Sum", "Mul", "Sub", "Div", "Concat", "Max", "Min", "Mean", "Block"})
            t[c] = light_cyan;
        for (std::string_view c :
             {"Activation",      "ReLU",        "LeakyReLU", "PReLU", "ELU",  "Softmax",
              "ThresholdedReLU", "Relu",        "LeakyRelu", "PRelu", "Elu",  "Selu",
              "Sigmoid",         "HardSigmoid", "HardSwish", "Tanh",  "Clip", "Gelu",
              "LogSoftmax",      "Softplus"})
            t[c] = mint;
        for (std::string_view c :
             {"RNN", "ConvLSTM", "Wrapper", "LSTM", "GRU", "GlobalPooling1D", "GlobalPooling2D",
              "GlobalPooling3D", "GlobalAveragePool", "GlobalMaxPool", "UpSampling1D",
              "UpSampling2D", "UpSampling3D", "Upsample", "Resize", "Resizing", "MaxUnpool"})
            t[c] = pear;
        for (std::string_view c :
             {"Flatten", "Reshape", "Permute", "RepeatVector", "ZeroPadding1D", "ZeroPadding2D",
              "ZeroPadding3D", "Cropping1D", "Cropping2D", "Cropping3D", "Pad", "Transpose",
              "Squeeze", "Unsqueeze", "Embedding"})
            t[c] = olive;
        for (std::string_view c : {"Dropout", "AlphaDropout", "GaussianDropout", "GaussianNoise",
                                   "InputLayer", "Identity"})
            t[c] = pale_grey;
        return t;
    }();
    return table;
}

// FNV-1a: the same number for the same name on every platform and run.
std::uint32_t name_hash(const std::string& name) {
    std::uint32_t h = 2166136261u;
    for (unsigned char c : name) {
        h ^= c;
        h *= 16777619u;
    }
    return h;
}

}  // namespace

Rgba stable_class_color(const std::string& layer_class) {
    const auto& table = families();
    for (const std::string& c : class_chain(layer_class)) {
        if (auto it = table.find(c); it != table.end()) return kLight[it->second];
    }
    return kLight[name_hash(layer_class) % kLight.size()];
}

namespace {

// The k-th shade of `base` (k = 0: itself): darker and lighter in turn, further each time (at
// most two thirds of the way to black or white, so black text and outlines still read), so
// that classes sharing a colour stay apart in one figure and its legend.
Rgba shade_of(Rgba base, std::size_t k) {
    if (k == 0) return base;
    const double amount = 0.22 * static_cast<double>((k + 1) / 2);
    const bool darker = k % 2 == 1;
    const auto channel = [&](std::uint8_t c) {
        const double v =
            darker ? c * (1 - std::min(amount, 0.66)) : c + (255 - c) * std::min(amount, 0.66);
        return static_cast<std::uint8_t>(std::lround(v));
    };
    return {channel(base.r), channel(base.g), channel(base.b), base.a};
}

}  // namespace

Palette::Palette(bool compat_visualkeras, const Model& model) : compat_(compat_visualkeras) {
    if (compat_) return;
    std::map<std::string, std::size_t> layers_of;
    for (const Layer& layer : model.layers) ++layers_of[layer.type];
    // The classes of each stable colour, the one with the most layers first, then by name.
    std::map<std::uint32_t, std::vector<std::pair<std::string, std::size_t>>> sharing;
    for (const auto& [name, count] : layers_of)
        sharing[key_of(stable_class_color(name))].emplace_back(name, count);
    for (auto& [key, classes] : sharing) {
        std::stable_sort(classes.begin(), classes.end(),
                         [](const auto& a, const auto& b) { return a.second > b.second; });
        std::size_t k = 0;
        for (const auto& entry : classes) {
            const Rgba stable = stable_class_color(entry.first);
            Rgba chosen = shade_of(stable, k);
            while (used_.contains(key_of(chosen)) && k < 64) chosen = shade_of(stable, ++k);
            used_.insert(key_of(chosen));
            assigned_[entry.first] = chosen;
            ++k;
        }
    }
}

Rgba Palette::color_for(const std::string& layer_class) {
    auto [it, inserted] = assigned_.try_emplace(layer_class);
    if (!inserted) return it->second;
    if (compat_) {
        it->second = kVisualkerasPalette[(assigned_.size() - 1) % kVisualkerasPalette.size()];
        return it->second;
    }
    // A class keeps its stable colour unless another class of this figure has it already (a
    // family shares one colour: MaxPooling2D and AveragePooling2D); then it takes the first
    // shade of that colour no class has, so that the legend tells them apart.
    const Rgba stable = stable_class_color(layer_class);
    Rgba chosen = stable;
    for (std::size_t k = 1; used_.contains(key_of(chosen)) && k < 16; ++k)
        chosen = shade_of(stable, k);
    used_.insert(key_of(chosen));
    it->second = chosen;
    return chosen;
}

}  // namespace strata::layout
