#pragma once

// Runs the strata tool on one hostile case as an unattended pipeline would, and measures what
// a user would suffer: the exit status or signal, the time, the peak memory, what it printed.

#include <fcntl.h>
#include <signal.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <string>
#include <thread>
#include <vector>

namespace hostile {

struct Outcome {
    int exit_code = -1;                  // -1 when the tool did not exit by itself
    int signal = 0;                      // the signal that ended it, if any
    bool timed_out = false;              // killed after the time limit
    bool out_of_processor_time = false;  // that limit was the processor's, not the wall clock's
    double seconds = 0;
    long peak_kib = 0;  // peak resident memory: the tool's, or an isolated child's if larger
};

// How many times the processor-time limit a run may take on the wall clock: only a run that
// waits (a blocked open, a sleep) gets near it, since a busy one meets its processor limit
// first. A loaded machine stretches wall-clock time, not processor time, so the limit that
// catches runaway work is the processor's.
inline constexpr double kWallClockFactor = 6;

// Runs `args` (args[0] is the program) with stdout discarded and stderr into `stderr_path`. It
// is stopped after `limit_seconds` of processor time (RLIMIT_CPU: SIGXCPU, then SIGKILL) or
// `wall_clock_factor` times that on the wall clock; either counts as timed out.
inline Outcome run(const std::vector<std::string>& args, const std::string& stderr_path,
                   double limit_seconds, double wall_clock_factor = kWallClockFactor) {
    const auto start = std::chrono::steady_clock::now();
    const pid_t pid = ::fork();
    if (pid == 0) {
        const auto cpu_seconds = static_cast<rlim_t>(limit_seconds + 0.999);
        const rlimit cpu{cpu_seconds, cpu_seconds + 1};
        ::setrlimit(RLIMIT_CPU, &cpu);
        const int err = ::open(stderr_path.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
        const int null = ::open("/dev/null", O_RDWR);
        ::dup2(null, 0);
        ::dup2(null, 1);
        ::dup2(err, 2);
        std::vector<char*> argv;
        for (const std::string& a : args) argv.push_back(const_cast<char*>(a.c_str()));
        argv.push_back(nullptr);
        ::execv(argv[0], argv.data());
        ::_exit(127);
    }
    Outcome outcome;
    int status = 0;
    rusage usage{};
    for (;;) {
        const pid_t done = ::wait4(pid, &status, WNOHANG, &usage);
        outcome.seconds =
            std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
        if (done == pid) break;
        if (outcome.seconds > limit_seconds * wall_clock_factor) {
            ::kill(pid, SIGKILL);
            ::wait4(pid, &status, 0, &usage);
            outcome.timed_out = true;
            break;
        }
        std::this_thread::sleep_for(std::chrono::milliseconds(5));
    }
    outcome.peak_kib = usage.ru_maxrss;
    if (WIFEXITED(status)) outcome.exit_code = WEXITSTATUS(status);
    if (WIFSIGNALED(status)) outcome.signal = WTERMSIG(status);
    const double cpu_seconds =
        static_cast<double>(usage.ru_utime.tv_sec + usage.ru_stime.tv_sec) +
        1e-6 * static_cast<double>(usage.ru_utime.tv_usec + usage.ru_stime.tv_usec);
    if (outcome.signal == SIGXCPU || (outcome.signal == SIGKILL && cpu_seconds >= limit_seconds)) {
        outcome.timed_out = true;
        outcome.out_of_processor_time = true;
        outcome.signal = 0;
    }
    return outcome;
}

}  // namespace hostile
