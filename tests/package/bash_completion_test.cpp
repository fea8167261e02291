#include <boost/test/unit_test.hpp>

#include <sstream>
#include <vector>

#include "package/package_support.hpp"

using namespace strata::test;

namespace {

// What the completion offers for the command line `words`, the last being the word under the
// cursor, run in `folder`; one offer per element.
std::set<std::string> offers(const std::vector<std::string>& words,
                             const fs::path& folder = fs::temp_directory_path()) {
    std::string array;
    for (const std::string& word : words) array += " " + shell_word(word);
    const std::string script =
        "source " + shell_word(STRATA_BASH_COMPLETION) + " && COMP_WORDS=(" + array +
        ") && COMP_CWORD=$((${#COMP_WORDS[@]} - 1)) && { _strata; true; } && "
        "printf '%s\\n' \"${COMPREPLY[@]}\"";
    const ShellRun run = run_shell("cd " + quoted(folder) + " && bash -c " + shell_word(script));
    BOOST_TEST_REQUIRE(run.status == 0, run.out);
    std::set<std::string> result;
    std::istringstream lines(run.out);
    for (std::string line; std::getline(lines, line);)
        if (!line.empty()) result.insert(line);
    return result;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(bash_completion)

BOOST_AUTO_TEST_CASE(the_script_is_valid_bash_and_registers_strata) {
    const ShellRun run =
        run_shell("bash -c " + shell_word("source " + shell_word(STRATA_BASH_COMPLETION) +
                                          " && complete -p strata"));
    BOOST_TEST(run.status == 0);
    BOOST_TEST(run.out == "complete -F _strata strata\n");
}

BOOST_AUTO_TEST_CASE(the_first_word_is_a_command) {
    std::set<std::string> expected = kCommands;
    expected.insert({"--help", "--version"});
    BOOST_TEST(offers({"strata", ""}) == expected);
    BOOST_TEST(offers({"strata", "sp"}) == std::set<std::string>{"spec"});
}

BOOST_AUTO_TEST_CASE(every_option_the_help_lists_is_completed) {
    for (const std::string& command : kCommands) {
        BOOST_TEST_CONTEXT("strata " << command) {
            const std::set<std::string> flags = help_flags(command);
            BOOST_TEST(!flags.empty());
            BOOST_TEST(offers({"strata", command, "-"}) == flags);
        }
    }
    BOOST_TEST(offers({"strata", "render", "--sizing"}) == std::set<std::string>{"--sizing-mode"});
}

BOOST_AUTO_TEST_CASE(values_are_completed_from_the_choices) {
    BOOST_TEST(
        offers({"strata", "render", "--sizing-mode", ""}) ==
        (std::set<std::string>{"accurate", "balanced", "capped", "logarithmic", "relative"}));
    BOOST_TEST(offers({"strata", "render", "--format", "p"}) ==
               (std::set<std::string>{"png", "pdf"}));
    BOOST_TEST(offers({"strata", "spec", "--preset", "c"}) == std::set<std::string>{"compact"});
    // bash splits --legend=t at '='.
    BOOST_TEST(offers({"strata", "render", "--legend", "=", "t"}) == std::set<std::string>{"true"});
    BOOST_TEST(offers({"strata", "render", "--legend", "=", ""}) ==
               (std::set<std::string>{"true", "false"}));
}

BOOST_AUTO_TEST_CASE(models_outputs_and_folders_are_file_names) {
    ScratchDir scratch("completion");
    write_file(scratch.path / "vgg16.json", "{}");
    fs::create_directories(scratch.path / "steps");
    BOOST_TEST(offers({"strata", "render", "vg"}, scratch.path) ==
               std::set<std::string>{"vgg16.json"});
    BOOST_TEST(offers({"strata", "render", "m.json", "-o", "vg"}, scratch.path) ==
               std::set<std::string>{"vgg16.json"});
    BOOST_TEST(offers({"strata", "render", "--frames", ""}, scratch.path) ==
               std::set<std::string>{"steps"});
    // A number has no completion; the model is not asked for after `options`.
    BOOST_TEST(offers({"strata", "render", "--dpi", ""}, scratch.path).empty());
    BOOST_TEST(offers({"strata", "options", "vg"}, scratch.path).empty());
}

BOOST_AUTO_TEST_SUITE_END()
