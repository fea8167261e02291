#pragma once

#include <chrono>
#include <cstddef>
#include <functional>
#include <string>

namespace strata {

// Resource limits for a crash-prone third-party reader run in a child process.
struct IsolationLimits {
    std::size_t address_space_bytes = std::size_t{2} << 30;  // virtual memory of the child
    unsigned cpu_seconds = 10;                               // CPU time of the child
    unsigned wall_seconds = 20;                              // then the child is killed
    std::size_t max_result_bytes = std::size_t{256} << 20;   // what it may hand back
};

// Runs `work` in a forked child process under `limits` and returns the bytes it produced.
// Libraries such as HDF5 and ONNX's shape inference are not safe on hostile files: a crash,
// a hang or a runaway allocation there ends only the child. A strata::Error thrown by `work`
// reaches the caller unchanged (file, line, column, message). Anything else the child does
// wrong — a signal, a limit, an exit without a result — throws
// strata::Error(source_name, failure_message).
std::string run_isolated(const std::function<std::string()>& work, const std::string& source_name,
                         const std::string& failure_message, const IsolationLimits& limits = {});

// Caps the wall-clock limit of every later isolated call in this process. For fuzz targets: an
// input that keeps a library busy would cost the whole limit on every execution, though its
// outcome (the failure message, never a crash) is the same after a fraction of a second.
void cap_isolated_wall_time(std::chrono::milliseconds cap);

// The wall-clock limit an isolated call under `limits` waits for its child: limits.wall_seconds,
// or the cap if one is set and shorter.
std::chrono::milliseconds isolated_wall_time(const IsolationLimits& limits);

}  // namespace strata
