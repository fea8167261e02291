// Every limit of import/limits.hpp at N (accepted) and N+1 (an error naming the limit).

#include <boost/test/unit_test.hpp>

#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <functional>
#include <string>

#include "import/keras_json.hpp"
#include "import/limits.hpp"
#include "import/load.hpp"
#include "import/yaml_document.hpp"
#include "strata/error.hpp"

namespace limits = strata::limits;

namespace {

std::string error_of(const std::function<void()>& action) {
    try {
        action();
    } catch (const strata::Error& error) {
        return error.what();
    }
    return "no error";
}

bool has(const std::string& text, std::string_view part) {
    return text.find(part) != std::string::npos;
}

std::string import_error(const std::string& json) {
    return error_of([&] {
        strata::Warnings warnings;
        strata::read_keras_json(json, "model.json", warnings);
    });
}

// A Sequential of `count` layers in all: an implicit input layer and count-1 Dense layers.
std::string sequential(std::size_t count) {
    std::string json = R"({"class_name": "Sequential", "config": {"name": "s", "layers": [)";
    for (std::size_t i = 1; i < count; ++i) {
        if (i > 1) json += ',';
        json += R"({"class_name": "Dense", "config": {"name": "d)" + std::to_string(i) +
                R"(", "units": 2)" + (i == 1 ? R"(, "batch_input_shape": [null, 2])" : "") + "}}";
    }
    return json + "]}}";
}

std::string with_input_shape(const std::string& shape) {
    return R"({"class_name": "Sequential", "config": {"name": "s", "layers": [{"class_name": "Dense",
      "config": {"name": "d", "units": 2, "batch_input_shape": )" +
           shape + "}}]}}";
}

std::string nested_arrays(std::size_t depth) {
    return R"({"class_name": "Sequential", "config": {"name": "s", "layers": [], "x": )" +
           std::string(depth, '[') + std::string(depth, ']') + "}}";
}

std::string yaml_error(const std::string& text) {
    return error_of([&] { strata::parse_yaml_document(text, "fig.yaml"); });
}

}  // namespace

BOOST_AUTO_TEST_SUITE(limits_at_n_and_n_plus_1)

BOOST_AUTO_TEST_CASE(input_file_size) {
    const auto dir =
        std::filesystem::temp_directory_path() / ("strata-limit-" + std::to_string(::getpid()));
    std::filesystem::create_directories(dir);
    const auto file = dir / "big.json";
    strata::Warnings warnings;
    const auto load = [&] { strata::import_model_file(file.string(), warnings); };
    { std::ofstream(file) << ""; }
    std::filesystem::resize_file(file, limits::kMaxFileBytes + 1);  // sparse: costs no disk
    BOOST_TEST(has(error_of(load), "(limit kMaxFileBytes)"));
    std::filesystem::resize_file(file, limits::kMaxFileBytes);
    const std::string at_limit = error_of(load);  // read, then refused as not JSON
    BOOST_TEST(!has(at_limit, "kMaxFileBytes"));
    BOOST_TEST(has(at_limit, "unsupported model format"));
    std::filesystem::remove_all(dir);
}

BOOST_AUTO_TEST_CASE(json_depth) {
    // Two levels are taken by the document and "config".
    const std::size_t inner = limits::kMaxJsonDepth - 2;
    BOOST_TEST(!has(import_error(nested_arrays(inner)), "kMaxJsonDepth"));
    BOOST_TEST(has(import_error(nested_arrays(inner + 1)), "(limit kMaxJsonDepth)"));
}

BOOST_AUTO_TEST_CASE(layers) {
    strata::Warnings warnings;
    const auto model =
        strata::read_keras_json(sequential(limits::kMaxLayers), "model.json", warnings);
    BOOST_TEST(model.layers.size() == limits::kMaxLayers);
    BOOST_TEST(has(import_error(sequential(limits::kMaxLayers + 1)), "(limit kMaxLayers)"));
}

BOOST_AUTO_TEST_CASE(rank) {
    std::string shape = "[null";
    for (std::size_t i = 1; i < limits::kMaxRank; ++i) shape += ", 1";
    BOOST_TEST(import_error(with_input_shape(shape + "]")) == "no error");
    BOOST_TEST(has(import_error(with_input_shape(shape + ", 1]")), "limit kMaxRank)"));
}

BOOST_AUTO_TEST_CASE(dimension) {
    const std::string n = std::to_string(limits::kMaxDimension);
    const std::string n1 = std::to_string(limits::kMaxDimension + 1);
    BOOST_TEST(import_error(with_input_shape("[null, " + n + "]")) == "no error");
    BOOST_TEST(has(import_error(with_input_shape("[null, " + n1 + "]")), "limit kMaxDimension"));
}

BOOST_AUTO_TEST_CASE(name_length) {
    const auto model_named = [](std::size_t length) {
        return R"({"class_name": "Sequential", "config": {"name": "s", "layers": [{"class_name":
          "Dense", "config": {"name": ")" +
               std::string(length, 'n') + R"(", "units": 2, "batch_input_shape": [null, 2]}}]}})";
    };
    BOOST_TEST(import_error(model_named(limits::kMaxNameLength)) == "no error");
    BOOST_TEST(
        has(import_error(model_named(limits::kMaxNameLength + 1)), "(limit kMaxNameLength)"));
}

BOOST_AUTO_TEST_CASE(yaml_depth) {
    const auto nested = [](std::size_t depth) {
        return std::string(depth, '[') + std::string(depth, ']');
    };
    BOOST_TEST(yaml_error(nested(limits::kMaxYamlDepth)) == "no error");
    BOOST_TEST(has(yaml_error(nested(limits::kMaxYamlDepth + 1)), "(limit kMaxYamlDepth)"));
}

BOOST_AUTO_TEST_CASE(yaml_alias_expansion) {
    // A sequence of 999 scalars is 1000 nodes; each alias to it counts all of them.
    std::string list = "[";
    for (int i = 0; i < 999; ++i) list += i ? ",x" : "x";
    list += "]";
    const auto document = [&](int aliases, int extra) {
        std::string text = "- &a " + list + "\n";
        for (int i = 0; i < aliases; ++i) text += "- *a\n";
        for (int i = 0; i < extra; ++i) text += "- y\n";
        return text;
    };
    // root sequence (1) + anchored list (1000) + 998 aliases (998 000) + 999 scalars = 10^6.
    BOOST_TEST(yaml_error(document(998, 999)) == "no error");
    BOOST_TEST(has(yaml_error(document(998, 1000)), "(limit kMaxYamlNodes)"));
}

BOOST_AUTO_TEST_SUITE_END()
