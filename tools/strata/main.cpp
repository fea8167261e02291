// strata: draws neural-network architectures as layered diagrams.
#include <boost/program_options/errors.hpp>
#include <csignal>
#include <iostream>
#include <string>
#include <vector>

#include "command_table.hpp"
#include "commands.hpp"
#include "standard_output.hpp"
#include "strata/error.hpp"
#include "strata/io.hpp"
#include "strata/printable.hpp"

namespace {

int run_command(std::vector<std::string> args) {
    if (args.empty()) {
        std::cerr << strata::cli::usage_text();
        return 2;
    }
    std::string command = args.front();
    args.erase(args.begin());
    if (command == "--help" || command == "-h" || command == "help") {
        std::cout << strata::cli::usage_text();
        return 0;
    }
    if (command == "--version") {
        std::cout << "strata " << STRATA_VERSION << "\n";
        return 0;
    }
    if (command == "render") return strata::cli::run_render(args);
    if (command == "info") return strata::cli::run_info(args);
    if (command == "options") return strata::cli::run_options(args);
    if (command == "spec") return strata::cli::run_spec(args);
    throw strata::cli::UsageError{"unknown command " + strata::quoted_text(command) +
                                  " (expected render, info, options or spec)"};
}

}  // namespace

int main(int argc, char** argv) {
    strata::cli::guard_standard_descriptors();
    strata::remove_partial_outputs_on_signals();
    // A reader that closes the pipe early must not end strata silently (exit 141): the write
    // fails with EPIPE instead, the output's temporary is removed and the error reported.
    ::signal(SIGPIPE, SIG_IGN);
    std::vector<std::string> args(argv + 1, argv + argc);
    try {
        const int status = run_command(std::move(args));
        // Output that never arrived is a failure, whatever the command made of it.
        strata::cli::finish_standard_output();
        return status;
    } catch (const strata::cli::UsageError& e) {
        std::cerr << "strata: usage error: " << strata::printable_line(e.message)
                  << "\nRun 'strata --help' for usage.\n";
        return 2;
    } catch (const boost::program_options::error& e) {
        std::cerr << "strata: usage error: " << strata::printable_line(e.what())
                  << "\nRun 'strata --help' for usage.\n";
        return 2;
    } catch (const strata::Error& e) {
        std::cerr << "strata: error: " << e.what() << "\n";
        return 1;
    } catch (const std::bad_alloc&) {
        std::cerr << "strata: error: out of memory\n";
        return 1;
    } catch (const std::exception& e) {
        std::cerr << "strata: error: " << strata::printable_line(e.what()) << "\n";
        return 1;
    }
}
