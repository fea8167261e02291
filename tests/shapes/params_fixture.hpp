#pragma once

#include <boost/test/tools/detail/print_helper.hpp>
#include <cstdint>
#include <optional>
#include <ostream>
#include <string>
#include <vector>

#include "shape_fixture.hpp"

namespace strata::testing {

// The weight count of one layer fed by input layers of the given shapes; `format` stands for
// the file format the model came from, which decides some of Keras' defaults.
inline std::optional<std::int64_t> params_of(const std::string& type, Attrs attrs,
                                             const std::vector<Shape>& input_shapes,
                                             const std::string& format = "keras-json") {
    ModelBuilder builder;
    builder.model().format = format;
    std::vector<TensorRef> refs;
    for (std::size_t i = 0; i < input_shapes.size(); ++i) {
        refs.push_back(builder.input("input_" + std::to_string(i), input_shapes[i]));
    }
    builder.add("subject", type, refs, std::move(attrs));
    Warnings warnings;
    infer_shapes(builder.model(), warnings);
    return builder.layer("subject").params;
}

using Count = std::optional<std::int64_t>;
constexpr Count kUnknownCount = std::nullopt;

}  // namespace strata::testing

// Boost.Test prints a count in a failed check as its number or "unknown".
template <>
struct boost::test_tools::tt_detail::print_log_value<std::optional<std::int64_t>> {
    void operator()(std::ostream& out, const std::optional<std::int64_t>& count) {
        if (count) {
            out << *count;
        } else {
            out << "unknown";
        }
    }
};
