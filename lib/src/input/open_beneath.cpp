#include "input/open_beneath.hpp"

#include <fcntl.h>
#include <linux/openat2.h>
#include <sys/syscall.h>
#include <unistd.h>

#include <cerrno>
#include <climits>
#include <vector>

namespace strata::io {
namespace {

constexpr int kReadFlags = O_RDONLY | O_NONBLOCK | O_NOCTTY | O_CLOEXEC;
constexpr int kMaxLinks = 40;  // as the kernel's own limit

// Closes a descriptor when it goes out of scope, keeping errno.
class Descriptor {
  public:
    explicit Descriptor(int fd) : fd_(fd) {}
    ~Descriptor() {
        if (fd_ < 0) return;
        const int saved = errno;
        ::close(fd_);
        errno = saved;
    }
    Descriptor(Descriptor&& other) noexcept : fd_(other.fd_) { other.fd_ = -1; }
    Descriptor(const Descriptor&) = delete;
    Descriptor& operator=(const Descriptor&) = delete;
    Descriptor& operator=(Descriptor&&) = delete;
    int get() const { return fd_; }

  private:
    int fd_;
};

int failure(int error) {
    errno = error;
    return -1;
}

// Pushes the components of `path` so that the first one is popped first.
void push_components(std::vector<std::string>& pending, const std::string& path) {
    std::vector<std::string> parts;
    std::string part;
    for (char c : path) {
        if (c == '/') {
            parts.push_back(std::move(part));
            part.clear();
        } else {
            part += c;
        }
    }
    parts.push_back(std::move(part));
    for (auto it = parts.rbegin(); it != parts.rend(); ++it) pending.push_back(std::move(*it));
}

}  // namespace

int open_beneath_by_walking(int folder_fd, const std::string& relative) {
    if (relative.empty()) return failure(ENOENT);
    if (relative.front() == '/') return failure(EXDEV);
    std::vector<std::string> pending;
    push_components(pending, relative);
    std::vector<Descriptor> folders;  // opened below `folder_fd`, innermost last
    int links = 0;
    const auto current = [&] { return folders.empty() ? folder_fd : folders.back().get(); };
    while (!pending.empty()) {
        const std::string name = std::move(pending.back());
        pending.pop_back();
        const bool last = pending.empty();
        if (name.empty() || name == ".") {
            if (last) return ::openat(current(), ".", kReadFlags);
            continue;
        }
        if (name == "..") {
            if (folders.empty()) return failure(EXDEV);
            folders.pop_back();
            if (last) return ::openat(current(), ".", kReadFlags);
            continue;
        }
        const int flags =
            last ? kReadFlags | O_NOFOLLOW : O_PATH | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC;
        const int fd = ::openat(current(), name.c_str(), flags);
        if (fd >= 0) {
            if (last) return fd;
            folders.emplace_back(fd);
            continue;
        }
        // O_NOFOLLOW refuses a symbolic link (ELOOP; ENOTDIR with O_DIRECTORY): follow it here,
        // where each step is checked.
        const int open_error = errno;
        if (open_error != ELOOP && open_error != ENOTDIR) return -1;
        char target[PATH_MAX];
        const ssize_t length = ::readlinkat(current(), name.c_str(), target, sizeof target);
        if (length < 0) return failure(open_error);  // not a link: the open's own error
        if (static_cast<std::size_t>(length) == sizeof target) return failure(ENAMETOOLONG);
        if (++links > kMaxLinks) return failure(ELOOP);
        const std::string destination(target, static_cast<std::size_t>(length));
        if (destination.empty()) return failure(ENOENT);
        if (destination.front() == '/') return failure(EXDEV);
        push_components(pending, destination);
    }
    return failure(ENOENT);
}

int open_beneath(const std::string& folder, const std::string& relative) {
    const Descriptor base(
        ::open(folder.empty() ? "." : folder.c_str(), O_PATH | O_DIRECTORY | O_CLOEXEC));
    if (base.get() < 0) return -1;
    open_how how{};
    how.flags = static_cast<std::uint64_t>(kReadFlags);
    how.resolve = RESOLVE_BENEATH | RESOLVE_NO_MAGICLINKS;
    for (int attempt = 0; attempt < 8; ++attempt) {
        const long fd = ::syscall(SYS_openat2, base.get(), relative.c_str(), &how, sizeof how);
        if (fd >= 0) return static_cast<int>(fd);
        // EAGAIN: a rename or mount raced the lookup; try again.
        if (errno == EAGAIN) continue;
        // No openat2 (an older kernel, or a sandbox that filters it): walk instead.
        if (errno == ENOSYS || errno == EPERM || errno == E2BIG) break;
        return -1;
    }
    return open_beneath_by_walking(base.get(), relative);
}

}  // namespace strata::io
