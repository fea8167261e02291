#include "import/isolated_call.hpp"

#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <cerrno>
#include <chrono>
#include <cstdint>
#include <cstdio>
#include <cstring>
#include <exception>

#include "strata/error.hpp"

#if defined(__SANITIZE_ADDRESS__)
#define STRATA_ADDRESS_SANITIZER 1
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
#define STRATA_ADDRESS_SANITIZER 1
#endif
#endif
#ifdef STRATA_ADDRESS_SANITIZER
#include <sanitizer/common_interface_defs.h>
#endif

namespace strata {
namespace {

// The child's answer on the pipe: one status byte, then the payload.
//   'R' result bytes
//   'E' an Error: line and column as decimal text, each ended by '\n', then file '\0' message
constexpr char kResult = 'R';
constexpr char kError = 'E';

// No cap unless a fuzz target sets one.
std::atomic<std::chrono::milliseconds::rep> wall_time_cap{0};

void write_all(int fd, const char* data, std::size_t size) {
    while (size > 0) {
        const ssize_t written = ::write(fd, data, size);
        if (written < 0) {
            if (errno == EINTR) continue;
            return;
        }
        data += written;
        size -= static_cast<std::size_t>(written);
    }
}

#ifdef STRATA_ADDRESS_SANITIZER
constexpr bool kAddressSanitizer = true;
#else
constexpr bool kAddressSanitizer = false;
#endif

// A sanitizer's report ends in a death callback; a fuzzer's callback records the parent's
// current input as a crash, though only the child died.
void forget_death_callback() {
#ifdef STRATA_ADDRESS_SANITIZER
    __sanitizer_set_death_callback(nullptr);
#endif
}

// Address space the process already has mapped. AddressSanitizer reserves terabytes for its
// shadow memory at start-up; in such a build the child's limit counts from there.
std::size_t mapped_bytes() {
    if (!kAddressSanitizer) return 0;
    std::size_t pages = 0;
    if (FILE* statm = std::fopen("/proc/self/statm", "r")) {
        if (std::fscanf(statm, "%zu", &pages) != 1) pages = 0;
        std::fclose(statm);
    }
    return pages * static_cast<std::size_t>(::sysconf(_SC_PAGESIZE));
}

[[noreturn]] void run_child(int fd, const std::function<std::string()>& work,
                            const IsolationLimits& limits) {
    // A crash must end the child: handlers inherited from the parent (a test framework's,
    // a sanitizer's) would otherwise carry on running the parent's code in the child.
    for (const int signal : {SIGSEGV, SIGBUS, SIGFPE, SIGILL, SIGABRT, SIGXCPU, SIGPIPE}) {
        ::signal(signal, SIG_DFL);
    }
    forget_death_callback();
    // What a crashing library prints (HDF5-DIAG traces, a sanitizer's report) is not for the
    // user: the parent reports the failure in strata's words.
    const int null = ::open("/dev/null", O_WRONLY | O_CLOEXEC);
    if (null >= 0) ::dup2(null, STDERR_FILENO);
    const rlim_t address_space = mapped_bytes() + limits.address_space_bytes;
    const rlimit memory{address_space, address_space};
    const rlimit cpu{limits.cpu_seconds, limits.cpu_seconds};
    const rlimit no_core{0, 0};
    ::setrlimit(RLIMIT_AS, &memory);
    ::setrlimit(RLIMIT_CPU, &cpu);
    ::setrlimit(RLIMIT_CORE, &no_core);
    std::string answer;
    try {
        answer = kResult + work();
    } catch (const Error& error) {
        answer = kError + std::to_string(error.line()) + '\n' + std::to_string(error.column()) +
                 '\n' + error.file() + '\0' + error.message();
    } catch (...) {
        ::_exit(3);  // the parent reports the failure message
    }
    write_all(fd, answer.data(), answer.size());
    ::_exit(0);
}

// Reads the child's answer until it closes the pipe, the size limit or the wall-clock limit.
// Returns false when a limit was hit.
bool read_answer(int fd, const IsolationLimits& limits, std::string& answer) {
    const auto deadline = std::chrono::steady_clock::now() + isolated_wall_time(limits);
    char buffer[1 << 16];
    for (;;) {
        const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(
                              deadline - std::chrono::steady_clock::now())
                              .count();
        if (left <= 0) return false;
        pollfd wait_for{fd, POLLIN, 0};
        const int ready = ::poll(&wait_for, 1, static_cast<int>(left));
        if (ready < 0 && errno == EINTR) continue;
        if (ready <= 0) return false;
        const ssize_t got = ::read(fd, buffer, sizeof buffer);
        if (got < 0 && errno == EINTR) continue;
        if (got <= 0) return true;
        answer.append(buffer, static_cast<std::size_t>(got));
        if (answer.size() > limits.max_result_bytes + 1) return false;
    }
}

std::size_t parse_count(const std::string& text, std::size_t& at) {
    std::size_t value = 0;
    while (at < text.size() && text[at] >= '0' && text[at] <= '9') {
        value = value * 10 + static_cast<std::size_t>(text[at] - '0');
        ++at;
    }
    if (at < text.size()) ++at;  // the '\n'
    return value;
}

}  // namespace

std::string run_isolated(const std::function<std::string()>& work, const std::string& source_name,
                         const std::string& failure_message, const IsolationLimits& limits) {
    int fds[2];
    if (::pipe2(fds, O_CLOEXEC) != 0) {
        throw Error(source_name, std::string("cannot start the reader: ") + std::strerror(errno));
    }
    const pid_t child = ::fork();
    if (child < 0) {
        ::close(fds[0]);
        ::close(fds[1]);
        throw Error(source_name, std::string("cannot start the reader: ") + std::strerror(errno));
    }
    if (child == 0) {
        ::close(fds[0]);
        run_child(fds[1], work, limits);
    }
    ::close(fds[1]);
    std::string answer;
    const bool complete = read_answer(fds[0], limits, answer);
    ::close(fds[0]);
    if (!complete) ::kill(child, SIGKILL);
    int status = 0;
    while (::waitpid(child, &status, 0) < 0 && errno == EINTR) {
    }
    const bool clean_exit = WIFEXITED(status) && WEXITSTATUS(status) == 0;
    if (!complete || !clean_exit || answer.empty()) throw Error(source_name, failure_message);
    if (answer[0] == kResult) return answer.substr(1);
    if (answer[0] == kError) {
        std::size_t at = 1;
        const std::size_t line = parse_count(answer, at);
        const std::size_t column = parse_count(answer, at);
        const std::size_t file_end = answer.find('\0', at);
        if (file_end == std::string::npos) throw Error(source_name, failure_message);
        throw Error(answer.substr(at, file_end - at), line, column, answer.substr(file_end + 1));
    }
    throw Error(source_name, failure_message);
}

void cap_isolated_wall_time(std::chrono::milliseconds cap) {
    wall_time_cap.store(cap.count(), std::memory_order_relaxed);
}

std::chrono::milliseconds isolated_wall_time(const IsolationLimits& limits) {
    const std::chrono::milliseconds limit = std::chrono::seconds(limits.wall_seconds);
    const std::chrono::milliseconds cap(wall_time_cap.load(std::memory_order_relaxed));
    return cap.count() > 0 ? std::min(limit, cap) : limit;
}

}  // namespace strata
