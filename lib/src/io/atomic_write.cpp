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
#include <optional>
#include <string>
#include <vector>

#include "io/cleanup_on_signal.hpp"
#include "io/write_all.hpp"
#include "strata/error.hpp"
#include "strata/io.hpp"

namespace strata {
namespace {

std::string system_error() {
    return std::strerror(errno);
}

// Removes the temporary file unless the rename went through.
class TemporaryFile {
  public:
    explicit TemporaryFile(std::string pattern) : path_(std::move(pattern)) {
        std::vector<char> buffer(path_.begin(), path_.end());
        buffer.push_back('\0');
        // No interrupting signal between creating the file and registering it for removal.
        const io::InterruptsHeld held;
        fd_ = ::mkostemp(buffer.data(), O_CLOEXEC);  // O_CREAT | O_EXCL, mode 0600
        path_.assign(buffer.data());
        created_ = fd_ >= 0;
        if (created_) cleanup_.emplace(path_, io::CleanupKind::file);
    }
    ~TemporaryFile() {
        if (fd_ >= 0) ::close(fd_);
        if (created_ && !committed_) ::unlink(path_.c_str());
    }
    TemporaryFile(const TemporaryFile&) = delete;
    TemporaryFile& operator=(const TemporaryFile&) = delete;

    int fd() const { return fd_; }
    const std::string& path() const { return path_; }
    bool close() {
        int fd = fd_;
        fd_ = -1;
        return ::close(fd) == 0;
    }
    void commit() { committed_ = true; }

  private:
    std::optional<io::CleanupRegistration> cleanup_;  // unregistered after the file is gone
    std::string path_;
    int fd_ = -1;
    bool created_ = false;
    bool committed_ = false;
};

// "dir/.name.strata-XXXXXX": hidden, in the output's own folder.
std::string temporary_pattern(const std::string& path) {
    const std::filesystem::path target(path);
    std::filesystem::path name = "." + target.filename().string() + ".strata-XXXXXX";
    return (target.parent_path() / name).string();
}

// The mode a new output gets: that of the file it replaces, else what umask leaves of 0666
// (mkostemp creates 0600, but a figure should be as readable as any file the user writes).
mode_t output_mode(const std::string& path) {
    struct stat existing {};
    if (::stat(path.c_str(), &existing) == 0) return existing.st_mode & 07777;
    const mode_t mask = ::umask(0);
    ::umask(mask);
    return 0666 & ~mask;
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
                throw Error(
                    path, "the output is the input file '" + input + "'; give another output file");
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
    const mode_t mode = output_mode(path);
    TemporaryFile temp(temporary_pattern(path));
    if (temp.fd() < 0) throw Error(path, "cannot write the output: " + system_error());
    io::write_all(temp.fd(), bytes, path);
    if (::fchmod(temp.fd(), mode) != 0 || ::fsync(temp.fd()) != 0 || !temp.close())
        throw Error(path, "cannot write the output: " + system_error());
    if (std::rename(temp.path().c_str(), path.c_str()) != 0)
        throw Error(path, "cannot write the output: " + system_error());
    temp.commit();
}

}  // namespace strata
