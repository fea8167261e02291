#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <string>
#include <vector>

#include "strata/error.hpp"
#include "strata/render.hpp"

namespace strata {
namespace {

// Removes the temporary file unless the rename went through.
class TemporaryFile {
  public:
    explicit TemporaryFile(std::string pattern) : path_(std::move(pattern)) {
        std::vector<char> buffer(path_.begin(), path_.end());
        buffer.push_back('\0');
        fd_ = ::mkstemp(buffer.data());
        path_.assign(buffer.data());
    }
    ~TemporaryFile() {
        if (fd_ >= 0) ::close(fd_);
        if (!committed_) ::unlink(path_.c_str());
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
    std::string path_;
    int fd_ = -1;
    bool committed_ = false;
};

}  // namespace

void write_file_atomically(const std::string& path, std::string_view bytes) {
    if (path.empty()) throw Error(path, "no output file given");
    TemporaryFile temp(path + ".tmp-XXXXXX");
    if (temp.fd() < 0)
        throw Error(path, std::string("cannot write the output: ") + std::strerror(errno));
    const char* data = bytes.data();
    std::size_t left = bytes.size();
    while (left > 0) {
        ssize_t written = ::write(temp.fd(), data, left);
        if (written < 0 && errno == EINTR) continue;
        if (written <= 0)
            throw Error(path, std::string("cannot write the output: ") + std::strerror(errno));
        data += written;
        left -= static_cast<std::size_t>(written);
    }
    // mkstemp creates the file 0600; a figure should be as readable as any file the user writes.
    mode_t mask = ::umask(0);
    ::umask(mask);
    ::fchmod(temp.fd(), 0666 & ~mask);
    if (!temp.close())
        throw Error(path, std::string("cannot write the output: ") + std::strerror(errno));
    if (std::rename(temp.path().c_str(), path.c_str()) != 0) {
        throw Error(path, std::string("cannot write the output: ") + std::strerror(errno));
    }
    temp.commit();
}

}  // namespace strata
