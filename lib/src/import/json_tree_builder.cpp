#include "import/json_tree_builder.hpp"

#include <algorithm>
#include <functional>

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
    if (read_) {
        offsets_.add(members, open_offsets_.back());
        open_offsets_.pop_back();
    }
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

std::optional<std::size_t> ObjectOffsets::find(const nlohmann::ordered_json& object) {
    if (!object.is_object()) return std::nullopt;
    const auto by_address = [](const Entry& a, const Entry& b) {
        return std::less<const void*>()(a.members, b.members);
    };
    if (!sorted_) {
        std::sort(entries_.begin(), entries_.end(), by_address);
        sorted_ = true;
    }
    const Entry key{&object.get_ref<const nlohmann::ordered_json::object_t&>(), 0};
    const auto found = std::lower_bound(entries_.begin(), entries_.end(), key, by_address);
    if (found == entries_.end() || found->members != key.members) return std::nullopt;
    return found->offset;
}

}  // namespace strata::keras
