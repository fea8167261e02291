#include "io/write_all.hpp"

#include <unistd.h>

#include <cerrno>
#include <cstring>

#include "strata/error.hpp"

namespace strata::io {

void write_all(int fd, std::string_view bytes, const std::string& path) {
    const char* data = bytes.data();
    std::size_t left = bytes.size();
    while (left > 0) {
        const ssize_t written = ::write(fd, data, left);
        if (written < 0 && errno == EINTR) continue;
        if (written < 0)
            throw Error(path, std::string("cannot write the output: ") + std::strerror(errno));
        if (written == 0) throw Error(path, "cannot write the output: nothing was written");
        data += written;
        left -= static_cast<std::size_t>(written);
    }
}

}  // namespace strata::io
