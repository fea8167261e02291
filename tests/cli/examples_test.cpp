// The README's pictures are drawn from examples/ by examples/make-pictures.sh: the committed
// pictures must be exactly what the current strata draws, and every picture the README shows
// must come from that script.
#include <boost/test/unit_test.hpp>

#include <filesystem>
#include <regex>
#include <set>
#include <string>

#include "cli/run_tool.hpp"

namespace fs = std::filesystem;
using namespace strata::test;

namespace {
const fs::path kSource = STRATA_SOURCE_DIR;
}

BOOST_AUTO_TEST_SUITE(examples)

BOOST_AUTO_TEST_CASE(the_readme_pictures_are_what_strata_draws_from_the_examples) {
    const fs::path out = scratch_dir("readme-pictures");
    const std::string command =
        "sh " + shell_quote((kSource / "examples" / "make-pictures.sh").string()) + " " +
        shell_quote(STRATA_CLI_PATH) + " " + shell_quote(out.string()) + " 2>" +
        shell_quote((out / "stderr.txt").string());
    BOOST_REQUIRE_MESSAGE(std::system(command.c_str()) == 0, read_text(out / "stderr.txt"));
    fs::remove(out / "stderr.txt");

    std::set<std::string> drawn;
    for (const auto& entry : fs::directory_iterator(out))
        drawn.insert(entry.path().filename().string());
    BOOST_REQUIRE(!drawn.empty());
    for (const std::string& name : drawn) {
        BOOST_TEST_CONTEXT(name) {
            BOOST_REQUIRE(fs::exists(kSource / "examples" / name));
            BOOST_TEST((read_text(out / name) == read_text(kSource / "examples" / name)),
                       "examples/" << name << " is out of date: run examples/make-pictures.sh");
        }
    }

    // Every picture the README shows is one the script draws.
    const std::string readme = read_text(kSource / "README.md");
    const std::regex picture(R"(!\[[^\]]*\]\(examples/([^)/]+)\))");
    std::size_t shown = 0;
    for (auto it = std::sregex_iterator(readme.begin(), readme.end(), picture);
         it != std::sregex_iterator(); ++it, ++shown) {
        BOOST_TEST(drawn.count((*it)[1].str()) == 1u, (*it)[1].str()
                                                          << " is not drawn by the script");
    }
    BOOST_TEST(shown >= 1u);
}

BOOST_AUTO_TEST_SUITE_END()
