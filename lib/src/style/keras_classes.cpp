#include "style/keras_classes.hpp"

#include <map>

namespace strata::layout {
namespace {

// Direct base class of each Keras layer class that has one besides Layer (Keras 2 names; the
// private `_Merge`, `_Pooling2D` ... are given their public-sounding names).
const std::map<std::string, std::string>& parents() {
    static const std::map<std::string, std::string> table = [] {
        std::map<std::string, std::string> t;
        for (const char* c : {"Conv1D", "Conv2D", "Conv3D", "SeparableConv", "ConvLSTM"})
            t[c] = "Conv";
        t["Conv1DTranspose"] = "Conv1D";
        t["Conv2DTranspose"] = "Conv2D";
        t["Conv3DTranspose"] = "Conv3D";
        t["DepthwiseConv1D"] = "Conv1D";
        t["DepthwiseConv2D"] = "Conv2D";
        t["SeparableConv1D"] = "SeparableConv";
        t["SeparableConv2D"] = "SeparableConv";
        t["ConvLSTM1D"] = "ConvLSTM";
        t["ConvLSTM2D"] = "ConvLSTM";
        t["ConvLSTM3D"] = "ConvLSTM";
        for (const char* d : {"1D", "2D", "3D"}) {
            const std::string dim = d;
            t["MaxPooling" + dim] = "Pooling" + dim;
            t["AveragePooling" + dim] = "Pooling" + dim;
            t["GlobalMaxPooling" + dim] = "GlobalPooling" + dim;
            t["GlobalAveragePooling" + dim] = "GlobalPooling" + dim;
            t["SpatialDropout" + dim] = "Dropout";
        }
        for (const char* r : {"LSTM", "GRU", "SimpleRNN"}) t[r] = "RNN";
        t["CuDNNLSTM"] = "CuDNNRNN";
        t["CuDNNGRU"] = "CuDNNRNN";
        t["CuDNNRNN"] = "RNN";
        t["Bidirectional"] = "Wrapper";
        t["TimeDistributed"] = "Wrapper";
        for (const char* m : {"Add", "Subtract", "Multiply", "Average", "Maximum", "Minimum",
                              "Concatenate", "Dot"}) {
            t[m] = "Merge";
        }
        return t;
    }();
    return table;
}

}  // namespace

std::vector<std::string> class_chain(const std::string& layer_class) {
    std::vector<std::string> chain{layer_class};
    const auto& table = parents();
    for (auto it = table.find(layer_class); it != table.end() && chain.size() < 8;
         it = table.find(it->second)) {
        chain.push_back(it->second);
    }
    if (chain.back() != "Layer") chain.push_back("Layer");
    return chain;
}

}  // namespace strata::layout
