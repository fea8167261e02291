// Every limit of strata/limits.hpp at N (accepted) and N+1 (an error naming the limit).

#include <boost/test/unit_test.hpp>

#include <unistd.h>

#include <cstdint>
#include <filesystem>
#include <fstream>
#include <functional>
#include <string>
#include <vector>

#include "import/connection_limit.hpp"
#include "import/keras_archive.hpp"
#include "import/keras_json.hpp"
#include "import/load.hpp"
#include "import/onnx/wire_limits.hpp"
#include "input/yaml_document.hpp"
#include "io/frames_budget.hpp"
#include "layout/decorations/captions.hpp"
#include "layout/decorations/text_budget.hpp"
#include "strata/error.hpp"
#include "strata/limits.hpp"

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

// The protobuf wire format, enough to write small ONNX models.
std::string varint(std::uint64_t n) {
    std::string out;
    for (; n >= 0x80; n >>= 7) out.push_back(static_cast<char>((n & 0x7f) | 0x80));
    out.push_back(static_cast<char>(n));
    return out;
}

std::string number_field(std::uint64_t number, std::uint64_t value) {
    return varint(number << 3) + varint(value);
}

std::string bytes_field(std::uint64_t number, const std::string& payload) {
    return varint((number << 3) | 2) + varint(payload.size()) + payload;
}

std::string onnx_model(const std::string& graph) {
    return number_field(1, 8) + bytes_field(7, graph) +
           bytes_field(8, bytes_field(1, "") + number_field(2, 13));
}

// A graph input named x of the given dimensions (elem_type float).
std::string onnx_input(const std::vector<std::int64_t>& dims) {
    std::string shape;
    for (std::int64_t d : dims)
        shape += bytes_field(1, number_field(1, static_cast<std::uint64_t>(d)));
    return bytes_field(
        11, bytes_field(1, "x") +
                bytes_field(2, bytes_field(1, number_field(1, 1) + bytes_field(2, shape))));
}

// A chain of `count` MatMul nodes from input x, each in a module of its own: one box each.
std::string matmul_chain(std::size_t count) {
    std::string graph;
    for (std::size_t i = 0; i < count; ++i) {
        const std::string in = i == 0 ? "x" : "t" + std::to_string(i);
        graph +=
            bytes_field(1, bytes_field(1, in) + bytes_field(1, "w") +
                               bytes_field(2, "t" + std::to_string(i + 1)) +
                               bytes_field(3, "m" + std::to_string(i)) + bytes_field(4, "MatMul"));
    }
    graph += bytes_field(
        5, number_field(1, 4) + number_field(1, 4) + number_field(2, 1) + bytes_field(8, "w"));
    return onnx_model(graph + onnx_input({1, 4}));
}

std::string wire_error(const std::string& model, bool raw = false) {
    return error_of([&] { strata::onnx_import::check_wire_limits(model, "m.onnx", raw); });
}

std::string onnx_error(const std::string& model) {
    return error_of([&] {
        strata::Warnings warnings;
        strata::import_model_bytes(model, "m.onnx", warnings);
    });
}

// An end of central directory record alone: an archive that declares `entries` entries.
std::string archive_declaring(std::uint64_t entries) {
    std::string record = "PK\x05\x06";
    record += std::string(4, '\0');  // disk numbers
    for (int i = 0; i < 2; ++i) {
        record.push_back(static_cast<char>(entries & 0xff));
        record.push_back(static_cast<char>((entries >> 8) & 0xff));
    }
    return record + std::string(10, '\0');  // directory size and offset, comment length
}

// Distinct layer names of kMaxNameLength bytes, 4 MiB in all (kMaxModelNameBytes), and one more
// of `extra` bytes when `extra` is not 0.
std::vector<std::string> names_of_total(std::size_t extra) {
    std::vector<std::string> names;
    for (std::size_t total = 0; total < limits::kMaxModelNameBytes;
         total += limits::kMaxNameLength) {
        const std::string number = std::to_string(names.size());
        names.push_back(number + std::string(limits::kMaxNameLength - number.size(), 'n'));
    }
    if (extra != 0) names.push_back(std::string(extra, 'z'));
    return names;
}

// A scene of `groups` layers, each showing the same picture of `bytes` bytes.
strata::Scene scene_with_picture(std::size_t groups, std::size_t bytes) {
    strata::Scene scene;
    strata::Image image;
    image.file = "face.png";
    image.data = std::string(bytes, 'p');
    for (std::size_t i = 0; i < groups; ++i) {
        strata::Group group;
        group.label = "l" + std::to_string(i);
        group.items.push_back(image);
        scene.groups.push_back(group);
    }
    return scene;
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
    BOOST_TEST(has(error_of(load), "larger than 512 MiB"));
    std::filesystem::resize_file(file, limits::kMaxFileBytes);
    const std::string at_limit = error_of(load);  // read, then refused as not JSON
    BOOST_TEST(!has(at_limit, "larger than"));
    BOOST_TEST(has(at_limit, "unsupported model format"));
    std::filesystem::remove_all(dir);
}

BOOST_AUTO_TEST_CASE(json_depth) {
    // Two levels are taken by the document and "config".
    const std::size_t inner = limits::kMaxJsonDepth - 2;
    BOOST_TEST(!has(import_error(nested_arrays(inner)), "nested deeper"));
    BOOST_TEST(has(import_error(nested_arrays(inner + 1)), "nested deeper than 512 levels"));
}

BOOST_AUTO_TEST_CASE(layers) {
    strata::Warnings warnings;
    const auto model =
        strata::read_keras_json(sequential(limits::kMaxLayers), "model.json", warnings);
    BOOST_TEST(model.layers.size() == limits::kMaxLayers);
    BOOST_TEST(has(import_error(sequential(limits::kMaxLayers + 1)), "more than 20000 layers"));
}

BOOST_AUTO_TEST_CASE(connections) {
    // An input layer and joins of 1 000 inputs each; the last join takes `last` inputs.
    const auto joins = [](std::size_t last) {
        strata::Model model;
        model.layers.emplace_back();
        model.layers.back().name = "in";
        model.layers.back().type = "InputLayer";
        const std::size_t full = limits::kMaxConnections / 1000;
        for (std::size_t j = 0; j <= full; ++j) {
            strata::Layer join;
            join.name = "j" + std::to_string(j);
            join.type = "Concatenate";
            join.inputs.assign(j < full ? 1000 : last, strata::TensorRef{0, 0});
            model.layers.push_back(std::move(join));
        }
        model.layers.back().line = 7;
        model.layers.back().column = 3;
        return model;
    };
    BOOST_TEST(error_of([&] { strata::check_connection_count(joins(0), "m.json"); }) == "no error");
    BOOST_TEST(error_of([&] { strata::check_connection_count(joins(1), "m.json"); }) ==
               "m.json:7:3: more than 100000 connections between layers: the 1 inputs of layer "
               "'j100' (Concatenate) bring them to 100001");
}

BOOST_AUTO_TEST_CASE(rank) {
    std::string shape = "[null";
    for (std::size_t i = 1; i < limits::kMaxRank; ++i) shape += ", 1";
    BOOST_TEST(import_error(with_input_shape(shape + "]")) == "no error");
    BOOST_TEST(has(import_error(with_input_shape(shape + ", 1]")), "(at most 32)"));
}

BOOST_AUTO_TEST_CASE(dimension) {
    const std::string n = std::to_string(limits::kMaxDimension);
    const std::string n1 = std::to_string(limits::kMaxDimension + 1);
    BOOST_TEST(import_error(with_input_shape("[null, " + n + "]")) == "no error");
    BOOST_TEST(
        has(import_error(with_input_shape("[null, " + n1 + "]")), "from 0 to 1099511627776"));
}

BOOST_AUTO_TEST_CASE(name_length) {
    const auto model_named = [](std::size_t length) {
        return R"({"class_name": "Sequential", "config": {"name": "s", "layers": [{"class_name":
          "Dense", "config": {"name": ")" +
               std::string(length, 'n') + R"(", "units": 2, "batch_input_shape": [null, 2]}}]}})";
    };
    BOOST_TEST(import_error(model_named(limits::kMaxNameLength)) == "no error");
    BOOST_TEST(
        has(import_error(model_named(limits::kMaxNameLength + 1)), "longer than 4096 bytes"));
}

BOOST_AUTO_TEST_CASE(model_name_length_in_every_format) {
    const auto keras = [](std::size_t length) {
        return import_error(R"({"class_name": "Sequential", "config": {"name": ")" +
                            std::string(length, 'm') + R"(", "layers": [{"class_name": "Dense",
          "config": {"name": "d", "units": 2, "batch_input_shape": [null, 2]}}]}})");
    };
    const auto spec = [](std::size_t length) {
        return error_of([&] {
            strata::Warnings warnings;
            strata::import_model_bytes("strata: 1\nmodel: " + std::string(length, 'm') +
                                           "\nlayers:\n  - {type: InputLayer, shape: [null, 3]}\n",
                                       "m.yaml", warnings);
        });
    };
    // The graph's name is field 2 of the graph; the chain's graph has none of its own.
    const auto onnx = [](std::size_t length) {
        return onnx_error(onnx_model(
            bytes_field(2, std::string(length, 'm')) +
            bytes_field(1, bytes_field(1, "x") + bytes_field(2, "y") + bytes_field(4, "Relu")) +
            onnx_input({1, 4})));
    };
    for (const auto& error_for : {std::function<std::string(std::size_t)>(keras),
                                  std::function<std::string(std::size_t)>(spec),
                                  std::function<std::string(std::size_t)>(onnx)}) {
        BOOST_TEST(error_for(limits::kMaxNameLength) == "no error");
        const std::string refused = error_for(limits::kMaxNameLength + 1);
        BOOST_TEST(has(refused, "longer than 4096 bytes"), refused);
        BOOST_TEST(!has(refused, ": : "), refused);
    }
}

BOOST_AUTO_TEST_CASE(layer_name_bytes_in_every_format) {
    const auto keras = [](std::size_t extra) {
        const std::vector<std::string> names = names_of_total(extra);
        std::string json = R"({"class_name": "Sequential", "config": {"name": "s", "layers": [)"
                           R"({"class_name": "InputLayer", "config": {"name": ")" +
                           names[0] + R"(", "batch_input_shape": [null, 2]}})";
        for (std::size_t i = 1; i < names.size(); ++i)
            json += R"(, {"class_name": "Dense", "config": {"name": ")" + names[i] +
                    R"(", "units": 2}})";
        return import_error(json + "]}}");
    };
    const auto spec = [](std::size_t extra) {
        const std::vector<std::string> names = names_of_total(extra);
        std::string yaml =
            "strata: 1\nlayers:\n  - {type: InputLayer, shape: [null, 2], name: " + names[0] +
            "}\n";
        for (std::size_t i = 1; i < names.size(); ++i)
            yaml += "  - {type: Dense, name: " + names[i] + ", config: {units: 2}}\n";
        return error_of([&] {
            strata::Warnings warnings;
            strata::import_model_bytes(yaml, "m.yaml", warnings);
        });
    };
    for (const auto& error_for : {std::function<std::string(std::size_t)>(keras),
                                  std::function<std::string(std::size_t)>(spec)}) {
        BOOST_TEST(error_for(0) == "no error");
        const std::string refused = error_for(1);
        BOOST_TEST(has(refused, "the layer names together are longer than 4 MiB"), refused);
    }
    // The spec's error is at the layer that goes past.
    BOOST_TEST(has(spec(1), "m.yaml:1027:5: "), spec(1));
}

BOOST_AUTO_TEST_CASE(layer_name_bytes_after_import,
                     *boost::unit_test::enable_if<(STRATA_WITH_ONNX)>()) {
    // Formats without a check of their own (ONNX) are checked once their model is read: a
    // chain of MatMul nodes named with 4000 bytes each, one box a node.
    const auto chain = [](std::size_t count) {
        std::string graph;
        for (std::size_t i = 0; i < count; ++i) {
            const std::string in = i == 0 ? "x" : "t" + std::to_string(i);
            const std::string name = std::to_string(i) + std::string(4000, 'm');
            graph += bytes_field(1, bytes_field(1, in) + bytes_field(1, "w") +
                                        bytes_field(2, "t" + std::to_string(i + 1)) +
                                        bytes_field(3, name) + bytes_field(4, "MatMul"));
        }
        graph += bytes_field(
            5, number_field(1, 4) + number_field(1, 4) + number_field(2, 1) + bytes_field(8, "w"));
        return onnx_model(graph + onnx_input({1, 4}));
    };
    BOOST_TEST(onnx_error(chain(1000)) == "no error");
    BOOST_TEST(
        has(onnx_error(chain(1100)), "m.onnx: the layer names together are longer than 4 MiB"));
}

BOOST_AUTO_TEST_CASE(frames_bytes) {
    // Pictures: 3 MiB of file embed as 4 MiB of base64, so 128 frames that show one hold
    // exactly kMaxFramesBytes; 129 are refused before anything is drawn.
    const auto picture_error = [](std::size_t frames) {
        const strata::Scene scene = scene_with_picture(frames, std::size_t{3} << 20);
        const std::vector<int> steps(frames, 1);
        return error_of(
            [&] { strata::io::FramesBudget(scene, steps, static_cast<int>(frames), "steps"); });
    };
    BOOST_TEST(picture_error(128) == "no error");
    const std::string refused = picture_error(129);
    BOOST_TEST(has(refused,
                   "steps: --frames: the frames would hold more than 512 MiB together: "
                   "the picture 'face.png' (4 MiB embedded) is in 129 of the 129 frames"),
               refused);
    BOOST_TEST(has(refused, "--link-images"), refused);
    // Frames as they are drawn: counted before each is written.
    strata::io::FramesBudget budget(strata::Scene{}, {}, 2, "steps");
    BOOST_TEST(error_of([&] { budget.take(limits::kMaxFramesBytes - 1); }) == "no error");
    BOOST_TEST(error_of([&] { budget.take(1); }) == "no error");
    BOOST_TEST(has(error_of([&] { budget.take(1); }), "would hold more than 512 MiB"));
}

BOOST_AUTO_TEST_CASE(yaml_depth) {
    const auto nested = [](std::size_t depth) {
        return std::string(depth, '[') + std::string(depth, ']');
    };
    BOOST_TEST(yaml_error(nested(limits::kMaxYamlDepth)) == "no error");
    BOOST_TEST(has(yaml_error(nested(limits::kMaxYamlDepth + 1)), "nested deeper than 128 levels"));
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
    BOOST_TEST(has(yaml_error(document(998, 1000)), "more than 1000000 nodes"));
}

BOOST_AUTO_TEST_CASE(yaml_nodes_written) {
    // A flow list of n - 1 scalars is n nodes.
    const auto flow_list = [](std::uint64_t nodes) {
        std::string text = "[";
        for (std::uint64_t i = 1; i < nodes; ++i) text += i > 1 ? ",0" : "0";
        return text + "]";
    };
    BOOST_TEST(yaml_error(flow_list(limits::kMaxYamlOptionNodes)) == "no error");
    BOOST_TEST(
        has(yaml_error(flow_list(limits::kMaxYamlOptionNodes + 1)), "more than 200000 nodes"));
    const auto spec_error = [](const std::string& text) {
        return error_of(
            [&] { strata::parse_yaml_document(text, "model.yaml", strata::YamlDocument::spec); });
    };
    BOOST_TEST(spec_error(flow_list(limits::kMaxYamlSpecNodes)) == "no error");
    BOOST_TEST(has(spec_error(flow_list(limits::kMaxYamlSpecNodes + 1)), "more than 800000 nodes"));
}

BOOST_AUTO_TEST_CASE(json_string_length) {
    const auto named = [](std::size_t length) {
        return R"({"class_name": "Sequential", "config": {"name": ")" + std::string(length, 'n') +
               R"(", "layers": []}})";
    };
    // At the limit the string reaches the reader (which refuses so long a name, in its words).
    BOOST_TEST(!has(import_error(named(limits::kMaxJsonStringBytes)), "JSON string longer"));
    BOOST_TEST(has(import_error(named(limits::kMaxJsonStringBytes + 1)),
                   "a JSON string longer than 1 MiB"));
    // An escape counts as written: two bytes.
    BOOST_TEST(has(import_error(R"({"a": ")" + std::string(limits::kMaxJsonStringBytes / 2, '\\') +
                                std::string(limits::kMaxJsonStringBytes / 2, '\\') + "\\n\"}"),
                   "a JSON string longer than 1 MiB"));
    // A file that is one string holding the model's JSON may be longer.
    const auto whole = [](std::size_t length) { return "\"" + std::string(length, ' ') + "\""; };
    BOOST_TEST(!has(import_error(whole(limits::kMaxJsonModelStringBytes)), "longer than 64 MiB"));
    BOOST_TEST(has(import_error(whole(limits::kMaxJsonModelStringBytes + 1)),
                   "a string longer than 64 MiB"));
}

BOOST_AUTO_TEST_CASE(json_values) {
    // The document around the array counts 12 (its empty "layers" list one more than it holds).
    const auto with_zeros = [](std::size_t count) {
        std::string zeros(2 * count - 1, ',');
        for (std::size_t i = 0; i < count; ++i) zeros[2 * i] = '0';
        return R"({"class_name": "Sequential", "config": {"name": "s", "layers": [], "x": [)" +
               zeros + "]}}";
    };
    BOOST_TEST(!has(import_error(with_zeros(limits::kMaxJsonValues - 12)), "more than"));
    BOOST_TEST(
        has(import_error(with_zeros(limits::kMaxJsonValues - 11)), "more than 4000000 values"));
}

BOOST_AUTO_TEST_CASE(onnx_nodes_on_the_wire) {
    const auto empty_nodes = [](std::size_t count) {
        std::string graph;
        for (std::size_t i = 0; i < count; ++i) graph += bytes_field(1, "");
        return onnx_model(graph);
    };
    BOOST_TEST(wire_error(empty_nodes(limits::kMaxOnnxNodes)) == "no error");
    BOOST_TEST(has(wire_error(empty_nodes(limits::kMaxOnnxNodes + 1)), "more than 50000 nodes"));
    // --onnx-raw draws every node: more than kMaxLayers is refused before parsing.
    BOOST_TEST(wire_error(empty_nodes(limits::kMaxLayers), true) == "no error");
    BOOST_TEST(
        has(wire_error(empty_nodes(limits::kMaxLayers + 1), true), "more than 20000 layers"));
}

BOOST_AUTO_TEST_CASE(onnx_graph_items) {
    // Every field is an item: the model's ir_version, graph and opset_import (3) with its
    // domain and version (2), the node (1), its attribute (1) and the attribute's name (1);
    // then each element of the attribute's packed list of ints.
    const auto node_with_ints = [](std::uint64_t ints) {
        const std::string list(ints, '\x01');
        return onnx_model(
            bytes_field(1, bytes_field(5, bytes_field(1, "a") + bytes_field(8, list))));
    };
    BOOST_TEST(wire_error(node_with_ints(limits::kMaxOnnxGraphItems - 8)) == "no error");
    BOOST_TEST(has(wire_error(node_with_ints(limits::kMaxOnnxGraphItems - 7)),
                   "more than 2000000 protobuf fields"));
    // A field protobuf does not know is kept as an unknown field: it counts too.
    const auto unknown_fields = [](std::uint64_t count) {
        std::string graph;
        for (std::uint64_t i = 0; i < count; ++i) graph += number_field(100, 0);
        return onnx_model(graph);
    };
    BOOST_TEST(wire_error(unknown_fields(limits::kMaxOnnxGraphItems - 5)) == "no error");
    BOOST_TEST(has(wire_error(unknown_fields(limits::kMaxOnnxGraphItems - 4)),
                   "more than 2000000 protobuf fields"));
}

BOOST_AUTO_TEST_CASE(onnx_declared_tensors) {
    // Graph inputs, outputs, value_info entries and initializers, each kind on its own.
    const auto declaring = [](std::uint64_t field, std::size_t count) {
        std::string graph;
        for (std::size_t i = 0; i < count; ++i)
            graph += bytes_field(field, bytes_field(field == 5 ? 8 : 1, "t"));
        return onnx_model(graph);
    };
    for (const std::uint64_t field : {5, 12, 13}) {
        BOOST_TEST(wire_error(declaring(field, limits::kMaxOnnxGraphTensors)) == "no error");
        BOOST_TEST(has(wire_error(declaring(field, limits::kMaxOnnxGraphTensors + 1)),
                       "more than 100000 "));
    }
    // Inputs are layers too, unless an initializer gives them: kMaxLayers of them beyond the
    // initializers.
    const auto inputs = [](std::size_t count, std::size_t initializers) {
        std::string graph;
        for (std::size_t i = 0; i < count; ++i) graph += bytes_field(11, bytes_field(1, "x"));
        for (std::size_t i = 0; i < initializers; ++i) graph += bytes_field(5, bytes_field(8, "x"));
        return onnx_model(graph);
    };
    BOOST_TEST(wire_error(inputs(limits::kMaxLayers, 0)) == "no error");
    BOOST_TEST(has(wire_error(inputs(limits::kMaxLayers + 1, 0)), "more than 20000 layers"));
    BOOST_TEST(wire_error(inputs(limits::kMaxLayers + 10, 10)) == "no error");
    BOOST_TEST(has(wire_error(inputs(limits::kMaxOnnxGraphTensors + 1, limits::kMaxLayers)),
                   "more than 100000 graph inputs, subgraphs included"));
}

BOOST_AUTO_TEST_CASE(onnx_node_outputs_and_inputs) {
    // One node of `outputs` outputs (or inputs), named on the wire after them.
    const auto node_of = [](std::uint64_t field, std::size_t count) {
        std::string node;
        for (std::size_t i = 0; i < count; ++i) node += bytes_field(field, "t");
        return onnx_model(bytes_field(1, node + bytes_field(3, "split") + bytes_field(4, "Split")));
    };
    BOOST_TEST(wire_error(node_of(2, limits::kMaxOnnxGraphTensors)) == "no error");
    BOOST_TEST(wire_error(node_of(2, limits::kMaxOnnxGraphTensors + 1)) ==
               "m.onnx: node 'split' (Split) has 100001 outputs: the nodes of the ONNX graph have "
               "more than 100000 outputs together, subgraphs and functions included");
    // The bound is on all the nodes together: two nodes of half as many each and one more.
    const auto half = [](std::size_t count) {
        std::string node;
        for (std::size_t i = 0; i < count; ++i) node += bytes_field(2, "t");
        return bytes_field(1, node + bytes_field(4, "Split"));
    };
    const std::size_t part = limits::kMaxOnnxGraphTensors / 2;
    BOOST_TEST(wire_error(onnx_model(half(part) + half(part))) == "no error");
    BOOST_TEST(wire_error(onnx_model(half(part) + half(part + 1))) ==
               "m.onnx: node (unnamed) (Split) has 50001 outputs: the nodes of the ONNX graph "
               "have more than 100000 outputs together, subgraphs and functions included");
    const std::size_t inputs = 4 * limits::kMaxOnnxNodes;
    BOOST_TEST(wire_error(node_of(1, inputs)) == "no error");
    BOOST_TEST(has(wire_error(node_of(1, inputs + 1)),
                   "node 'split' (Split) has 200001 inputs: the nodes of the ONNX graph have "
                   "more than 200000 inputs together"));
}

BOOST_AUTO_TEST_CASE(onnx_rank_and_dimension) {
    // The graph input (1 item) and one per dimension stay far below kMaxOnnxGraphItems.
    BOOST_TEST(wire_error(onnx_model(onnx_input(std::vector<std::int64_t>(limits::kMaxRank, 1)))) ==
               "no error");
    BOOST_TEST(
        has(wire_error(onnx_model(onnx_input(std::vector<std::int64_t>(limits::kMaxRank + 1, 1)))),
            "more than 32 dimensions"));
    BOOST_TEST(wire_error(onnx_model(onnx_input({1, limits::kMaxDimension}))) == "no error");
    BOOST_TEST(has(wire_error(onnx_model(onnx_input({1, limits::kMaxDimension + 1}))),
                   "(at most 1099511627776)"));
}

BOOST_AUTO_TEST_CASE(onnx_layers_after_folding,
                     *boost::unit_test::enable_if<(STRATA_WITH_ONNX)>()) {
    // The input and kMaxLayers - 1 MatMul boxes are drawn; one more box is refused.
    BOOST_TEST(onnx_error(matmul_chain(limits::kMaxLayers - 1)) == "no error");
    BOOST_TEST(has(onnx_error(matmul_chain(limits::kMaxLayers)), "more than 20000 layers"));
}

BOOST_AUTO_TEST_CASE(archive_entries, *boost::unit_test::enable_if<(STRATA_WITH_LIBZIP)>()) {
    const auto archive_error = [](std::uint64_t entries) {
        return error_of([&] {
            strata::Warnings warnings;
            strata::read_keras_archive_bytes(archive_declaring(entries), "m.keras", warnings);
        });
    };
    BOOST_TEST(!has(archive_error(limits::kMaxArchiveEntries), "more than"));
    BOOST_TEST(has(archive_error(limits::kMaxArchiveEntries + 1), "more than 10000"));
}

BOOST_AUTO_TEST_CASE(caption_bytes_after_expansion) {
    // A template of k {name} fields over a 4096-byte name expands to 4096 k bytes: 16 fields
    // make exactly kMaxCaptionBytes; one byte more is refused while the caption grows.
    strata::Layer layer;
    layer.name = std::string(limits::kMaxNameLength, 'n');
    std::string fields;
    for (std::size_t i = 0; i < limits::kMaxCaptionBytes / limits::kMaxNameLength; ++i) {
        fields += "{name}";
    }
    BOOST_TEST(error_of([&] { strata::layout::expand_caption_template(fields, layer, 0); }) ==
               "no error");
    BOOST_TEST(
        has(error_of([&] { strata::layout::expand_caption_template(fields + "x", layer, 0); }),
            "a caption longer than 64 KiB after expanding its fields"));
}

BOOST_AUTO_TEST_CASE(figure_text_bytes) {
    strata::layout::TextBudget budget;
    BOOST_TEST(error_of([&] { budget.charge(limits::kMaxFigureTextBytes - 1); }) == "no error");
    BOOST_TEST(error_of([&] { budget.charge(1); }) == "no error");
    BOOST_TEST(has(error_of([&] { budget.charge(1); }), "is longer than 2 MiB"));
}

BOOST_AUTO_TEST_CASE(figure_text_lines) {
    // Empty lines cost no bytes but a text run each: they are counted on their own.
    strata::layout::TextBudget budget;
    BOOST_TEST(error_of([&] { budget.charge_lines(limits::kMaxFigureTextLines - 1); }) ==
               "no error");
    BOOST_TEST(error_of([&] { budget.charge_lines(1); }) == "no error");
    BOOST_TEST(has(error_of([&] { budget.charge_lines(1); }), "more than 100000 lines"));
}

BOOST_AUTO_TEST_SUITE_END()
