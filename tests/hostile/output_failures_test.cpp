// Output that cannot be written is an error, and an interrupted run leaves nothing behind:
// a write error on standard output exits non-zero; past the file-size limit, or on SIGINT,
// SIGTERM or SIGHUP during a write, the temporary file is removed; frames are written all or
// nothing, one in memory at a time.
#include <boost/test/unit_test.hpp>

#include <fcntl.h>
#include <signal.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

#include "io/cleanup_on_signal.hpp"
#include "run_case.hpp"
#include "strata/render.hpp"

namespace fs = std::filesystem;

namespace {

struct Folder {
    fs::path path = fs::temp_directory_path() / ("strata-output-" + std::to_string(::getpid()));
    Folder() {
        fs::remove_all(path);
        fs::create_directories(path);
    }
    ~Folder() { fs::remove_all(path); }
    std::vector<std::string> names() const {
        std::vector<std::string> list;
        for (const auto& e : fs::recursive_directory_iterator(path))
            list.push_back(fs::relative(e.path(), path).string());
        std::sort(list.begin(), list.end());
        return list;
    }
};

std::string read(const fs::path& file) {
    std::ifstream in(file, std::ios::binary);
    std::stringstream s;
    s << in.rdbuf();
    return s.str();
}

std::string quote(const std::string& s) {
    std::string q = "'";
    for (char c : s) q += c == '\'' ? std::string("'\\''") : std::string(1, c);
    return q + "'";
}

const std::string kModel = std::string(STRATA_CORPUS_DIR) + "/generated/vgg16.json";

// Runs `script` with sh, standard error into `err`; the exit status, or 128 + the signal.
int shell(const std::string& script, const fs::path& err) {
    const std::string command = "sh -c " + quote(script) + " 2>" + quote(err.string());
    const int raw = std::system(command.c_str());
    return WIFEXITED(raw) ? WEXITSTATUS(raw) : 128 + WTERMSIG(raw);
}

std::string tool() {
    return quote(STRATA_CLI_PATH);
}

// Starts strata with `args` and the default action for every signal; stdout and stderr to
// /dev/null.
pid_t spawn(const std::vector<std::string>& args) {
    const pid_t pid = ::fork();
    if (pid == 0) {
        for (int s : {SIGINT, SIGTERM, SIGHUP}) ::signal(s, SIG_DFL);
        const int null = ::open("/dev/null", O_RDWR);
        ::dup2(null, 1);
        ::dup2(null, 2);
        std::vector<char*> argv{const_cast<char*>(STRATA_CLI_PATH)};
        for (const std::string& a : args) argv.push_back(const_cast<char*>(a.c_str()));
        argv.push_back(nullptr);
        ::execv(argv[0], argv.data());
        ::_exit(127);
    }
    return pid;
}

// In a child process: writes `bytes` to `out` atomically while `signal` arrives in the middle
// of the write. The file-size limit makes the write raise SIGXFSZ part-way, and its handler
// sends `signal`, so the interruption falls inside the write every time. Returns the wait
// status.
int interrupted_write(const fs::path& out, int signal_number) {
    const pid_t pid = ::fork();
    if (pid == 0) {
        for (int s : {SIGINT, SIGTERM, SIGHUP}) ::signal(s, SIG_DFL);
        strata::remove_partial_outputs_on_signals();
        static int pending = 0;
        pending = signal_number;
        struct sigaction action {};
        action.sa_handler = [](int) { ::raise(pending); };
        ::sigaction(SIGXFSZ, &action, nullptr);
        const rlimit limit{4096, 4096};
        ::setrlimit(RLIMIT_FSIZE, &limit);
        try {
            strata::write_file_atomically(out.string(), std::string(1 << 20, 'x'));
        } catch (...) {
        }
        ::_exit(0);
    }
    int status = 0;
    ::waitpid(pid, &status, 0);
    return status;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(output_failures)

BOOST_AUTO_TEST_CASE(a_write_error_on_standard_output_is_an_error) {
    Folder dir;
    const fs::path err = dir.path / "err.txt";
    for (const std::string& command :
         {"render " + quote(kModel) + " -o - --format svg",
          "render " + quote(kModel) + " -o - --format png", "info " + quote(kModel),
          "info --json " + quote(kModel), "spec " + quote(kModel),
          std::string("options --preset compact")}) {
        if (!STRATA_WITH_CAIRO && command.ends_with("png")) continue;  // no PNG to write
        BOOST_TEST_CONTEXT(command) {
            BOOST_TEST(shell(tool() + " " + command + " >/dev/full", err) == 1);
            BOOST_TEST(read(err).rfind("strata: error: standard output: cannot write", 0) == 0u,
                       read(err));
            BOOST_TEST(shell(tool() + " " + command + " >&-", err) == 1);
            BOOST_TEST(read(err).find("standard output") != std::string::npos, read(err));
        }
    }
    // A closed standard output is not taken by a file strata opens afterwards.
    BOOST_TEST(shell(tool() + " render " + quote(kModel) + " -o " +
                         quote((dir.path / "fig.svg").string()) + " >&-",
                     err) == 0);
    BOOST_TEST(read(dir.path / "fig.svg").rfind("<?xml", 0) == 0u);
}

BOOST_AUTO_TEST_CASE(past_the_file_size_limit_the_write_fails_and_leaves_nothing) {
    Folder dir;
    const fs::path err = dir.path / "err.txt";
    const std::string out = (dir.path / "fig.svg").string();
    BOOST_TEST(
        shell("ulimit -f 8; exec " + tool() + " render " + quote(kModel) + " -o " + quote(out),
              err) == 1);
    BOOST_TEST(read(err).find("cannot write the output") != std::string::npos, read(err));
    BOOST_TEST(dir.names() == std::vector<std::string>{"err.txt"});
    const std::string piped = (dir.path / "piped.svg").string();
    BOOST_TEST(shell("ulimit -f 8; exec " + tool() + " render " + quote(kModel) +
                         " -o - --format svg >" + quote(piped),
                     err) == 1);
    BOOST_TEST(read(err).find("standard output") != std::string::npos, read(err));
}

BOOST_AUTO_TEST_CASE(a_signal_during_a_write_removes_the_temporary) {
    for (int signal_number : {SIGTERM, SIGINT, SIGHUP}) {
        BOOST_TEST_CONTEXT("signal " << signal_number) {
            Folder dir;
            const int status = interrupted_write(dir.path / "fig.svg", signal_number);
            BOOST_TEST(WIFSIGNALED(status));
            BOOST_TEST((WIFSIGNALED(status) && WTERMSIG(status) == signal_number));
            BOOST_TEST(dir.names().empty());
        }
    }
}

BOOST_AUTO_TEST_CASE(a_signal_removes_a_staging_folder_and_the_folders_made_for_it) {
    Folder dir;
    const pid_t pid = ::fork();
    if (pid == 0) {
        ::signal(SIGTERM, SIG_DFL);
        strata::remove_partial_outputs_on_signals();
        fs::create_directories(dir.path / "made" / "staging");
        strata::io::CleanupRegistration made((dir.path / "made").string(),
                                             strata::io::CleanupKind::created_dir);
        strata::io::CleanupRegistration staging((dir.path / "made" / "staging").string(),
                                                strata::io::CleanupKind::staging_dir);
        for (int i = 0; i < 300; ++i)
            std::ofstream(dir.path / "made" / "staging" / ("step-" + std::to_string(i))) << i;
        ::raise(SIGTERM);
        ::_exit(0);
    }
    int status = 0;
    ::waitpid(pid, &status, 0);
    BOOST_TEST((WIFSIGNALED(status) && WTERMSIG(status) == SIGTERM));
    BOOST_TEST(dir.names().empty());
}

BOOST_AUTO_TEST_CASE(frames_that_fail_leave_the_folder_as_it_was) {
    Folder dir;
    const fs::path steps = dir.path / "steps";
    fs::create_directories(steps / "step-05.svg");  // frame 5 cannot be written
    std::ofstream(steps / "notes.txt") << "mine\n";
    std::ofstream(steps / "step-01.svg") << "old frame\n";
    const fs::path err = dir.path / "err.txt";
    BOOST_TEST(shell(tool() + " render " + quote(kModel) + " --frames " + quote(steps.string()),
                     err) == 1);
    BOOST_TEST(read(err).find("step-05.svg") != std::string::npos, read(err));
    BOOST_TEST(dir.names() == (std::vector<std::string>{"err.txt", "steps", "steps/notes.txt",
                                                        "steps/step-01.svg", "steps/step-05.svg"}));
    BOOST_TEST(read(steps / "step-01.svg") == "old frame\n");

    // Once it can be written, every frame is there.
    fs::remove(steps / "step-05.svg");
    BOOST_TEST(shell(tool() + " render " + quote(kModel) + " --frames " + quote(steps.string()),
                     err) == 0);
    BOOST_TEST(read(steps / "step-05.svg").rfind("<?xml", 0) == 0u);
    BOOST_TEST(read(steps / "step-01.svg").rfind("<?xml", 0) == 0u);
}

BOOST_AUTO_TEST_CASE(frames_interrupted_leave_no_folder_and_no_file) {
    Folder dir;
    const fs::path steps = dir.path / "new" / "steps";
    // 700 layers drawn one box each: 700 frames, 425 MiB in all, a few seconds to write (1000
    // would be refused before any is written).
    const fs::path model = fs::temp_directory_path() / "strata-frames-interrupted-700.json";
    {
        std::ofstream out(model);
        out << R"({"class_name": "Sequential", "config": {"layers": [{"class_name": "Dense", )"
            << R"("config": {"name": "d0", "units": 2, "batch_input_shape": [null, 2]}})";
        for (int i = 1; i < 700; ++i)
            out << R"(, {"class_name": "Dense", "config": {"name": "d)" << i
                << R"(", "units": 2}})";
        out << "]}}";
    }
    const pid_t pid =
        spawn({"render", model.string(), "--collapse", "none", "--frames", steps.string()});
    // As soon as the run has put anything on disk, stop it.
    const auto start = std::chrono::steady_clock::now();
    while (!fs::exists(dir.path / "new") &&
           std::chrono::steady_clock::now() - start < std::chrono::seconds(60)) {
        std::this_thread::sleep_for(std::chrono::milliseconds(1));
    }
    BOOST_TEST_REQUIRE(fs::exists(dir.path / "new"));
    std::this_thread::sleep_for(std::chrono::milliseconds(200));
    ::kill(pid, SIGTERM);
    int status = 0;
    ::waitpid(pid, &status, 0);
    BOOST_TEST((WIFSIGNALED(status) && WTERMSIG(status) == SIGTERM));
    BOOST_TEST(dir.names().empty());
    fs::remove(model);
}

BOOST_AUTO_TEST_CASE(frames_are_built_one_at_a_time) {
    Folder dir;
    // A plain stack of 400 layers: frame k holds k of them, so holding every frame at once
    // costs about 200 times the scene.
    std::string layers;
    for (int i = 0; i < 400; ++i) {
        layers += std::string(i ? "," : "") + R"({"class_name": "Dense", "config": {"name": "d)" +
                  std::to_string(i) + R"(", "units": )" + std::to_string(4 + i % 7) +
                  (i ? "" : R"(, "batch_input_shape": [null, 8])") + "}}";
    }
    const fs::path model = dir.path / "deep.json";
    std::ofstream(model) << R"({"class_name": "Sequential", "config": {"name": "deep", "layers": [)"
                         << layers << "]}}";
    const std::string err = (dir.path / "err.txt").string();
    const hostile::Outcome single =
        hostile::run({STRATA_CLI_PATH, "render", model.string(), "--collapse", "none", "-o",
                      (dir.path / "all.svg").string()},
                     err, 120);
    BOOST_TEST_REQUIRE(single.exit_code == 0, read(err));
    const hostile::Outcome frames =
        hostile::run({STRATA_CLI_PATH, "render", model.string(), "--collapse", "none", "--frames",
                      (dir.path / "steps").string()},
                     err, 300);
    BOOST_TEST_REQUIRE(frames.exit_code == 0, read(err));
    BOOST_TEST(fs::exists(dir.path / "steps" / "step-400.svg"));
    BOOST_TEST_MESSAGE("peak memory: one SVG " << single.peak_kib / 1024 << " MiB, 400 frames "
                                               << frames.peak_kib / 1024 << " MiB");
    // One frame and its SVG at a time: about what one drawing costs.
    BOOST_TEST(frames.peak_kib < single.peak_kib + 32 * 1024,
               "frames peaked at " << frames.peak_kib << " KiB, one drawing at " << single.peak_kib
                                   << " KiB");
}

BOOST_AUTO_TEST_SUITE_END()
