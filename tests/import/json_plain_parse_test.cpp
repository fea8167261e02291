#include <boost/test/unit_test.hpp>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "import/json_plain_parse.hpp"

namespace fs = std::filesystem;
using strata::keras::JsonTreeBuilder;
using json = nlohmann::ordered_json;

namespace {

// Equal values of equal types all the way down (json's == takes 1 and 1.0 as equal).
bool same_tree(const json& a, const json& b) {
    if (a.type() != b.type()) return false;
    if (a.is_object()) {
        if (a.size() != b.size()) return false;
        auto i = a.begin();
        auto j = b.begin();
        for (; i != a.end(); ++i, ++j) {
            if (i.key() != j.key() || !same_tree(*i, *j)) return false;
        }
        return true;
    }
    if (a.is_array()) {
        if (a.size() != b.size()) return false;
        for (std::size_t k = 0; k < a.size(); ++k) {
            if (!same_tree(a[k], b[k])) return false;
        }
        return true;
    }
    return a == b;
}

json nlohmann_tree(const std::string& text) {
    JsonTreeBuilder builder;
    BOOST_REQUIRE(json::sax_parse(text.begin(), text.end(), &builder,
                                  nlohmann::json::input_format_t::json, true, false));
    return builder.take();
}

}  // namespace

BOOST_AUTO_TEST_SUITE(import_json_plain_parse)

BOOST_AUTO_TEST_CASE(same_tree_as_nlohmann) {
    const std::vector<std::string> texts = {
        R"({"a": [1, -2, 3.5, -0, 0, 1e3, -2.5E-3, 123456789012345678], "b": {"c": null}})",
        R"( [ true , false , null , { } , [ ] , "" ] )",
        "{\"s\": \"tab\\t nl\\n q\\\" bs\\\\ sl\\/ b\\b f\\f r\\r\", \"k\": 0.1}",
        R"({"dup": 1, "x": 2, "dup": 3})",
        R"("a string alone")",
        R"(42)",
        "\n\t{\r\n\"a\"\t:\n[ ]\r}\n",
    };
    for (const std::string& text : texts) {
        BOOST_TEST_CONTEXT(text) {
            JsonTreeBuilder plain;
            BOOST_REQUIRE(strata::keras::parse_plain_json(text, plain));
            BOOST_TEST(same_tree(plain.take(), nlohmann_tree(text)));
        }
    }
}

// Anything outside plain JSON is left to nlohmann's parser, valid or not.
BOOST_AUTO_TEST_CASE(leaves_the_rest_to_nlohmann) {
    const std::vector<std::string> texts = {
        R"({"u": "\u00e9"})",
        "{\"e\": \"caf\xC3\xA9\"}",
        "{\"c\": \"a\x01\"}",
        R"([1234567890123456789])",
        R"([1e400])",
        R"([01])",
        R"([1.])",
        R"([.5])",
        R"([-])",
        R"({"a" 1})",
        R"({"a": 1,})",
        R"([1, 2)",
        R"([1] [2])",
        R"({"a": tru})",
        R"([nul])",
        R"({"a": "\x"})",
        R"({1: 2})",
        "",
        "\xEF\xBB\xBF[1]",
        R"([1]  x)",
        R"(["open)",
    };
    for (const std::string& text : texts) {
        BOOST_TEST_CONTEXT(text) {
            JsonTreeBuilder plain;
            BOOST_TEST(!strata::keras::parse_plain_json(text, plain));
        }
    }
}

BOOST_AUTO_TEST_CASE(corpus_files_give_the_same_tree) {
    std::size_t compared = 0;
    for (const auto& entry : fs::recursive_directory_iterator(STRATA_CORPUS_DIR)) {
        if (entry.path().extension() != ".json") continue;
        std::ifstream in(entry.path(), std::ios::binary);
        std::stringstream buffer;
        buffer << in.rdbuf();
        const std::string text = buffer.str();
        JsonTreeBuilder plain;
        if (!strata::keras::parse_plain_json(text, plain)) continue;
        BOOST_TEST_CONTEXT(entry.path()) {
            BOOST_TEST(same_tree(plain.take(), nlohmann_tree(text)));
        }
        ++compared;
    }
    BOOST_TEST(compared > 50u);
}

BOOST_AUTO_TEST_SUITE_END()
