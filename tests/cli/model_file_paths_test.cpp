// A model file is data: it never chooses where output goes, and the files it names (face
// images, logos, font files) stay inside its own folder unless the user says otherwise.
#include <boost/test/unit_test.hpp>

#include <filesystem>
#include <fstream>
#include <string>

#include "cli/run_tool.hpp"
#include "layout/picture_files.hpp"

namespace fs = std::filesystem;
using strata::test::read_text;
using strata::test::run_strata;
using strata::test::scratch_dir;
using strata::test::shell_quote;

namespace {

constexpr const char* kLayers =
    "layers:\n"
    "  - {name: in, type: InputLayer, shape: [null, 8, 8, 3]}\n"
    "  - {name: conv, type: Conv2D, config: {filters: 4, kernel_size: 3}}\n";

// Writes a model spec with `options` (YAML lines under `options:`) into `folder`.
fs::path write_spec(const fs::path& folder, const std::string& options) {
    fs::create_directories(folder);
    const fs::path spec = folder / "model.yaml";
    std::ofstream(spec) << "strata: 1\nmodel: m\noptions:\n" << options << kLayers;
    return spec;
}

std::string q(const fs::path& path) {
    return shell_quote(path.string());
}

}  // namespace

BOOST_AUTO_TEST_SUITE(model_file_paths)

BOOST_AUTO_TEST_CASE(a_model_spec_never_chooses_the_output) {
    const auto dir = scratch_dir("model-to-file");
    std::ofstream(dir / "paper.tex") << "keep\n";
    const fs::path spec =
        write_spec(dir / "model", "  to_file: " + shell_quote((dir / "paper.tex").string()) +
                                      "\n  legend: true\n");

    // Without -o there is no output to write, whatever the spec says.
    auto result = run_strata("render " + q(spec), dir);
    BOOST_TEST(result.status == 2, result.err);
    BOOST_TEST(read_text(dir / "paper.tex") == "keep\n");
    BOOST_TEST(!fs::exists(dir / "model" / "paper.tex"));

    // With -o the spec draws, and the user is told what was ignored.
    result = run_strata("render " + q(spec) + " -o " + q(dir / "fig.svg"), dir);
    BOOST_TEST(result.status == 0, result.err);
    BOOST_TEST(result.err.find("to_file: a model file cannot choose the output file") !=
               std::string::npos);
    BOOST_TEST(read_text(dir / "paper.tex") == "keep\n");

    // A spec written from it, or with the flag given to `strata spec`, carries no output.
    result = run_strata("spec " + q(spec), dir);
    BOOST_TEST(result.status == 0, result.err);
    BOOST_TEST(result.out.find("legend: true") != std::string::npos);
    BOOST_TEST(result.out.find("to_file") == std::string::npos, result.out);
    result = run_strata("spec " + q(spec) + " --to-file " + q(dir / "x.svg"), dir);
    BOOST_TEST(result.status == 0, result.err);
    BOOST_TEST(result.out.find("to_file") == std::string::npos, result.out);
}

BOOST_AUTO_TEST_CASE(pictures_named_by_a_spec_stay_in_its_folder) {
    const auto dir = scratch_dir("model-pictures");
    fs::create_directories(dir / "secret");
    fs::create_directories(dir / "model");
    strata::test::write_png((dir / "secret" / "private.png").string(), 4, 4, 1, 0, 0);
    strata::test::write_png((dir / "model" / "face.png").string(), 4, 4, 0, 1, 0);
    fs::create_symlink(dir / "secret" / "private.png", dir / "model" / "link.png");
    const fs::path out = dir / "fig.svg";

    const auto render_with = [&](const std::string& options, const std::string& flags = "") {
        return run_strata("render " + q(write_spec(dir / "model", options)) + " -o " + q(out) +
                              " --link-images " + flags,
                          dir);
    };
    // A picture beside the spec is drawn.
    auto result = render_with("  styles: {conv: {image: face.png}}\n");
    BOOST_TEST_REQUIRE(result.status == 0, result.err);
    BOOST_TEST(read_text(out).find("face.png") != std::string::npos);
    fs::remove(out);

    // Climbing out, an absolute path, a symbolic link that leads out: refused, nothing written.
    const std::string outside = "' is outside the model file's folder";
    for (const std::string& picture :
         {std::string("../secret/private.png"), (dir / "secret" / "private.png").string(),
          std::string("link.png"), std::string("sub/../../secret/private.png")}) {
        BOOST_TEST_CONTEXT(picture) {
            result = render_with("  styles: {conv: {image: " + shell_quote(picture) + "}}\n");
            BOOST_TEST(result.status == 1, result.err);
            BOOST_TEST(result.err.find(picture + outside) != std::string::npos, result.err);
            BOOST_TEST(result.err.find("--allow-model-paths") != std::string::npos);
            BOOST_TEST(!fs::exists(out));
        }
    }
    // Logos and font files too.
    result = render_with("  logo_groups: [{file: ../secret/private.png, layers: [conv]}]\n");
    BOOST_TEST(result.status == 1);
    BOOST_TEST(result.err.find("../secret/private.png" + outside) != std::string::npos, result.err);
    result = render_with("  font: ../secret/font.ttf\n");
    BOOST_TEST(result.status == 1);
    BOOST_TEST(result.err.find("../secret/font.ttf" + outside) != std::string::npos, result.err);

    // The message does not tell whether the file exists.
    const auto message_for = [&](const std::string& name) {
        std::string err = render_with("  styles: {conv: {image: ../secret/" + name + "}}\n").err;
        const std::size_t at = err.find(name);
        return at == std::string::npos ? err : err.replace(at, name.size(), "NAME");
    };
    BOOST_TEST(message_for("private.png") == message_for("missing.png"));

    // The user may allow it for a model they trust.
    result =
        render_with("  styles: {conv: {image: ../secret/private.png}}\n", "--allow-model-paths");
    BOOST_TEST(result.status == 0, result.err);
    BOOST_TEST(read_text(out).find("private.png") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(option_files_and_flags_keep_their_paths) {
    const auto dir = scratch_dir("option-paths");
    fs::create_directories(dir / "pictures");
    strata::test::write_png((dir / "pictures" / "face.png").string(), 4, 4, 0, 0, 1);
    const fs::path spec = write_spec(dir / "model", "  legend: false\n");
    std::ofstream(dir / "model" / "fig.yaml") << "styles: {conv: {image: ../pictures/face.png}}\n";
    auto result = run_strata("render " + q(spec) + " --options " + q(dir / "model" / "fig.yaml") +
                                 " --link-images -o " + q(dir / "a.svg"),
                             dir);
    BOOST_TEST(result.status == 0, result.err);
    result = run_strata(
        "render " + q(spec) + " --styles " +
            shell_quote("{conv: {image: " + (dir / "pictures" / "face.png").string() + "}}") +
            " -o " + q(dir / "b.svg"),
        dir);
    BOOST_TEST(result.status == 0, result.err);
}

BOOST_AUTO_TEST_SUITE_END()
