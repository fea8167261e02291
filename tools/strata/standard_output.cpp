#include "standard_output.hpp"

#include <fcntl.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <iostream>
#include <string>

#include "strata/error.hpp"

namespace strata::cli {
namespace {

constexpr const char* kStandardOutput = "standard output";

[[noreturn]] void cannot_write(int error) {
    // The reader went away (`strata info m.json | head -1`): SIGPIPE is ignored, so the
    // write fails with EPIPE and is reported like any other lost output.
    if (error == EPIPE) throw Error(kStandardOutput, "broken pipe");
    throw Error(kStandardOutput, std::string("cannot write the output: ") +
                                     (error != 0 ? std::strerror(error) : "the stream failed"));
}

}  // namespace

void guard_standard_descriptors() {
    for (int fd : {0, 1, 2}) {
        if (::fcntl(fd, F_GETFD) != -1 || errno != EBADF) continue;
        // open() returns the lowest free descriptor: this one.
        ::open("/dev/null", fd == 2 ? O_WRONLY : O_RDONLY);
    }
}

void write_standard_output(std::string_view bytes) {
    finish_standard_output();
    const char* data = bytes.data();
    std::size_t left = bytes.size();
    while (left > 0) {
        const ssize_t written = ::write(STDOUT_FILENO, data, left);
        if (written < 0 && errno == EINTR) continue;
        if (written <= 0) cannot_write(written < 0 ? errno : 0);
        data += written;
        left -= static_cast<std::size_t>(written);
    }
}

void finish_standard_output() {
    errno = 0;
    if (!std::cout.flush()) cannot_write(errno);
}

}  // namespace strata::cli
