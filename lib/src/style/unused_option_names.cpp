#include "strata/option_checks.hpp"

#include <algorithm>
#include <cstddef>
#include <functional>
#include <set>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "strata/printable.hpp"
#include "style/nearest_name.hpp"

namespace strata {
namespace {

// The classes of the model's layers (implicit inputs included: type_ignore hides those too).
struct Classes {
    std::vector<std::string> in_order;  // first seen first: the order suggestions prefer
    std::set<std::string, std::less<>> known;
};

Classes classes_of(const Model& model) {
    Classes classes;
    for (const Layer& layer : model.layers) {
        if (classes.known.insert(layer.type).second) classes.in_order.push_back(layer.type);
    }
    return classes;
}

void warn_unknown_class(const std::string& option, const std::string& name, const Classes& classes,
                        Warnings& warnings) {
    if (classes.known.contains(name)) return;
    warnings.push_back({option, "no layer of the model is of class " + quoted_text(name) +
                                    style::did_you_mean(name, classes.in_order)});
}

// The lenet view's own label texts (top_labels, bottom_labels) are keyed by layer name: a name
// no layer has labels nothing.
void warn_unknown_label_layers(const Model& model, const Options& options, Warnings& warnings) {
    if (options.view != View::lenet ||
        (options.top_labels.empty() && options.bottom_labels.empty()))
        return;
    std::set<std::string_view, std::less<>> names;
    for (const Layer& layer : model.layers) names.insert(layer.name);
    for (const auto& [key, texts] : {std::pair{"top_labels", &options.top_labels},
                                     std::pair{"bottom_labels", &options.bottom_labels}}) {
        for (const auto& entry : *texts) {
            if (!names.contains(entry.first))
                warnings.push_back({key, "no layer is named " + quoted_text(entry.first) +
                                             ": its label is not drawn"});
        }
    }
}

}  // namespace

void warn_unused_option_names(const Model& model, const Options& options, Warnings& warnings) {
    warn_unknown_label_layers(model, options, warnings);
    if (options.type_ignore.empty() && options.color_map.empty() && options.index_ignore.empty())
        return;
    const Classes classes = classes_of(model);
    for (const std::string& name : options.type_ignore)
        warn_unknown_class("type_ignore", name, classes, warnings);
    for (const auto& entry : options.color_map)
        warn_unknown_class("color_map", entry.first, classes, warnings);
    const auto listed =
        static_cast<std::size_t>(std::count_if(model.layers.begin(), model.layers.end(),
                                               [](const Layer& layer) { return !layer.implicit; }));
    for (const std::size_t index : options.index_ignore) {
        if (index < listed) continue;
        warnings.push_back({"index_ignore", "index " + std::to_string(index) +
                                                " is past the model's " + std::to_string(listed) +
                                                " layers (counted from 0)"});
    }
}

}  // namespace strata
