#include "io/staged_file.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <vector>

#include "io/write_all.hpp"
#include "strata/error.hpp"

namespace strata::io {
namespace {

std::string system_error() {
    return std::strerror(errno);
}

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

StagedFile::StagedFile(const std::string& path, std::string_view bytes) : target_(path) {
    const mode_t mode = output_mode(path);
    std::string pattern = temporary_pattern(path);
    int fd = -1;
    {
        // No interrupting signal between creating the file and registering it for removal.
        const InterruptsHeld held;
        fd = ::mkostemp(pattern.data(), O_CLOEXEC);  // O_CREAT | O_EXCL, mode 0600
        if (fd >= 0) {
            path_ = pattern;
            created_ = true;
            cleanup_.emplace(path_, CleanupKind::file);
        }
    }
    if (fd < 0) throw Error(path, "cannot write the output: " + system_error());
    // A constructor that throws runs no destructor: the temporary is removed here.
    try {
        write_all(fd, bytes, path);
        const bool flushed = ::fchmod(fd, mode) == 0 && ::fsync(fd) == 0;
        const int closed = ::close(fd);
        fd = -1;
        if (closed != 0 || !flushed)
            throw Error(path, "cannot write the output: " + system_error());
    } catch (...) {
        if (fd >= 0) ::close(fd);
        ::unlink(path_.c_str());
        throw;
    }
}

StagedFile::~StagedFile() {
    if (created_ && !published_) ::unlink(path_.c_str());
}

void StagedFile::publish() {
    if (std::rename(path_.c_str(), target_.c_str()) != 0)
        throw Error(target_, "cannot write the output: " + system_error());
    published_ = true;
}

}  // namespace strata::io
