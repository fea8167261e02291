// Layer names as a hierarchy. PyTorch exports name a layer by its module path (the ONNX
// importer keeps "layer2.1.conv1"); Keras names its applications' layers by prefixes
// ("conv3_block2_1_conv", "block_3_expand"). A bare number after a word without digits is an
// index of that word in Keras ("block_3"), but a part of its own in a module path ("layer2.1").

#include "layout/detail/name_scopes.hpp"

#include <algorithm>
#include <cctype>
#include <map>
#include <utility>

namespace strata::layout::detail {
namespace {

// Names deeper than this keep the rest in their last part: no name adds unbounded depth.
constexpr std::size_t kMostParts = 12;

struct Part {
    std::size_t begin = 0, end = 0;  // in the name
};

bool has_digit(std::string_view s) {
    return std::any_of(s.begin(), s.end(), [](unsigned char c) { return std::isdigit(c) != 0; });
}

bool all_digits(std::string_view s) {
    return !s.empty() &&
           std::all_of(s.begin(), s.end(), [](unsigned char c) { return std::isdigit(c) != 0; });
}

bool is_dotted(const std::string& name) {
    return name.find('.') != std::string::npos || name.find('/') != std::string::npos;
}

std::vector<Part> parts_of(const std::string& name, bool dotted) {
    const auto separator = [dotted](char c) { return dotted ? c == '.' || c == '/' : c == '_'; };
    std::vector<Part> parts;
    std::size_t i = 0;
    while (i < name.size()) {
        while (i < name.size() && separator(name[i])) ++i;
        if (i == name.size()) break;
        std::size_t end = i;
        while (end < name.size() && !separator(name[end])) ++end;
        const std::string_view text(name.data() + i, end - i);
        const bool joins = !parts.empty() &&
                           ((!dotted && all_digits(text) &&
                             !has_digit(std::string_view(name.data() + parts.back().begin,
                                                         parts.back().end - parts.back().begin))) ||
                            parts.size() == kMostParts);
        if (joins) {
            parts.back().end = end;
        } else {
            parts.push_back({i, end});
        }
        i = end;
    }
    return parts;
}

}  // namespace

ScopeTree scope_tree(const Model& model) {
    ScopeTree tree;
    tree.scopes.push_back({});
    tree.path.resize(model.layers.size());
    std::map<std::pair<std::size_t, std::string>, std::size_t> child_named;
    const auto child = [&](std::size_t parent, const std::string& part, const std::string& full,
                           bool dotted) {
        auto [it, added] = child_named.try_emplace({parent, part}, tree.scopes.size());
        if (added) {
            Scope s;
            s.name = full;
            s.part = part;
            s.parent = parent;
            s.dotted = dotted;
            tree.scopes[parent].children.push_back(tree.scopes.size());
            tree.scopes.push_back(std::move(s));
        }
        return it->second;
    };
    for (std::size_t i = 0; i < model.layers.size(); ++i) {
        const Layer& layer = model.layers[i];
        std::vector<std::size_t>& path = tree.path[i];
        path.push_back(0);
        if (!layer.parent.empty()) {
            path.push_back(child(0, "\x01" + layer.parent, layer.parent, false));
            tree.scopes[path.back()].submodel = true;
        }
        const bool dotted = is_dotted(layer.name);
        for (const Part& p : parts_of(layer.name, dotted)) {
            path.push_back(child(path.back(), layer.name.substr(p.begin, p.end - p.begin),
                                 layer.name.substr(0, p.end), dotted));
        }
        for (std::size_t s : path) tree.scopes[s].layers.push_back(i);
    }
    return tree;
}

}  // namespace strata::layout::detail
