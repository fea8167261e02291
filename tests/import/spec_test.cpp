// YAML model specs: a written spec draws the same scene as the model it came from, a
// hand-written one gets its shapes inferred, and hostile YAML is refused with a position.
#include <boost/test/unit_test.hpp>

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include "import/spec_reader.hpp"
#include "strata/error.hpp"
#include "strata/option_table.hpp"
#include "strata/render.hpp"
#include "strata/spec.hpp"

namespace fs = std::filesystem;

namespace {

const fs::path kCorpus = fs::path(STRATA_CORPUS_DIR);

std::string scene_of(const strata::Model& model, const strata::Options& options) {
    strata::Warnings warnings;
    try {
        return strata::to_scene_json(strata::layout_layered(model, options, warnings));
    } catch (const strata::Error& error) {
        return "error: " + error.message();
    }
}

// The model the spec text describes, shapes inferred, and the options it carries.
strata::ModelSpec reread(const std::string& spec) {
    strata::Warnings warnings;
    strata::ModelSpec read = strata::read_model_spec(spec, "model.yaml", warnings);
    read.model = strata::parse_model(spec, "model.yaml", warnings);
    return read;
}

strata::Error spec_error(const std::string& text) {
    try {
        strata::Warnings warnings;
        strata::read_model_spec(text, "model.yaml", warnings);
    } catch (const strata::Error& error) {
        return error;
    }
    return strata::Error("", "no error");
}

bool contains(const std::string& text, const std::string& part) {
    return text.find(part) != std::string::npos;
}

std::vector<fs::path> corpus_models() {
    std::vector<fs::path> paths;
    for (const char* folder : {"keras", "generated", "onnx"}) {
        if (!STRATA_WITH_ONNX && folder == std::string("onnx")) continue;
        for (const auto& entry : fs::directory_iterator(kCorpus / folder)) {
            const std::string name = entry.path().filename().string();
            const bool model_file = entry.path().extension() == ".onnx" ||
                                    (entry.path().extension() == ".json" &&
                                     !contains(name, ".shapes.") && folder != std::string("onnx"));
            if (model_file) {
                paths.push_back(entry.path());
            }
        }
    }
    std::sort(paths.begin(), paths.end());
    return paths;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(model_spec)

BOOST_AUTO_TEST_CASE(every_corpus_model_draws_the_same_from_its_spec) {
    const auto paths = corpus_models();
    // Keras, TensorFlow.js and ONNX (both variants; not in a build without ONNX)
    BOOST_TEST(paths.size() > (STRATA_WITH_ONNX ? 90u : 60u));
    for (const fs::path& path : paths) {
        strata::Warnings warnings;
        const strata::Model model = strata::load_model(path.string(), warnings);
        const strata::Options options;
        const std::string spec = strata::to_spec_yaml(model, options);
        const strata::ModelSpec back = reread(spec);
        BOOST_TEST(strata::to_info_json(back.model) == strata::to_info_json(model),
                   path.filename());
        const std::string direct = scene_of(model, options);
        BOOST_TEST(scene_of(back.model, back.options) == direct, path.filename());
        BOOST_TEST(strata::to_spec_yaml(back.model, back.options) == spec, path.filename());
    }
}

BOOST_AUTO_TEST_CASE(options_captions_and_styles_survive_the_spec) {
    strata::Warnings warnings;
    const strata::Model model =
        strata::load_model((kCorpus / "generated" / "vgg16.json").string(), warnings);
    strata::Options options;
    strata::apply_options_yaml(options, R"(
spacing: 17
legend: true
type_ignore: [Dropout]
sizing_mode: balanced
caption: "{name}\n{shape}"
captions: {block1_conv1: "first \"conv\"", not_a_layer: x}
styles: {Conv: {shade_step: 20}, fc1: {fill: "#123456", scale_z: 2.5}}
layered_groups: [{name: Features, layers: [block1_conv1, block1_conv2]}]
)",
                               "options.yaml");
    const std::string spec = strata::to_spec_yaml(model, options);
    BOOST_TEST(contains(spec, "caption: \"first \\\"conv\\\"\""));  // with its layer
    BOOST_TEST(contains(spec, "style: {fill: \"#123456\", scale_z: 2.5}"));
    BOOST_TEST(!contains(spec, "\n  padding:"));  // a default is not written
    BOOST_TEST(contains(spec, "\n  spacing: 17"));
    const strata::ModelSpec back = reread(spec);
    BOOST_TEST(strata::options_to_yaml(back.options) == strata::options_to_yaml(options));
    const std::string direct = scene_of(model, options);
    BOOST_TEST(!contains(direct, "error"));
    BOOST_TEST(scene_of(back.model, back.options) == direct);
    BOOST_TEST(strata::to_svg(strata::layout_layered(back.model, back.options, warnings)) ==
               strata::to_svg(strata::layout_layered(model, options, warnings)));
}

BOOST_AUTO_TEST_CASE(hand_written_sequential_spec_gets_keras_shapes) {
    const strata::ModelSpec spec = reread(R"(strata: 1
model: mnist
layers:
  - Conv2D: {filters: 32, kernel_size: 3, activation: relu, input_shape: [28, 28, 1]}
  - MaxPooling2D: {}
  - Conv2D: {filters: 64, kernel_size: 3, padding: same}
  - Flatten:
  - Dense: {units: 10}
)");
    const strata::Model& model = spec.model;
    BOOST_TEST_REQUIRE(model.layers.size() == 6u);
    BOOST_TEST(model.layers[0].implicit);  // the input Keras would make
    BOOST_TEST(model.layers[1].name == "conv2d");
    BOOST_TEST(model.layers[3].name == "conv2d_1");
    BOOST_TEST(model.layers[2].name == "max_pooling2d");
    BOOST_TEST((model.layers[3].shapes.at(0) == strata::Shape{-1, 13, 13, 64}));
    BOOST_TEST((model.layers[5].shapes.at(0) == strata::Shape{-1, 10}));
    BOOST_TEST(model.layers[5].params.value_or(-1) == 10 * (13 * 13 * 64) + 10);
}

BOOST_AUTO_TEST_CASE(unnamed_layers_take_the_first_free_keras_name) {
    // Keras' rule: the class's snake-case name, else the first free name_N; names given in
    // the spec, before or after, are never taken.
    const strata::ModelSpec spec = reread(R"(strata: 1
layers:
  - {type: InputLayer, shape: [null, 4], name: in}
  - {type: Dense, name: dense_1, config: {units: 2}}
  - Dense: {units: 2}
  - Dense: {units: 2}
  - {type: Dense, name: dense_3, config: {units: 2}}
  - Dense: {units: 2}
  - Dense: {units: 2}
  - Flatten:
)");
    std::vector<std::string> names;
    for (const strata::Layer& layer : spec.model.layers) names.push_back(layer.name);
    const std::vector<std::string> expected{"in",      "dense_1", "dense",   "dense_2",
                                            "dense_3", "dense_4", "dense_5", "flatten"};
    BOOST_TEST(names == expected, boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(hand_written_functional_spec_with_named_inputs) {
    const strata::ModelSpec spec = reread(R"(strata: 1
options: {spacing: 30}
layers:
  - {name: image, type: InputLayer, shape: [null, 32, 32, 3]}
  - {name: left, type: Conv2D, config: {filters: 8, kernel_size: 3, padding: same}}
  - {name: right, type: Conv2D, inputs: [image], config: {filters: 4, kernel_size: 1}}
  - {name: joined, type: Concatenate, inputs: [left, right], caption: both}
  - {name: head, type: Convolution2D, config: {nb_filter: 2, nb_row: 1, nb_col: 1}}
)");
    const strata::Model& model = spec.model;
    BOOST_TEST((model.layers[3].shapes.at(0) == strata::Shape{-1, 32, 32, 12}));
    BOOST_TEST(model.layers[4].type == "Conv2D");  // Keras 1 vocabulary, as in Keras files
    BOOST_TEST((model.layers[4].shapes.at(0) == strata::Shape{-1, 32, 32, 2}));
    BOOST_TEST(spec.options.spacing == 30);
    BOOST_TEST(spec.options.captions.at("joined") == "both");
}

BOOST_AUTO_TEST_CASE(errors_point_at_the_line_and_column) {
    auto error = spec_error(
        "strata: 1\nlayers:\n  - {name: a, type: InputLayer, shape: [1]}\n"
        "  - {name: b, type: Dense, inputs: [nope]}\n");
    BOOST_TEST(error.line() == 4u);
    BOOST_TEST(error.column() == 37u);
    BOOST_TEST(contains(error.message(), "no layer named 'nope'"));
    error = spec_error("strata: 1\nlayers:\n  - {name: a, type: Dense, colour: red}\n");
    BOOST_TEST(error.line() == 3u);
    BOOST_TEST(contains(error.message(), "unknown layer field 'colour'"));
    error = spec_error("strata: 1\nlayers:\n  - Conv2D: {filters: 2.5}\n");
    BOOST_TEST(error.line() == 3u);
    error = spec_error("layers: []\n");
    BOOST_TEST(contains(error.message(), "strata: 1"));
    error = spec_error(
        "strata: 1\nlayers:\n  - {name: a, type: Dense, inputs: [b]}\n"
        "  - {name: b, type: Dense, inputs: [a]}\n");
    BOOST_TEST(contains(error.message(), "cycle"));
    BOOST_TEST(error.line() == 3u);
    error = spec_error("strata: 1\nlayers: [\n");
    BOOST_TEST(error.message().rfind("not valid YAML", 0) == 0u, error.message());
    BOOST_TEST(error.line() > 0u);
}

BOOST_AUTO_TEST_CASE(self_referencing_alias_is_refused) {
    const auto error = spec_error("strata: 1\nlayers: &x [*x]\n");
    BOOST_TEST(contains(error.message(), "cycle"));
    BOOST_TEST(error.line() == 2u);
}

BOOST_AUTO_TEST_CASE(alias_bomb_is_refused_before_it_is_walked) {
    std::string bomb = "strata: 1\na0: &a0 [x, x, x, x, x, x, x, x, x, x]\n";
    for (int i = 1; i < 10; ++i) {
        const std::string p = "*a" + std::to_string(i - 1);
        bomb += "a" + std::to_string(i) + ": &a" + std::to_string(i) + " [" + p + "," + p + "," +
                p + "," + p + "," + p + "," + p + "," + p + "," + p + "," + p + "," + p + "]\n";
    }
    BOOST_TEST(bomb.size() < 500u);
    const auto error = spec_error(bomb);
    BOOST_TEST(contains(error.message(), "through its aliases"));
    BOOST_TEST(error.line() > 2u);
}

BOOST_AUTO_TEST_CASE(deep_nesting_is_refused_with_a_position) {
    const auto error = spec_error("strata: 1\nlayers: " + std::string(100000, '[') + "\n");
    BOOST_TEST(contains(error.message(), "levels"));
    BOOST_TEST(error.line() == 2u);
    const auto block = spec_error("strata: 1\noptions:\n" + [] {
        std::string text;
        for (int i = 0; i < 200; ++i) text += std::string(2 * i + 2, ' ') + "k:\n";
        return text;
    }());
    BOOST_TEST(contains(block.message(), "levels"));
}

BOOST_AUTO_TEST_CASE(every_truncation_of_a_spec_reads_or_fails_cleanly) {
    strata::Warnings warnings;
    const strata::Model model =
        strata::load_model((kCorpus / "keras" / "conv1d_multibranch_text.json").string(), warnings);
    const std::string spec = strata::to_spec_yaml(model, strata::Options{});
    std::size_t failures = 0;
    for (std::size_t length = 0; length < spec.size(); length += 7) {
        try {
            strata::read_model_spec(spec.substr(0, length), "model.yaml", warnings);
        } catch (const strata::Error& error) {
            ++failures;
            BOOST_TEST(error.file() == "model.yaml");
        }
    }
    BOOST_TEST(failures > 0u);
}

BOOST_AUTO_TEST_CASE(a_number_out_of_range_is_an_error_at_its_place) {
    // 1e400 used to read as 0, 1e-400 too: one rule for every number of a spec.
    for (const char* number : {"1e400", "-1e400", "1e-400"}) {
        const auto error = spec_error(std::string("strata: 1\nlayers:\n  - {type: Dense, config: "
                                                  "{units: 4, dropout: ") +
                                      number + "}}\n");
        BOOST_TEST_INFO(number << ": " << error.message());
        BOOST_TEST(
            contains(error.message(), "the number " + std::string(number) + " is out of range"));
        BOOST_TEST(error.line() == 3u);
        BOOST_TEST(error.column() == 47u);
    }
    const auto shape =
        spec_error("strata: 1\nlayers:\n  - {type: InputLayer, shape: [null, 1e400]}\n");
    BOOST_TEST(contains(shape.message(), "out of range"));
    BOOST_TEST(shape.line() == 3u);
    // Large numbers a double holds stay numbers.
    BOOST_TEST(spec_error("strata: 1\nlayers:\n  - {type: Dense, config: {units: 4, x: 1e300}}\n")
                   .message() == "no error");
}

BOOST_AUTO_TEST_CASE(a_written_spec_reads_back_in_yaml_1_1_and_1_2_readers) {
    // Names YAML 1.1 reads as something else, or rejects, when written plain.
    const std::vector<std::string> names = {"line\u2028break",
                                            "para\u2029graph",
                                            "<<",
                                            "=",
                                            "yes",
                                            "No",
                                            "on",
                                            "y",
                                            "~",
                                            "1.5",
                                            "0x1F",
                                            "12:30",
                                            "- item",
                                            "a: b",
                                            "#c",
                                            "conv2d_1"};
    strata::Model model;
    model.name = "<<";
    for (std::size_t i = 0; i < names.size(); ++i) {
        strata::Layer layer;
        layer.name = names[i];
        layer.type = i == 0 ? "InputLayer" : "Dense";
        if (i == 0) {
            layer.shapes = {{strata::kUnknownDim, 4}};
            layer.shape_known = true;
        } else {
            layer.inputs = {{i - 1, 0}};
            layer.attrs.emplace(names[i], std::int64_t{4});
        }
        model.layers.push_back(layer);
    }
    // Option maps keyed by names the model does not have are written in `options`.
    strata::Options options;
    options.captions["<<\u2028gone"] = "caption";
    const std::string spec = strata::to_spec_yaml(model, options);
    BOOST_TEST(!contains(spec, "\u2028"));
    BOOST_TEST(!contains(spec, "\u2029"));
    // yaml-cpp (YAML 1.2), through the spec reader.
    strata::Warnings warnings;
    const strata::ModelSpec read_spec = strata::read_model_spec(spec, "model.yaml", warnings);
    BOOST_TEST(read_spec.options.captions.count("<<\u2028gone") == 1u);
    const strata::Model& read = read_spec.model;
    BOOST_REQUIRE(read.layers.size() == names.size());
    for (std::size_t i = 0; i < names.size(); ++i) {
        BOOST_TEST(read.layers[i].name == names[i]);
        if (i > 0) BOOST_TEST(read.layers[i].attrs.count(names[i]) == 1u, names[i]);
    }
    // PyYAML (YAML 1.1).
    const fs::path file = fs::temp_directory_path() / "strata-spec-yaml11.yaml";
    {
        std::ofstream out(file, std::ios::binary);
        out << spec;
    }
    const std::string command =
        "python3 -c \"import sys, yaml; d = yaml.safe_load(open(sys.argv[1], encoding='utf-8')); "
        "sys.stdout.buffer.write('\\n'.join([d['model']] + [l['name'] for l in d['layers']] + "
        "list(d['options']['captions']))"
        ".encode('unicode_escape'))\" " +
        file.string();
    FILE* pipe = ::popen(command.c_str(), "r");
    BOOST_REQUIRE(pipe);
    std::string printed;
    char buffer[4096];
    for (std::size_t n; (n = std::fread(buffer, 1, sizeof buffer, pipe)) > 0;)
        printed.append(buffer, n);
    BOOST_TEST(::pclose(pipe) == 0, "PyYAML refused the spec:\n" << spec);
    fs::remove(file);
    // unicode_escape: non-ASCII as \uXXXX / \xXX, the separating line breaks as "\n".
    std::string expected = "<<";
    const auto escaped = [](const std::string& name) {
        std::string out;
        for (std::size_t i = 0; i < name.size(); ++i) {
            if (name.compare(i, 3, "\u2028") == 0) {
                out += "\\u2028", i += 2;
            } else if (name.compare(i, 3, "\u2029") == 0) {
                out += "\\u2029", i += 2;
            } else {
                out += name[i];
            }
        }
        return out;
    };
    for (const std::string& name : names) expected += "\\n" + escaped(name);
    expected += "\\n" + escaped("<<\u2028gone");
    BOOST_TEST(printed == expected);
}

// What shape inference finds about a spec's layer is placed at the layer's line and column.
BOOST_AUTO_TEST_CASE(shape_warnings_and_errors_name_the_layer_line) {
    const std::string head =
        "strata: 1\nlayers:\n  - {name: a, type: InputLayer, shape: [null, 4]}\n";
    strata::Warnings warnings;
    strata::parse_model(head + "  - {name: b, type: Dense, config: {}}\n", "model.yaml", warnings);
    BOOST_TEST_REQUIRE(warnings.size() == 1u);
    BOOST_TEST(warnings[0].where == "model.yaml:4:5");
    BOOST_TEST(contains(warnings[0].message, "layer 'b': configuration 'units' is not given"));
    try {
        strata::parse_model(head + "  - {name: c, type: Dense, config: {units: 0}}\n", "model.yaml",
                            warnings);
        BOOST_FAIL("units 0 was accepted");
    } catch (const strata::Error& error) {
        BOOST_TEST(error.file() == "model.yaml");
        BOOST_TEST(error.line() == 4u);
        BOOST_TEST(error.column() == 5u);
        BOOST_TEST(error.message() == "layer 'c' (Dense): 'units' holds 0, expected 1 or more");
    }
}

BOOST_AUTO_TEST_SUITE_END()
