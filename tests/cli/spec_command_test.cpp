// strata spec writes a YAML model spec that strata render draws like the model itself.
#include <boost/test/unit_test.hpp>

#include <string>

#include "cli/run_tool.hpp"

using strata::test::corpus;
using strata::test::read_text;
using strata::test::run_strata;
using strata::test::scratch_dir;
using strata::test::shell_quote;

BOOST_AUTO_TEST_SUITE(spec_command)

BOOST_AUTO_TEST_CASE(spec_renders_the_same_svg_with_its_options) {
    const auto dir = scratch_dir("spec-command");
    const std::string flags = " --legend --spacing 14 --styles '{block1_conv1: {fill: gold}}'";
    const std::string spec = shell_quote((dir / "vgg16.yaml").string());
    auto result = run_strata("spec " + corpus("generated/vgg16.json") + flags + " -o " + spec, dir);
    BOOST_TEST_REQUIRE(result.status == 0, result.err);
    const std::string text = read_text(dir / "vgg16.yaml");
    BOOST_TEST(text.find("strata: 1\n") != std::string::npos);
    BOOST_TEST(text.find("  legend: true\n") != std::string::npos);
    BOOST_TEST(text.find("style: {fill: \"#ffd700\"}") != std::string::npos);

    result = run_strata("render " + spec + " -o " + shell_quote((dir / "a.svg").string()), dir);
    BOOST_TEST_REQUIRE(result.status == 0, result.err);
    result = run_strata("render " + corpus("generated/vgg16.json") + flags + " -o " +
                            shell_quote((dir / "b.svg").string()),
                        dir);
    BOOST_TEST_REQUIRE(result.status == 0, result.err);
    BOOST_TEST(read_text(dir / "a.svg") == read_text(dir / "b.svg"));

    // Flags given with the spec win over the options it holds.
    result = run_strata(
        "render " + spec + " --no-legend -o " + shell_quote((dir / "c.svg").string()), dir);
    BOOST_TEST(result.status == 0);
    BOOST_TEST(read_text(dir / "c.svg") != read_text(dir / "a.svg"));
}

BOOST_AUTO_TEST_CASE(spec_errors_name_line_and_column) {
    const auto dir = scratch_dir("spec-error");
    {
        std::ofstream out(dir / "bad.yaml");
        out << "strata: 1\nlayers:\n  - {name: a, type: InputLayer, shape: [null, 4]}\n"
               "  - {name: b, type: Dense, config: {units: -3}}\n";
    }
    const auto result = run_strata("render " + shell_quote((dir / "bad.yaml").string()) + " -o " +
                                       shell_quote((dir / "x.svg").string()),
                                   dir);
    BOOST_TEST(result.status == 1);
    BOOST_TEST(result.err.find("bad.yaml:4:36: ") != std::string::npos, result.err);
}

BOOST_AUTO_TEST_CASE(the_example_spec_renders) {
    const auto dir = scratch_dir("spec-example");
    const auto result = run_strata("render " + strata::test::example("mnist_cnn.yaml") + " -o " +
                                       shell_quote((dir / "m.svg").string()),
                                   dir);
    BOOST_TEST(result.status == 0, result.err);
    BOOST_TEST(read_text(dir / "m.svg").find("data-type=\"Conv2D\"") != std::string::npos);
}

BOOST_AUTO_TEST_SUITE_END()
