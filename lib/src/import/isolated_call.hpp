#pragma once

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

}  // namespace strata
