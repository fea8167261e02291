#include <boost/test/unit_test.hpp>

#include <string>

#include "layout/reference_model.hpp"
#include "raster/raster_support.hpp"
#include "strata/render.hpp"

using namespace strata;
using namespace strata::test;

namespace {

Scene captioned_reference_scene() {
    Options options;
    options.text_callable = strata::TextCallable::name_shape;
    Warnings warnings;
    return layout_layered(reference_model(), options, warnings);
}

// poppler-utils read the PDF back; without them those checks fail, unless switched off.
bool poppler_missing() {
    for (const char* program : {"pdftotext", "pdfinfo", "pdffonts", "pdftoppm"}) {
        if (!strata_test::needs_tool(strata_test::kRasterTools, program)) return true;
    }
    return false;
}

std::string without_blanks(const std::string& text) {
    std::string out;
    for (char c : text) {
        if (c != ' ' && c != '\n' && c != '\f') out += c;
    }
    return out;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(pdf_output)

BOOST_AUTO_TEST_CASE(the_same_scene_gives_the_same_bytes) {
    const Scene scene = captioned_reference_scene();
    const std::string first = to_pdf(scene);
    BOOST_TEST(first.rfind("%PDF-", 0) == 0);
    BOOST_TEST(to_pdf(scene) == first);
    // No clock in the file: cairo would stamp today's date.
    BOOST_TEST(first.find("/CreationDate (20000101000000") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(captions_are_text_and_fonts_are_embedded_subsets) {
    if (poppler_missing()) return;
    const Scene scene = captioned_reference_scene();
    ScratchDir scratch("pdf-text");
    const fs::path pdf = scratch.path / "figure.pdf";
    write_file(pdf, to_pdf(scene));

    const std::string text = without_blanks(output_of("pdftotext -raw " + quoted(pdf) + " -"));
    for (const char* caption : {"conv", "12\u00d712\u00d74", "pool", "6\u00d76\u00d74", "conv2",
                                "6\u00d76\u00d78", "flatten", "288", "dense", "3"})
        BOOST_TEST(text.find(caption) != std::string::npos, caption << " not in: " << text);

    const std::string fonts = output_of("pdffonts " + quoted(pdf));
    BOOST_TEST(fonts.find("+DejaVuSans") != std::string::npos, fonts);  // a subset: XXXXXX+Name
    BOOST_TEST(fonts.find(" yes yes yes ") != std::string::npos,
               fonts);  // embedded, subset, unicode
}

BOOST_AUTO_TEST_CASE(one_page_sized_to_the_figure_titled_by_the_model) {
    if (poppler_missing()) return;
    Scene scene = captioned_reference_scene();
    ScratchDir scratch("pdf-info");
    const fs::path pdf = scratch.path / "figure.pdf";
    write_file(pdf, to_pdf(scene));
    const std::string info = output_of("pdfinfo " + quoted(pdf));
    BOOST_TEST(info.find("Pages:           1\n") != std::string::npos, info);
    BOOST_TEST(info.find("Title:           reference_model\n") != std::string::npos, info);
    std::ostringstream size;
    size << "Page size:       " << scene.width * 0.75 << " x " << scene.height * 0.75 << " pts";
    BOOST_TEST(info.find(size.str()) != std::string::npos, size.str() << " not in: " << info);
}

// The vector page, rasterised by poppler, shows the same picture as the PNG writer.
BOOST_AUTO_TEST_CASE(poppler_draws_what_the_png_shows) {
    if (poppler_missing()) return;
    const Scene scene = captioned_reference_scene();
    ScratchDir scratch("pdf-raster");
    const fs::path pdf = scratch.path / "figure.pdf";
    write_file(pdf, to_pdf(scene));
    // 96 dpi: one PDF pixel per scene pixel.
    const std::string command =
        "pdftoppm -r 96 -png -singlefile " + quoted(pdf) + " " + quoted(scratch.path / "page");
    BOOST_TEST_REQUIRE(std::system(command.c_str()) == 0);
    const Surface page = decode_png(read_file(scratch.path / "page.png"));
    const Surface png = decode_png(to_png(scene));
    BOOST_TEST_REQUIRE(page != nullptr);
    BOOST_TEST_REQUIRE(width_of(page) == width_of(png));
    BOOST_TEST_REQUIRE(height_of(page) == height_of(png));
    const double difference = mean_channel_difference(page, png);
    BOOST_TEST_MESSAGE("PDF page vs PNG: mean channel difference " << difference << "/255");
    BOOST_TEST(difference <= 4.0);
}

BOOST_AUTO_TEST_SUITE_END()
