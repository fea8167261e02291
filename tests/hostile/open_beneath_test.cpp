// Files a model file names are opened beneath its folder in one step: by the kernel (openat2)
// or, where it lacks that, by walking the path one component at a time. Both refuse the same
// paths with the same error, and a file swapped for a link after the model was read is still
// refused when it is opened.
#include <boost/test/unit_test.hpp>

#include <fcntl.h>
#include <unistd.h>

#include <cerrno>
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include "input/input_file.hpp"
#include "input/open_beneath.hpp"
#include "strata/error.hpp"

namespace fs = std::filesystem;

namespace {

struct Folder {
    fs::path path = fs::temp_directory_path() / ("strata-beneath-" + std::to_string(::getpid()));
    Folder() {
        fs::remove_all(path);
        fs::create_directories(path / "model" / "sub");
        fs::create_directories(path / "secret");
        std::ofstream(path / "secret" / "private.txt") << "secret\n";
        std::ofstream(path / "model" / "face.txt") << "face\n";
        std::ofstream(path / "model" / "sub" / "deep.txt") << "deep\n";
        const fs::path m = path / "model";
        fs::create_symlink("../secret/private.txt", m / "out-relative");
        fs::create_symlink("../secret/missing.txt", m / "out-dangling");
        fs::create_symlink(path / "secret" / "private.txt", m / "out-absolute");
        fs::create_symlink(path / "secret" / "missing.txt", m / "out-absolute-dangling");
        fs::create_directory_symlink("../secret", m / "out-folder");
        fs::create_symlink("/proc/self/root/etc/hostname", m / "out-proc");
        fs::create_symlink("face.txt", m / "in-file");
        fs::create_symlink("sub/../face.txt", m / "in-climbing");
        fs::create_directory_symlink("sub", m / "in-folder");
        fs::create_symlink("loop", m / "loop");
    }
    ~Folder() { fs::remove_all(path); }
    std::string model() const { return (path / "model").string(); }
};

// What opening `relative` beneath the model folder gives: the first line read, or the errno.
std::string outcome(int fd) {
    if (fd < 0) return "errno " + std::to_string(errno);
    char buffer[16] = {};
    const ssize_t got = ::read(fd, buffer, sizeof buffer - 1);
    ::close(fd);
    return got > 0 ? std::string(buffer, static_cast<std::size_t>(got)) : "read nothing";
}

std::string walked(const std::string& folder, const std::string& relative) {
    const int base = ::open(folder.c_str(), O_PATH | O_DIRECTORY | O_CLOEXEC);
    const std::string result = outcome(strata::io::open_beneath_by_walking(base, relative));
    ::close(base);
    return result;
}

const std::string kOutside = "errno " + std::to_string(EXDEV);

}  // namespace

BOOST_AUTO_TEST_SUITE(open_beneath)

BOOST_AUTO_TEST_CASE(the_kernel_and_the_walk_agree) {
    const Folder f;
    struct Expected {
        std::string relative, result;
    };
    for (const Expected& e : std::vector<Expected>{
             {"face.txt", "face\n"},
             {"./sub/deep.txt", "deep\n"},
             {"sub/../face.txt", "face\n"},
             {"in-file", "face\n"},
             {"in-climbing", "face\n"},
             {"in-folder/deep.txt", "deep\n"},
             {"missing.txt", "errno " + std::to_string(ENOENT)},
             {"../secret/private.txt", kOutside},
             {"sub/../../secret/private.txt", kOutside},
             {"/etc/hostname", kOutside},
             {"out-relative", kOutside},
             {"out-dangling", kOutside},
             {"out-absolute", kOutside},
             {"out-absolute-dangling", kOutside},
             {"out-folder/private.txt", kOutside},
             {"out-folder/missing.txt", kOutside},
             {"out-proc", kOutside},
             {"loop", "errno " + std::to_string(ELOOP)},
         }) {
        BOOST_TEST_CONTEXT(e.relative) {
            BOOST_TEST(outcome(strata::io::open_beneath(f.model(), e.relative)) == e.result);
            BOOST_TEST(walked(f.model(), e.relative) == e.result);
        }
    }
}

BOOST_AUTO_TEST_CASE(a_file_swapped_for_a_link_after_the_check_is_still_refused) {
    const Folder f;
    const std::string path = (f.path / "model" / "swapped.txt").string();
    std::ofstream(path) << "inside\n";
    strata::ModelNamedFiles named;
    named.confine(path, {f.model(), "swapped.txt"});
    BOOST_TEST(strata::io::read_input_file(path, 100, "image file", named) == "inside\n");

    // Between reading the model and opening the file, the file becomes a link that leads out.
    fs::remove(path);
    fs::create_symlink(f.path / "secret" / "private.txt", path);
    try {
        strata::io::read_input_file(path, 100, "image file", named);
        BOOST_FAIL("a link out of the model's folder was followed");
    } catch (const strata::Error& e) {
        BOOST_TEST(
            std::string(e.what()).find("outside the model file's folder") != std::string::npos,
            e.what());
    }
}

BOOST_AUTO_TEST_SUITE_END()
