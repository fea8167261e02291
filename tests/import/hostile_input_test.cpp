#include <boost/test/unit_test.hpp>

#include "import/load.hpp"
#include "import_test_support.hpp"
#include "strata/import.hpp"

using namespace import_test;

namespace {

// A Sequential whose only layer declares `shape` as its input shape.
std::string sequential_with_input_shape(const std::string& shape) {
    return R"({"class_name": "Sequential", "config": {"name": "s", "layers": [
      {"class_name": "Dense", "config": {"name": "d", "units": 2, "batch_input_shape": )" +
           shape + "}}]}}";
}

std::string expect_error(std::string_view text) {
    const auto error = read_error(text);
    BOOST_TEST_REQUIRE(error.has_value(), "no error for: " << text.substr(0, 200));
    BOOST_TEST(error->file() == "model.json");
    return error->message();
}

}  // namespace

BOOST_AUTO_TEST_SUITE(import_hostile_input)

BOOST_AUTO_TEST_CASE(syntax_error_carries_line_and_column) {
    const auto error =
        read_error("{\n  \"class_name\": \"Sequential\",\n  \"config\": {} \"x\": 1\n}");
    BOOST_REQUIRE(error.has_value());
    BOOST_TEST(error->line() == 3u);
    // The column is that of the last character of the unexpected token ("x").
    BOOST_TEST(error->column() == 18u);
    BOOST_TEST(contains(error->message(), "expected"));
    BOOST_TEST(contains(error->what(), "model.json:3:18: "));
}

BOOST_AUTO_TEST_CASE(syntax_error_in_a_double_encoded_string_names_its_position) {
    const std::string message =
        expect_error(R"("{\"class_name\":\n \"Sequential\" \"config\": []}")");
    BOOST_TEST(contains(message, "line 2"));
}

BOOST_AUTO_TEST_CASE(deep_nesting_is_refused_before_parsing) {
    const std::string message = expect_error(std::string(100000, '['));
    BOOST_TEST(contains(message, "nested deeper than"));
    const std::string objects = expect_error("{\"a\":" + std::string(100000, '{'));
    BOOST_TEST(contains(objects, "nested deeper than"));
}

BOOST_AUTO_TEST_CASE(brackets_inside_strings_do_not_count_as_nesting) {
    const std::string name = std::string(2000, '[') + "\\\"" + std::string(2000, '{');
    const auto model = read(R"({"class_name": "Sequential", "config": {"name": ")" + name +
                            R"(", "layers": []}})");
    BOOST_TEST(model.name.size() == 4001u);
}

BOOST_AUTO_TEST_CASE(huge_dimension_is_an_error) {
    const std::string message = expect_error(sequential_with_input_shape("[null, 1e300]"));
    BOOST_TEST(contains(message, "config.layers[0].config.batch_input_shape[1]"));
    BOOST_TEST(contains(message, "expected a dimension"));
    expect_error(sequential_with_input_shape("[null, 99999999999999999999999]"));
    expect_error(sequential_with_input_shape("[null, 1099511627777]"));
}

BOOST_AUTO_TEST_CASE(fractional_dimension_is_an_error) {
    const std::string message = expect_error(sequential_with_input_shape("[null, 3.7]"));
    BOOST_TEST(contains(message, "3.7"));
    expect_error(R"({"class_name": "Sequential", "config": [
      {"class_name": "Conv2D", "config": {"name": "c", "filters": 2.5, "kernel_size": 3}}]})");
    expect_error(R"({"class_name": "Sequential", "config": [
      {"class_name": "Conv2D", "config": {"name": "c", "filters": 2, "kernel_size": [3, 0.5]}}]})");
}

BOOST_AUTO_TEST_CASE(negative_dimension_other_than_minus_one_is_an_error) {
    const std::string message = expect_error(sequential_with_input_shape("[null, -5]"));
    BOOST_TEST(contains(message, "-5"));
    BOOST_TEST(read(sequential_with_input_shape("[-1, 4]")).layers.size() == 2u);
    expect_error(sequential_with_input_shape("[null, \"four\"]"));
    expect_error(sequential_with_input_shape("{\"a\": 1}"));
}

BOOST_AUTO_TEST_CASE(cycle_is_an_error) {
    const std::string message = expect_error(R"({"class_name": "Model", "config": {"name": "m",
      "input_layers": [], "output_layers": [["b", 0, 0]], "layers": [
        {"name": "a", "class_name": "Dense", "config": {}, "inbound_nodes": [[["b", 0, 0, {}]]]},
        {"name": "b", "class_name": "Dense", "config": {}, "inbound_nodes": [[["a", 0, 0, {}]]]}]}})");
    BOOST_TEST(contains(message, "cycle"));
    BOOST_TEST(contains(message, "config.layers["));
    expect_error(R"({"class_name": "Model", "config": {"name": "m", "layers": [
        {"name": "a", "class_name": "Dense", "config": {}, "inbound_nodes": [[["a", 0, 0, {}]]]}]}})");
}

BOOST_AUTO_TEST_CASE(nested_model_fed_by_its_own_output_is_an_error) {
    const std::string message = expect_error(R"({"class_name": "Model", "config": {"name": "m",
      "output_layers": [["inner", 0, 0]], "layers": [
        {"name": "inner", "class_name": "Model", "inbound_nodes": [[["inner", 0, 0, {}]]],
         "config": {"name": "inner", "input_layers": [["x", 0, 0]], "output_layers": [["x", 0, 0]],
           "layers": [{"name": "x", "class_name": "InputLayer", "config": {}, "inbound_nodes": []}]}}]}})");
    BOOST_TEST(contains(message, "leads back to itself"));
}

BOOST_AUTO_TEST_CASE(unknown_inbound_name_is_an_error) {
    const std::string message = expect_error(R"({"class_name": "Model", "config": {"name": "m",
      "layers": [
        {"name": "in", "class_name": "InputLayer", "config": {"batch_input_shape": [null, 2]}, "inbound_nodes": []},
        {"name": "d", "class_name": "Dense", "config": {}, "inbound_nodes": [[["nowhere", 0, 0, {}]]]}]}})");
    BOOST_TEST(contains(message, "'nowhere'"));
    BOOST_TEST(contains(message, "config.layers[1].inbound_nodes[0][0]"));
}

BOOST_AUTO_TEST_CASE(malformed_inbound_nodes_name_their_place) {
    const std::string message = expect_error(R"({"class_name": "Model", "config": {"name": "m",
      "layers": [
        {"name": "in", "class_name": "InputLayer", "config": {}, "inbound_nodes": []},
        {"name": "a", "class_name": "Dense", "config": {}, "inbound_nodes": [[["in", 0, 0, {}]]]},
        {"name": "b", "class_name": "Dense", "config": {}, "inbound_nodes": [[["in", 0, 0.5, {}]]]},
        {"name": "c", "class_name": "Dense", "config": {}, "inbound_nodes": [7]}]}})");
    BOOST_TEST(contains(message,
                        "config.layers[2].inbound_nodes[0][0]: expected a list of [name, node, "
                        "tensor] references"));
    expect_error(R"({"class_name": "Model", "config": {"name": "m", "layers": [
        {"name": "c", "class_name": "Dense", "config": {}, "inbound_nodes": [7]}]}})");
    expect_error(R"({"class_name": "Model", "config": {"name": "m", "layers": [
        {"name": "c", "class_name": "Dense", "config": {}, "inbound_nodes": "x"}]}})");
    expect_error(R"({"class_name": "Model", "config": {"name": "m", "layers": [
        {"name": "c", "class_name": "Dense", "config": {}, "inbound_nodes": [{"args": [
          {"class_name": "__keras_tensor__", "config": {}}]}]}]}})");
}

BOOST_AUTO_TEST_CASE(missing_class_name_is_an_error) {
    const std::string message = expect_error(R"({"class_name": "Sequential", "config": {"name": "s",
      "layers": [{"class_name": "Dense", "config": {"name": "a"}}, {"config": {"name": "b"}}]}})");
    BOOST_TEST(contains(message, "config.layers[1]: expected \"class_name\""));
    BOOST_TEST(contains(expect_error(R"({"config": {"layers": []}})"), "class_name"));
    BOOST_TEST(contains(expect_error(R"({"class_name": "Dense", "config": {}})"), "'Dense'"));
    expect_error(
        R"({"class_name": "Sequential", "config": {"name": "s", "layers": [{"class_name": "Dense"}]}})");
    expect_error(R"({"class_name": "Sequential", "config": {"name": "s", "layers": [3]}})");
    expect_error(R"({"class_name": "Sequential", "config": 3})");
    expect_error(R"({"modelTopology": 3})");
}

BOOST_AUTO_TEST_CASE(windows_and_steps_below_one_are_errors_naming_the_place) {
    // -1 would otherwise read as null, which means the default (for strides, the pool size).
    const auto pooling = [](const std::string& key, const std::string& value) {
        return R"({"class_name": "Sequential", "config": {"name": "s", "layers": [
          {"class_name": "MaxPooling2D", "config": {"name": "p", "batch_input_shape":
           [null, 8, 8, 1], ")" +
               key + R"(": )" + value + "}}]}}";
    };
    BOOST_TEST(expect_error(pooling("strides", "[2, -1]")) ==
               "config.layers[0].config.strides[1]: expected an integer of 1 or more (or null), "
               "found -1");
    BOOST_TEST(expect_error(pooling("strides", "-1")) ==
               "config.layers[0].config.strides: expected an integer of 1 or more (or null), "
               "found -1");
    BOOST_TEST(expect_error(pooling("pool_size", "[0, 0]")) ==
               "config.layers[0].config.pool_size[0]: expected an integer of 1 or more (or "
               "null), found 0");
    BOOST_TEST(expect_error(pooling("pool_size", "0.5")) ==
               "config.layers[0].config.pool_size: expected an integer of 1 or more (or null), "
               "found 0.5");
    BOOST_TEST(!read_error(pooling("strides", "[null, null]")).has_value());
    BOOST_TEST(!read_error(pooling("strides", "[1, 2]")).has_value());
}

BOOST_AUTO_TEST_CASE(empty_and_non_object_documents_are_errors) {
    BOOST_TEST(contains(expect_error(""), "empty"));
    BOOST_TEST(contains(expect_error(" \n\t "), "empty"));
    BOOST_TEST(contains(expect_error("[1, 2]"), "expected a JSON object"));
    BOOST_TEST(contains(expect_error("42"), "expected a JSON object"));
    BOOST_TEST(contains(expect_error("null"), "expected a JSON object"));
    expect_error(R"("just a string")");
    expect_error(R"("\"\\\"\\\\\\\"nested\\\\\\\"\\\"\"")");
    expect_error("{\"a\": \"\xff\xfe\"}");  // invalid UTF-8
}

BOOST_AUTO_TEST_CASE(duplicate_names_in_one_model_are_an_error) {
    const std::string message = expect_error(R"({"class_name": "Model", "config": {"name": "m",
      "layers": [
        {"name": "a", "class_name": "InputLayer", "config": {}, "inbound_nodes": []},
        {"name": "a", "class_name": "Dense", "config": {}, "inbound_nodes": [[["a", 0, 0, {}]]]}]}})");
    BOOST_TEST(contains(message, "defined twice"));
}

BOOST_AUTO_TEST_CASE(truncated_documents_never_crash) {
    const std::string text = R"({"class_name": "Model", "config": {"name": "m",
      "input_layers": [["in", 0, 0]], "output_layers": [["d", 0, 0]], "layers": [
        {"name": "in", "class_name": "InputLayer", "config": {"batch_input_shape": [null, 2]}, "inbound_nodes": []},
        {"name": "d", "class_name": "Dense", "config": {"units": 3}, "inbound_nodes": [{"args": [
          {"class_name": "__keras_tensor__", "config": {"keras_history": ["in", 0, 0]}}], "kwargs": {}}]}]}})";
    BOOST_TEST(read(text).layers.size() == 2u);
    for (std::size_t length = 0; length < text.size(); ++length) {
        BOOST_TEST(read_error(text.substr(0, length)).has_value());
    }
}

BOOST_AUTO_TEST_CASE(broken_and_unknown_binary_formats_are_refused_clearly) {
    strata::Warnings warnings;
    const auto message_of = [&](std::string_view bytes) {
        try {
            strata::import_model_bytes(bytes, "model.bin", warnings);
        } catch (const strata::Error& error) {
            return error.message();
        }
        return std::string("no error");
    };
    // Built without libzip (STRATA_WITH_LIBZIP=OFF) the archive is refused as such.
    BOOST_TEST(contains(message_of(std::string_view("PK\x03\x04rest", 8)),
                        STRATA_WITH_LIBZIP ? "not a readable .keras archive"
                                           : "built without .keras archive support"));
    BOOST_TEST(contains(message_of("\x89HDF\r\n\x1a\n"), "HDF5"));
    BOOST_TEST(contains(message_of(std::string_view("\x00\x01\x02", 3)),
                        "unsupported model format: expected Keras JSON"));
    BOOST_TEST(contains(message_of(""), "empty"));
}

BOOST_AUTO_TEST_CASE(unreadable_file_is_named) {
    strata::Warnings warnings;
    BOOST_CHECK_EXCEPTION(strata::import_model_file("/nonexistent/model.json", warnings),
                          strata::Error, [](const strata::Error& error) {
                              return error.file() == "/nonexistent/model.json" &&
                                     contains(error.message(), "cannot open");
                          });
    BOOST_CHECK_EXCEPTION(
        strata::import_model_file("/tmp", warnings), strata::Error,
        [](const strata::Error& error) { return contains(error.message(), "directory"); });
}

// Values no Keras builds the layer with are errors naming the file and the layer, not a
// warning and a box of unknown shape.
BOOST_AUTO_TEST_CASE(impossible_counts_and_axes_are_errors_naming_file_and_layer) {
    const auto error_of = [](const std::string& layer) -> std::string {
        const std::string text = R"({"class_name": "Sequential", "config": {"name": "s", "layers": [
          {"class_name": "InputLayer", "config": {"name": "in", "batch_input_shape": [null, 8, 8, 3]}},
          )" + layer + "]}}";
        strata::Warnings warnings;
        try {
            strata::parse_model(text, "model.json", warnings);
        } catch (const strata::Error& error) {
            BOOST_TEST(error.file() == "model.json");
            return error.message();
        }
        return "";
    };
    BOOST_TEST(error_of(R"({"class_name": "Dense", "config": {"name": "fc", "units": 0}})") ==
               "layer 'fc' (Dense): 'units' holds 0, expected 1 or more");
    BOOST_TEST(error_of(R"({"class_name": "Conv2D", "config": {"name": "c", "filters": 0,
               "kernel_size": 3}})") ==
               "layer 'c' (Conv2D): 'filters' holds 0, expected 1 or more");
    BOOST_TEST(contains(error_of(R"({"class_name": "BatchNormalization",
               "config": {"name": "bn", "axis": 9}})"),
                        "layer 'bn' (BatchNormalization): 'axis' holds 9, outside the 4 axes"));
    BOOST_TEST(
        contains(error_of(R"({"class_name": "Softmax", "config": {"name": "sm", "axis": -9}})"),
                 "layer 'sm' (Softmax): 'axis' holds -9"));
    BOOST_TEST(error_of(R"({"class_name": "Softmax", "config": {"name": "sm", "axis": 1}})") == "");
}

// An error placed by its JSON path gets that value's line and column as well.
BOOST_AUTO_TEST_CASE(errors_at_a_json_path_carry_its_line_and_column) {
    const std::string text =
        "{\"class_name\": \"Sequential\",\n \"config\": {\"name\": \"s\", "
        "\"layers\": [\n  {\"class_name\": \"Dense\", \"config\": {\"name\": "
        "\"a\", \"units\": 2, \"batch_input_shape\": [null, 4]}},\n  "
        "{\"class_name\": \"Conv2D\", \"config\": {\"name\": \"c\",\n    "
        "\"strides\": [1, 0]}}]}}";
    const auto error = read_error(text);
    BOOST_TEST_REQUIRE(error.has_value());
    BOOST_TEST(error->line() == 5u);
    BOOST_TEST(error->column() == 20u);  // the 0
    BOOST_TEST(contains(error->what(), "model.json:5:20: config.layers[1].config.strides[1]: "));
    // A double-encoded document has no line of its own to name: the path alone.
    std::string encoded = "\"";
    for (const char c : text) {
        if (c == '"' || c == '\\') encoded += '\\';
        encoded += c == '\n' ? std::string("\\n") : std::string(1, c);
    }
    const auto inner = read_error(encoded + "\"");
    BOOST_TEST_REQUIRE(inner.has_value());
    BOOST_TEST(inner->line() == 0u);
    BOOST_TEST(contains(inner->message(), "config.layers[1].config.strides[1]: "));
}

BOOST_AUTO_TEST_SUITE_END()
