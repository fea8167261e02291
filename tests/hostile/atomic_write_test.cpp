// Output is replaced atomically, never written through a link, into a directory, over an input
// or a read-only file; a failure leaves the old file byte-identical and no temporary behind.

#include <boost/test/unit_test.hpp>

#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <functional>
#include <sstream>

#include "strata/error.hpp"
#include "strata/render.hpp"

namespace fs = std::filesystem;

namespace {

struct Folder {
    fs::path path = fs::temp_directory_path() / ("strata-atomic-" + std::to_string(::getpid()));
    Folder() {
        fs::remove_all(path);
        fs::create_directories(path);
    }
    ~Folder() { fs::remove_all(path); }
    std::size_t entries() const {
        return static_cast<std::size_t>(std::distance(fs::directory_iterator(path), {}));
    }
};

std::string read(const fs::path& file) {
    std::ifstream in(file, std::ios::binary);
    std::stringstream s;
    s << in.rdbuf();
    return s.str();
}

std::string error_of(const std::function<void()>& action) {
    try {
        action();
    } catch (const strata::Error& error) {
        return error.what();
    }
    return "no error";
}

}  // namespace

BOOST_AUTO_TEST_SUITE(atomic_write)

BOOST_AUTO_TEST_CASE(replaces_a_file_and_keeps_its_mode) {
    Folder dir;
    const fs::path out = dir.path / "fig.svg";
    std::ofstream(out) << "old";
    fs::permissions(out, fs::perms::owner_read | fs::perms::owner_write | fs::perms::group_read);
    strata::write_file_atomically(out.string(), "new");
    BOOST_TEST(read(out) == "new");
    BOOST_TEST(((fs::status(out).permissions() & fs::perms::all) ==
                (fs::perms::owner_read | fs::perms::owner_write | fs::perms::group_read)));
    BOOST_TEST(dir.entries() == 1u);
}

BOOST_AUTO_TEST_CASE(refuses_bad_targets_and_leaves_them_alone) {
    Folder dir;
    const fs::path file = dir.path / "target.svg";
    std::ofstream(file) << "keep";
    fs::create_symlink(file, dir.path / "link.svg");
    fs::create_directories(dir.path / "folder.svg");
    const auto write = [&](const fs::path& p) {
        return error_of([&] { strata::write_file_atomically(p.string(), "x"); });
    };
    BOOST_TEST(write(dir.path / "link.svg").find("symbolic link") != std::string::npos);
    BOOST_TEST(write(dir.path / "folder.svg").find("is a directory") != std::string::npos);
    BOOST_TEST(write(dir.path / "no" / "x.svg").find("does not exist") != std::string::npos);
    BOOST_TEST(write("/dev/null").find("not a regular file") != std::string::npos);
    BOOST_TEST(error_of([&] {
                   strata::check_output_path(file.string(), {file.string()});
               }).find("is also an input") != std::string::npos);
    BOOST_TEST(read(file) == "keep");
    BOOST_TEST(dir.entries() == 3u);  // nothing new, no temporary
}

BOOST_AUTO_TEST_CASE(a_killed_writer_never_leaves_a_partial_output) {
    Folder dir;
    const fs::path out = dir.path / "fig.svg";
    std::ofstream(out) << "old";
    const std::string big(std::size_t{256} << 20, 'x');
    for (int delay_ms : {0, 5, 20, 60}) {
        const pid_t pid = ::fork();
        if (pid == 0) {
            strata::write_file_atomically(out.string(), big);
            ::_exit(0);
        }
        ::usleep(static_cast<useconds_t>(delay_ms * 1000));
        ::kill(pid, SIGKILL);
        int status = 0;
        ::waitpid(pid, &status, 0);
        const std::string now = read(out);
        BOOST_TEST((now == "old" || now.size() == big.size()), "partial output of " << now.size());
        // A killed writer may leave its hidden temporary, never anything under the output name.
        for (const auto& entry : fs::directory_iterator(dir.path)) {
            const std::string name = entry.path().filename().string();
            if (name != "fig.svg") BOOST_TEST(name.rfind(".fig.svg.strata-", 0) == 0u, name);
            if (name != "fig.svg") fs::remove(entry.path());
        }
    }
}

BOOST_AUTO_TEST_SUITE_END()
