// Large models on slides: the slides preset in a 16:9 and a 4:3 beamer frame draws DenseNet-121,
// ResNet-50 and GoogLeNet with text no smaller than the preset's min_font_size, using a good
// share of the room the frame gives a figure, without an overfull box. A figure too large for
// the frame first puts its captions above and below in turn and sets its text smaller, down to
// that minimum, before the whole of it is drawn smaller.

#include <boost/test/unit_test.hpp>

#include <algorithm>
#include <cstdlib>
#include <limits>
#include <regex>
#include <string>
#include <vector>

#include "latex/latex_support.hpp"
#include "strata/option_table.hpp"
#include "strata/options.hpp"

using namespace strata::test;

namespace {

const fs::path kSource = STRATA_SOURCE_DIR;

// The smallest text size (TeX pt) that the figures strata wrote into `folder` set.
double smallest_text_pt(const fs::path& folder) {
    double smallest = std::numeric_limits<double>::infinity();
    const std::regex size("\\\\fontsize\\{([0-9.]+)\\}");
    for (const auto& entry : fs::directory_iterator(folder)) {
        const std::string name = entry.path().filename().string();
        if (name.rfind("strata-", 0) != 0 || entry.path().extension() != ".tex") continue;
        const std::string text = read_file(entry.path());
        for (std::sregex_iterator it(text.begin(), text.end(), size), end; it != end; ++it)
            smallest = std::min(smallest, std::atof((*it)[1].str().c_str()));
    }
    return smallest;
}

// The deck with a frame for each large model before its own, in frames of `aspect_ratio`
// (beamer's option, "" for 4:3): the checks the head of this file names.
void check_large_models_in_frames(const std::string& aspect_ratio) {
    const fs::path corpus = STRATA_CORPUS_DIR;
    const std::vector<fs::path> models = {corpus / "onnx" / "densenet121.onnx",
                                          corpus / "keras" / "resnet50_k230tf.json",
                                          corpus / "onnx" / "googlenet.onnx"};
    strata::Options slides;
    strata::apply_preset(slides, "slides");
    const double least_pt = slides.min_font_size * 72.27 / 72;  // min_font_size is in bp

    std::string deck = read_file(kSource / "templates" / "beamer" / "deck.tex");
    if (!aspect_ratio.empty())
        deck = std::regex_replace(deck, std::regex("\\\\documentclass\\{beamer\\}"),
                                  "\\documentclass[aspectratio=" + aspect_ratio + "]{beamer}");
    deck = std::regex_replace(
        deck, std::regex("\\\\usepackage\\{strata\\}"),
        "\\usepackage{strata}\\strataset{program=" + std::string(STRATA_CLI_PATH) + "}");
    // Each figure measured: its width and height, and the room a figure has in the frame.
    std::string frames;
    for (const fs::path& model : models) {
        frames += "\\begin{frame}{A large model}\\centering\\sbox0{\\strataFigure[preset=slides]{" +
                  model.filename().string() +
                  "}}\\typeout{SHARE=\\the\\wd0,\\the\\dimexpr\\ht0+\\dp0\\relax,"
                  "\\the\\textwidth,\\the\\dimexpr0.7\\textheight\\relax}\\usebox0\\end{frame}\n";
    }
    deck = std::regex_replace(deck, std::regex("\\\\begin\\{frame\\}"), frames + "\\begin{frame}");

    ScratchDir scratch("slides-frames-" + (aspect_ratio.empty() ? "43" : aspect_ratio));
    fs::copy_file(kSource / "templates" / "beamer" / "model.json", scratch.path / "model.json");
    for (const fs::path& model : models) fs::copy_file(model, scratch.path / model.filename());
    write_file(scratch.path / "deck.tex", deck);
    BOOST_REQUIRE(run_tex("pdflatex", scratch.path, "deck.tex", true));
    const std::string log = read_file(scratch.path / "deck.log");
    BOOST_TEST(count_of(log, "Overfull") == 0u, log);
    BOOST_TEST(count_of(log, "too small to read") == 0u);
    BOOST_TEST(count_of(log, "Running:") == models.size() + 1);
    BOOST_TEST(smallest_text_pt(scratch.path) >= least_pt - 0.01);

    std::size_t at = 0;
    for (const fs::path& model : models) {
        BOOST_TEST_CONTEXT(model.filename()) {
            at = log.find("SHARE=", at);
            BOOST_REQUIRE(at != std::string::npos);
            at += 6;
            double sizes[4];
            std::size_t from = at;
            for (double& size : sizes) {
                size = std::atof(log.c_str() + from);
                from = log.find(',', from) + 1;
            }
            const double width = sizes[0], height = sizes[1];
            const double room_width = sizes[2], room_height = sizes[3];
            BOOST_TEST(width <= room_width + 0.01);
            BOOST_TEST(height <= room_height + 0.01);
            // The frame's room used: before, DenseNet-121 took a third of it, its text at 3.9 pt.
            BOOST_TEST(width * height >= 0.6 * room_width * room_height,
                       width << " x " << height << " of " << room_width << " x " << room_height);
        }
    }
}

}  // namespace

BOOST_AUTO_TEST_SUITE(slides_frames)

BOOST_AUTO_TEST_CASE(large_models_fill_a_wide_frame_with_readable_text) {
    if (!have_tex("pdflatex") || !STRATA_WITH_ONNX) return;
    check_large_models_in_frames("169");
}

BOOST_AUTO_TEST_CASE(large_models_fill_a_4_3_frame_with_readable_text) {
    if (!have_tex("pdflatex") || !STRATA_WITH_ONNX) return;
    check_large_models_in_frames("");
}

BOOST_AUTO_TEST_SUITE_END()
