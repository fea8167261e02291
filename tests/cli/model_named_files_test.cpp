// The files a model file names: a font without a '/' is a family (the working directory is
// never searched for it), a path is opened beneath the model's folder, and a symbolic link that
// leads out is refused with the same words whether or not its target exists.
#include <boost/test/unit_test.hpp>

#include <filesystem>
#include <fstream>
#include <string>

#include "cli/run_tool.hpp"
#include "layout/picture_files.hpp"

namespace fs = std::filesystem;
using strata::test::read_text;
using strata::test::shell_quote;

namespace {

constexpr const char* kSystemFont = "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf";

constexpr const char* kLayers =
    "layers:\n"
    "  - {name: in, type: InputLayer, shape: [null, 8, 8, 3]}\n"
    "  - {name: conv, type: Conv2D, config: {filters: 4, kernel_size: 3}}\n";

std::string q(const fs::path& path) {
    return shell_quote(path.string());
}

// A scratch folder that is also the working directory of the runs, with a model folder in it.
struct Scratch {
    fs::path dir;
    explicit Scratch(const std::string& name)
        : dir(fs::temp_directory_path() / ("strata-cli-test-" + name)) {
        fs::remove_all(dir);
        fs::create_directories(dir / "model");
        fs::create_directories(dir / "secret");
    }
    ~Scratch() {
        std::error_code ignored;
        fs::remove_all(dir, ignored);
    }
    // Writes the model spec with `options` (YAML lines under `options:`).
    fs::path spec(const std::string& options) const {
        const fs::path file = dir / "model" / "model.yaml";
        // Captions on, so that the fonts are looked up.
        std::ofstream(file) << "strata: 1\nmodel: m\noptions:\n  text_callable: name\n"
                            << options << kLayers;
        return file;
    }
    // Runs strata with `args` in `dir`.
    strata::test::ToolResult run(const std::string& args) const {
        const fs::path out = dir / "stdout.txt", err = dir / "stderr.txt";
        const std::string command = "cd " + q(dir) + " && " + shell_quote(STRATA_CLI_PATH) + " " +
                                    args + " >" + q(out) + " 2>" + q(err);
        const int raw = std::system(command.c_str());
        strata::test::ToolResult r;
        r.status = WIFEXITED(raw) ? WEXITSTATUS(raw) : -1;
        r.out = read_text(out);
        r.err = read_text(err);
        return r;
    }
    // Renders the spec with `options` to fig.svg.
    strata::test::ToolResult render(const std::string& options,
                                    const std::string& flags = "") const {
        return run("render " + q(spec(options)) + " -o fig.svg " + flags);
    }
};

// `err` with each `name` replaced by NAME, to compare two messages.
std::string without(std::string err, const std::string& name) {
    for (std::size_t at = err.find(name); at != std::string::npos; at = err.find(name))
        err.replace(at, name.size(), "NAME");
    return err;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(model_named_files)

BOOST_AUTO_TEST_CASE(a_bare_font_name_in_a_model_file_is_a_family_never_a_file_here) {
    BOOST_TEST_REQUIRE(fs::exists(kSystemFont));
    const Scratch s("model-font-family");
    fs::copy_file(kSystemFont, s.dir / "myfont.ttf");
    std::ofstream(s.dir / "notafont.ttf") << "not a font\n";

    // A font file in the working directory is not what a model's font names, for every font
    // option a model can set.
    for (const std::string& options :
         {std::string("  font: myfont.ttf\n"),
          std::string("  styles: {conv: {font: myfont.ttf}}\n"),
          std::string("  layered_groups: [{name: g, layers: [conv], font: myfont.ttf}]\n")}) {
        BOOST_TEST_CONTEXT(options) {
            const auto result = s.render(options);
            BOOST_TEST(result.status == 1, result.err);
            BOOST_TEST(
                result.err.find("font 'myfont.ttf' not found (fontconfig has no such family)") !=
                    std::string::npos,
                result.err);
            BOOST_TEST(!fs::exists(s.dir / "fig.svg"));
        }
    }
    // Whether such a file exists does not change the message.
    BOOST_TEST(without(s.render("  font: notafont.ttf\n").err, "notafont.ttf") ==
               without(s.render("  font: missing.ttf\n").err, "missing.ttf"));

    // The user's own flag and option file still name the file in the working directory.
    auto result =
        s.run("render " + q(s.spec("  legend: true\n")) + " --font myfont.ttf -o fig.svg");
    BOOST_TEST(result.status == 0, result.err);
    std::ofstream(s.dir / "fig.yaml") << "font: myfont.ttf\n";
    result = s.run("render " + q(s.spec("  legend: true\n")) + " --options fig.yaml -o fig.svg");
    BOOST_TEST(result.status == 0, result.err);
}

BOOST_AUTO_TEST_CASE(a_font_file_a_model_names_stays_in_its_folder) {
    BOOST_TEST_REQUIRE(fs::exists(kSystemFont));
    const Scratch s("model-font-file");
    fs::create_directories(s.dir / "model" / "fonts");
    fs::copy_file(kSystemFont, s.dir / "model" / "fonts" / "face.ttf");
    fs::copy_file(kSystemFont, s.dir / "secret" / "face.ttf");
    fs::create_directory_symlink(s.dir / "secret", s.dir / "model" / "elsewhere");

    auto result = s.render("  font: fonts/face.ttf\n");
    BOOST_TEST(result.status == 0, result.err);
    fs::remove(s.dir / "fig.svg");

    const std::string outside = "' is outside the model file's folder";
    result = s.render("  font: elsewhere/face.ttf\n");
    BOOST_TEST(result.status == 1, result.err);
    BOOST_TEST(result.err.find("elsewhere/face.ttf" + outside) != std::string::npos, result.err);
    BOOST_TEST(!fs::exists(s.dir / "fig.svg"));
    BOOST_TEST(without(result.err, "face.ttf") ==
               without(s.render("  font: elsewhere/missing.ttf\n").err, "missing.ttf"));

    result = s.render("  font: elsewhere/face.ttf\n", "--allow-model-paths");
    BOOST_TEST(result.status == 0, result.err);
}

BOOST_AUTO_TEST_CASE(a_link_that_leads_out_reads_the_same_whether_its_target_exists) {
    const Scratch s("model-dangling-links");
    strata::test::write_png((s.dir / "secret" / "private.png").string(), 4, 4, 1, 0, 0);
    const fs::path model = s.dir / "model";
    fs::create_symlink("../secret/private.png", model / "relative.png");
    fs::create_symlink("../secret/missing.png", model / "relative-dangling.png");
    fs::create_symlink(s.dir / "secret" / "private.png", model / "absolute.png");
    fs::create_symlink(s.dir / "secret" / "missing.png", model / "absolute-dangling.png");
    fs::create_directory_symlink("../secret", model / "folder");

    const auto message_for = [&](const std::string& picture) {
        const auto result = s.render("  styles: {conv: {image: " + picture + "}}\n");
        BOOST_TEST(result.status == 1, result.err);
        BOOST_TEST(
            result.err.find(picture + "' is outside the model file's folder") != std::string::npos,
            result.err);
        BOOST_TEST(!fs::exists(s.dir / "fig.svg"));
        return without(result.err, picture);
    };
    BOOST_TEST(message_for("relative.png") == message_for("relative-dangling.png"));
    BOOST_TEST(message_for("absolute.png") == message_for("absolute-dangling.png"));
    BOOST_TEST(message_for("folder/private.png") == message_for("folder/missing.png"));
    BOOST_TEST(message_for("relative.png") == message_for("absolute-dangling.png"));

    // A link that stays inside is followed.
    strata::test::write_png((model / "face.png").string(), 4, 4, 0, 1, 0);
    fs::create_symlink("face.png", model / "same.png");
    const auto result = s.render("  styles: {conv: {image: same.png}}\n", "--link-images");
    BOOST_TEST(result.status == 0, result.err);
}

BOOST_AUTO_TEST_SUITE_END()
