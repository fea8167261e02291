#include "layout/graph/attribute_text.hpp"

#include <type_traits>
#include <variant>

namespace strata::layout::graph {

void append_attribute_text(std::string& out, const AttrValue& value) {
    std::visit(
        [&](const auto& v) {
            using T = std::decay_t<decltype(v)>;
            if constexpr (std::is_same_v<T, std::string>) {
                out += v;
            } else if constexpr (std::is_same_v<T, bool> || std::is_same_v<T, std::int64_t> ||
                                 std::is_same_v<T, double>) {
                out += std::to_string(v);
            } else {
                for (const auto& x : v) {
                    if constexpr (std::is_same_v<std::decay_t<decltype(x)>, std::string>) {
                        out += x;
                    } else {
                        out += std::to_string(x);
                    }
                    out += ',';
                }
            }
        },
        value);
}

}  // namespace strata::layout::graph
