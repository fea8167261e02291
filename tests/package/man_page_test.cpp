#include <boost/test/unit_test.hpp>

#include "package/package_support.hpp"

using namespace strata::test;

namespace {

// The manual page with roff's minus signs read back as hyphens.
std::string man_text() {
    std::string text = read_file(STRATA_MAN_PAGE);
    for (std::size_t at = text.find("\\-"); at != std::string::npos; at = text.find("\\-", at))
        text.erase(at, 1);
    return text;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(man_page)

BOOST_AUTO_TEST_CASE(every_option_the_help_lists_has_an_entry) {
    const std::string man = man_text();
    BOOST_REQUIRE(!man.empty());
    for (const std::string& command : kCommands) {
        const std::set<std::string> flags = help_flags(command);
        BOOST_TEST_CONTEXT("strata " << command << " --help") {
            BOOST_TEST(flags.size() >= (command == "info" ? 3u : 4u));
            for (const std::string& flag : flags) {
                // An entry sets the flag in bold: "\fB--legend\fR".
                BOOST_TEST(man.find("\\fB" + flag + "\\fR") != std::string::npos, flag);
            }
        }
    }
    BOOST_TEST(help_flags("render").count("--sizing-mode") == 1u);
    BOOST_TEST(help_flags("render").count("-o") == 1u);
}

BOOST_AUTO_TEST_CASE(every_command_and_the_version_are_named) {
    const std::string man = man_text();
    BOOST_TEST(man.find(".TH STRATA 1 \"\" \"strata " STRATA_VERSION "\"") != std::string::npos);
    for (const std::string& command : kCommands)
        BOOST_TEST(man.find(".B strata " + command + "\n") != std::string::npos, command);
}

BOOST_AUTO_TEST_CASE(troff_reads_it_without_a_warning) {
    if (!strata_test::needs_tool(strata_test::kPackageTools, "groff")) return;
    const ShellRun run = run_shell("groff -man -Tutf8 -ww -z " + shell_word(STRATA_MAN_PAGE));
    BOOST_TEST(run.status == 0);
    BOOST_TEST(run.out == "");
}

BOOST_AUTO_TEST_CASE(the_installed_page_is_the_compressed_page) {
    const ShellRun run = run_shell("gzip -dc " + shell_word(std::string(STRATA_MAN_PAGE) + ".gz"));
    BOOST_TEST(run.status == 0);
    BOOST_TEST(run.out == read_file(STRATA_MAN_PAGE));
}

BOOST_AUTO_TEST_SUITE_END()
