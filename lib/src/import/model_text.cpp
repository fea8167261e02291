#include "import/model_text.hpp"

#include <type_traits>

#include "text/unicode_text.hpp"

namespace strata {
namespace {

void make_valid(std::string& text) {
    if (!unicode::is_valid_text(text)) text = unicode::valid_text(text);
}

void make_valid(AttrValue& value) {
    std::visit(
        [](auto& v) {
            using T = std::decay_t<decltype(v)>;
            if constexpr (std::is_same_v<T, std::string>) {
                make_valid(v);
            } else if constexpr (std::is_same_v<T, std::vector<std::string>>) {
                for (std::string& item : v) make_valid(item);
            }
        },
        value);
}

}  // namespace

void make_model_text_valid(Model& model) {
    make_valid(model.name);
    make_valid(model.format);
    make_valid(model.keras_version);
    for (Layer& layer : model.layers) {
        make_valid(layer.name);
        make_valid(layer.type);
        make_valid(layer.parent);
        for (auto& entry : layer.attrs) make_valid(entry.second);
        // Keys are matched against fixed ASCII names; a key that is not valid text is useless.
        // The map is made again only when a key changes: almost never.
        bool keys_valid = true;
        for (const auto& entry : layer.attrs)
            keys_valid = keys_valid && unicode::is_valid_text(entry.first);
        if (keys_valid) continue;
        Attrs attrs;
        for (auto& [key, value] : layer.attrs) {
            attrs.emplace(unicode::valid_text(key), std::move(value));
        }
        layer.attrs = std::move(attrs);
    }
    for (Submodel& submodel : model.submodels) {
        make_valid(submodel.name);
        make_valid(submodel.type);
    }
}

}  // namespace strata
