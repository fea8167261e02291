// A model file truncated by another program while strata has it mapped ends in a clear error,
// never in SIGBUS.
#include <boost/test/unit_test.hpp>

#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <string>

#include "import/mapped_file.hpp"
#include "input/input_file.hpp"
#include "strata/error.hpp"
#include "strata/render.hpp"

namespace fs = std::filesystem;

namespace {

struct TempFile {
    fs::path path = fs::temp_directory_path() / ("strata-mapped-" + std::to_string(::getpid()));
    explicit TempFile(const std::string& bytes) { std::ofstream(path, std::ios::binary) << bytes; }
    ~TempFile() { fs::remove(path); }
};

// Runs `body` in a child process; its exit status, or 128 + the signal that ended it.
template <typename Body>
int in_child(Body body) {
    const pid_t pid = ::fork();
    if (pid == 0) {
        ::signal(SIGBUS, SIG_DFL);
        ::_exit(body());
    }
    int status = 0;
    ::waitpid(pid, &status, 0);
    return WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
}

}  // namespace

BOOST_AUTO_TEST_SUITE(mapped_file)

BOOST_AUTO_TEST_CASE(reading_past_a_truncation_gives_zeros_and_says_so) {
    const std::string bytes(std::size_t{1} << 20, 'm');
    TempFile file(bytes);
    const int status = in_child([&] {
        auto input = strata::io::InputFile::open(file.path.string(), "the file");
        auto mapped = strata::MappedFile::map(input.fd(), input.size());
        if (!mapped) return 10;
        if (mapped->bytes().substr(0, 4) != "mmmm" || mapped->cut_short()) return 11;
        fs::resize_file(file.path, 100);  // another program cuts the file
        unsigned long sum = 0;
        for (char c : mapped->bytes()) sum += static_cast<unsigned char>(c);
        // The first page still holds the file's bytes (to its new end), the rest is zeros.
        if (sum > 4096UL * 'm') return 12;
        return mapped->cut_short() ? 0 : 13;
    });
    BOOST_TEST(status == 0, "the child ended with " << status << " (128 + 7 is SIGBUS)");
}

BOOST_AUTO_TEST_CASE(an_untouched_mapping_is_not_cut_short) {
    TempFile file(std::string(10000, 'a'));
    auto input = strata::io::InputFile::open(file.path.string(), "the file");
    auto mapped = strata::MappedFile::map(input.fd(), input.size());
    BOOST_TEST_REQUIRE(mapped.has_value());
    BOOST_TEST(mapped->bytes() == std::string(10000, 'a'));
    BOOST_TEST(!mapped->cut_short());
}

BOOST_AUTO_TEST_CASE(a_sigbus_elsewhere_still_ends_the_process) {
    TempFile file(std::string(10000, 'a'));
    const int status = in_child([&] {
        // Install the handler with a mapping, then fault outside any model mapping.
        auto input = strata::io::InputFile::open(file.path.string(), "the file");
        auto mapped = strata::MappedFile::map(input.fd(), input.size());
        ::raise(SIGBUS);
        return 0;
    });
    BOOST_TEST(status == 128 + SIGBUS);
}

BOOST_AUTO_TEST_SUITE_END()
