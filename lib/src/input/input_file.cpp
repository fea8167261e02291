#include "input/input_file.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>

#include "strata/error.hpp"

namespace strata::io {
namespace {

// Throws unless `info` is a regular file.
void require_regular(const struct stat& info, const std::string& path, std::string_view what) {
    if (S_ISREG(info.st_mode)) return;
    if (S_ISDIR(info.st_mode))
        throw Error(path, "cannot read " + std::string(what) + ": it is a directory");
    throw Error(path, "cannot read " + std::string(what) +
                          ": it is not a regular file (a FIFO, socket or device)");
}

}  // namespace

InputFile InputFile::open(const std::string& path, std::string_view what) {
    const std::string cannot_open = "cannot open " + std::string(what) + ": ";
    if (path.empty()) throw Error(path, cannot_open + "no file name given");
    struct stat info {};
    if (::stat(path.c_str(), &info) != 0) throw Error(path, cannot_open + std::strerror(errno));
    require_regular(info, path, what);
    const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC | O_NONBLOCK | O_NOCTTY);
    if (fd < 0) throw Error(path, cannot_open + std::strerror(errno));
    InputFile file(fd, 0);
    if (::fstat(fd, &info) != 0) throw Error(path, cannot_open + std::strerror(errno));
    require_regular(info, path, what);
    file.size_ = static_cast<std::uint64_t>(info.st_size);
    return file;
}

InputFile::InputFile(InputFile&& other) noexcept : fd_(other.fd_), size_(other.size_) {
    other.fd_ = -1;
}

InputFile::~InputFile() {
    if (fd_ >= 0) ::close(fd_);
}

std::string InputFile::read_up_to(std::size_t limit, const std::string& path) const {
    std::string bytes;
    char buffer[1 << 16];
    while (bytes.size() < limit) {
        const std::size_t want = std::min(sizeof buffer, limit - bytes.size());
        const ssize_t got = ::read(fd_, buffer, want);
        if (got < 0 && errno == EINTR) continue;
        if (got < 0)
            throw Error(path, std::string("cannot read the file: ") + std::strerror(errno));
        if (got == 0) break;
        bytes.append(buffer, static_cast<std::size_t>(got));
    }
    return bytes;
}

std::string read_input_file(const std::string& path, std::size_t limit, std::string_view what) {
    return InputFile::open(path, what).read_up_to(limit + 1, path);
}

}  // namespace strata::io
