#include <boost/test/unit_test.hpp>

#include <string>

#include "latex/latex_support.hpp"
#include "layout/reference_model.hpp"
#include "strata/render.hpp"

using namespace strata;
using namespace strata::test;

namespace {

const std::string kVgg16 = std::string(STRATA_SOURCE_DIR) + "/examples/vgg16.json";

Scene vgg16_scene(const Options& options) {
    Warnings warnings;
    const Model model = load_model(kVgg16, warnings);
    return layout_layered(model, options, warnings);
}

std::string standalone(const Scene& scene) {
    TikzOptions tikz;
    tikz.standalone = true;
    Warnings warnings;
    return to_tikz(scene, tikz, warnings);
}

// The share of pixels whose channels all differ by at most `tolerance` (out of 255), over the
// area both images cover.
double equal_share(const Surface& a, const Surface& b, int tolerance) {
    const int w = std::min(width_of(a), width_of(b)), h = std::min(height_of(a), height_of(b));
    long long equal = 0;
    for (int y = 0; y < h; ++y) {
        for (int x = 0; x < w; ++x) {
            const std::uint32_t p = pixel(a, x, y), q = pixel(b, x, y);
            bool same = true;
            for (int shift = 0; shift < 32; shift += 8) {
                same = same && std::abs(static_cast<int>((p >> shift) & 0xFF) -
                                        static_cast<int>((q >> shift) & 0xFF)) <= tolerance;
            }
            equal += same ? 1 : 0;
        }
    }
    return static_cast<double>(equal) / (static_cast<double>(w) * h);
}

}  // namespace

BOOST_AUTO_TEST_SUITE(standalone_documents)

BOOST_AUTO_TEST_CASE(vgg16_with_captions_compiles_cleanly_with_every_engine) {
    Options options = latex_defaults(Options{}, {.font_pt = 10});
    options.text_callable = strata::TextCallable::name;
    options.legend = true;
    const std::string document = standalone(vgg16_scene(options));
    ScratchDir scratch("tex-vgg16");
    write_file(scratch.path / "figure.tex", document);
    for (const std::string& engine : kTexEngines) {
        if (!have_tex(engine)) continue;
        BOOST_TEST_CONTEXT(engine) {
            BOOST_TEST(run_tex(engine, scratch.path, "figure.tex"));
            const std::vector<std::string> problems =
                log_problems(read_file(scratch.path / "figure.log"));
            BOOST_TEST(problems.empty(), (problems.empty() ? "" : problems.front()));
            const std::string text = text_of_pdf(scratch.path / "figure.pdf");
            BOOST_TEST(text.find("block1_conv1") != std::string::npos);
            BOOST_TEST(text.find("MaxPooling2D") != std::string::npos);  // the legend
            // Font: the document's Latin Modern.
            const std::string fonts = output_of("pdffonts " + quoted(scratch.path / "figure.pdf"));
            BOOST_TEST((fonts.find("LMRoman10") != std::string::npos ||
                        fonts.find("lmroman10") != std::string::npos),
                       fonts);
        }
    }
}

// Two pictures \input into one document, as a paper does: the second has the unit the first
// set up (its group ends with the picture, the unit's value must not).
BOOST_AUTO_TEST_CASE(a_second_picture_in_a_document_has_the_same_unit) {
    if (!have_tex("pdflatex")) return;
    Warnings warnings;
    const std::string picture =
        to_tikz(vgg16_scene(latex_defaults(Options{}, {.font_pt = 10})), TikzOptions{}, warnings);
    ScratchDir scratch("tex-two-pictures");
    write_file(scratch.path / "a.tex", picture);
    write_file(scratch.path / "b.tex", picture);
    write_file(scratch.path / "doc.tex",
               "\\documentclass{article}\\usepackage{tikz}\\begin{document}\n"
               "\\setbox0\\hbox{\\input{a.tex}}\\typeout{FIRST=\\the\\wd0}\n"
               "\\setbox0\\hbox{\\input{b.tex}}\\typeout{SECOND=\\the\\wd0}\n"
               "\\end{document}\n");
    BOOST_REQUIRE(run_tex("pdflatex", scratch.path, "doc.tex"));
    const std::string log = read_file(scratch.path / "doc.log");
    const auto width = [&](const std::string& name) {
        const std::size_t at = log.find(name + "=");
        return at == std::string::npos
                   ? std::string()
                   : log.substr(at + name.size() + 1, log.find('\n', at) - at - name.size() - 1);
    };
    BOOST_TEST(!width("FIRST").empty());
    BOOST_TEST(width("FIRST") != "0.0pt");
    BOOST_TEST(width("SECOND") == width("FIRST"));
}

BOOST_AUTO_TEST_CASE(shapes_with_a_times_sign_compile_with_every_engine) {
    Options options = latex_defaults(Options{}, {.font_pt = 10});
    options.text_callable = strata::TextCallable::name_shape;
    const std::string document = standalone(vgg16_scene(options));
    // The sign goes to TeX as a text command (a T1 font has no such glyph), spaces kept as set.
    BOOST_TEST(document.find("224\\ \\texttimes{}\\ 224\\ \\texttimes{}\\ 64") !=
               std::string::npos);
    ScratchDir scratch("tex-times");
    write_file(scratch.path / "figure.tex", document);
    // Many paper templates load T1 fonts whatever the engine: no T1 font has these signs.
    std::string t1 = document;
    const std::size_t begin = t1.find("\\begin{document}");
    BOOST_TEST_REQUIRE(begin != std::string::npos);
    t1.insert(begin, "\\usepackage[T1]{fontenc}\\usepackage{lmodern}\n");
    write_file(scratch.path / "figure-t1.tex", t1);
    for (const std::string& engine : kTexEngines) {
        if (!have_tex(engine)) continue;
        BOOST_TEST_CONTEXT(engine) {
            BOOST_TEST(run_tex(engine, scratch.path, "figure.tex"));
            const std::vector<std::string> problems =
                log_problems(read_file(scratch.path / "figure.log"));
            BOOST_TEST(problems.empty(), (problems.empty() ? "" : problems.front()));
            // The sign is printed, not dropped for a missing glyph.
            const std::string text = text_of_pdf(scratch.path / "figure.pdf");
            BOOST_TEST(text.find("224 \u00d7 224 \u00d7 64") != std::string::npos, text);
            BOOST_TEST(run_tex(engine, scratch.path, "figure-t1.tex"));
            const std::vector<std::string> t1_problems =
                log_problems(read_file(scratch.path / "figure-t1.log"));
            BOOST_TEST(t1_problems.empty(), (t1_problems.empty() ? "" : t1_problems.front()));
            const std::string t1_text = text_of_pdf(scratch.path / "figure-t1.pdf");
            BOOST_TEST(t1_text.find("224 \u00d7 224 \u00d7 64") != std::string::npos, t1_text);
        }
    }
}

BOOST_AUTO_TEST_CASE(hostile_layer_names_are_printed_never_executed) {
    Model model = reference_model();
    const std::vector<std::string> names = {"\\input{canary}",
                                            "\\input canary ",
                                            "^^5cinput{canary}",
                                            "}{\\input{canary}%",
                                            "\\immediate\\write18{touch pwned}\\catcode`\\{=12",
                                            "größe_&$#~ 名前"};
    for (std::size_t i = 0; i < names.size(); ++i) model.layers[i].name = names[i];
    Options options = latex_defaults(Options{}, {.font_pt = 10});
    options.text_callable = strata::TextCallable::name;
    Warnings warnings;
    const std::string document = standalone(layout_layered(model, options, warnings));

    ScratchDir scratch("tex-hostile");
    write_file(scratch.path / "canary.tex", "CANARYTEXT\n");
    write_file(scratch.path / "figure.tex", document);
    for (const std::string& engine : kTexEngines) {
        if (!have_tex(engine)) continue;
        BOOST_TEST_CONTEXT(engine) {
            // Even with shell escape on, nothing runs.
            BOOST_TEST(run_tex(engine, scratch.path, "figure.tex", true));
            const std::string text = text_of_pdf(scratch.path / "figure.pdf");
            BOOST_TEST(text.find("CANARYTEXT") == std::string::npos);
            BOOST_TEST(text.find("input{canary}") != std::string::npos, text);
            BOOST_TEST(text.find("größe") != std::string::npos, text);
            BOOST_TEST(!fs::exists(scratch.path / "pwned"));
        }
    }
}

// The TikZ picture and the SVG of one scene without text, rasterised at the same resolution,
// are the same picture.
BOOST_AUTO_TEST_CASE(tikz_and_svg_show_the_same_picture) {
    if (!have_tex("pdflatex") ||
        !strata_test::needs_tool(strata_test::kRasterTools, "rsvg-convert") ||
        !strata_test::needs_tool(strata_test::kRasterTools, "pdftoppm"))
        return;
    const Scene scene = vgg16_scene(Options{});  // no captions, no legend: no text
    ScratchDir scratch("tex-parity");
    write_file(scratch.path / "figure.tex", standalone(scene));
    write_file(scratch.path / "figure.svg", to_svg(scene));
    BOOST_REQUIRE(run_tex("pdflatex", scratch.path, "figure.tex"));
    const fs::path svg_png = scratch.path / "svg.png", pdf_png = scratch.path / "pdf";
    // Half size: 48 dpi for the PDF, zoom 0.5 for the 96-dpi SVG.
    BOOST_REQUIRE(std::system(("rsvg-convert -z 0.5 " + quoted(scratch.path / "figure.svg") +
                               " -o " + quoted(svg_png))
                                  .c_str()) == 0);
    BOOST_REQUIRE(std::system(("pdftoppm -png -r 48 -singlefile " +
                               quoted(scratch.path / "figure.pdf") + " " + quoted(pdf_png))
                                  .c_str()) == 0);
    const Surface from_svg = decode_png(read_file(svg_png));
    const Surface from_pdf = decode_png(read_file(scratch.path / "pdf.png"));
    BOOST_REQUIRE(from_svg);
    BOOST_REQUIRE(from_pdf);
    BOOST_TEST(std::abs(width_of(from_svg) - width_of(from_pdf)) <= 1);
    BOOST_TEST(std::abs(height_of(from_svg) - height_of(from_pdf)) <= 1);
    const double share = equal_share(from_svg, from_pdf, 16);
    BOOST_TEST_MESSAGE("pixels equal: " << share);
    BOOST_TEST(share >= 0.98);
}

BOOST_AUTO_TEST_SUITE_END()
