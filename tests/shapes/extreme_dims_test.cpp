// Every Keras rule that computes a dimension, fed the extreme dimensions a hostile file can
// state: a result up to 2^40 is exact, one above it (or past 64 bits) leaves the shape unknown
// with a warning that says so; nothing wraps around or passes through above the limit.
#include <boost/test/unit_test.hpp>

#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "shape_fixture.hpp"
#include "strata/error.hpp"

using namespace strata;
using namespace strata::testing;

namespace {

__extension__ typedef __int128 Wide;  // the exact result, even past 64 bits
constexpr Wide kLimit = Wide{1} << 40;

const std::vector<Dim> kExtremes = {Dim{1} << 30, Dim{1} << 31, Dim{1} << 32,
                                    Dim{1} << 35, Dim{1} << 40, (Dim{1} << 40) + 1,
                                    Dim{1} << 62, -1,           0};

// One rule: the layer built around `d`, which axis of its output to look at, and what that
// axis must be (nullopt: the rule fails whatever the limit, e.g. a window larger than 0).
struct RuleCase {
    std::string label;
    std::string type;
    std::function<Attrs(Dim)> attrs;
    std::function<std::vector<Shape>(Dim)> inputs;
    std::size_t axis;
    std::function<std::optional<Wide>(Dim)> expected;
};

Attrs none(Dim) {
    return {};
}

std::optional<Wide> unknown_or(Dim d, Wide value) {
    return d < 0 ? std::optional<Wide>(-1) : std::optional<Wide>(value);
}

// A configuration number: must be positive.
std::optional<Wide> positive_or_fails(Dim d, Wide value) {
    return d <= 0 ? std::nullopt : std::optional<Wide>(value);
}

const std::vector<RuleCase>& rule_cases() {
    static const std::vector<RuleCase> cases = {
        {"Concatenate sums", "Concatenate", none,
         [](Dim d) {
             return std::vector<Shape>{{N, 2, d}, {N, 2, d}};
         },
         2, [](Dim d) { return unknown_or(d, Wide{d} * 2); }},
        {"Flatten multiplies", "Flatten", none,
         [](Dim d) {
             return std::vector<Shape>{{N, d, 3}};
         },
         1, [](Dim d) { return unknown_or(d, Wide{d} * 3); }},
        {"Reshape sizes the free axis", "Reshape",
         [](Dim) {
             return Attrs{{"target_shape", Ints{-1}}};
         },
         [](Dim d) {
             return std::vector<Shape>{{N, d, 3}};
         },
         1, [](Dim d) { return unknown_or(d, Wide{d} * 3); }},
        {"Reshape target", "Reshape",
         [](Dim d) {
             return Attrs{{"target_shape", Ints{d}}};
         },
         [](Dim) {
             return std::vector<Shape>{{N, N}};
         },
         1, [](Dim d) { return d == -1 ? std::optional<Wide>(-1) : positive_or_fails(d, d); }},
        {"UpSampling1D multiplies", "UpSampling1D",
         [](Dim) {
             return Attrs{{"size", std::int64_t{4}}};
         },
         [](Dim d) {
             return std::vector<Shape>{{N, d, 3}};
         },
         1, [](Dim d) { return unknown_or(d, Wide{d} * 4); }},
        {"ZeroPadding1D adds", "ZeroPadding1D",
         [](Dim) {
             return Attrs{{"padding", std::int64_t{1}}};
         },
         [](Dim d) {
             return std::vector<Shape>{{N, d, 3}};
         },
         1, [](Dim d) { return unknown_or(d, Wide{d} + 2); }},
        {"ZeroPadding1D padding", "ZeroPadding1D",
         [](Dim d) {
             return Attrs{{"padding", d}};
         },
         [](Dim) {
             return std::vector<Shape>{{N, 5, 3}};
         },
         1, [](Dim d) { return d < 0 ? std::nullopt : std::optional<Wide>(Wide{d} * 2 + 5); }},
        {"Conv1D full padding grows", "Conv1D",
         [](Dim) {
             return Attrs{{"filters", std::int64_t{2}},
                          {"kernel_size", std::int64_t{3}},
                          {"padding", std::string("full")}};
         },
         [](Dim d) {
             return std::vector<Shape>{{N, d, 3}};
         },
         1, [](Dim d) { return unknown_or(d, Wide{d} + 2); }},
        {"Conv1DTranspose multiplies by the stride", "Conv1DTranspose",
         [](Dim) {
             return Attrs{{"filters", std::int64_t{2}},
                          {"kernel_size", std::int64_t{3}},
                          {"strides", std::int64_t{2}}};
         },
         [](Dim d) {
             return std::vector<Shape>{{N, d, 3}};
         },
         1, [](Dim d) { return unknown_or(d, Wide{d} * 2 + 1); }},
        {"Conv1DTranspose stride", "Conv1DTranspose",
         [](Dim d) {
             return Attrs{
                 {"filters", std::int64_t{2}}, {"kernel_size", std::int64_t{1}}, {"strides", d}};
         },
         [](Dim) {
             return std::vector<Shape>{{N, 8, 3}};
         },
         1,
         // strides: -1 is a null stride, which means the default, 1
         [](Dim d) {
             return d == -1 ? std::optional<Wide>(8) : positive_or_fails(d, Wide{d} * 8);
         }},
        {"DepthwiseConv1D multiplies the channels", "DepthwiseConv1D",
         [](Dim) {
             return Attrs{{"kernel_size", std::int64_t{1}}, {"depth_multiplier", std::int64_t{4}}};
         },
         [](Dim d) {
             return std::vector<Shape>{{N, 5, d}};
         },
         2, [](Dim d) { return unknown_or(d, Wide{d} * 4); }},
        {"DepthwiseConv1D depth_multiplier", "DepthwiseConv1D",
         [](Dim d) {
             return Attrs{{"kernel_size", std::int64_t{1}}, {"depth_multiplier", d}};
         },
         [](Dim) {
             return std::vector<Shape>{{N, 5, 8}};
         },
         2, [](Dim d) { return positive_or_fails(d, Wide{d} * 8); }},
        {"Bidirectional doubles", "Bidirectional",
         [](Dim d) {
             return Attrs{{"layer.class_name", std::string("LSTM")}, {"layer.units", d}};
         },
         [](Dim) {
             return std::vector<Shape>{{N, 5, 3}};
         },
         1, [](Dim d) { return positive_or_fails(d, Wide{d} * 2); }},
        {"Dense units", "Dense",
         [](Dim d) {
             return Attrs{{"units", d}};
         },
         [](Dim) {
             return std::vector<Shape>{{N, 3}};
         },
         1, [](Dim d) { return positive_or_fails(d, d); }},
        {"RepeatVector n", "RepeatVector",
         [](Dim d) {
             return Attrs{{"n", d}};
         },
         [](Dim) {
             return std::vector<Shape>{{N, 3}};
         },
         1, [](Dim d) { return positive_or_fails(d, d); }},
        {"Embedding output_dim", "Embedding",
         [](Dim d) {
             return Attrs{{"output_dim", d}, {"input_dim", std::int64_t{10}}};
         },
         [](Dim) {
             return std::vector<Shape>{{N, 3}};
         },
         2, [](Dim d) { return positive_or_fails(d, d); }},
        {"Resizing height", "Resizing",
         [](Dim d) {
             return Attrs{{"height", d}, {"width", std::int64_t{4}}};
         },
         [](Dim) {
             return std::vector<Shape>{{N, 8, 8, 3}};
         },
         1, [](Dim d) { return positive_or_fails(d, d); }},
        {"Lambda output_shape", "Lambda",
         [](Dim d) {
             return Attrs{{"output_shape", Ints{d}}};
         },
         [](Dim) {
             return std::vector<Shape>{{N, 3}};
         },
         1, [](Dim d) { return d < 0 ? std::optional<Wide>(-1) : std::optional<Wide>(d); }},
        {"MultiHeadAttention output_shape", "MultiHeadAttention",
         [](Dim d) {
             return Attrs{{"output_shape", Ints{d}},
                          {"num_heads", std::int64_t{2}},
                          {"key_dim", std::int64_t{2}}};
         },
         [](Dim) {
             return std::vector<Shape>{{N, 4, 3}, {N, 4, 3}};
         },
         2,
         [](Dim d) {
             return d == 0 ? std::nullopt
                           : (d < 0 ? std::optional<Wide>(-1) : std::optional<Wide>(d));
         }},
    };
    return cases;
}

void check_rule(const RuleCase& rule, Dim d) {
    const std::optional<Wide> expected = rule.expected(d);
    SingleLayer result;
    try {
        result = infer_single(rule.type, rule.attrs(d), rule.inputs(d));
    } catch (const strata::Error& e) {
        // A step or multiplier below 1 describes no layer: the error names it and the bound.
        BOOST_TEST(!expected);
        BOOST_TEST(e.message().starts_with("layer 'subject'"), e.message());
        BOOST_TEST(e.message().ends_with(", expected 1 or more"), e.message());
        return;
    }
    if (expected && *expected <= kLimit) {
        BOOST_TEST(result.warnings.empty());
        BOOST_TEST(result.known);
        if (result.shapes.empty() || result.shapes.front().size() <= rule.axis) return;
        BOOST_TEST(result.shapes.front()[rule.axis] == static_cast<Dim>(*expected));
        return;
    }
    BOOST_TEST(!result.known);
    BOOST_TEST(result.shapes.empty());
    BOOST_TEST(result.warnings.size() == 1u);
    if (result.warnings.size() != 1u) return;
    const std::string& message = result.warnings.front().message;
    BOOST_TEST(message.find("layer 'subject'") != std::string::npos, message);
    // Past 64 bits the arithmetic on the way says so.
    if (expected)
        BOOST_TEST((message.find("exceeds 2^40") != std::string::npos ||
                    message.find("too large to represent") != std::string::npos),
                   message);
}

}  // namespace

BOOST_AUTO_TEST_SUITE(shape_rules_extreme_dimensions)

BOOST_AUTO_TEST_CASE(results_are_exact_up_to_2_to_40_and_refused_above) {
    for (const RuleCase& rule : rule_cases()) {
        for (Dim d : kExtremes) {
            BOOST_TEST_CONTEXT(rule.label << " with " << d) {
                check_rule(rule, d);
            }
        }
    }
}

BOOST_AUTO_TEST_CASE(the_warning_names_the_layer_type_and_the_limit) {
    const SingleLayer result =
        infer_single("Concatenate", {}, {{N, Dim{1} << 40}, {N, Dim{1} << 40}});
    BOOST_TEST_REQUIRE(result.warnings.size() == 1u);
    BOOST_TEST(result.warnings.front().message ==
               "shape unknown for Concatenate layer 'subject': an output dimension exceeds 2^40");
}

BOOST_AUTO_TEST_SUITE_END()
