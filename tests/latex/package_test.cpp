#include <boost/test/unit_test.hpp>

#include <regex>
#include <string>

#include "latex/latex_support.hpp"

using namespace strata::test;

namespace {

const fs::path kSource = STRATA_SOURCE_DIR;

std::size_t cached_figures(const fs::path& folder) {
    std::size_t n = 0;
    for (const auto& entry : fs::directory_iterator(folder)) {
        const std::string name = entry.path().filename().string();
        if (name.rfind("strata-", 0) == 0 && entry.path().extension() == ".tex") ++n;
    }
    return n;
}

// A two-column document with one figure; `body` is what stands in the figure.
std::string document(const std::string& body) {
    return "\\documentclass[twocolumn]{article}\n"
           "\\usepackage{iftex}\\ifPDFTeX\\usepackage[T1]{fontenc}\\usepackage{lmodern}\\fi\n"
           "\\usepackage{strata}\n\\strataset{program=" +
           std::string(STRATA_CLI_PATH) + "}\n\\begin{document}\nText.\n\\begin{figure}\n" + body +
           "\n\\caption{A figure.}\n\\end{figure}\n\\end{document}\n";
}

}  // namespace

BOOST_AUTO_TEST_SUITE(strata_package)

BOOST_AUTO_TEST_CASE(the_package_states_the_version_of_strata) {
    const std::string sty = read_file(kSource / "latex" / "strata.sty");
    BOOST_TEST(sty.find("\\def\\strata@version{" STRATA_VERSION "}") != std::string::npos);
    BOOST_TEST(sty.find(" v" STRATA_VERSION " ") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(with_shell_escape_strata_runs_once_and_the_cache_serves_reruns) {
    if (!have_tex("pdflatex")) return;
    ScratchDir scratch("sty-cache");
    fs::copy_file(kSource / "examples" / "vgg16.json", scratch.path / "vgg16.json");
    write_file(scratch.path / "fig.yaml", "spacing: 12\n");
    write_file(scratch.path / "doc.tex",
               document("\\strataFigure[legend, options=fig.yaml, text size=\\small]{vgg16.json}"));

    BOOST_REQUIRE(run_tex("pdflatex", scratch.path, "doc.tex", true));
    std::string log = read_file(scratch.path / "doc.log");
    BOOST_TEST(count_of(log, "Running:") == 1u);
    BOOST_TEST(cached_figures(scratch.path) == 1u);
    // The document's size (\small in a 10pt article is 9pt) and the column width were asked for.
    BOOST_TEST(log.find("--document-font-size 9") != std::string::npos);
    BOOST_TEST(log_problems(log).empty());
    BOOST_TEST(text_of_pdf(scratch.path / "doc.pdf").find("MaxPooling2D") != std::string::npos);

    BOOST_REQUIRE(run_tex("pdflatex", scratch.path, "doc.tex", true));
    log = read_file(scratch.path / "doc.log");
    BOOST_TEST(count_of(log, "Running:") == 0u);  // nothing changed: strata is not called

    write_file(scratch.path / "fig.yaml", "spacing: 30\n");  // an option changed: drawn again
    BOOST_REQUIRE(run_tex("pdflatex", scratch.path, "doc.tex", true));
    BOOST_TEST(count_of(read_file(scratch.path / "doc.log"), "Running:") == 1u);
    BOOST_TEST(cached_figures(scratch.path) == 2u);
}

BOOST_AUTO_TEST_CASE(without_shell_escape_a_missing_figure_names_the_command) {
    if (!have_tex("pdflatex")) return;
    ScratchDir scratch("sty-noshell");
    fs::copy_file(kSource / "examples" / "vgg16.json", scratch.path / "vgg16.json");
    write_file(scratch.path / "doc.tex",
               document("\\strataFigure[legend, sizing_mode=balanced]{vgg16.json}"));

    BOOST_TEST(!run_tex("pdflatex", scratch.path, "doc.tex"));
    const std::string log = read_file(scratch.path / "doc.log");
    BOOST_TEST(log.find("No drawing of `vgg16.json'") != std::string::npos);
    const std::string commands = read_file(scratch.path / "doc-strata.sh");
    BOOST_TEST(count_of(commands, "\n") == 1u);
    BOOST_TEST(commands.find(" render 'vgg16.json' --width ") != std::string::npos, commands);
    BOOST_TEST(commands.find("--legend --sizing-mode='balanced'") != std::string::npos, commands);

    // Running the named command is all it takes.
    BOOST_REQUIRE(std::system(("cd " + quoted(scratch.path) + " && sh doc-strata.sh").c_str()) ==
                  0);
    BOOST_TEST(run_tex("pdflatex", scratch.path, "doc.tex"));
    BOOST_TEST(log_problems(read_file(scratch.path / "doc.log")).empty());
}

BOOST_AUTO_TEST_CASE(a_value_that_could_leave_its_shell_quotes_is_refused) {
    if (!have_tex("pdflatex")) return;
    ScratchDir scratch("sty-quote");
    fs::copy_file(kSource / "examples" / "vgg16.json", scratch.path / "vgg16.json");
    write_file(scratch.path / "doc.tex",
               document("\\strataFigure[caption={x'; touch pwned; '}]{vgg16.json}"));
    BOOST_TEST(!run_tex("pdflatex", scratch.path, "doc.tex", true));
    BOOST_TEST(read_file(scratch.path / "doc.log").find("may not contain a single") !=
               std::string::npos);
    BOOST_TEST(!fs::exists(scratch.path / "pwned"));
}

BOOST_AUTO_TEST_CASE(the_environment_takes_inline_yaml) {
    if (!have_tex("pdflatex")) return;
    ScratchDir scratch("sty-env");
    fs::copy_file(kSource / "examples" / "vgg16.json", scratch.path / "vgg16.json");
    // An option-file body for a model given by key.
    write_file(scratch.path / "doc.tex", document("\\begin{strata}[model=vgg16.json]\n"
                                                  "legend: true\n"
                                                  "type_ignore: [InputLayer]\n"
                                                  "\\end{strata}"));
    BOOST_REQUIRE(run_tex("pdflatex", scratch.path, "doc.tex", true));
    const std::string yaml = read_file(scratch.path / "strata-doc-1.yaml");
    BOOST_TEST(yaml == "legend: true\ntype_ignore: [InputLayer]\n");
    const std::string text = text_of_pdf(scratch.path / "doc.pdf");
    BOOST_TEST(text.find("Conv2D") != std::string::npos);
    BOOST_TEST(text.find("InputLayer") == std::string::npos);  // the body's option applied
    BOOST_TEST(log_problems(read_file(scratch.path / "doc.log")).empty());
}

BOOST_AUTO_TEST_CASE(a_picture_made_beforehand_is_scaled_to_the_width) {
    if (!have_tex("pdflatex")) return;
    ScratchDir scratch("sty-file");
    BOOST_REQUIRE(std::system((std::string(STRATA_CLI_PATH) + " render " +
                               quoted(kSource / "examples" / "vgg16.json") + " --legend -o " +
                               quoted(scratch.path / "fig.tex"))
                                  .c_str()) == 0);
    write_file(scratch.path / "doc.tex",
               document("\\sbox0{\\strataFigure[file=fig.tex, width=150pt]{}}"
                        "\\typeout{WIDTH=\\the\\wd0}\\usebox0"));
    BOOST_REQUIRE(run_tex("pdflatex", scratch.path, "doc.tex"));  // no shell escape needed
    const std::string log = read_file(scratch.path / "doc.log");
    const std::size_t at = log.find("WIDTH=");
    BOOST_REQUIRE(at != std::string::npos);
    const double width = std::atof(log.c_str() + at + 6);
    BOOST_TEST(width == 150.0, boost::test_tools::tolerance(0.002));
    BOOST_TEST(text_of_pdf(scratch.path / "doc.pdf").find("Conv2D") != std::string::npos);
}

// Every figure of the example paper and of the README's LaTeX examples is centred: a figure
// narrower than the column would hang at the left under its centred caption.
BOOST_AUTO_TEST_CASE(the_shipped_figures_are_centred_under_their_captions) {
    for (const fs::path& file :
         {kSource / "examples" / "paper" / "paper.tex", kSource / "README.md"}) {
        const std::string text = read_file(file);
        const std::regex figure("\\\\begin\\{figure\\}(\\[[a-z]*\\])?\\n( *)([^\\n]*)");
        std::size_t figures = 0;
        for (auto it = std::sregex_iterator(text.begin(), text.end(), figure);
             it != std::sregex_iterator(); ++it) {
            ++figures;
            BOOST_TEST_CONTEXT(file.filename().string() << ": " << (*it)[0].str()) {
                BOOST_TEST((*it)[3].str() == "\\centering");
            }
        }
        BOOST_TEST(figures > 0u);
    }
}

// The example paper compiles as shipped (every model it draws is in examples/) with every
// engine; both figures are exactly as wide as the column.
BOOST_AUTO_TEST_CASE(the_paper_template_compiles_with_every_engine) {
    ScratchDir scratch("paper");
    fs::create_directories(scratch.path / "paper");
    fs::copy_file(kSource / "examples" / "vgg16.json", scratch.path / "vgg16.json");
    fs::copy_file(kSource / "examples" / "paper" / "unet.json",
                  scratch.path / "paper" / "unet.json");
    std::string paper = read_file(kSource / "examples" / "paper" / "paper.tex");
    paper = std::regex_replace(
        paper, std::regex("\\\\usepackage\\{strata\\}"),
        "\\usepackage{strata}\\strataset{program=" + std::string(STRATA_CLI_PATH) + "}");
    write_file(scratch.path / "paper" / "paper.tex", paper);
    for (const std::string& engine : kTexEngines) {
        if (!have_tex(engine)) continue;
        BOOST_TEST_CONTEXT(engine) {
            BOOST_TEST(run_tex(engine, scratch.path / "paper", "paper.tex", true));
            BOOST_TEST(run_tex(engine, scratch.path / "paper", "paper.tex", true));  // references
            const std::vector<std::string> problems =
                log_problems(read_file(scratch.path / "paper" / "paper.log"));
            BOOST_TEST(problems.empty(), (problems.empty() ? "" : problems.front()));
            const std::string text = text_of_pdf(scratch.path / "paper" / "paper.pdf");
            // U-Net legend: level auto draws its blocks in the column.
            BOOST_TEST(text.find("Block") != std::string::npos);
            BOOST_TEST(text.find("Flatten") != std::string::npos);  // VGG16 legend
        }
    }
    // Drawn once, for the first engine; the others found them in the cache.
    BOOST_TEST(cached_figures(scratch.path / "paper") == 2u);
}

// The beamer deck compiles as shipped in 4:3 and 16:9 frames with every engine: one layer per
// slide, and no box too high or too wide, so nothing runs over the frame's bottom, where the
// navigation symbols are.
BOOST_AUTO_TEST_CASE(the_beamer_deck_fits_its_frames) {
    std::string deck = read_file(kSource / "templates" / "beamer" / "deck.tex");
    deck = std::regex_replace(
        deck, std::regex("\\\\usepackage\\{strata\\}"),
        "\\usepackage{strata}\\strataset{program=" + std::string(STRATA_CLI_PATH) + "}");
    const std::string wide = std::regex_replace(deck, std::regex("\\\\documentclass\\{beamer\\}"),
                                                "\\documentclass[aspectratio=169]{beamer}");
    BOOST_REQUIRE(wide != deck);
    // xelatex too: hyperref, which beamer loads, needs the font pzdr there
    // (texlive-fonts-recommended, in .ci/install-deps).
    for (const std::string& engine : kTexEngines) {
        if (!have_tex(engine)) continue;
        for (const auto& [ratio, text] : {std::pair{"4:3", deck}, std::pair{"16:9", wide}}) {
            BOOST_TEST_CONTEXT(engine << ", " << ratio) {
                ScratchDir scratch("beamer-" + engine + (text == deck ? "-43" : "-169"));
                fs::copy_file(kSource / "templates" / "beamer" / "model.json",
                              scratch.path / "model.json");
                write_file(scratch.path / "deck.tex", text);
                BOOST_REQUIRE(run_tex(engine, scratch.path, "deck.tex", true));
                const std::string log = read_file(scratch.path / "deck.log");
                BOOST_TEST(count_of(log, "Overfull") == 0u, log);
                BOOST_TEST(count_of(log, "Underfull") == 0u);
                BOOST_TEST(count_of(log, "Package strata Warning") == 0u);
                // Eight layers without the input layer: seven steps, one slide each.
                const fs::path pdf = scratch.path / "deck.pdf";
                BOOST_TEST(pages_of_pdf(pdf) == 7);
                const std::string first =
                    output_of("pdftotext -f 1 -l 1 -raw " + quoted(pdf) + " -");
                const std::string last =
                    output_of("pdftotext -f 7 -l 7 -raw " + quoted(pdf) + " -");
                BOOST_TEST(first.find("Flatten") == std::string::npos);
                BOOST_TEST(last.find("Flatten") != std::string::npos);
            }
        }
    }
}

// `height' keeps a figure within a height: strata is given it with the width, and draws
// the figure as wide as the column allows within it.
BOOST_AUTO_TEST_CASE(height_keeps_a_figure_within_it) {
    if (!have_tex("pdflatex")) return;
    ScratchDir scratch("sty-height");
    fs::copy_file(kSource / "examples" / "vgg16.json", scratch.path / "vgg16.json");
    write_file(scratch.path / "doc.tex",
               document("\\sbox0{\\strataFigure[height=90pt]{vgg16.json}}"
                        "\\typeout{SIZE=\\the\\wd0,\\the\\dimexpr\\ht0+\\dp0\\relax,"
                        "\\the\\linewidth}\\usebox0"));
    BOOST_REQUIRE(run_tex("pdflatex", scratch.path, "doc.tex", true));
    const std::string log = read_file(scratch.path / "doc.log");
    BOOST_TEST(log.find("--height 90.0pt") != std::string::npos);
    const std::size_t at = log.find("SIZE=");
    BOOST_REQUIRE(at != std::string::npos);
    const std::size_t comma = log.find(',', at);
    const double width = std::atof(log.c_str() + at + 5);
    const double height = std::atof(log.c_str() + comma + 1);
    const double column = std::atof(log.c_str() + log.find(',', comma + 1) + 1);
    BOOST_TEST(width <= column + 0.01);
    BOOST_TEST(height <= 90.0);
    BOOST_TEST(height > 60.0);
    BOOST_TEST(count_of(log, "Package strata Warning") == 0u);
}

// The figure presets set their text at \footnotesize unless `text size' says otherwise: in a
// 10 pt document the figure is measured at 8 pt.
BOOST_AUTO_TEST_CASE(figure_presets_set_their_text_smaller_than_the_body) {
    if (!have_tex("pdflatex")) return;
    ScratchDir scratch("sty-preset-size");
    fs::copy_file(kSource / "examples" / "vgg16.json", scratch.path / "vgg16.json");
    write_file(scratch.path / "doc.tex",
               document("\\strataFigure[preset=paper]{vgg16.json}"
                        "\\strataFigure[preset=slides]{vgg16.json}"
                        "\\strataFigure[preset=paper, text size=\\small]{vgg16.json}"
                        "\\strataFigure[preset=compact]{vgg16.json}"));
    BOOST_REQUIRE(run_tex("pdflatex", scratch.path, "doc.tex", true));
    const std::string log = read_file(scratch.path / "doc.log");
    // The log shows each figure's command the same number of times.
    const std::size_t small = count_of(log, "--document-font-size 9");
    BOOST_TEST(small >= 1u);
    BOOST_TEST(count_of(log, "--document-font-size 8") == 2 * small);
    BOOST_TEST(count_of(log, "--document-font-size 10 ") == small);
}

// Without `height', a figure is kept within 0.8 of the page's text height (in beamer 0.7 of
// the frame's): strata is told so.
BOOST_AUTO_TEST_CASE(a_figure_is_kept_within_the_page_by_default) {
    if (!have_tex("pdflatex")) return;
    ScratchDir scratch("sty-page-height");
    fs::copy_file(kSource / "examples" / "vgg16.json", scratch.path / "vgg16.json");
    write_file(scratch.path / "doc.tex",
               document("\\strataFigure{vgg16.json}"
                        "\\dimen0=0.8\\textheight\\typeout{BOUND=\\the\\dimen0}"));
    BOOST_REQUIRE(run_tex("pdflatex", scratch.path, "doc.tex", true));
    const std::string log = read_file(scratch.path / "doc.log");
    const std::size_t at = log.find("BOUND=");
    BOOST_REQUIRE(at != std::string::npos);
    const std::string bound = log.substr(at + 6, log.find_first_of("\n", at) - at - 6);
    BOOST_TEST(log.find("--height " + bound) != std::string::npos, bound);
}

// The slides preset in the beamer deck's frames, 4:3 and 16:9, with models that used to run
// over the frame's bottom (ResNet-50, DenseNet-121) and VGG16, whose legend goes beside it:
// the deck as shipped, these frames added after its own, compiles without an overfull box.
BOOST_AUTO_TEST_CASE(slides_figures_of_large_models_fit_beamer_frames) {
    if (!have_tex("pdflatex")) return;
    const fs::path corpus = STRATA_CORPUS_DIR;
    std::vector<fs::path> models = {corpus / "keras" / "resnet50_k230tf.json",
                                    kSource / "examples" / "vgg16.json"};
    if (STRATA_WITH_ONNX) models.push_back(corpus / "onnx" / "densenet121.onnx");
    std::string deck = read_file(kSource / "templates" / "beamer" / "deck.tex");
    deck = std::regex_replace(
        deck, std::regex("\\\\usepackage\\{strata\\}"),
        "\\usepackage{strata}\\strataset{program=" + std::string(STRATA_CLI_PATH) + "}");
    std::string frames;
    for (const fs::path& model : models) {
        frames += "\\begin{frame}{A large model}\\centering\\strataFigure[preset=slides]{" +
                  model.filename().string() + "}\\end{frame}\n";
    }
    deck =
        std::regex_replace(deck, std::regex("\\\\end\\{document\\}"), frames + "\\end{document}");
    const std::string wide = std::regex_replace(deck, std::regex("\\\\documentclass\\{beamer\\}"),
                                                "\\documentclass[aspectratio=169]{beamer}");
    BOOST_REQUIRE(wide != deck);
    for (const auto& [ratio, text] : {std::pair{"4:3", deck}, std::pair{"16:9", wide}}) {
        BOOST_TEST_CONTEXT(ratio) {
            ScratchDir scratch(std::string("beamer-slides") + (text == deck ? "-43" : "-169"));
            fs::copy_file(kSource / "templates" / "beamer" / "model.json",
                          scratch.path / "model.json");
            for (const fs::path& model : models)
                fs::copy_file(model, scratch.path / model.filename());
            write_file(scratch.path / "deck.tex", text);
            BOOST_REQUIRE(run_tex("pdflatex", scratch.path, "deck.tex", true));
            const std::string log = read_file(scratch.path / "deck.log");
            BOOST_TEST(count_of(log, "Overfull") == 0u, log);
            // The deck's own figure, then one for each model.
            BOOST_TEST(count_of(log, "Running:") == models.size() + 1);
            // The deck's seven reveal steps, then a frame for each model.
            BOOST_TEST(pages_of_pdf(scratch.path / "deck.pdf") == 7 + models.size());
        }
    }
}

BOOST_AUTO_TEST_SUITE_END()
