#include <boost/test/unit_test.hpp>

#include <fcntl.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <vector>

#include "run_tool.hpp"

using namespace strata::test;
namespace fs = std::filesystem;

namespace {

fs::path write(const fs::path& dir, const std::string& name, const std::string& text) {
    std::ofstream(dir / name) << text;
    return dir / name;
}

bool one_line(const std::string& text) {
    return !text.empty() && text.find('\n') == text.size() - 1;
}

// A Keras JSON layer: {"class_name": cls, "config": {"name": name, ...extra}}.
std::string keras_layer(const std::string& cls, const std::string& name,
                        const std::string& extra = "") {
    return "{\"class_name\": \"" + cls + "\", \"config\": {\"name\": \"" + name + "\"" + extra +
           "}}";
}

std::string keras_sequential(const std::string& layers, const std::string& name = "s") {
    return "{\"class_name\": \"Sequential\", \"config\": {\"name\": \"" + name +
           "\", \"layers\": [" + layers + "]}}";
}

// The protobuf wire format, enough for an ONNX model of one node.
std::string varint(std::uint64_t n) {
    std::string out;
    for (; n >= 0x80; n >>= 7) out.push_back(static_cast<char>((n & 0x7f) | 0x80));
    out.push_back(static_cast<char>(n));
    return out;
}

std::string bytes_field(std::uint64_t number, const std::string& payload) {
    return varint((number << 3) | 2) + varint(payload.size()) + payload;
}

std::string number_field(std::uint64_t number, std::uint64_t value) {
    return varint(number << 3) + varint(value);
}

// A float tensor declaration (graph input or output) of the given dimensions.
std::string onnx_value(const std::string& name, const std::vector<std::uint64_t>& dims) {
    std::string shape;
    for (std::uint64_t d : dims) shape += bytes_field(1, number_field(1, d));
    return bytes_field(1, name) +
           bytes_field(2, bytes_field(1, number_field(1, 1) + bytes_field(2, shape)));
}

// An ONNX model whose one node, named n, of type `op_type`, maps input x to output y.
std::string onnx_one_node(const std::string& op_type) {
    const std::string node =
        bytes_field(1, "x") + bytes_field(2, "y") + bytes_field(3, "n") + bytes_field(4, op_type);
    const std::string graph = bytes_field(1, node) + bytes_field(2, "g") +
                              bytes_field(11, onnx_value("x", {1, 3, 8, 8})) +
                              bytes_field(12, onnx_value("y", {}));
    return number_field(1, 8) + bytes_field(7, graph) +
           bytes_field(8, bytes_field(1, "") + number_field(2, 13));
}

// Runs the tool with its standard output on a pipe whose reader has already gone away, as in
// `strata info m.json | true` when true ends first. Returns the exit status (-signal if a
// signal ended it) and what it printed on standard error.
std::pair<int, std::string> run_into_closed_pipe(const std::vector<std::string>& args,
                                                 const fs::path& scratch) {
    int ends[2];
    if (::pipe(ends) != 0) return {-1000, "no pipe"};
    ::close(ends[0]);
    const std::string err = (scratch / "stderr.txt").string();
    posix_spawn_file_actions_t actions;
    posix_spawn_file_actions_init(&actions);
    posix_spawn_file_actions_adddup2(&actions, ends[1], STDOUT_FILENO);
    posix_spawn_file_actions_addopen(&actions, STDERR_FILENO, err.c_str(),
                                     O_WRONLY | O_CREAT | O_TRUNC, 0644);
    std::vector<std::string> full{STRATA_CLI_PATH};
    full.insert(full.end(), args.begin(), args.end());
    std::vector<char*> argv;
    for (std::string& arg : full) argv.push_back(arg.data());
    argv.push_back(nullptr);
    pid_t pid = 0;
    const int spawned =
        ::posix_spawn(&pid, STRATA_CLI_PATH, &actions, nullptr, argv.data(), environ);
    posix_spawn_file_actions_destroy(&actions);
    ::close(ends[1]);
    if (spawned != 0) return {-1000, "cannot start the tool"};
    int raw = 0;
    ::waitpid(pid, &raw, 0);
    return {WIFEXITED(raw) ? WEXITSTATUS(raw) : -WTERMSIG(raw), read_text(err)};
}

}  // namespace

BOOST_AUTO_TEST_CASE(broken_json_names_file_line_and_column) {
    auto dir = scratch_dir("broken-json");
    auto model =
        write(dir, "m.json",
              "{\"class_name\": \"Sequential\",\n \"config\": [\n  {\"class_name\" \"Dense\"}]}");
    ToolResult r = run_strata(
        "render " + shell_quote(model.string()) + " -o " + shell_quote((dir / "o.svg").string()),
        dir);
    BOOST_TEST(r.status == 1);
    BOOST_TEST(r.err.rfind("strata: error: " + model.string() + ":3:", 0) == 0, r.err);
    BOOST_TEST(one_line(r.err), r.err);
    BOOST_TEST(!fs::exists(dir / "o.svg"));
}

BOOST_AUTO_TEST_CASE(bad_colour_is_an_error) {
    auto dir = scratch_dir("bad-colour");
    ToolResult r =
        run_strata("render " + example("vgg16.json") + " -o " +
                       shell_quote((dir / "o.svg").string()) + " --background-fill notacolour",
                   dir);
    BOOST_TEST(r.status == 1);
    BOOST_TEST(r.err.find("--background-fill") != std::string::npos, r.err);
    BOOST_TEST(r.err.find("notacolour") != std::string::npos, r.err);
    BOOST_TEST(!fs::exists(dir / "o.svg"));
}

BOOST_AUTO_TEST_CASE(bad_option_file_value_names_line_and_column) {
    auto dir = scratch_dir("bad-yaml");
    auto yaml = write(dir, "fig.yaml", "padding: 10\nsizing_mode: full_range\n");
    ToolResult r = run_strata("render " + example("vgg16.json") + " -o " +
                                  shell_quote((dir / "o.svg").string()) + " --options " +
                                  shell_quote(yaml.string()),
                              dir);
    BOOST_TEST(r.status == 1);
    BOOST_TEST(
        r.err.rfind("strata: error: " + yaml.string() + ":2:14: sizing_mode: expected one of", 0) ==
            0,
        r.err);
}

BOOST_AUTO_TEST_CASE(usage_errors_exit_with_2) {
    auto dir = scratch_dir("usage");
    BOOST_TEST(
        run_strata("render " + example("vgg16.json") + " -o x.svg --no-such-flag", dir).status ==
        2);
    BOOST_TEST(run_strata("render " + example("vgg16.json"), dir).status == 2);
    BOOST_TEST(run_strata("frobnicate", dir).status == 2);
    BOOST_TEST(run_strata("render " + example("vgg16.json") + " -o x.bmp", dir).status == 2);
    BOOST_TEST(
        run_strata("render " + example("vgg16.json") + " -o x.svg --format bmp", dir).status == 2);
    BOOST_TEST(run_strata("render " + example("vgg16.json") + " -o x.png --dpi many", dir).status ==
               2);
    // --dpi and --scale size a PNG: for any other format they are a mistake.
    BOOST_TEST(run_strata("render " + example("vgg16.json") + " -o x.svg --dpi 300", dir).status ==
               2);
    BOOST_TEST(run_strata("--help", dir).status == 0);
}

BOOST_AUTO_TEST_CASE(unwritable_output_leaves_nothing_behind) {
    auto dir = scratch_dir("unwritable");
    ToolResult r = run_strata("render " + example("vgg16.json") + " -o " +
                                  shell_quote((dir / "missing" / "o.svg").string()),
                              dir);
    BOOST_TEST(r.status == 1);
    BOOST_TEST(r.err.find("cannot write the output") != std::string::npos, r.err);
    BOOST_TEST(!fs::exists(dir / "missing"));
}

BOOST_AUTO_TEST_CASE(a_failed_render_keeps_the_previous_file) {
    auto dir = scratch_dir("keep-previous");
    auto out = write(dir, "o.svg", "previous");
    auto model = write(dir, "m.json", "[1, 2");
    ToolResult r = run_strata(
        "render " + shell_quote(model.string()) + " -o " + shell_quote(out.string()), dir);
    BOOST_TEST(r.status == 1);
    BOOST_TEST(read_text(out) == "previous");
}

BOOST_AUTO_TEST_CASE(missing_model_file) {
    auto dir = scratch_dir("missing-model");
    ToolResult r = run_strata("info " + shell_quote((dir / "nope.json").string()), dir);
    BOOST_TEST(r.status == 1);
    BOOST_TEST(r.err.find("nope.json") != std::string::npos, r.err);
    BOOST_TEST(one_line(r.err), r.err);
}

BOOST_AUTO_TEST_CASE(bad_png_sizes_are_one_line_errors_and_write_nothing,
                     *boost::unit_test::enable_if<(STRATA_WITH_CAIRO)>()) {
    auto dir = scratch_dir("png-size");
    const std::string out = shell_quote((dir / "o.png").string());
    for (const char* flags : {"--dpi 0", "--dpi -96", "--scale 0", "--scale nan", "--scale inf",
                              "--scale 1e6", "--dpi 96000"}) {
        ToolResult r =
            run_strata("render " + example("vgg16.json") + " -o " + out + " " + flags, dir);
        BOOST_TEST(r.status == 1, flags);
        BOOST_TEST(r.err.rfind("strata: error: ", 0) == 0, r.err);
        BOOST_TEST(one_line(r.err), r.err);
        BOOST_TEST(!fs::exists(dir / "o.png"), flags);
    }
    // VGG16 is 7638 px wide: 5 times that is more than a PNG side may be.
    ToolResult r = run_strata("render " + example("vgg16.json") + " -o " + out + " --scale 5", dir);
    BOOST_TEST(r.err.find("a side may be at most 32767") != std::string::npos, r.err);
}

BOOST_AUTO_TEST_CASE(unwritable_png_leaves_nothing_behind,
                     *boost::unit_test::enable_if<(STRATA_WITH_CAIRO)>()) {
    auto dir = scratch_dir("unwritable-png");
    ToolResult r = run_strata("render " + example("vgg16.json") + " -o " +
                                  shell_quote((dir / "missing" / "o.png").string()),
                              dir);
    BOOST_TEST(r.status == 1);
    BOOST_TEST(one_line(r.err), r.err);
    BOOST_TEST(!fs::exists(dir / "missing"));
}

BOOST_AUTO_TEST_CASE(a_bad_flag_fails_before_the_model_is_read) {
    auto dir = scratch_dir("flag-before-model");
    ToolResult r =
        run_strata("render " + shell_quote((dir / "absent.json").string()) + " -o " +
                       shell_quote((dir / "o.svg").string()) + " --layout-iterations 500",
                   dir);
    BOOST_TEST(r.status == 1);
    BOOST_TEST(
        r.err.rfind("strata: error: --layout-iterations: expected a number from 0 to 100", 0) == 0,
        r.err);
}

BOOST_AUTO_TEST_CASE(a_missing_font_names_the_option) {
    auto dir = scratch_dir("missing-font");
    ToolResult r = run_strata("render " + example("vgg16.json") + " -o " +
                                  shell_quote((dir / "o.svg").string()) +
                                  " --text-callable name --font NoSuchFontFamily",
                              dir);
    BOOST_TEST(r.status == 1);
    BOOST_TEST(r.err.rfind("strata: error: --font: font 'NoSuchFontFamily' not found", 0) == 0,
               r.err);
    BOOST_TEST(!fs::exists(dir / "o.svg"));
}

BOOST_AUTO_TEST_CASE(a_model_too_wide_for_a_png_at_96_dpi_is_drawn_smaller_with_a_warning,
                     *boost::unit_test::enable_if<(STRATA_WITH_CAIRO)>()) {
    auto dir = scratch_dir("wide-png");
    const std::string model =
        shell_quote((fs::path(STRATA_CORPUS_DIR) / "generated" / "resnet50.json").string());
    // Unfolded, ResNet-50 is 59 189 px wide.
    ToolResult r = run_strata(
        "render " + model + " --collapse none -o " + shell_quote((dir / "o.png").string()), dir);
    BOOST_TEST(r.status == 0, r.err);
    // The warning names the file it concerns: the output.
    BOOST_TEST(r.err.rfind("strata: warning: " + (dir / "o.png").string() + ": the image would be ",
                           0) == 0,
               r.err);
    BOOST_TEST(r.err.find("dpi instead") != std::string::npos, r.err);
    BOOST_TEST(fs::file_size(dir / "o.png") > 1000u);
}

BOOST_AUTO_TEST_CASE(a_huge_hostile_name_is_echoed_bounded_with_bidi_controls_escaped) {
    // A class name of almost 1 MiB (a longer JSON string is refused before it is read)
    // holding U+202E (right-to-left override): the message quotes its start, marks the cut,
    // and shows the override as <U+202E> instead of obeying it.
    auto dir = scratch_dir("huge-name");
    const std::string name = "Evil\u202Eexe.txt" + std::string(1000000, 'x');
    auto model = write(dir, "m.json", "{\"class_name\": \"" + name + "\", \"config\": {}}");
    ToolResult r = run_strata(
        "render " + shell_quote(model.string()) + " -o " + shell_quote((dir / "o.svg").string()),
        dir);
    BOOST_TEST(r.status == 1);
    BOOST_TEST(one_line(r.err), r.err.substr(0, 300));
    BOOST_TEST(r.err.size() < 2000u);
    BOOST_TEST(r.err.find("Evil<U+202E>exe.txt") != std::string::npos, r.err.substr(0, 300));
    BOOST_TEST(r.err.find("\u202E") == std::string::npos);
    BOOST_TEST(r.err.find("\u2026") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(warnings_escape_bidi_controls_and_stay_bounded) {
    // Two layers with one name: the renaming warning quotes it twice.
    auto dir = scratch_dir("bidi-warning");
    // Names are at most 4096 bytes; quoted twice the warning is longer than a message may be.
    const std::string name = "a\u2066b\u200Fc" + std::string(4000, 'n');
    const std::string layer = "{\"class_name\": \"Dense\", \"config\": {\"name\": \"" + name +
                              "\", \"units\": 2, \"batch_input_shape\": [null, 2]}}";
    auto model = write(dir, "m.json",
                       "{\"class_name\": \"Sequential\", \"config\": {\"name\": \"s\", "
                       "\"layers\": [" +
                           layer + ", " + layer + "]}}");
    ToolResult r = run_strata(
        "render " + shell_quote(model.string()) + " -o " + shell_quote((dir / "o.svg").string()),
        dir);
    BOOST_TEST(r.status == 0, r.err.substr(0, 300));
    BOOST_TEST(r.err.rfind("strata: warning: ", 0) == 0u, r.err.substr(0, 300));
    BOOST_TEST(r.err.find("a<U+2066>b<U+200F>c") != std::string::npos, r.err.substr(0, 300));
    BOOST_TEST(r.err.find("\u2066") == std::string::npos);
    BOOST_TEST(r.err.size() < 4000u);
}

BOOST_AUTO_TEST_CASE(a_layer_index_past_any_model_is_an_error_not_a_wrap) {
    auto dir = scratch_dir("index-range");
    auto model = write(dir, "m.json",
                       "{\"class_name\": \"Sequential\", \"config\": {\"name\": \"s\", \"layers\": "
                       "[{\"class_name\": \"Dense\", \"config\": {\"name\": \"d\", \"units\": 2, "
                       "\"batch_input_shape\": [null, 2]}}, {\"class_name\": \"Dense\", "
                       "\"config\": {\"name\": \"e\", \"units\": 2}}]}}");
    for (const char* flag : {"--index-2D", "--index-ignore"}) {
        ToolResult r =
            run_strata("render " + shell_quote(model.string()) + " -o " +
                           shell_quote((dir / "o.svg").string()) + " " + flag + " 4294967296",
                       dir);
        BOOST_TEST(r.status == 1, flag);
        BOOST_TEST(r.err.find("expected a layer index from 0 to 19999, got '4294967296'") !=
                       std::string::npos,
                   r.err);
        r = run_strata("render " + shell_quote(model.string()) + " -o " +
                           shell_quote((dir / "o.svg").string()) + " " + flag + " 0",
                       dir);
        BOOST_TEST(r.status == 0, r.err);
    }
}

BOOST_AUTO_TEST_CASE(quoted_names_are_cut_at_200_characters_in_errors_warnings_and_info) {
    // Names of 300 characters: every message and every `info` line quotes the first 200.
    auto dir = scratch_dir("long-names");
    const std::string name = std::string(300, 'n') + "END";
    const std::string cut = std::string(200, 'n') + "\u2026";
    const std::string cls = std::string(300, 'C') + "END";
    // Two layers of one name (a warning quotes it), and a layer of an unknown class (a warning
    // quotes the class, placed by the layer's name).
    auto model = write(dir, "m.json",
                       keras_sequential(keras_layer("Dense", name,
                                                    ", \"units\": 2, \"batch_input_shape\": "
                                                    "[null, 2]") +
                                        ", " + keras_layer("Dense", name, ", \"units\": 2") + ", " +
                                        keras_layer(cls, name)));
    ToolResult r = run_strata("info " + shell_quote(model.string()), dir);
    BOOST_TEST(r.status == 0, r.err.substr(0, 300));
    BOOST_TEST(r.err.find("END") == std::string::npos, r.err);
    BOOST_TEST(r.out.find("END") == std::string::npos, r.out);
    BOOST_TEST(r.err.find("layer name '" + cut + "' is used more than once") != std::string::npos,
               r.err);
    BOOST_TEST(r.err.find("no shape rule for layer type '" + std::string(200, 'C') + "\u2026'") !=
                   std::string::npos,
               r.err);
    BOOST_TEST(
        r.err.find("strata: warning: " + model.string() + ":1:825: shape unknown for " +
                   std::string(200, 'C') + "\u2026 layer '" + cut + "'") != std::string::npos,
        r.err);
    BOOST_TEST(r.out.find(cut + "  " + std::string(200, 'C') + "\u2026  ?  <- " + cut) !=
                   std::string::npos,
               r.out);
    // An error: a functional model that reads a layer never defined.
    auto functional = write(dir, "f.json",
                            "{\"class_name\": \"Functional\", \"config\": {\"name\": \"f\", "
                            "\"layers\": [{\"class_name\": \"Dense\", \"name\": \"d\", "
                            "\"config\": {\"units\": 2}, \"inbound_nodes\": [[[\"" +
                                name +
                                "\", 0, 0, {}]]]}], \"input_layers\": [], "
                                "\"output_layers\": [[\"d\", 0, 0]]}}");
    r = run_strata("info " + shell_quote(functional.string()), dir);
    BOOST_TEST(r.status == 1);
    BOOST_TEST(one_line(r.err), r.err);
    BOOST_TEST(r.err.find("'" + cut + "'") != std::string::npos, r.err);
    BOOST_TEST(r.err.find("END") == std::string::npos, r.err);
}

BOOST_AUTO_TEST_CASE(info_text_escapes_bidi_controls_and_json_keeps_them_exact) {
    auto dir = scratch_dir("info-bidi");
    auto model = write(dir, "m.json",
                       keras_sequential(keras_layer("Dense", "ab\u202Ecd",
                                                    ", \"units\": 2, \"batch_input_shape\": "
                                                    "[null, 2]")));
    ToolResult r = run_strata("info " + shell_quote(model.string()), dir);
    BOOST_TEST(r.status == 0, r.err);
    BOOST_TEST(r.out.find("\u202E") == std::string::npos, r.out);
    BOOST_TEST(
        r.out.find("ab<U+202E>cd  Dense  (None, 2)  <- ab<U+202E>cd_input") != std::string::npos,
        r.out);
    r = run_strata("info --json " + shell_quote(model.string()), dir);
    BOOST_TEST(r.status == 0, r.err);
    BOOST_TEST(r.out.find("\"name\": \"ab\u202Ecd\"") != std::string::npos, r.out);
    BOOST_TEST(r.out.find("<U+") == std::string::npos, r.out);
}

BOOST_AUTO_TEST_CASE(model_names_over_the_limit_are_refused_at_their_place) {
    auto dir = scratch_dir("model-name");
    const std::string long_name(4097, 'M');
    auto keras = write(dir, "m.json",
                       keras_sequential(keras_layer("Dense", "d",
                                                    ", \"units\": 2, \"batch_input_shape\": "
                                                    "[null, 2]"),
                                        long_name));
    ToolResult r = run_strata("info " + shell_quote(keras.string()), dir);
    BOOST_TEST(r.status == 1);
    // The place is the JSON path of the value, and its line and column.
    BOOST_TEST(r.err == "strata: error: " + keras.string() +
                            ":1:49: config.name: name longer than 4096 bytes\n");
    auto spec = write(
        dir, "m.yaml",
        "strata: 1\nmodel: " + long_name + "\nlayers:\n  - {type: InputLayer, shape: [null, 3]}\n");
    r = run_strata("info " + shell_quote(spec.string()), dir);
    BOOST_TEST(r.status == 1);
    BOOST_TEST(r.err ==
               "strata: error: " + spec.string() + ":2:8: model: longer than 4096 bytes\n");
    // At the limit the name is kept.
    write(dir, "m.yaml",
          "strata: 1\nmodel: " + long_name.substr(1) +
              "\nlayers:\n  - {type: InputLayer, shape: [null, 3]}\n");
    r = run_strata("info " + shell_quote(spec.string()), dir);
    BOOST_TEST(r.status == 0, r.err);
}

BOOST_AUTO_TEST_CASE(spec_numbers_say_what_was_found) {
    auto dir = scratch_dir("spec-numbers");
    const std::string expected =
        "expected a dimension (an integer from 0 to 1099511627776, -1 "
        "or null), found ";
    const std::pair<const char*, const char*> cases[] = {
        {".inf", "an infinite number"},
        {"+.Inf", "an infinite number"},
        {"-.inf", "a negative infinite number"},
        {".nan", "NaN (not a number)"},
        {".NaN", "NaN (not a number)"},
        {"99999999999999999999999", "a number larger than 1099511627776"},
        {"2.5", "2.5"},
    };
    for (const auto& [text, found] : cases) {
        auto spec = write(dir, "m.yaml",
                          std::string("strata: 1\nmodel: m\nlayers:\n  - {type: InputLayer, "
                                      "shape: [null, ") +
                              text + "]}\n");
        ToolResult r = run_strata("info " + shell_quote(spec.string()), dir);
        BOOST_TEST(r.status == 1, text);
        BOOST_TEST(r.err == "strata: error: " + spec.string() + ":4:31: shape[1]: " + expected +
                                found + "\n",
                   text);
        // A count names the text the file holds.
        write(dir, "m.yaml",
              std::string("strata: 1\nmodel: m\nlayers:\n  - {type: InputLayer, shape: [null, "
                          "3], params: ") +
                  text + "}\n");
        r = run_strata("info " + shell_quote(spec.string()), dir);
        BOOST_TEST(r.err.find(std::string("params: expected a whole number, 0 or more, found '") +
                              text + "'") != std::string::npos,
                   r.err);
    }
}

BOOST_AUTO_TEST_CASE(a_reader_that_went_away_is_a_broken_pipe_error) {
    auto dir = scratch_dir("broken-pipe");
    const std::string vgg = std::string(STRATA_SOURCE_DIR) + "/examples/vgg16.json";
    const std::vector<std::vector<std::string>> commands = {
        {"info", vgg},
        {"info", "--json", vgg},
        {"spec", vgg},
        {"render", vgg, "--format", "svg", "-o", "-"},
        {"--help"},
        {"options"},
        {"options", "--help"},
        {"spec", "--help"},
    };
    for (const auto& args : commands) {
        const auto [status, err] = run_into_closed_pipe(args, dir);
        BOOST_TEST(status == 1, args.front() << ": " << status);
        BOOST_TEST(err == "strata: error: standard output: broken pipe\n", err);
    }
}

// Output longer than any buffer fails while it is written, not when it is flushed at the end:
// the reason must survive to the message.
BOOST_AUTO_TEST_CASE(a_reader_that_went_away_during_long_output_is_a_broken_pipe_error) {
    auto dir = scratch_dir("broken-pipe-long");
    std::string json = R"({"class_name": "Sequential", "config": {"name": "s", "layers": [)";
    for (int i = 0; i < 3000; ++i) {
        json += std::string(i > 0 ? "," : "") +
                R"({"class_name": "Dense", "config": {"name": "dense_)" + std::string(40, 'x') +
                std::to_string(i) + R"(", "units": 2)" +
                (i == 0 ? R"(, "batch_input_shape": [null, 2])" : "") + "}}";
    }
    const auto model = write(dir, "long.json", json + "]}}");
    for (const auto& args : std::vector<std::vector<std::string>>{
             {"info", model.string()}, {"info", "--json", model.string()}}) {
        const auto [status, err] = run_into_closed_pipe(args, dir);
        BOOST_TEST(status == 1, args.back() << ": " << status);
        BOOST_TEST(err == "strata: error: standard output: broken pipe\n", err);
    }
}

BOOST_AUTO_TEST_CASE(onnx_op_types_are_cut_in_warnings_and_info) {
    auto dir = scratch_dir("onnx-op-type");
    const std::string op_type = "Op" + std::string(300, 'X') + "END";
    const std::string cut = "Op" + std::string(198, 'X') + "\u2026";
    auto model = write(dir, "m.onnx", onnx_one_node(op_type));
    ToolResult r = run_strata("info " + shell_quote(model.string()), dir);
    BOOST_TEST(r.status == 0, r.err);
    BOOST_TEST(r.err.find("END") == std::string::npos, r.err);
    BOOST_TEST(r.err.find("no shape rule for layer type '" + cut + "'") != std::string::npos,
               r.err);
    BOOST_TEST(r.out.find("END") == std::string::npos, r.out);
    BOOST_TEST(r.out.find("n  " + cut + "  ?  <- x") != std::string::npos, r.out);
}

// A figure fitted to --width that TeX still cannot measure says what keeps it large; it does
// not ask for the --width it was given.
BOOST_AUTO_TEST_CASE(a_fitted_figure_too_wide_for_tex_names_its_text) {
    auto dir = scratch_dir("tex-too-wide");
    const auto model = write(
        dir, "m.json",
        R"({"class_name": "Sequential", "config": {"name": "s", "layers": [{"class_name": "Dense",
        "config": {"name": ")" +
            std::string(4000, 'n') + R"(", "units": 2, "batch_input_shape": [null, 2]}}]}})");
    const ToolResult r = run_strata(
        "render " + shell_quote(model.string()) + " -o out.tex --text-callable name --width 10cm",
        dir);
    BOOST_TEST(r.status == 1, r.err);
    BOOST_TEST(r.err.find("give --width") == std::string::npos, r.err);
    BOOST_TEST(
        r.err.rfind("strata: error: " + model.string() + ": fitted to the width 10cm", 0) == 0u,
        r.err);
    BOOST_TEST(r.err.find("its text keeps it wide") != std::string::npos, r.err);
}

// A warning about one layer names the file and the layer's line and column first, then the
// layer.
BOOST_AUTO_TEST_CASE(a_layer_warning_names_the_file_then_the_layer) {
    auto dir = scratch_dir("layer-warning");
    const auto model = write(
        dir, "m.json",
        R"({"class_name": "Sequential", "config": {"name": "s", "layers": [{"class_name": "Lambda",
        "config": {"name": "lam", "function": "f", "batch_input_shape": [null, 2]}}]}})");
    const ToolResult r = run_strata("info " + shell_quote(model.string()), dir);
    BOOST_TEST(r.status == 0, r.err);
    BOOST_TEST(r.err.rfind("strata: warning: " + model.string() +
                               ":1:65: shape unknown for Lambda layer 'lam'",
                           0) == 0u,
               r.err);
}

BOOST_AUTO_TEST_CASE(options_naming_classes_the_model_lacks_warn_with_the_nearest_class) {
    auto dir = scratch_dir("unused-option-names");
    auto model = write(dir, "m.json",
                       keras_sequential(keras_layer("Dense", "fc1",
                                                    ", \"units\": 4, \"batch_input_shape\": "
                                                    "[null, 8]") +
                                        ", " + keras_layer("Dropout", "drop", ", \"rate\": 0.5") +
                                        ", " + keras_layer("Dense", "fc2", ", \"units\": 2")));
    ToolResult r = run_strata("render " + shell_quote(model.string()) + " -o " +
                                  shell_quote((dir / "m.svg").string()) +
                                  " --type-ignore Dropuot,Dropout --color-map "
                                  "dense=#ff0000,Zebra=#00ff00 --index-ignore 1,7",
                              dir);
    BOOST_TEST(r.status == 0, r.err);
    BOOST_TEST(r.err.find("strata: warning: type_ignore: no layer of the model is of class "
                          "'Dropuot' (did you mean 'Dropout'?)") != std::string::npos,
               r.err);
    BOOST_TEST(r.err.find("strata: warning: color_map: no layer of the model is of class 'dense' "
                          "(did you mean 'Dense'?)") != std::string::npos,
               r.err);
    BOOST_TEST(r.err.find("class 'Zebra'\n") != std::string::npos, r.err);
    BOOST_TEST(
        r.err.find("index_ignore: index 7 is past the model's 3 layers") != std::string::npos,
        r.err);
    // Classes and indices the model has are not mentioned.
    BOOST_TEST(r.err.find("'Dropout'\n") == std::string::npos, r.err);
    BOOST_TEST(r.err.find("index 1 ") == std::string::npos, r.err);
}

BOOST_AUTO_TEST_CASE(options_naming_layers_the_model_lacks_warn_and_many_are_counted) {
    auto dir = scratch_dir("unused-layer-names");
    auto model = write(dir, "m.json",
                       keras_sequential(keras_layer("Dense", "fc1",
                                                    ", \"units\": 4, \"batch_input_shape\": "
                                                    "[null, 8]") +
                                        ", " + keras_layer("Dense", "fc2", ", \"units\": 2")));
    write(dir, "o.yaml",
          "captions: {fc1: one, fc3: three, a: x, b: x, c: x, d: x}\n"
          "captions_above: [fc2, fcc2]\n"
          "styles: {Dense: {fill: red}, Layer: {fill: red}, fc2: {fill: blue}, Dens: "
          "{fill: red}, fc22: {fill: red}}\n"
          "logo_groups: [{file: p.png, layers: [Dense, fc1, nosuch]}]\n");
    fs::copy_file(fs::path(STRATA_SOURCE_DIR) / "examples" / "preset-paper.png", dir / "p.png",
                  fs::copy_options::overwrite_existing);
    ToolResult r = run_strata("render " + shell_quote(model.string()) + " --options " +
                                  shell_quote((dir / "o.yaml").string()) + " -o " +
                                  shell_quote((dir / "m.svg").string()),
                              dir);
    const auto said = [&](const std::string& text) {
        return r.err.find("strata: warning: " + text + "\n") != std::string::npos;
    };
    BOOST_TEST(said("captions: no layer of the model is named 'a'"), r.err);
    BOOST_TEST(said("captions: 2 more names match no layer of the model"), r.err);
    BOOST_TEST(r.err.find("'fc1'") == std::string::npos, r.err);
    BOOST_TEST(said("captions_above: no layer of the model is named 'fcc2' (did you mean 'fc2'?)"),
               r.err);
    BOOST_TEST(
        said("styles: no layer of the model is named or of class 'Dens' (did you mean 'Dense'?)"),
        r.err);
    BOOST_TEST(
        said("styles: no layer of the model is named or of class 'fc22' (did you mean 'fc2'?)"),
        r.err);
    // A base class and a layer name are keys styles take.
    BOOST_TEST(r.err.find("'Layer'") == std::string::npos, r.err);
    BOOST_TEST(said("logo_groups[0].layers: no layer of the model is named or of class 'nosuch'"),
               r.err);
}

BOOST_AUTO_TEST_CASE(an_unknown_option_key_names_the_nearest_option) {
    auto dir = scratch_dir("unknown-option-key");
    auto options = write(dir, "o.yaml", "spacing: 4\nscale_xyy: 2\n");
    ToolResult r = run_strata("options --options " + shell_quote(options.string()), dir);
    BOOST_TEST(r.status == 1);
    BOOST_TEST(r.err.find("o.yaml:2:1: unknown option 'scale_xyy' (did you mean 'scale_xy'?)") !=
                   std::string::npos,
               r.err);
    options = write(dir, "p.yaml", "zzzzzz: 2\n");
    r = run_strata("options --options " + shell_quote(options.string()), dir);
    BOOST_TEST(r.err.find("unknown option 'zzzzzz'\n") != std::string::npos, r.err);
}

BOOST_AUTO_TEST_SUITE(onnx_raw_flag)

BOOST_AUTO_TEST_CASE(onnx_raw_on_a_model_that_is_not_onnx_warns) {
    auto dir = scratch_dir("onnx-raw-keras");
    const ToolResult r = run_strata(
        "render " + shell_quote(std::string(STRATA_SOURCE_DIR) + "/examples/vgg16.json") +
            " --onnx-raw -o " + shell_quote((dir / "v.svg").string()),
        dir);
    BOOST_TEST(r.status == 0, r.err);
    BOOST_TEST(r.err == "strata: warning: onnx_raw: the model is not ONNX: ignored\n");
}

BOOST_AUTO_TEST_SUITE_END()
