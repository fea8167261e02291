#include <boost/test/unit_test.hpp>

#include "input/yaml_document.hpp"
#include "strata/error.hpp"

namespace {

std::string error_of(const std::string& text) {
    try {
        strata::parse_yaml_document(text, "fig.yaml");
    } catch (const strata::Error& error) {
        return error.what();
    }
    return "no error";
}

}  // namespace

BOOST_AUTO_TEST_SUITE(yaml_document)

BOOST_AUTO_TEST_CASE(self_reference_is_a_cycle_with_its_place) {
    BOOST_TEST(error_of("&x [*x]") ==
               "fig.yaml:1:5: an alias refers to a node that contains it (a cycle); YAML aliases "
               "must name a finished node");
    BOOST_TEST(error_of("a: &m {b: [1, {c: *m}]}\n").find("(a cycle)") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(aliases_to_finished_nodes_are_fine) {
    BOOST_TEST(error_of("a: &x [1, 2]\nb: *x\nc: [*x, *x]\n") == "no error");
    const YAML::Node node = strata::parse_yaml_document("a: &x [1, 2]\nb: *x\n", "f");
    BOOST_TEST(node["b"].size() == 2u);
}

BOOST_AUTO_TEST_CASE(the_377_byte_bomb_is_refused_quickly) {
    std::string bomb = "a0: &a0 [x, x, x, x, x, x, x, x, x, x]\n";
    for (int i = 1; i < 10; ++i) {
        bomb += "a" + std::to_string(i) + ": &a" + std::to_string(i) + " [";
        for (int j = 0; j < 10; ++j) bomb += (j ? ", *a" : "*a") + std::to_string(i - 1);
        bomb += "]\n";
    }
    BOOST_TEST(error_of(bomb).find("more than 1000000 nodes") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(library_words_are_replaced) {
    const std::string deep = error_of("a: " + std::string(100000, '['));
    BOOST_TEST(deep.find("nested deeper than 128 levels") != std::string::npos);
    const std::string syntax = error_of("a: [1, 2\n");
    BOOST_TEST(syntax.rfind("fig.yaml:", 0) == 0u);
    BOOST_TEST(syntax.find("not valid YAML") != std::string::npos);
}

BOOST_AUTO_TEST_SUITE_END()
