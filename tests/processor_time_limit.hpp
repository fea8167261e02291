#pragma once

// Runs a piece of work in a forked child whose processor time is limited (RLIMIT_CPU), so that
// a test can assert "this finishes within a bound" without reading a clock: the kernel ends a
// child that works too long, whatever else the machine is doing. A loaded machine stretches
// wall-clock time, not processor time. The bound is a ceiling for runaway (quadratic or worse)
// work, far above what the linear work takes; speed itself is measured by the bench.

#include <signal.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstdlib>
#include <exception>
#include <functional>

namespace strata_test {

enum class ChildEnd {
    succeeded,         // the work returned true
    failed,            // the work returned false or threw
    out_of_processor,  // the processor-time limit ended it
    crashed            // any other signal
};

// Slower builds (sanitizers) scale every limit: STRATA_TEST_TIME_SCALE, like the hostile
// runner's STRATA_HOSTILE_TIME_SCALE, which it falls back on.
inline unsigned scaled_seconds(unsigned seconds) {
    const char* scale = std::getenv("STRATA_TEST_TIME_SCALE");
    if (!scale) scale = std::getenv("STRATA_HOSTILE_TIME_SCALE");
    const double factor = scale ? std::atof(scale) : 1.0;
    return static_cast<unsigned>(seconds * (factor > 1.0 ? factor : 1.0) + 0.5);
}

// Runs `work` in a child limited to `seconds` of processor time (scaled as above).
inline ChildEnd run_with_processor_limit(unsigned seconds, const std::function<bool()>& work) {
    const rlim_t limit = scaled_seconds(seconds);
    const pid_t pid = ::fork();
    if (pid == 0) {
        const rlimit cpu{limit, limit + 1};  // SIGXCPU at the soft limit, SIGKILL at the hard
        ::setrlimit(RLIMIT_CPU, &cpu);
        bool ok = false;
        try {
            ok = work();
        } catch (const std::exception&) {
            ok = false;
        }
        ::_exit(ok ? 0 : 1);  // no exit handlers: the test framework stays the parent's
    }
    if (pid < 0) return ChildEnd::crashed;
    int status = 0;
    ::waitpid(pid, &status, 0);
    if (WIFEXITED(status)) return WEXITSTATUS(status) == 0 ? ChildEnd::succeeded : ChildEnd::failed;
    if (WIFSIGNALED(status) && (WTERMSIG(status) == SIGXCPU || WTERMSIG(status) == SIGKILL))
        return ChildEnd::out_of_processor;
    return ChildEnd::crashed;
}

inline const char* describe(ChildEnd end) {
    switch (end) {
        case ChildEnd::succeeded:
            return "succeeded";
        case ChildEnd::failed:
            return "failed";
        case ChildEnd::out_of_processor:
            return "ran out of processor time";
        case ChildEnd::crashed:
            return "crashed";
    }
    return "?";
}

}  // namespace strata_test
