#include "strata/option_checks.hpp"

#include <algorithm>
#include <cstddef>
#include <functional>
#include <set>
#include <string>
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

}  // namespace

void warn_unused_option_names(const Model& model, const Options& options, Warnings& warnings) {
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
