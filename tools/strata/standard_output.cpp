#include "standard_output.hpp"

#include <fcntl.h>
#include <unistd.h>

#include <algorithm>
#include <array>
#include <cerrno>
#include <cstring>
#include <iostream>
#include <streambuf>
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
                                     (error != 0 ? std::strerror(error) : "nothing was written"));
}

// Writes all of `size` bytes to descriptor 1; the errno of the failure, or 0 on success
// (-1 when the descriptor took nothing without saying why).
int write_all(const char* data, std::size_t size) {
    while (size > 0) {
        const ssize_t written = ::write(STDOUT_FILENO, data, size);
        if (written < 0 && errno == EINTR) continue;
        if (written < 0) return errno;
        if (written == 0) return -1;
        data += written;
        size -= static_cast<std::size_t>(written);
    }
    return 0;
}

// std::cout's buffer: it writes to descriptor 1 itself and keeps the errno of the first
// write that failed, which a stream forgets (a later flush of a failed stream sees no errno).
class DescriptorBuffer : public std::streambuf {
  public:
    DescriptorBuffer() { setp(buffer_.data(), buffer_.data() + buffer_.size()); }
    int error() const { return error_; }

  protected:
    int_type overflow(int_type c) override {
        if (sync() != 0) return traits_type::eof();
        if (!traits_type::eq_int_type(c, traits_type::eof())) {
            *pptr() = traits_type::to_char_type(c);
            pbump(1);
        }
        return traits_type::not_eof(c);
    }

    int sync() override {
        const std::size_t size = static_cast<std::size_t>(pptr() - pbase());
        setp(buffer_.data(), buffer_.data() + buffer_.size());
        if (error_ != 0) return -1;
        error_ = write_all(buffer_.data(), size);
        return error_ == 0 ? 0 : -1;
    }

  private:
    std::array<char, 65536> buffer_{};
    int error_ = 0;
};

// Never destroyed: std::cout flushes it at exit, after function-local statics are gone.
DescriptorBuffer& standard_output_buffer() {
    static DescriptorBuffer* const buffer = new DescriptorBuffer;
    return *buffer;
}

}  // namespace

void guard_standard_descriptors() {
    for (int fd : {0, 1, 2}) {
        if (::fcntl(fd, F_GETFD) != -1 || errno != EBADF) continue;
        // open() returns the lowest free descriptor: this one.
        ::open("/dev/null", fd == 2 ? O_WRONLY : O_RDONLY);
    }
    std::cout.rdbuf(&standard_output_buffer());
}

void write_standard_output(std::string_view bytes) {
    finish_standard_output();
    if (const int error = write_all(bytes.data(), bytes.size()); error != 0) {
        cannot_write(error < 0 ? 0 : error);
    }
}

void finish_standard_output() {
    if (!std::cout.flush()) cannot_write(std::max(standard_output_buffer().error(), 0));
}

}  // namespace strata::cli
