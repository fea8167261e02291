// strata opens only what it was asked to: the model, the option file, fonts (and the system's
// own libraries and font configuration), and its output through a temporary in the output
// folder. Weight files and paths named inside a model are never touched. Checked with strace.

#include <boost/test/unit_test.hpp>

#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <regex>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "external_tools.hpp"

namespace fs = std::filesystem;

namespace {

// Paths every successful open(at) of the traced run named.
std::set<std::string> opened_paths(const fs::path& log) {
    std::set<std::string> paths;
    std::ifstream in(log);
    std::string line;
    const std::regex call(R"re(open(at)?\((AT_FDCWD, )?"([^"]*)".*\) = (-?\d+))re");
    std::smatch m;
    while (std::getline(in, line)) {
        if (std::regex_search(line, m, call) && m[4].str()[0] != '-') paths.insert(m[3].str());
    }
    return paths;
}

bool starts_with(const std::string& text, const std::string& prefix) {
    return text.rfind(prefix, 0) == 0;
}

// The system's part: shared libraries, locale, fontconfig's configuration and caches, fonts,
// strata's own cache of font lookups.
bool is_system_path(const std::string& path) {
    for (const char* prefix :
         {"/lib", "/usr/lib", "/etc/ld.so", "/usr/share/fonts", "/usr/share/texmf",
          "/usr/share/texlive", "/usr/local/share/fonts", "/etc/fonts", "/var/cache/fontconfig",
          "/usr/share/fontconfig", "/proc/self", "/sys/", "/dev/urandom", "/usr/share/locale",
          "/usr/lib/locale", "/etc/localtime", "/usr/share/zoneinfo"}) {
        if (starts_with(path, prefix)) return true;
    }
    return path.find("/.cache/fontconfig") != std::string::npos ||
           path.find("/.fontconfig") != std::string::npos ||
           path.find("/.config/fontconfig") != std::string::npos ||
           path.find("/.fonts") != std::string::npos ||
           path.find("/strata/font-lookups") != std::string::npos;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(hidden_io)

BOOST_AUTO_TEST_CASE(only_the_input_options_fonts_and_output_are_opened) {
    if (!strata_test::needs_tool(strata_test::kStraceTool, "strace")) return;
    const fs::path dir = fs::temp_directory_path() / ("strata-io-" + std::to_string(::getpid()));
    fs::remove_all(dir);
    fs::create_directories(dir / "out");
    // A TensorFlow.js model whose weights manifest names a shard beside it and files elsewhere.
    std::ofstream(dir / "model.json") << R"({"format": "layers-model", "modelTopology":
      {"class_name": "Sequential", "config": {"name": "s", "layers": [{"class_name": "Dense",
      "config": {"name": "d", "units": 3, "batch_input_shape": [null, 4]}}]}},
      "weightsManifest": [{"paths": ["group1-shard1of1.bin", "../../../../etc/passwd"],
      "weights": [{"name": "d/kernel", "shape": [4, 3], "dtype": "float32"}]}]})";
    std::ofstream(dir / "group1-shard1of1.bin") << "weights";
    std::ofstream(dir / "fig.yaml") << "text_callable: name\nlegend: true\n";
    const fs::path log = dir / "trace.txt";
    const std::string command =
        "cd " + dir.string() + " && strace -f -qq -e trace=open,openat,creat -o " + log.string() +
        " " + STRATA_CLI_PATH + " render model.json -o out/fig.svg --options fig.yaml 2>/dev/null";
    BOOST_REQUIRE(std::system(command.c_str()) == 0);
    BOOST_REQUIRE(fs::exists(dir / "out" / "fig.svg"));
    const std::set<std::string> paths = opened_paths(log);
    BOOST_TEST(paths.count("model.json") == 1u);
    BOOST_TEST(paths.count("fig.yaml") == 1u);
    for (const std::string& path : paths) {
        if (path == "model.json" || path == "fig.yaml" || is_system_path(path)) continue;
        // The output's temporary: hidden, in the output folder.
        if (starts_with(path, "out/.fig.svg.strata-")) continue;
        BOOST_ERROR("opened " << path);
    }
    fs::remove_all(dir);
}

// Every open(at|at2) of a path ending in `file`, as strace wrote it: the call up to its result.
std::vector<std::string> opens_of(const fs::path& log, const std::string& file) {
    std::vector<std::string> calls;
    std::ifstream in(log);
    std::string line;
    const std::regex call(R"re(open(at2?)?\((\w+, )?"([^"]*)".*\) = (-?\d+))re");
    std::smatch m;
    while (std::getline(in, line)) {
        if (std::regex_search(line, m, call) && m[3].str().ends_with(file))
            calls.push_back(m.str());
    }
    return calls;
}

// A font file a model names is read once, beneath the model's folder, and FreeType, HarfBuzz
// and cairo draw from those bytes: none of them opens the path again, where a file swapped for
// a link after the check would be read.
BOOST_AUTO_TEST_CASE(a_model_font_is_opened_only_beneath_its_folder,
                     *boost::unit_test::enable_if<(STRATA_WITH_CAIRO)>()) {
    if (!strata_test::needs_tool(strata_test::kStraceTool, "strace")) return;
    const fs::path font = "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf";
    BOOST_TEST_REQUIRE(fs::exists(font));
    const fs::path dir =
        fs::temp_directory_path() / ("strata-font-io-" + std::to_string(::getpid()));
    fs::remove_all(dir);
    fs::create_directories(dir / "fonts");
    fs::copy_file(font, dir / "fonts" / "Model.ttf");
    std::ofstream(dir / "model.yaml")
        << "strata: 1\noptions: {font: fonts/Model.ttf, text_callable: name}\nlayers:\n"
           "  - {type: InputLayer, shape: [null, 8], name: in}\n"
           "  - {type: Dense, name: fc, config: {units: 4}}\n";
    for (const char* output : {"fig.png", "fig.pdf"}) {
        BOOST_TEST_CONTEXT(output) {
            const fs::path log = dir / "trace.txt";
            const std::string command = "cd " + dir.string() +
                                        " && strace -f -qq -e trace=open,openat,openat2 -o " +
                                        log.string() + " " + STRATA_CLI_PATH +
                                        " render model.yaml -o " + output + " 2>/dev/null";
            BOOST_REQUIRE(std::system(command.c_str()) == 0);
            const std::vector<std::string> calls = opens_of(log, "Model.ttf");
            BOOST_TEST(!calls.empty());
            for (const std::string& call : calls) {
                // Beneath: relative to a descriptor of the folder, never by the path itself.
                BOOST_TEST(call.find("AT_FDCWD") == std::string::npos, call);
                BOOST_TEST(!starts_with(call, "open(\""), call);
            }
        }
    }
    fs::remove_all(dir);
}

BOOST_AUTO_TEST_SUITE_END()
