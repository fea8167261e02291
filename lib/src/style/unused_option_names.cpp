#include "strata/option_checks.hpp"

#include <algorithm>
#include <cstddef>
#include <functional>
#include <set>
#include <string>
#include <utility>
#include <vector>

#include "strata/printable.hpp"
#include "style/keras_classes.hpp"
#include "style/nearest_name.hpp"

namespace strata {
namespace {

// Names past this many of one option are counted, not listed (nor matched against the model's
// names one by one: a hostile option file may hold a million).
constexpr std::size_t kListedUnknowns = 3;

// What the model's layers are called and of which classes (implicit inputs included:
// type_ignore hides those too).
struct ModelNames {
    std::vector<std::string> classes;  // first seen first: the order suggestions prefer
    std::set<std::string, std::less<>> known_classes;
    std::vector<std::string> layers;
    std::set<std::string, std::less<>> known_layers;
    std::set<std::string, std::less<>> style_keys;  // layer names, classes and base classes
    std::vector<std::string> classes_and_layers;    // what a key naming either may have meant
};

ModelNames names_of(const Model& model) {
    ModelNames names;
    for (const Layer& layer : model.layers) {
        if (names.known_classes.insert(layer.type).second) {
            names.classes.push_back(layer.type);
            for (std::string& base : layout::class_chain(layer.type))
                names.style_keys.insert(std::move(base));
        }
        if (names.known_layers.insert(layer.name).second) names.layers.push_back(layer.name);
        names.style_keys.insert(layer.name);
    }
    names.classes_and_layers = names.classes;
    names.classes_and_layers.insert(names.classes_and_layers.end(), names.layers.begin(),
                                    names.layers.end());
    return names;
}

// The names of one option that match nothing of the model: the first few each with a warning
// (and the nearest name the model has), the rest in one.
class UnknownNames {
  public:
    UnknownNames(std::string option, std::string what, const std::vector<std::string>& nearest,
                 Warnings& warnings)
        : option_(std::move(option)),
          what_(std::move(what)),
          nearest_(nearest),
          warnings_(warnings) {}
    UnknownNames(const UnknownNames&) = delete;
    UnknownNames& operator=(const UnknownNames&) = delete;
    ~UnknownNames() {
        if (count_ > kListedUnknowns) {
            warnings_.push_back({option_, std::to_string(count_ - kListedUnknowns) +
                                              " more names match no layer of the model"});
        }
    }

    void add(const std::string& name) {
        if (++count_ > kListedUnknowns) return;
        warnings_.push_back(
            {option_, what_ + quoted_text(name) + style::did_you_mean(name, nearest_)});
    }

  private:
    std::string option_;
    std::string what_;
    const std::vector<std::string>& nearest_;
    Warnings& warnings_;
    std::size_t count_ = 0;
};

}  // namespace

void warn_unused_option_names(const Model& model, const Options& options, Warnings& warnings) {
    bool logo_layers = false;
    for (const LogoGroup& group : options.logo_groups) logo_layers |= !group.layers.empty();
    // The lenet view's own label texts are keyed by layer name (other views do not draw them).
    const bool lenet_labels = options.view == View::lenet &&
                              (!options.top_labels.empty() || !options.bottom_labels.empty());
    if (options.type_ignore.empty() && options.color_map.empty() && options.index_ignore.empty() &&
        options.captions.empty() && options.captions_above.empty() && options.styles.empty() &&
        !logo_layers && !lenet_labels)
        return;
    const ModelNames names = names_of(model);
    const std::string no_class = "no layer of the model is of class ";
    const std::string no_layer = "no layer of the model is named ";
    const std::string no_match = "no layer of the model is named or of class ";
    {
        UnknownNames unknown("type_ignore", no_class, names.classes, warnings);
        for (const std::string& name : options.type_ignore)
            if (!names.known_classes.contains(name)) unknown.add(name);
    }
    {
        UnknownNames unknown("color_map", no_class, names.classes, warnings);
        for (const auto& entry : options.color_map)
            if (!names.known_classes.contains(entry.first)) unknown.add(entry.first);
    }
    {
        UnknownNames unknown("captions", no_layer, names.layers, warnings);
        for (const auto& entry : options.captions)
            if (!names.known_layers.contains(entry.first)) unknown.add(entry.first);
    }
    {
        UnknownNames unknown("captions_above", no_layer, names.layers, warnings);
        for (const std::string& name : options.captions_above)
            if (!names.known_layers.contains(name)) unknown.add(name);
    }
    {
        UnknownNames unknown("styles", no_match, names.classes_and_layers, warnings);
        for (const auto& entry : options.styles)
            if (!names.style_keys.contains(entry.first)) unknown.add(entry.first);
    }
    if (lenet_labels) {
        for (const auto& [key, texts] : {std::pair{"top_labels", &options.top_labels},
                                         std::pair{"bottom_labels", &options.bottom_labels}}) {
            UnknownNames unknown(key, no_layer, names.layers, warnings);
            for (const auto& entry : *texts)
                if (!names.known_layers.contains(entry.first)) unknown.add(entry.first);
        }
    }
    for (std::size_t i = 0; i < options.logo_groups.size(); ++i) {
        UnknownNames unknown("logo_groups[" + std::to_string(i) + "].layers", no_match,
                             names.classes_and_layers, warnings);
        for (const std::string& name : options.logo_groups[i].layers)
            if (!names.known_layers.contains(name) && !names.known_classes.contains(name))
                unknown.add(name);
    }
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
