#include "import/json_tree_builder.hpp"

namespace strata::keras {

bool JsonTreeBuilder::end_object() {
    const Frame frame = frames_.back();
    frames_.pop_back();
    json object(json::value_t::object);
    auto& members = object.get_ref<json::object_t&>();
    const std::size_t count = values_.size() - frame.values;
    members.reserve(count);
    for (std::size_t i = 0; i < count; ++i) {
        std::string& name = keys_[frame.keys + i];
        json& member = values_[frame.values + i];
        // A repeated key keeps its first place and takes the last value, as with
        // nlohmann's parser (the same linear search as its ordered_map::operator[]).
        auto same = members.begin();
        while (same != members.end() && same->first != name) ++same;
        if (same != members.end()) {
            same->second = std::move(member);
        } else {
            members.emplace_back(std::move(name), std::move(member));
        }
    }
    values_.resize(frame.values);
    keys_.resize(frame.keys);
    values_.push_back(std::move(object));
    return true;
}

bool JsonTreeBuilder::end_array() {
    const Frame frame = frames_.back();
    frames_.pop_back();
    json array(json::value_t::array);
    auto& elements = array.get_ref<json::array_t&>();
    elements.reserve(values_.size() - frame.values);
    for (std::size_t i = frame.values; i < values_.size(); ++i) {
        elements.push_back(std::move(values_[i]));
    }
    values_.resize(frame.values);
    values_.push_back(std::move(array));
    return true;
}

}  // namespace strata::keras
