// Only regular files are read: a FIFO, a directory or a device given as the model, the option
// file or a picture is one error line at once, never a hang.
#include <boost/test/unit_test.hpp>

#include <sys/stat.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "run_case.hpp"

namespace fs = std::filesystem;

namespace {

constexpr double kLimitSeconds = 5;  // the fix answers in milliseconds; the fault never does

struct Folder {
    fs::path path = fs::temp_directory_path() / ("strata-blocking-" + std::to_string(::getpid()));
    Folder() {
        fs::remove_all(path);
        fs::create_directories(path);
    }
    ~Folder() { fs::remove_all(path); }
    fs::path fifo(const std::string& name) const {
        ::mkfifo((path / name).c_str(), 0600);
        return path / name;
    }
};

std::string read(const fs::path& file) {
    std::ifstream in(file, std::ios::binary);
    std::stringstream s;
    s << in.rdbuf();
    return s.str();
}

const std::string kModel = std::string(STRATA_CORPUS_DIR) + "/generated/vgg16.json";

// Runs strata and checks that it ends at once with one error line holding `expected`.
void expect_refused(const Folder& dir, const std::vector<std::string>& args,
                    const std::string& expected) {
    std::vector<std::string> command{STRATA_CLI_PATH};
    command.insert(command.end(), args.begin(), args.end());
    const fs::path err = dir.path / "stderr.txt";
    const hostile::Outcome outcome = hostile::run(command, err.string(), kLimitSeconds);
    const std::string text = read(err);
    BOOST_TEST(!outcome.timed_out,
               "blocked for " << kLimitSeconds * hostile::kWallClockFactor << " s");
    BOOST_TEST(outcome.exit_code == 1, "exit " << outcome.exit_code << ": " << text);
    BOOST_TEST(text.rfind("strata: error: ", 0) == 0u, text);
    BOOST_TEST(text.find(expected) != std::string::npos, text);
    BOOST_TEST(!fs::exists(dir.path / "out.svg"));
}

}  // namespace

BOOST_AUTO_TEST_SUITE(blocking_files)

BOOST_AUTO_TEST_CASE(a_fifo_as_the_model_is_refused) {
    Folder dir;
    const std::string out = (dir.path / "out.svg").string();
    expect_refused(dir, {"render", dir.fifo("model.yaml").string(), "-o", out},
                   "not a regular file");
    expect_refused(dir, {"info", dir.fifo("model.json").string()}, "not a regular file");
    expect_refused(dir, {"spec", dir.path.string()}, "is a directory");
}

BOOST_AUTO_TEST_CASE(a_fifo_or_folder_as_the_option_file_is_refused) {
    Folder dir;
    const std::string out = (dir.path / "out.svg").string();
    expect_refused(dir, {"render", kModel, "-o", out, "--options", dir.fifo("fig.yaml").string()},
                   "not a regular file");
    expect_refused(dir, {"render", kModel, "-o", out, "--options", dir.path.string()},
                   "is a directory");
    expect_refused(dir, {"render", kModel, "-o", out, "--options", "/dev/zero"},
                   "not a regular file");
}

BOOST_AUTO_TEST_CASE(a_fifo_as_a_picture_is_refused) {
    Folder dir;
    const std::string out = (dir.path / "out.svg").string();
    const std::string fifo = dir.fifo("face.png").string();
    expect_refused(dir,
                   {"render", kModel, "-o", out, "--styles", "{Conv2D: {image: " + fifo + "}}"},
                   "not a regular file");
    expect_refused(dir,
                   {"render", kModel, "-o", out, "--logo-groups",
                    "[{file: " + dir.path.string() + ", layers: [Dense]}]"},
                   "is a directory");
}

BOOST_AUTO_TEST_CASE(a_fifo_or_folder_as_a_font_file_is_refused) {
    Folder dir;
    const std::string out = (dir.path / "out.svg").string();
    expect_refused(dir,
                   {"render", kModel, "-o", out, "--text-callable", "name", "--font",
                    dir.fifo("font.ttf").string()},
                   "is not a regular file");
    expect_refused(
        dir, {"render", kModel, "-o", out, "--text-callable", "name", "--font", dir.path.string()},
        "is a directory");
}

BOOST_AUTO_TEST_SUITE_END()
