#include <boost/test/unit_test.hpp>

#include "params_fixture.hpp"

using namespace strata;
using namespace strata::testing;
using namespace std::string_literals;

namespace {

const Attrs kUnits64{{"units", std::int64_t{64}}};
const Shape kSequence{N, 20, 32};  // 32 features per step

}  // namespace

BOOST_AUTO_TEST_SUITE(param_counts_recurrent)

BOOST_AUTO_TEST_CASE(simple_rnn_and_lstm) {
    BOOST_TEST(params_of("SimpleRNN", kUnits64, {kSequence}) == Count{64 * 96 + 64});
    BOOST_TEST(params_of("LSTM", kUnits64, {kSequence}) == Count{24832});
    Attrs no_bias = kUnits64;
    no_bias["use_bias"] = false;
    BOOST_TEST(params_of("LSTM", no_bias, {kSequence}) == Count{4 * 64 * 96});
}

BOOST_AUTO_TEST_CASE(gru_reset_after_keeps_two_biases) {
    BOOST_TEST(params_of("GRU", kUnits64, {kSequence}) == Count{3 * 64 * 96 + 6 * 64});
    Attrs before = kUnits64;
    before["reset_after"] = false;
    BOOST_TEST(params_of("GRU", before, {kSequence}) == Count{3 * (64 * 96 + 64)});
}

BOOST_AUTO_TEST_CASE(gru_of_files_older_than_reset_after_resets_first) {
    BOOST_TEST(params_of("GRU", kUnits64, {kSequence}, "keras1-json") == Count{3 * (64 * 96 + 64)});
    // A file that names the setting is read as it says.
    Attrs after = kUnits64;
    after["reset_after"] = true;
    BOOST_TEST(params_of("GRU", after, {kSequence}, "keras1-json") == Count{18816});
}

BOOST_AUTO_TEST_CASE(cudnn_layers_keep_input_and_recurrent_biases) {
    BOOST_TEST(params_of("CuDNNLSTM", kUnits64, {kSequence}) == Count{4 * 64 * 96 + 8 * 64});
    BOOST_TEST(params_of("CuDNNGRU", kUnits64, {kSequence}) == Count{3 * 64 * 96 + 6 * 64});
}

BOOST_AUTO_TEST_CASE(conv_lstm_per_gate_input_and_state_kernels) {
    const Attrs attrs{{"filters", std::int64_t{16}}, {"kernel_size", Ints{3, 3}}};
    BOOST_TEST(params_of("ConvLSTM2D", attrs, {{N, 10, 32, 32, 3}}) == Count{11008});
    Attrs first = attrs;
    first["data_format"] = "channels_first"s;
    BOOST_TEST(params_of("ConvLSTM2D", first, {{N, 10, 3, 32, 32}}) == Count{11008});
    BOOST_TEST(params_of("ConvLSTM1D", {{"filters", std::int64_t{2}}, {"kernel_size", Ints{3}}},
                         {{N, 10, 32, 1}}) == Count{4 * (3 * 3 * 2 + 2)});
}

BOOST_AUTO_TEST_CASE(wrappers_count_the_wrapped_layer) {
    const Attrs bidirectional{{"layer.class_name", "LSTM"s}, {"layer.units", std::int64_t{64}}};
    BOOST_TEST(params_of("Bidirectional", bidirectional, {kSequence}) == Count{2 * 24832});
    const Attrs gru{{"layer.class_name", "GRU"s},
                    {"layer.units", std::int64_t{8}},
                    {"layer.reset_after", false},
                    {"merge_mode", "sum"s}};
    BOOST_TEST(params_of("Bidirectional", gru, {{N, 5, 4}}) == Count{2 * 3 * (8 * 12 + 8)});
    const Attrs dense{{"layer.class_name", "Dense"s}, {"layer.units", std::int64_t{10}}};
    BOOST_TEST(params_of("TimeDistributed", dense, {{N, 5, 20}}) == Count{210});
    const Attrs conv{{"layer.class_name", "Conv2D"s},
                     {"layer.filters", std::int64_t{4}},
                     {"layer.kernel_size", Ints{3, 3}}};
    BOOST_TEST(params_of("TimeDistributed", conv, {{N, 5, 8, 8, 2}}) == Count{9 * 2 * 4 + 4});
    const Attrs nested{{"layer.class_name", "Bidirectional"s},
                       {"layer.layer.class_name", "SimpleRNN"s},
                       {"layer.layer.units", std::int64_t{2}}};
    BOOST_TEST(params_of("TimeDistributed", nested, {{N, 5, 7, 3}}) == Count{2 * (2 * 5 + 2)});
}

BOOST_AUTO_TEST_SUITE_END()
