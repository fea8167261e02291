#pragma once

#include <sys/wait.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

namespace strata::test {

struct ToolResult {
    int status = -1;
    std::string out, err;
};

inline std::string read_text(const std::filesystem::path& path) {
    std::ifstream in(path, std::ios::binary);
    std::stringstream s;
    s << in.rdbuf();
    return s.str();
}

inline std::string shell_quote(const std::string& s) {
    std::string q = "'";
    for (char c : s) q += c == '\'' ? std::string("'\\''") : std::string(1, c);
    return q + "'";
}

// Runs the strata tool with `args` (already shell-quoted where needed) in a scratch folder.
inline ToolResult run_strata(const std::string& args, const std::filesystem::path& scratch) {
    std::filesystem::create_directories(scratch);
    auto out = scratch / "stdout.txt", err = scratch / "stderr.txt";
    std::string command = shell_quote(STRATA_CLI_PATH) + " " + args + " >" +
                          shell_quote(out.string()) + " 2>" + shell_quote(err.string());
    int raw = std::system(command.c_str());
    ToolResult r;
    r.status = WIFEXITED(raw) ? WEXITSTATUS(raw) : -1;
    r.out = read_text(out);
    r.err = read_text(err);
    return r;
}

// A fresh, empty folder for one test.
inline std::filesystem::path scratch_dir(const std::string& name) {
    auto dir = std::filesystem::temp_directory_path() / ("strata-cli-test-" + name);
    std::filesystem::remove_all(dir);
    std::filesystem::create_directories(dir);
    return dir;
}

inline std::string example(const std::string& file) {
    return shell_quote(std::string(STRATA_SOURCE_DIR) + "/examples/" + file);
}

inline std::string corpus(const std::string& file) {
    return shell_quote(std::string(STRATA_CORPUS_DIR) + "/" + file);
}

}  // namespace strata::test
