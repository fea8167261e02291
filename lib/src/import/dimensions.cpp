#include "import/dimensions.hpp"

#include <algorithm>
#include <array>
#include <cmath>

#include "strata/error.hpp"
#include "strata/limits.hpp"

namespace strata::keras {

Dim read_dimension(const nlohmann::ordered_json& value, const std::string& place,
                   const std::string& file) {
    if (auto dimension = valid_dimension(value)) return *dimension;
    const auto fail = [&](const std::string& what) {
        throw Error(file, place + ": expected a dimension (an integer from 0 to " +
                              std::to_string(limits::kMaxDimension) + ", -1 or null), found " +
                              what);
    };
    if (value.is_number_unsigned()) {
        const auto number = value.get<std::uint64_t>();
        if (number > static_cast<std::uint64_t>(limits::kMaxDimension)) fail(value.dump());
        return static_cast<Dim>(number);
    }
    if (value.is_number_integer()) {
        const auto number = value.get<std::int64_t>();
        if (number < -1 || number > limits::kMaxDimension) fail(value.dump());
        return number;
    }
    if (value.is_number_float()) {
        // 3.0 is exact; 3.7 or 1e300 is not a dimension. A spec's .inf and .nan are numbers
        // JSON cannot write: say what they are rather than what dump() makes of them (null).
        const double number = value.get<double>();
        if (std::isnan(number)) fail("NaN (not a number)");
        if (std::isinf(number))
            fail(number > 0 ? "an infinite number" : "a negative infinite number");
        if (number > static_cast<double>(limits::kMaxDimension))
            fail("a number larger than " + std::to_string(limits::kMaxDimension));
        if (std::floor(number) != number || number < -1) fail(value.dump());
        return static_cast<Dim>(number);
    }
    fail(std::string("a ") + value.type_name());
    return kUnknownDim;  // not reached
}

std::optional<Dim> valid_dimension(const nlohmann::ordered_json& value) {
    if (value.is_null()) return kUnknownDim;
    if (value.is_number_unsigned()) {
        const auto number = value.get<std::uint64_t>();
        if (number > static_cast<std::uint64_t>(limits::kMaxDimension)) return std::nullopt;
        return static_cast<Dim>(number);
    }
    if (value.is_number_integer()) {
        const auto number = value.get<std::int64_t>();
        if (number < -1 || number > limits::kMaxDimension) return std::nullopt;
        return number;
    }
    if (value.is_number_float()) {
        const double number = value.get<double>();
        // NaN fails every comparison, infinities the bound.
        if (!(number >= -1 && number <= static_cast<double>(limits::kMaxDimension)) ||
            std::floor(number) != number) {
            return std::nullopt;
        }
        return static_cast<Dim>(number);
    }
    return std::nullopt;
}

Shape read_shape(const nlohmann::ordered_json& value, const std::string& place,
                 const std::string& file) {
    if (!value.is_array()) {
        throw Error(file, place + ": expected a shape (a list of dimensions), found a " +
                              std::string(value.type_name()));
    }
    if (value.size() > limits::kMaxRank) {
        throw Error(file, place + ": a shape of " + std::to_string(value.size()) +
                              " dimensions (at most " + std::to_string(limits::kMaxRank) + ")");
    }
    Shape shape;
    shape.reserve(value.size());
    for (std::size_t i = 0; i < value.size(); ++i) {
        shape.push_back(read_dimension(value[i], place + "[" + std::to_string(i) + "]", file));
    }
    return shape;
}

bool is_positive_key(std::string_view key) {
    // Not groups: GroupNormalization's -1 means a group per channel.
    static constexpr std::array<std::string_view, 13> kKeys = {
        "kernel_size", "strides", "pool_size",     "dilation_rate", "depth_multiplier",
        "nb_row",      "nb_col",  "filter_length", "subsample",     "subsample_length",
        "pool_length", "stride",  "atrous_rate",
    };
    return std::find(kKeys.begin(), kKeys.end(), key) != kKeys.end();
}

void check_positive(const nlohmann::ordered_json& value, const std::string& place,
                    const std::string& file) {
    if (value.is_array()) {
        // Lists of windows are short; a long one is dropped by the caller, unchecked.
        if (value.size() > limits::kMaxRank) return;
        for (std::size_t i = 0; i < value.size(); ++i)
            check_positive(value[i], place + "[" + std::to_string(i) + "]", file);
        return;
    }
    if (!value.is_number()) return;
    const bool below_one = value.is_number_unsigned()  ? value.get<std::uint64_t>() == 0
                           : value.is_number_integer() ? value.get<std::int64_t>() < 1
                                                       : !(value.get<double>() >= 1);
    if (!below_one) return;
    // A spec's .nan is a number JSON cannot write: dump() would call it null.
    const bool nan = value.is_number_float() && std::isnan(value.get<double>());
    throw Error(file, place + ": expected an integer of 1 or more (or null), found " +
                          (nan ? std::string("NaN (not a number)") : value.dump()));
}

bool is_positive_or_null(const nlohmann::ordered_json& value) {
    if (value.is_array()) {
        if (value.size() > limits::kMaxRank) return true;
        for (const auto& item : value) {
            if (!is_positive_or_null(item)) return false;
        }
        return true;
    }
    if (!value.is_number()) return true;
    return value.is_number_unsigned()  ? value.get<std::uint64_t>() != 0
           : value.is_number_integer() ? value.get<std::int64_t>() >= 1
                                       : value.get<double>() >= 1;
}

bool is_dimension_key(std::string_view key) {
    static constexpr std::array<std::string_view, 24> kKeys = {
        "batch_input_shape", "batch_shape",    "input_shape", "target_shape",
        "filters",           "units",          "kernel_size", "strides",
        "pool_size",         "dilation_rate",  "output_dim",  "input_dim",
        "input_length",      "size",           "cropping",    "n",
        "depth_multiplier",  "output_padding", "num_heads",   "key_dim",
        "nb_filter",         "nb_row",         "nb_col",      "filter_length",
    };
    return std::find(kKeys.begin(), kKeys.end(), key) != kKeys.end();
}

}  // namespace strata::keras
