#include <boost/test/unit_test.hpp>

#include "shape_fixture.hpp"

using namespace strata;
using namespace strata::testing;
using namespace std::string_literals;

BOOST_AUTO_TEST_SUITE(shape_rules_recurrent)

BOOST_AUTO_TEST_CASE(recurrent_last_output_or_sequence) {
    BOOST_TEST(infer_shape("LSTM", {{"units", std::int64_t{64}}}, {{N, 100, 32}}) ==
               (Shape{N, 64}));
    BOOST_TEST(infer_shape("GRU", {{"units", std::int64_t{16}}, {"return_sequences", true}},
                           {{N, 100, 32}}) == (Shape{N, 100, 16}));
    BOOST_TEST(infer_shape("SimpleRNN", {{"units", std::int64_t{8}}}, {{N, N, 3}}) ==
               (Shape{N, 8}));
    BOOST_TEST(infer_shape("CuDNNGRU", {{"units", std::int64_t{8}}}, {{N, 7, 3}}) == (Shape{N, 8}));
}

BOOST_AUTO_TEST_CASE(lstm_return_state_gives_output_and_two_states) {
    SingleLayer result = infer_single(
        "CuDNNLSTM",
        {{"units", std::int64_t{32}}, {"return_sequences", true}, {"return_state", true}},
        {{N, 20, 8}});
    BOOST_TEST(result.known);
    BOOST_TEST(result.shapes == (std::vector<Shape>{{N, 20, 32}, {N, 32}, {N, 32}}));
}

BOOST_AUTO_TEST_CASE(gru_return_state_gives_one_state) {
    SingleLayer result =
        infer_single("GRU", {{"units", std::int64_t{4}}, {"return_state", true}}, {{N, 20, 8}});
    BOOST_TEST(result.shapes == (std::vector<Shape>{{N, 4}, {N, 4}}));
}

BOOST_AUTO_TEST_CASE(a_consumer_reads_the_state_it_names) {
    ModelBuilder builder;
    TensorRef in = builder.input("in", {N, 10, 3});
    TensorRef lstm = builder.add(
        "lstm", "LSTM", {in},
        {{"units", std::int64_t{6}}, {"return_sequences", true}, {"return_state", true}});
    builder.add("dense_on_state", "Dense", {{lstm.layer, 2}}, {{"units", std::int64_t{2}}});
    Warnings warnings;
    infer_shapes(builder.model(), warnings);
    BOOST_TEST(builder.layer("dense_on_state").shapes == (std::vector<Shape>{{N, 2}}));
    BOOST_TEST(warnings.empty());
}

BOOST_AUTO_TEST_CASE(conv_lstm_2d) {
    SingleLayer result = infer_single("ConvLSTM2D",
                                      {{"filters", std::int64_t{40}},
                                       {"kernel_size", Ints{3, 3}},
                                       {"padding", "same"s},
                                       {"return_sequences", true}},
                                      {{N, 10, 40, 40, 1}});
    BOOST_TEST(result.shapes == (std::vector<Shape>{{N, 10, 40, 40, 40}}));
    BOOST_TEST(infer_shape("ConvLSTM2D",
                           {{"filters", std::int64_t{4}}, {"kernel_size", Ints{3, 3}}},
                           {{N, 10, 8, 8, 1}}) == (Shape{N, 6, 6, 4}));
}

Attrs bidirectional_lstm(Attrs extra) {
    Attrs attrs{{"layer.class_name", "LSTM"s},
                {"layer.units", std::int64_t{128}},
                {"layer.return_sequences", true}};
    attrs.merge(extra);
    return attrs;
}

BOOST_AUTO_TEST_CASE(bidirectional_merge_modes) {
    const Shape input{N, 50, 32};
    BOOST_TEST(infer_shape("Bidirectional", bidirectional_lstm({}), {input}) ==
               (Shape{N, 50, 256}));
    BOOST_TEST(infer_shape("Bidirectional", bidirectional_lstm({{"merge_mode", "concat"s}}),
                           {input}) == (Shape{N, 50, 256}));
    for (const char* mode : {"sum", "mul", "ave"}) {
        BOOST_TEST(infer_shape("Bidirectional",
                               bidirectional_lstm({{"merge_mode", std::string(mode)}}),
                               {input}) == (Shape{N, 50, 128}));
    }
    SingleLayer separate =
        infer_single("Bidirectional", bidirectional_lstm({{"merge_mode", "None"s}}), {input});
    BOOST_TEST(separate.shapes == (std::vector<Shape>{{N, 50, 128}, {N, 50, 128}}));
}

BOOST_AUTO_TEST_CASE(bidirectional_return_state_appends_both_directions_states) {
    SingleLayer result = infer_single("Bidirectional",
                                      {{"layer.class_name", "LSTM"s},
                                       {"layer.units", std::int64_t{8}},
                                       {"layer.return_state", true}},
                                      {{N, 5, 3}});
    BOOST_TEST(result.shapes == (std::vector<Shape>{{N, 16}, {N, 8}, {N, 8}, {N, 8}, {N, 8}}));
}

BOOST_AUTO_TEST_CASE(time_distributed_applies_the_layer_per_step) {
    BOOST_TEST(infer_shape("TimeDistributed",
                           {{"layer.class_name", "Dense"s}, {"layer.units", std::int64_t{9}}},
                           {{N, 75, 200}}) == (Shape{N, 75, 9}));
    BOOST_TEST(infer_shape("TimeDistributed",
                           {{"layer.class_name", "Conv2D"s},
                            {"layer.filters", std::int64_t{4}},
                            {"layer.kernel_size", Ints{3, 3}}},
                           {{N, 6, 10, 10, 3}}) == (Shape{N, 6, 8, 8, 4}));
}

BOOST_AUTO_TEST_CASE(wrapper_without_a_layer_is_unknown) {
    SingleLayer result = infer_single("TimeDistributed", {}, {{N, 3, 4}});
    BOOST_TEST(!result.known);
    BOOST_TEST(result.warnings.size() == 1u);
}

BOOST_AUTO_TEST_SUITE_END()
