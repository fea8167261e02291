#pragma once

// Helpers of the package tests: running shell commands and reading the options the tool's
// own --help lists.

#include <sys/wait.h>

#include <cstdio>
#include <regex>
#include <set>
#include <string>

#include "raster/raster_support.hpp"

namespace strata::test {

// `word` single-quoted for the shell.
inline std::string shell_word(const std::string& word) {
    return quoted(fs::path(word));
}

struct ShellRun {
    int status = -1;
    std::string out;  // standard output and standard error
};

// Runs `command` with /bin/sh; standard error goes with standard output.
inline ShellRun run_shell(const std::string& command) {
    ShellRun run;
    FILE* pipe = ::popen(("(" + command + ") 2>&1 </dev/null").c_str(), "r");
    if (!pipe) return run;
    char buffer[4096];
    for (std::size_t n; (n = std::fread(buffer, 1, sizeof buffer, pipe)) > 0;)
        run.out.append(buffer, n);
    const int raw = ::pclose(pipe);
    run.status = WIFEXITED(raw) ? WEXITSTATUS(raw) : -1;
    return run;
}

// Every flag `strata COMMAND --help` prints ("--legend", "-o"), read from its text.
inline std::set<std::string> help_flags(const std::string& command) {
    const ShellRun help = run_shell(shell_word(STRATA_CLI_PATH) + " " + command + " --help");
    std::set<std::string> flags;
    static const std::regex long_flag("--[A-Za-z0-9][A-Za-z0-9-]*");
    for (std::sregex_iterator it(help.out.begin(), help.out.end(), long_flag), end; it != end; ++it)
        flags.insert(it->str());
    static const std::regex short_flag(R"(\n  (-[A-Za-z]) \[ --)");
    for (std::sregex_iterator it(help.out.begin(), help.out.end(), short_flag), end; it != end;
         ++it)
        flags.insert((*it)[1].str());
    return flags;
}

inline const std::set<std::string> kCommands = {"render", "info", "options", "spec"};

}  // namespace strata::test
