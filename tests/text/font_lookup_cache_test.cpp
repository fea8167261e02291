// The remembered font lookups: used only while nothing the answer depends on has changed.
#include <boost/test/unit_test.hpp>

#include <sys/stat.h>

#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>

#include "text/font_locator.hpp"
#include "text/font_lookup_cache.hpp"

namespace fs = std::filesystem;

namespace {

// A fresh folder for one test, removed afterwards.
struct Scratch {
    explicit Scratch(const std::string& name)
        : dir(fs::temp_directory_path() /
              ("strata-font-cache-" + name + "-" + std::to_string(::getpid()))) {
        fs::remove_all(dir);
        fs::create_directories(dir);
    }
    ~Scratch() { fs::remove_all(dir); }
    fs::path dir;
};

void write(const fs::path& path, const std::string& text) {
    std::ofstream(path, std::ios::binary) << text;
}

// Points the cache at `folder` for the life of the object.
struct CacheHome {
    explicit CacheHome(const fs::path& folder) {
        const char* old = std::getenv("XDG_CACHE_HOME");
        if (old != nullptr) saved = old;
        had = old != nullptr;
        ::setenv("XDG_CACHE_HOME", folder.c_str(), 1);
    }
    ~CacheHome() {
        if (had) {
            ::setenv("XDG_CACHE_HOME", saved.c_str(), 1);
        } else {
            ::unsetenv("XDG_CACHE_HOME");
        }
    }
    std::string saved;
    bool had = false;
};

}  // namespace

BOOST_AUTO_TEST_SUITE(font_lookup_cache)

BOOST_AUTO_TEST_CASE(an_entry_is_used_until_an_input_changes) {
    const Scratch scratch("inputs");
    const fs::path config = scratch.dir / "fonts.conf";
    const fs::path font = scratch.dir / "Font.ttf";
    write(config, "<fontconfig/>");
    write(font, "font bytes");
    const strata::FontLookupCache cache((scratch.dir / "cache" / "font-lookups").string());
    const strata::FontLocation location{font.string(), 1};
    BOOST_TEST(!cache.find("Family").has_value());
    cache.store("Family", location,
                {config.string(), font.string(), (scratch.dir / "no").string()});
    BOOST_TEST_REQUIRE(cache.find("Family").has_value());
    BOOST_TEST(cache.find("Family")->file == font.string());
    BOOST_TEST(cache.find("Family")->index == 1);
    BOOST_TEST(!cache.find("Other").has_value());

    write(config, "<fontconfig><dir>/x</dir></fontconfig>");  // the configuration changed
    BOOST_TEST(!cache.find("Family").has_value());
    cache.store("Family", location,
                {config.string(), font.string(), (scratch.dir / "no").string()});
    BOOST_TEST(cache.find("Family").has_value());

    write(scratch.dir / "no", "");  // a path that did not exist now does
    BOOST_TEST(!cache.find("Family").has_value());
    cache.store("Family", location, {config.string(), font.string()});
    BOOST_TEST(cache.find("Family").has_value());

    fs::remove(font);  // the font file was replaced
    write(font, "other font bytes");
    BOOST_TEST(!cache.find("Family").has_value());
}

BOOST_AUTO_TEST_CASE(entries_of_other_keys_are_kept) {
    const Scratch scratch("keys");
    const fs::path font = scratch.dir / "Font.ttf";
    write(font, "font bytes");
    const strata::FontLookupCache cache((scratch.dir / "font-lookups").string());
    cache.store("A", {font.string(), 0}, {font.string()});
    cache.store("B", {font.string(), 2}, {font.string()});
    BOOST_TEST(cache.find("A").has_value());
    BOOST_TEST(cache.find("B")->index == 2);
}

BOOST_AUTO_TEST_CASE(a_damaged_cache_file_is_not_used) {
    const Scratch scratch("damaged");
    const fs::path file = scratch.dir / "font-lookups";
    const strata::FontLookupCache cache(file.string());
    for (const std::string& text :
         {std::string("strata font lookups 1\nK Family\nS - /nonexistent\nE .\n"),
          std::string("strata font lookups 1\nK Family\nF x"), std::string("\0\1\2", 3),
          std::string("strata font lookups 2\nK Family\nF 0 /f\nE .\n")}) {
        write(file, text);
        BOOST_TEST(!cache.find("Family").has_value(), text);
    }
}

// A cache file others may write could name any font file, and a FIFO in its place would
// block a reader: neither is read; a regular file of this user's is.
BOOST_AUTO_TEST_CASE(a_cache_others_may_write_or_a_fifo_is_not_used) {
    const Scratch scratch("trust");
    const fs::path font = scratch.dir / "Font.ttf";
    write(font, "font bytes");
    const fs::path file = scratch.dir / "font-lookups";
    const strata::FontLookupCache cache(file.string());
    cache.store("Family", {font.string(), 0}, {font.string()});
    BOOST_TEST_REQUIRE(cache.find("Family").has_value());
    fs::permissions(file, fs::perms::group_write | fs::perms::others_write, fs::perm_options::add);
    BOOST_TEST(!cache.find("Family").has_value());
    fs::permissions(file, fs::perms::group_write | fs::perms::others_write,
                    fs::perm_options::remove);
    BOOST_TEST(cache.find("Family").has_value());

    fs::remove(file);
    BOOST_TEST_REQUIRE(::mkfifo(file.c_str(), 0600) == 0);
    BOOST_TEST(!cache.find("Family").has_value());  // returns at once, no writer needed
}

BOOST_AUTO_TEST_CASE(the_locator_answers_as_fontconfig_from_the_cache) {
    const Scratch scratch("locator");
    const CacheHome home(scratch.dir);
    const strata::FontLocation first = strata::FontLocator().locate("DejaVu Sans:bold");
    BOOST_TEST(first.file.find("DejaVuSans-Bold") != std::string::npos, first.file);
    // The answer is now remembered, keyed by the pattern and the environment.
    const strata::FontLookupCache cache(strata::FontLookupCache::default_file());
    BOOST_TEST(cache.find(strata::font_lookup_key("DejaVu Sans:bold")).has_value());
    BOOST_TEST(!cache.find(strata::font_lookup_key("DejaVu Sans")).has_value());
    const strata::FontLocation again = strata::FontLocator().locate("DejaVu Sans:bold");
    BOOST_TEST(again.file == first.file);
    BOOST_TEST(again.index == first.index);
    BOOST_TEST(strata::FontLocator().locate("DejaVu Sans").file.find("DejaVuSans.ttf") !=
               std::string::npos);
}

BOOST_AUTO_TEST_SUITE_END()
