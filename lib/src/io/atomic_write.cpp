// Output files are replaced atomically: the bytes go to a new temporary file (O_EXCL, in the
// target's folder so that rename never crosses file systems), then rename() puts it in place.
// A failure at any step leaves an existing output byte-identical and removes the temporary;
// a process killed mid-write leaves at most a hidden temporary, never a partial output.

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <string>
#include <vector>

#include "io/cleanup_on_signal.hpp"
#include "io/staged_file.hpp"
#include "strata/error.hpp"
#include "strata/io.hpp"

namespace strata {
namespace {

std::string system_error() {
    return std::strerror(errno);
}

}  // namespace

void check_output_path(const std::string& path, const std::vector<std::string>& inputs) {
    if (path.empty()) throw Error(path, "no output file given");
    struct stat link {};
    if (::lstat(path.c_str(), &link) == 0) {
        if (S_ISLNK(link.st_mode)) {
            throw Error(path,
                        "the output is a symbolic link; strata replaces only regular files (give "
                        "the link's target instead)");
        }
        if (S_ISDIR(link.st_mode)) throw Error(path, "the output is a directory");
        if (!S_ISREG(link.st_mode)) throw Error(path, "the output is not a regular file");
        if (::access(path.c_str(), W_OK) != 0)
            throw Error(path, "the output file is read-only: " + system_error());
        for (const std::string& input : inputs) {
            struct stat other {};
            if (::stat(input.c_str(), &other) == 0 && other.st_dev == link.st_dev &&
                other.st_ino == link.st_ino) {
                throw Error(path, "the output is also an input ('" + input +
                                      "'); give another output file");
            }
        }
    } else if (errno != ENOENT) {
        throw Error(path, "cannot write the output: " + system_error());
    }
    std::filesystem::path folder = std::filesystem::path(path).parent_path();
    if (folder.empty()) folder = ".";
    struct stat dir {};
    if (::stat(folder.c_str(), &dir) != 0 || !S_ISDIR(dir.st_mode)) {
        throw Error(path,
                    "cannot write the output: the folder '" + folder.string() + "' does not exist");
    }
    if (::access(folder.c_str(), W_OK | X_OK) != 0)
        throw Error(path, "cannot write into the output folder: " + system_error());
}

void write_file_atomically(const std::string& path, std::string_view bytes) {
    check_output_path(path, {});
    io::StagedFile staged(path, bytes);
    const io::InterruptsHeld held;  // published whole or not at all
    staged.publish();
}

}  // namespace strata
