#include <boost/test/unit_test.hpp>

#include <cmath>
#include <string>

#include "emit/latex_text.hpp"
#include "emit/reveal_steps.hpp"
#include "emit/scene_builders.hpp"
#include "layout/fitting/latin_modern.hpp"
#include "layout/reference_model.hpp"
#include "strata/error.hpp"
#include "strata/import.hpp"
#include "strata/render.hpp"

using namespace strata;
using namespace strata::test;

namespace {

std::size_t count_of(const std::string& text, const std::string& what) {
    std::size_t n = 0;
    for (std::size_t at = text.find(what); at != std::string::npos; at = text.find(what, at + 1))
        ++n;
    return n;
}

// Braces that TeX sees as grouping: not preceded by a backslash.
int brace_balance(const std::string& text) {
    int depth = 0;
    for (std::size_t i = 0; i < text.size(); ++i) {
        if (text[i] == '\\') {
            ++i;  // an escaped character or the first letter of a command
            continue;
        }
        if (text[i] == '{') ++depth;
        if (text[i] == '}') --depth;
        if (depth < 0) return depth;
    }
    return depth;
}

std::string tikz(const Scene& scene, TikzOptions options = {}) {
    Warnings warnings;
    return to_tikz(scene, options, warnings);
}

}  // namespace

BOOST_AUTO_TEST_SUITE(latex_text_escaping)

BOOST_AUTO_TEST_CASE(every_special_character_has_a_fixed_printing_form) {
    BOOST_TEST(emit::latex_text("a\\b") == "a\\textbackslash{}b");
    BOOST_TEST(emit::latex_text("{x}") == "\\{x\\}");
    BOOST_TEST(emit::latex_text("#$%&_") == "\\#\\$\\%\\&\\_");
    BOOST_TEST(emit::latex_text("~^") == "\\textasciitilde{}\\textasciicircum{}");
    BOOST_TEST(emit::latex_text("<|>\"") ==
               "\\textless{}\\textbar{}\\textgreater{}\\textquotedbl{}");
    BOOST_TEST(emit::latex_text("a  b") == "a\\ \\ b");
}

BOOST_AUTO_TEST_CASE(hostile_text_cannot_run_anything) {
    const std::string hostile =
        "\\input{/etc/hostname}^^5cinput}{%\\catcode`\\{=12 \\immediate\\write18{touch x}";
    const std::string out = emit::latex_text(hostile);
    BOOST_TEST(out.find("\\input") == std::string::npos);
    BOOST_TEST(out.find("\\catcode") == std::string::npos);
    BOOST_TEST(out.find("\\write18") == std::string::npos);
    BOOST_TEST(out.find("^^") == std::string::npos);
    BOOST_TEST(out.find('%') == out.find("\\%") + 1);
    BOOST_TEST(brace_balance(out) == 0);
}

BOOST_AUTO_TEST_CASE(ligatures_are_kept_apart_and_utf8_passes) {
    BOOST_TEST(emit::latex_text("a--b") == "a-{}-b");
    BOOST_TEST(emit::latex_text("``x''") == "`{}`x'{}'");
    BOOST_TEST(emit::latex_text("größe") == "größe");
    BOOST_TEST(emit::latex_text("a\x01z") == "az");          // control characters dropped
    BOOST_TEST(emit::latex_text("\xff") == "\xef\xbf\xbd");  // invalid UTF-8 → U+FFFD
}

BOOST_AUTO_TEST_CASE(only_plain_file_names_go_to_includegraphics) {
    BOOST_TEST(emit::latex_safe_path("images/logo-1.png"));
    BOOST_TEST(!emit::latex_safe_path("a b.png"));
    BOOST_TEST(!emit::latex_safe_path("x}{\\input{y}.png"));
    BOOST_TEST(!emit::latex_safe_path(""));
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE(tikz_picture)

BOOST_AUTO_TEST_CASE(faces_lines_and_text_become_tikz_commands_in_bp) {
    const Scene scene = two_layer_scene();
    const std::string out = tikz(scene);
    BOOST_TEST(out.find("\\begin{pgfpicture}") != std::string::npos);
    BOOST_TEST(out.find("\\documentclass") == std::string::npos);
    // Canvas 140 x 130 px = 105 x 97.5 bp.
    BOOST_TEST(out.find("{\\pgfqpoint{105\\strataunit}{97.5\\strataunit}}\\pgfusepath{use as "
                        "bounding box}") != std::string::npos);
    // Each box has 3 faces (fill and outline) and 3 hidden edges; the funnel 4 lines.
    BOOST_TEST(count_of(out, "\\pgfusepathqfillstroke") == 6u);
    BOOST_TEST(count_of(out, "\\pgfusepathqstroke\n") == 6u + 4u);
    BOOST_TEST(count_of(out, "\\pgfusepathqfill\n") == 1u);  // the background
    // The first box's front face: (10,20) px is (7.5, (130-20)·0.75) = (7.5,82.5) bp.
    BOOST_TEST(out.find("\\stM 7.5 82.5 \\stL 37.5 82.5 \\stL 37.5 22.5 \\stL 7.5 22.5 "
                        "\\pgfpathclose\\pgfusepathqfillstroke") != std::string::npos);
    // Captions are nodes centred on their measured advance, at the measured size in TeX pt.
    BOOST_TEST(out.find("\\stT 22.5 7.5 {base}{\\fontsize{9.034}{10.84}\\selectfont\\color{"
                        "strataC2}block1\\_conv1}") != std::string::npos);
    BOOST_TEST(brace_balance(out) == 0);
}

// A text node takes the anchor of its run, not a guess from the role of its group.
BOOST_AUTO_TEST_CASE(text_nodes_take_the_anchor_of_their_run) {
    Scene scene = two_layer_scene();
    auto& caption = std::get<TextRun>(scene.groups[3].items[0]);  // 40 px from x = 10 px
    caption.anchor = TextAnchor::start;
    BOOST_TEST(tikz(scene).find("\\stT 7.5 7.5 {base,left}{") != std::string::npos);
    caption.anchor = TextAnchor::end;
    BOOST_TEST(tikz(scene).find("\\stT 37.5 7.5 {base,right}{") != std::string::npos);
    scene.groups[3].role = Role::legend;
    caption.anchor = TextAnchor::middle;
    BOOST_TEST(tikz(scene).find("\\stT 22.5 7.5 {base}{") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(each_colour_is_defined_once) {
    const std::string out = tikz(two_layer_scene());
    BOOST_TEST(count_of(out, "\\definecolor{") == count_of(out, "{RGB}"));
    BOOST_TEST(count_of(out, "{RGB}{0,0,0}") == 1u);
    BOOST_TEST(count_of(out, "{RGB}{255,209,102}") == 1u);
}

BOOST_AUTO_TEST_CASE(the_same_scene_gives_the_same_bytes) {
    BOOST_TEST(tikz(two_layer_scene()) == tikz(two_layer_scene()));
}

BOOST_AUTO_TEST_CASE(scale_multiplies_geometry_and_text_but_keeps_lines_visible) {
    TikzOptions options;
    options.scale = 0.1;
    const std::string out = tikz(two_layer_scene(), options);
    BOOST_TEST(out.find("{\\pgfqpoint{10.5\\strataunit}{9.75\\strataunit}}") != std::string::npos);
    BOOST_TEST(out.find("\\fontsize{0.903}") != std::string::npos);
    BOOST_TEST(out.find("\\pgfsetlinewidth{0.3bp}") != std::string::npos);  // 0.075 bp would vanish
}

BOOST_AUTO_TEST_CASE(standalone_is_a_whole_document) {
    TikzOptions options;
    options.standalone = true;
    const std::string out = tikz(two_layer_scene(), options);
    BOOST_TEST(out.rfind("\\documentclass[border=0pt]{standalone}", 0) == 0);
    BOOST_TEST(out.find("\\begin{document}") != std::string::npos);
    BOOST_TEST(out.find("\\end{document}") != std::string::npos);
    // The scene's text is DejaVu Sans: lualatex and xelatex are told so.
    BOOST_TEST(out.find("\\setmainfont{DejaVu Sans}") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(hostile_captions_are_escaped_in_the_picture) {
    Scene scene = two_layer_scene();
    scene.groups.push_back(caption_group("c", "\\input{/etc/hostname}}{%", 5, 5));
    const std::string out = tikz(scene);
    BOOST_TEST(out.find("\\input{") == std::string::npos);
    BOOST_TEST(out.find("\\textbackslash{}input\\{/etc/hostname\\}\\}\\{\\%}\n") !=
               std::string::npos);
    BOOST_TEST(brace_balance(out) == 0);
}

BOOST_AUTO_TEST_CASE(a_picture_too_large_for_tex_is_an_error) {
    Scene scene = two_layer_scene();
    scene.width = 30000;
    Warnings warnings;
    BOOST_CHECK_THROW(to_tikz(scene, {}, warnings), Error);
    TikzOptions options;
    options.scale = 0.5;
    BOOST_CHECK_NO_THROW(to_tikz(scene, options, warnings));
}

BOOST_AUTO_TEST_CASE(pictures_tex_cannot_show_are_left_out_with_a_warning) {
    Scene scene = two_layer_scene();
    Group logos;
    logos.id = "l";
    logos.label = "logo on block1_pool";
    logos.role = Role::logo;
    const auto image = [](const char* file, const char* mime, Affine where) {
        Image i;
        i.name = "logo";
        i.file = file;
        i.mime_type = mime;
        i.width = i.height = 10;
        i.transform = where;
        return i;
    };
    logos.items.push_back(image("logo.svg", "image/svg+xml", {}));
    logos.items.push_back(image("my logo.png", "image/png", {}));
    logos.items.push_back(image("logo.png", "image/png", {1, 0, 0, 1, 20, 30}));
    scene.groups.push_back(logos);
    Warnings warnings;
    const std::string out = to_tikz(scene, {}, warnings);
    BOOST_TEST(warnings.size() == 2u);
    BOOST_TEST(count_of(out, "\\includegraphics") == 1u);
    // Image pixel box 0..10 moved by (20,30) px: its lower-left corner (20,40) px is
    // (15, (130-40)·0.75) = (15,67.5) bp.
    BOOST_TEST(
        out.find("\\pgftransformcm{1}{0}{0}{1}{\\pgfqpoint{15\\strataunit}{67.5\\strataunit}}"
                 "\\pgftext[left,bottom]{\\copy\\stPa}") != std::string::npos);
    BOOST_TEST(out.find("\\csname newbox\\endcsname\\stPa\\setbox\\stPa\\hbox{\\includegraphics["
                        "width=7.5\\strataunit,height=7.5\\strataunit]{logo.png}}") !=
               std::string::npos);
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE(reveal)

BOOST_AUTO_TEST_CASE(each_layer_brings_its_funnel_and_caption) {
    Scene scene = two_layer_scene();
    scene.groups[1].label = "funnel into block1_pool";
    scene.groups[3].label = "caption of block1_conv1";
    scene.groups[4].label = "caption of block1_pool";
    Group legend;
    legend.id = legend.label = "legend";
    legend.role = Role::legend;
    scene.groups.push_back(legend);
    const std::vector<int> steps = emit::reveal_steps(scene);
    BOOST_TEST(steps == (std::vector<int>{1, 2, 2, 1, 2, 0}), boost::test_tools::per_element());

    TikzOptions options;
    options.reveal = true;
    const std::string out = tikz(scene, options);
    BOOST_TEST(count_of(out, "\\strataStep{1}{") == 2u);
    BOOST_TEST(count_of(out, "\\strataStep{2}{") == 3u);
    BOOST_TEST(out.find("\\providecommand\\strataStep[2]") != std::string::npos);

    const std::vector<Scene> frames = reveal_frames(scene);
    BOOST_REQUIRE(frames.size() == 2u);
    BOOST_TEST(frames[0].groups.size() == 3u);  // box 1, its caption, the legend
    BOOST_TEST(frames[1].groups.size() == 6u);
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE(latex_layout)

BOOST_AUTO_TEST_CASE(text_is_measured_in_latin_modern_at_the_optical_size_latex_loads) {
    const Options nine = latex_defaults(Options{}, {.font_pt = 9});
    BOOST_TEST(nine.font == "LM Roman 9");
    BOOST_TEST(nine.font_size == 9 * 96 / 72.27, boost::test_tools::tolerance(1e-9));
    BOOST_TEST(latex_defaults(Options{}, {.font_pt = 10.95}).font == "LM Roman 10");
    BOOST_TEST(latex_defaults(Options{}, {.font_pt = 12}).font == "LM Roman 12");
    BOOST_TEST(latex_defaults(Options{}, {.font_pt = 12, .sans = true}).font == "LM Sans 12");
    BOOST_CHECK_THROW(latex_defaults(Options{}, {.font_pt = 0}), Error);
}

// The font file of the title of group `index` in a scene laid out with `options`.
std::string title_font_file(const Options& options, std::size_t index) {
    Warnings warnings;
    const Scene scene = layout_layered(reference_model(), options, warnings);
    std::vector<std::string> families;
    for (const Group& group : scene.groups) {
        if (group.role == Role::group_title)
            families.push_back(std::get<TextRun>(group.items.front()).font_file);
    }
    return families.at(index);
}

BOOST_AUTO_TEST_CASE(group_titles_in_latin_modern_get_their_own_optical_size) {
    Options options = latex_defaults(Options{}, {.font_pt = 10});
    options.layered_groups.resize(2);
    options.layered_groups[0].name = "big";
    options.layered_groups[0].layers = {"conv"};
    options.layered_groups[0].font_size = 20;  // px: 15.06 pt, LaTeX loads the 17 pt design
    options.layered_groups[1].name = "own";
    options.layered_groups[1].layers = {"dense"};
    options.layered_groups[1].font = "DejaVu Sans";
    BOOST_TEST(title_font_file(options, 0).find("lmroman17") != std::string::npos);
    BOOST_TEST(title_font_file(options, 1).find("DejaVuSans") != std::string::npos);
    BOOST_TEST(layout::latin_modern_at_size("LM Roman 10", 20) == "LM Roman 17");
    BOOST_TEST(layout::latin_modern_at_size("LM Sans 10", 10) == "LM Sans 8");
    BOOST_TEST(layout::latin_modern_at_size("DejaVu Sans", 20) == "DejaVu Sans");
}

// Text the fitting shrinks to 6 pt is set by LaTeX in lmr6, wider than lmr10 scaled down: it
// is measured in that design, or its captions overlap on the page.
BOOST_AUTO_TEST_CASE(text_shrunk_by_the_fitting_is_measured_in_the_design_latex_loads_for_it) {
    Warnings loading;
    const Model model = load_model(
        std::string(STRATA_CORPUS_DIR) + "/keras/tfjs_conv1d_multibranch_sqli.json", loading);
    Options options = latex_defaults(Options{}, {.font_pt = 10});
    options.text_callable = strata::TextCallable::name;
    options.legend = true;
    options.width = "241pt";
    Warnings warnings;
    const FittedScene fitted = layout_for_latex(model, options, warnings);
    std::size_t runs = 0;
    for (const Group& group : fitted.scene.groups) {
        for (const Primitive& item : group.items) {
            const auto* run = std::get_if<TextRun>(&item);
            if (!run || run->text.empty()) continue;
            ++runs;
            const double pt = run->font_size * fitted.scale * layout::kTexPtPerPx;
            const std::string design = std::to_string(layout::latin_modern_design_size(pt, false));
            BOOST_TEST_CONTEXT(run->text << " at " << pt << " pt in " << run->font_file) {
                BOOST_TEST(run->font_file.find("lmroman" + design + "-") != std::string::npos);
            }
        }
    }
    BOOST_TEST(runs > 20u);
}

BOOST_AUTO_TEST_CASE(the_figure_meets_the_width_and_its_text_keeps_the_document_size) {
    Options options = latex_defaults(Options{}, {.font_pt = 10});
    options.text_callable = strata::TextCallable::name;
    const double width_px = 300 * 96 / 72.27;  // 300 pt
    Warnings warnings;
    const auto [scene, scale] = layout_to_width(reference_model(), options, width_px, warnings);
    BOOST_TEST(warnings.empty());
    BOOST_TEST(scene.width * scale == width_px, boost::test_tools::tolerance(1e-4));
    bool any_text = false;
    for (const Group& group : scene.groups) {
        for (const Primitive& item : group.items) {
            if (const auto* run = std::get_if<TextRun>(&item)) {
                any_text = true;
                BOOST_TEST(run->font_size * scale * 72.27 / 96 == 10.0,
                           boost::test_tools::tolerance(1e-9));
                BOOST_TEST(run->font_family == "Latin Modern Roman");
            }
        }
    }
    BOOST_TEST(any_text);
    TikzOptions tikz_options;
    tikz_options.scale = scale;
    const std::string out = tikz(scene, tikz_options);
    BOOST_TEST(out.find("\\fontsize{10}{12}") != std::string::npos);
}

// A U-Net with a legend in one column of a two-column paper: every box size that fits the
// column leaves its last layers alone in a second row, so it is laid out a little wider in one
// row and its geometry, never its text, is scaled to the column.
BOOST_AUTO_TEST_CASE(a_unet_in_a_narrow_column_stays_one_row_scaled_to_the_width) {
    Warnings warnings;
    const Model model =
        load_model(std::string(STRATA_CORPUS_DIR) + "/generated/unet.json", warnings);
    Options options = latex_defaults(Options{}, {.font_pt = 8});
    options.legend = true;
    options.width = "229.5pt";
    options.level = Level::layer;  // level auto draws its blocks, smaller than the column
    const auto [scene, scale] = layout_for_latex(model, options, warnings);
    std::size_t returns = 0, texts = 0;
    for (const Group& group : scene.groups) {
        returns += group.label.rfind("next row", 0) == 0;
        for (const Primitive& item : group.items) {
            if (const auto* run = std::get_if<TextRun>(&item)) {
                ++texts;
                BOOST_TEST(run->font_size * scale * 72.27 / 96 == 8.0,
                           boost::test_tools::tolerance(1e-9));
            }
        }
    }
    BOOST_TEST(returns == 0u);
    BOOST_TEST(texts > 0u);
    BOOST_TEST(scene.width * scale == 229.5 * 96 / 72.27, boost::test_tools::tolerance(1e-9));
}

BOOST_AUTO_TEST_CASE(text_wider_than_the_width_is_a_warning) {
    Options options = latex_defaults(Options{}, {.font_pt = 10});
    options.caption = "a very long caption under every single layer";
    Warnings warnings;
    const auto [scene, scale] = layout_to_width(reference_model(), options, 100, warnings);
    BOOST_REQUIRE(!warnings.empty());
    BOOST_TEST(warnings.back().message.find("wider than the width") != std::string::npos);
    BOOST_TEST(scene.width * scale > 100);
}

BOOST_AUTO_TEST_SUITE_END()
