#include "input/input_file.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>

#include "input/model_named_files.hpp"
#include "input/open_beneath.hpp"
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

// Opens `path` once, without following it out of a model's folder when a model file named it.
// A path the user gave is looked at first, so that a device is refused before it is opened
// (opening some has effects); a model's path is not, as that would follow links out of its
// folder and tell whether what they lead to exists.
int open_for_reading(const std::string& path, std::string_view what, const ModelNamedFiles& named) {
    if (const ModelFolderPath* inside = named.find(path))
        return open_beneath(inside->folder, inside->relative);
    struct stat info {};
    if (::stat(path.c_str(), &info) != 0) return -1;
    require_regular(info, path, what);
    return ::open(path.c_str(), O_RDONLY | O_CLOEXEC | O_NONBLOCK | O_NOCTTY);
}

}  // namespace

InputFile InputFile::open(const std::string& path, std::string_view what) {
    return open(path, what, ModelNamedFiles{});
}

InputFile InputFile::open(const std::string& path, std::string_view what,
                          const ModelNamedFiles& named) {
    const std::string cannot_open = "cannot open " + std::string(what) + ": ";
    if (path.empty()) throw Error(path, cannot_open + "no file name given");
    const int fd = open_for_reading(path, what, named);
    if (fd < 0 && errno == EXDEV) throw Error(path, cannot_open + outside_model_folder(path));
    if (fd < 0 && errno == ENOENT) throw Error(path, no_such_file(what));
    if (fd < 0) throw Error(path, cannot_open + std::strerror(errno));
    InputFile file(fd, 0);
    // What was opened is what is checked and read: nothing can be swapped in between.
    struct stat info {};
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

std::string no_such_file(std::string_view what) {
    return "cannot open " + std::string(what) + ": " + std::strerror(ENOENT);
}

std::string read_input_file(const std::string& path, std::size_t limit, std::string_view what) {
    return read_input_file(path, limit, what, ModelNamedFiles{});
}

std::string read_input_file(const std::string& path, std::size_t limit, std::string_view what,
                            const ModelNamedFiles& named) {
    return InputFile::open(path, what, named).read_up_to(limit + 1, path);
}

}  // namespace strata::io
