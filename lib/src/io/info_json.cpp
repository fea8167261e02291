#include <nlohmann/json.hpp>

#include "strata/io.hpp"

namespace strata {

// {"layers":[{"name","type","inputs":[producer names],"output_shapes":[[null,224,224,3]]}]}
// with null for the batch and for unknown dimensions; output_shapes is [] when unknown.
// Shapes are in the file's axis order; a channels-first layer adds "channel_axis": 1.
std::string to_info_json(const Model& model) {
    nlohmann::ordered_json layers = nlohmann::ordered_json::array();
    for (const Layer& layer : model.layers) {
        nlohmann::ordered_json entry;
        entry["name"] = layer.name;
        entry["type"] = layer.type;
        nlohmann::ordered_json inputs = nlohmann::ordered_json::array();
        for (const TensorRef& ref : layer.inputs) inputs.push_back(model.layers.at(ref.layer).name);
        entry["inputs"] = std::move(inputs);
        nlohmann::ordered_json shapes = nlohmann::ordered_json::array();
        for (const Shape& shape : layer.shapes) {
            nlohmann::ordered_json dims = nlohmann::ordered_json::array();
            for (Dim d : shape) {
                if (d == kUnknownDim)
                    dims.push_back(nullptr);
                else
                    dims.push_back(d);
            }
            shapes.push_back(std::move(dims));
        }
        entry["output_shapes"] = std::move(shapes);
        if (layer.shape_known && layer.channel_axis) entry["channel_axis"] = *layer.channel_axis;
        layers.push_back(std::move(entry));
    }
    nlohmann::ordered_json root;
    root["layers"] = std::move(layers);
    // Invalid UTF-8 in a name must not abort the dump; the importer already sanitises text.
    return root.dump(1, ' ', false, nlohmann::ordered_json::error_handler_t::replace) + "\n";
}

}  // namespace strata
