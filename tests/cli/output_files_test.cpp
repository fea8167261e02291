// What a render writes: never a file the same run reads (by any name), and the reveal frames
// only together with the main output.
#include <boost/test/unit_test.hpp>

#include <signal.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <string>
#include <thread>
#include <vector>

#include "cli/run_tool.hpp"
#include "layout/picture_files.hpp"

namespace fs = std::filesystem;
using strata::test::read_text;
using strata::test::shell_quote;

namespace {

constexpr const char* kSystemFont = "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf";

std::string q(const fs::path& path) {
    return shell_quote(path.string());
}

std::vector<std::string> names_in(const fs::path& dir) {
    std::vector<std::string> list;
    for (const auto& e : fs::recursive_directory_iterator(dir))
        list.push_back(fs::relative(e.path(), dir).string());
    std::sort(list.begin(), list.end());
    return list;
}

// A model folder with a spec that names a face image, a logo and a font file beside it.
struct ModelFolder {
    fs::path dir;
    fs::path spec;
    explicit ModelFolder(const std::string& name)
        : dir(fs::temp_directory_path() / ("strata-cli-test-" + name)) {
        fs::remove_all(dir);
        fs::create_directories(dir / "model");
        strata::test::write_png((dir / "model" / "face.png").string(), 4, 4, 0, 1, 0);
        strata::test::write_png((dir / "model" / "logo.png").string(), 4, 4, 1, 0, 0);
        fs::copy_file(kSystemFont, dir / "model" / "font.ttf");
        spec = dir / "model" / "model.yaml";
        std::ofstream(spec) << "strata: 1\nmodel: m\noptions:\n"
                               "  styles: {conv: {image: face.png}}\n"
                               "  logo_groups: [{file: logo.png, layers: [conv]}]\n"
                               "  font: ./font.ttf\n"
                               "layers:\n"
                               "  - {name: in, type: InputLayer, shape: [null, 8, 8, 3]}\n"
                               "  - {name: conv, type: Conv2D, config: {filters: 4, "
                               "kernel_size: 3}}\n";
    }
    ~ModelFolder() {
        std::error_code ignored;
        fs::remove_all(dir, ignored);
    }
};

// Starts strata with `args`, output to /dev/null, and the default action for SIGTERM.
pid_t spawn(const std::vector<std::string>& args) {
    const pid_t pid = ::fork();
    if (pid == 0) {
        ::signal(SIGTERM, SIG_DFL);
        std::vector<char*> argv{const_cast<char*>(STRATA_CLI_PATH)};
        for (const std::string& a : args) argv.push_back(const_cast<char*>(a.c_str()));
        argv.push_back(nullptr);
        std::freopen("/dev/null", "w", stdout);
        std::freopen("/dev/null", "w", stderr);
        ::execv(STRATA_CLI_PATH, argv.data());
        ::_exit(127);
    }
    return pid;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(output_files)

BOOST_AUTO_TEST_CASE(an_output_that_is_also_an_input_is_refused_before_any_work) {
    BOOST_TEST_REQUIRE(fs::exists(kSystemFont));
    const ModelFolder m("output-is-input");
    const fs::path model = m.dir / "model";
    auto result =
        strata::test::run_strata("render " + q(m.spec) + " -o " + q(m.dir / "fig.svg"), m.dir);
    BOOST_TEST_REQUIRE(result.status == 0, result.err);

    std::ofstream(m.dir / "fig.yaml") << "legend: true\n";
    fs::create_hard_link(m.spec, m.dir / "hard-link.svg");
    fs::create_symlink(m.spec, m.dir / "link.yaml");
    struct Case {
        std::string model, output, input;
    };
    for (const Case& c : std::vector<Case>{
             {q(m.spec), q(model / "face.png"), "face.png"},
             {q(m.spec), q(model / "logo.png"), "logo.png"},
             {q(m.spec), q(model / "font.ttf"), "font.ttf"},
             {q(m.spec), q(m.dir / "fig.yaml"), "fig.yaml"},
             {q(m.spec), q(m.dir / "hard-link.svg"), "model.yaml"},
             {q(m.dir / "link.yaml"), q(m.spec), "link.yaml"},
         }) {
        BOOST_TEST_CONTEXT(c.output) {
            const std::string before = read_text(c.output.substr(1, c.output.size() - 2));
            result =
                strata::test::run_strata("render " + c.model + " --options " +
                                             q(m.dir / "fig.yaml") + " --format svg -o " + c.output,
                                         m.dir);
            BOOST_TEST(result.status == 1, result.err);
            BOOST_TEST(result.err.find(": the output is also an input (") != std::string::npos,
                       result.err);
            BOOST_TEST(result.err.find(c.input) != std::string::npos, result.err);
            BOOST_TEST(read_text(c.output.substr(1, c.output.size() - 2)) == before);
        }
    }
}

BOOST_AUTO_TEST_CASE(a_frame_that_is_also_an_input_is_refused_before_any_work) {
    BOOST_TEST_REQUIRE(fs::exists(kSystemFont));
    const ModelFolder m("frame-is-input");
    fs::create_directories(m.dir / "steps");
    fs::create_hard_link(m.dir / "model" / "face.png", m.dir / "steps" / "step-01.svg");
    const std::string before = read_text(m.dir / "model" / "face.png");
    const auto result = strata::test::run_strata(
        "render " + q(m.spec) + " --frames " + q(m.dir / "steps") + " -o " + q(m.dir / "fig.svg"),
        m.dir);
    BOOST_TEST(result.status == 1, result.err);
    BOOST_TEST(result.err.find("step-01.svg: the output is also an input (") != std::string::npos,
               result.err);
    BOOST_TEST(read_text(m.dir / "model" / "face.png") == before);
    BOOST_TEST(!fs::exists(m.dir / "fig.svg"));
    BOOST_TEST(names_in(m.dir / "steps") == std::vector<std::string>{"step-01.svg"});
}

// An output named as a frame in the frames folder would replace a frame or be replaced by one.
BOOST_AUTO_TEST_CASE(an_output_that_is_also_a_frame_is_refused_before_any_work) {
    const fs::path dir = strata::test::scratch_dir("output-is-a-frame");
    const std::string model = std::string(STRATA_CORPUS_DIR) + "/generated/vgg16.json";
    fs::create_directories(dir / "steps");
    std::ofstream(dir / "steps" / "step-02.svg") << "kept";
    struct Case {
        std::string frames, output, message;
    };
    const std::string frame_clash = ": the output would be one of the reveal frames written into ";
    for (const Case& c : std::vector<Case>{
             {q(dir / "steps"), q(dir / "steps" / "step-02.svg"), frame_clash},
             {q(dir / "steps"), q(dir / "steps" / "step-05.svg"), frame_clash},
             // The same folder under another name.
             {q(dir / "steps" / "."), q(dir / "steps" / ".." / "steps" / "step-01.svg"),
              frame_clash},
             {q(dir / "fig.svg" / "steps"), q(dir / "fig.svg"),
              ": the frames folder '" + (dir / "fig.svg" / "steps").string() +
                  "' is the output or lies inside it"},
         }) {
        BOOST_TEST_CONTEXT(c.output) {
            const auto result = strata::test::run_strata(
                "render " + shell_quote(model) + " --frames " + c.frames + " -o " + c.output, dir);
            BOOST_TEST(result.status == 1);
            BOOST_TEST(result.err.find(c.message) != std::string::npos, result.err);
            BOOST_TEST(names_in(dir) == (std::vector<std::string>{"stderr.txt", "stdout.txt",
                                                                  "steps", "steps/step-02.svg"}));
            BOOST_TEST(read_text(dir / "steps" / "step-02.svg") == "kept");
        }
    }
    // Another name in the folder is no frame.
    const auto result =
        strata::test::run_strata("render " + shell_quote(model) + " --frames " + q(dir / "steps") +
                                     " -o " + q(dir / "steps" / "step-2.svg"),
                                 dir);
    BOOST_TEST(result.status == 0, result.err);
    BOOST_TEST(fs::exists(dir / "steps" / "step-2.svg"));
    fs::remove_all(dir);
}

BOOST_AUTO_TEST_CASE(frames_are_published_only_with_the_main_output) {
    const fs::path dir = fs::temp_directory_path() / "strata-cli-test-frames-with-output";
    fs::remove_all(dir);
    fs::create_directories(dir);
    const std::string model = std::string(STRATA_CORPUS_DIR) + "/generated/vgg16.json";
    // The main output fails after the frames are made: no frame is left either.
    auto result =
        strata::test::run_strata("render " + shell_quote(model) + " --frames " + q(dir / "steps") +
                                     " -o " + q(dir / "fig.png") + " --dpi 100000",
                                 dir);
    BOOST_TEST(result.status == 1, result.err);
    BOOST_TEST(names_in(dir) == (std::vector<std::string>{"stderr.txt", "stdout.txt"}));

    // Both, when both can be written.
    result = strata::test::run_strata("render " + shell_quote(model) + " --frames " +
                                          q(dir / "steps") + " -o " + q(dir / "fig.svg"),
                                      dir);
    BOOST_TEST(result.status == 0, result.err);
    BOOST_TEST(fs::exists(dir / "fig.svg"));
    BOOST_TEST(fs::exists(dir / "steps" / "step-01.svg"));
    fs::remove_all(dir);
}

BOOST_AUTO_TEST_CASE(frame_names_have_as_many_digits_as_the_count_needs) {
    const fs::path dir = fs::temp_directory_path() / "strata-cli-test-frame-digits";
    fs::remove_all(dir);
    fs::create_directories(dir);
    std::string layers = R"({"class_name": "Dense", "config": {"name": "d0", "units": 2,
        "batch_input_shape": [null, 2]}})";
    for (int i = 1; i < 120; ++i)
        layers += R"(, {"class_name": "Dense", "config": {"name": "d)" + std::to_string(i) +
                  R"(", "units": 2}})";
    std::ofstream(dir / "m.json") << R"({"class_name": "Sequential", "config": {"layers": [)"
                                  << layers << "]}}";
    const auto result = strata::test::run_strata(
        "render " + q(dir / "m.json") + " --collapse none --frames " + q(dir / "steps"), dir);
    BOOST_TEST_REQUIRE(result.status == 0, result.err);
    const std::vector<std::string> names = names_in(dir / "steps");
    BOOST_TEST_REQUIRE(names.size() > 99u);
    BOOST_TEST(names.front() == "step-001.svg");
    BOOST_TEST(names.back() == "step-" + std::to_string(names.size()) + ".svg");
    BOOST_TEST(std::is_sorted(names.begin(), names.end()));
    fs::remove_all(dir);
}

BOOST_AUTO_TEST_CASE(frames_that_cannot_fit_are_refused_before_one_is_written) {
    const fs::path dir = fs::temp_directory_path() / "strata-cli-test-frames-estimate";
    fs::remove_all(dir);
    fs::create_directories(dir);
    const std::string model = std::string(STRATA_CORPUS_DIR) + "/generated/deep.1000.json";
    // 1000 frames of up to 1000 boxes: more than 512 MiB, found from 16 frames drawn in memory.
    const auto start = std::chrono::steady_clock::now();
    const auto result =
        strata::test::run_strata("render " + shell_quote(model) + " --collapse none --frames " +
                                     q(dir / "steps") + " -o " + q(dir / "f.svg"),
                                 dir);
    const double seconds =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    BOOST_TEST(result.status == 1, result.err);
    BOOST_TEST(result.err.find("frames would hold more than 512 MiB together (at least") !=
                   std::string::npos,
               result.err);
    BOOST_TEST(names_in(dir) == (std::vector<std::string>{"stderr.txt", "stdout.txt"}));
    BOOST_TEST(seconds < 10.0);  // not after writing frames up to the limit
    fs::remove_all(dir);
}

BOOST_AUTO_TEST_CASE(a_signal_after_the_frames_are_made_leaves_neither) {
    const fs::path dir = fs::temp_directory_path() / "strata-cli-test-frames-signal";
    fs::remove_all(dir);
    fs::create_directories(dir);
    const std::string model = std::string(STRATA_CORPUS_DIR) + "/generated/vgg16.json";
    // How many frames there are.
    auto result = strata::test::run_strata(
        "render " + shell_quote(model) + " --frames " + q(dir / "count"), dir);
    BOOST_TEST_REQUIRE(result.status == 0, result.err);
    const std::size_t frames = names_in(dir / "count").size();
    BOOST_TEST_REQUIRE(frames > 2u);
    fs::remove_all(dir);
    fs::create_directories(dir);

    // Stop the run once it has staged its first frame. Whether the signal lands while the
    // frames are staged, or after they and the PNG are published (the rest of the run is short),
    // the folder holds all or nothing: never some frames, a staging folder or a temporary.
    const fs::path steps = dir / "steps";
    const pid_t pid = spawn({"render", model, "--frames", steps.string(), "-o",
                             (dir / "fig.png").string(), "--dpi", "400"});
    const auto any_made = [&] {
        std::error_code error;
        if (!fs::exists(steps, error)) return false;
        for (const auto& e : fs::recursive_directory_iterator(steps, error))
            if (e.path().filename().string().rfind("step-", 0) == 0) return true;
        return false;
    };
    const auto start = std::chrono::steady_clock::now();
    while (!any_made() && std::chrono::steady_clock::now() - start < std::chrono::seconds(60))
        std::this_thread::sleep_for(std::chrono::milliseconds(1));
    BOOST_TEST_REQUIRE(any_made());
    ::kill(pid, SIGTERM);
    int status = 0;
    ::waitpid(pid, &status, 0);
    BOOST_TEST(((WIFSIGNALED(status) && WTERMSIG(status) == SIGTERM) ||
                (WIFEXITED(status) && WEXITSTATUS(status) == 0)));
    if (names_in(dir).empty()) {
        // Interrupted before publishing: nothing was left behind.
    } else {
        // Published before the signal: every frame and the PNG, nothing else.
        std::vector<std::string> expected{"fig.png", "steps"};
        for (std::size_t step = 1; step <= frames; ++step) {
            char name[32];
            std::snprintf(name, sizeof name, "steps/step-%02zu.svg", step);
            expected.push_back(name);
        }
        BOOST_TEST(names_in(dir) == expected);
    }
    fs::remove_all(dir);
}

BOOST_AUTO_TEST_CASE(a_main_output_too_large_to_write_leaves_no_frames) {
    const fs::path dir = fs::temp_directory_path() / "strata-cli-test-frames-too-large";
    fs::remove_all(dir);
    fs::create_directories(dir);
    const std::string model = std::string(STRATA_CORPUS_DIR) + "/generated/vgg16.json";
    // Every frame of VGG16 stays under the file-size limit, its PNG at 400 dpi does not: the
    // write of the main output fails after all the frames are made.
    const pid_t pid = ::fork();
    if (pid == 0) {
        const rlimit limit{1 << 20, 1 << 20};
        ::setrlimit(RLIMIT_FSIZE, &limit);
        std::freopen("/dev/null", "w", stdout);
        std::freopen("/dev/null", "w", stderr);
        const std::string steps = (dir / "steps").string(), png = (dir / "fig.png").string();
        ::execl(STRATA_CLI_PATH, STRATA_CLI_PATH, "render", model.c_str(), "--frames",
                steps.c_str(), "-o", png.c_str(), "--dpi", "400", static_cast<char*>(nullptr));
        ::_exit(127);
    }
    int status = 0;
    ::waitpid(pid, &status, 0);
    BOOST_TEST((WIFEXITED(status) && WEXITSTATUS(status) == 1));
    BOOST_TEST(names_in(dir).empty());
    fs::remove_all(dir);
}

BOOST_AUTO_TEST_SUITE_END()
