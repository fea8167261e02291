#include "import/input_shape.hpp"

#include "import/dimensions.hpp"

namespace strata::keras {
namespace {

using json = nlohmann::ordered_json;

const json* non_null_member(const json& object, const char* key) {
    const auto it = object.find(key);
    if (it == object.end() || it->is_null()) return nullptr;
    return &*it;
}

}  // namespace

std::optional<Shape> input_layer_shape(const json& config, const std::string& place,
                                       const std::string& file) {
    if (!config.is_object()) return std::nullopt;
    // Keras' spellings, then TensorFlow.js' (its loader takes both; Keras 3 models converted
    // to TensorFlow.js may carry only `inputShape`).
    for (const char* key : {"batch_input_shape", "batch_shape", "batchInputShape", "batchShape"}) {
        if (const json* shape = non_null_member(config, key)) {
            return read_shape(*shape, place + "." + key, file);
        }
    }
    for (const char* key : {"input_shape", "inputShape"}) {
        if (const json* shape = non_null_member(config, key)) {
            Shape with_batch{kUnknownDim};
            const Shape declared = read_shape(*shape, place + "." + key, file);
            with_batch.insert(with_batch.end(), declared.begin(), declared.end());
            return with_batch;
        }
    }
    return std::nullopt;
}

std::optional<Shape> first_layer_input_shape(const json& config, const std::string& type,
                                             const std::string& place, const std::string& file) {
    if (!config.is_object()) return std::nullopt;
    if (auto shape = input_layer_shape(config, place, file)) return shape;
    const json* length = non_null_member(config, "input_length");
    if (type == "Embedding") {
        if (!length) return std::nullopt;
        return Shape{kUnknownDim, read_dimension(*length, place + ".input_length", file)};
    }
    if (const json* dim = non_null_member(config, "input_dim")) {
        const Dim features = read_dimension(*dim, place + ".input_dim", file);
        if (length) {
            return Shape{kUnknownDim, read_dimension(*length, place + ".input_length", file),
                         features};
        }
        return Shape{kUnknownDim, features};
    }
    // Bidirectional / TimeDistributed may carry the shape on the layer they wrap.
    if (const json* wrapped = non_null_member(config, "layer")) {
        if (wrapped->is_object()) {
            const auto inner = wrapped->find("config");
            const auto inner_type = wrapped->find("class_name");
            if (inner != wrapped->end() && inner_type != wrapped->end() &&
                inner_type->is_string()) {
                return first_layer_input_shape(*inner, inner_type->get<std::string>(),
                                               place + ".layer.config", file);
            }
        }
    }
    return std::nullopt;
}

}  // namespace strata::keras
