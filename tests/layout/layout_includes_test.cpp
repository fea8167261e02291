// The layout opens no file and looks up no font: it gets text metrics and pictures through its
// LayoutContext. No source under lib/src/layout/ includes a header that reads files or finds
// fonts; the project headers it may use are the layout's own, the public API and style/.

#include <boost/test/unit_test.hpp>

#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

namespace {

bool starts_with(const std::string& s, const std::string& prefix) {
    return s.compare(0, prefix.size(), prefix) == 0;
}

// Why `header` (as written between the quotes or brackets) may not be included by the
// layout, or empty when it may.
std::string forbidden(const std::string& header, bool quoted) {
    if (quoted) {
        for (const char* allowed : {"layout/", "strata/", "style/"}) {
            if (starts_with(header, allowed)) return "";
        }
        // The measuring interface's old name, a forward to strata/text_measurer.hpp.
        if (header == "text/text_engine.hpp") return "";
        return "a project header outside layout/, strata/ and style/";
    }
    for (const char* reading : {"fstream", "filesystem", "fcntl.h", "unistd.h", "sys/"}) {
        if (starts_with(header, reading)) return "a file-reading header";
    }
    for (const char* fonts : {"fontconfig/", "ft2build.h", "freetype/", "hb.h", "hb-", "cairo"}) {
        if (starts_with(header, fonts)) return "a font or drawing library header";
    }
    return "";
}

}  // namespace

BOOST_AUTO_TEST_SUITE(layout_includes)

BOOST_AUTO_TEST_CASE(layout_sources_include_no_file_reading_or_font_lookup_header) {
    const std::filesystem::path root = std::filesystem::path(STRATA_SOURCE_DIR) / "lib/src/layout";
    std::size_t files = 0;
    for (const auto& entry : std::filesystem::recursive_directory_iterator(root)) {
        if (!entry.is_regular_file()) continue;
        ++files;
        std::ifstream in(entry.path());
        std::string line;
        while (std::getline(in, line)) {
            if (!starts_with(line, "#include ")) continue;
            const std::string spec = line.substr(9);
            const bool quoted = starts_with(spec, "\"");
            const std::string header = spec.substr(1, spec.find_first_of("\">", 1) - 1);
            const std::string why = forbidden(header, quoted);
            BOOST_TEST(why.empty(), entry.path().string() << " includes " << header << ": " << why);
        }
    }
    BOOST_TEST(files > 40u);
}

BOOST_AUTO_TEST_SUITE_END()
