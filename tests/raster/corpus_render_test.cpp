#include <boost/test/unit_test.hpp>

#include <algorithm>
#include <cmath>
#include <string>
#include <vector>

#include "raster/raster_support.hpp"
#include "strata/error.hpp"
#include "strata/render.hpp"

using namespace strata;
using namespace strata::test;

namespace {

std::vector<fs::path> corpus_models() {
    std::vector<fs::path> models;
    for (const char* folder : {"keras", "generated"}) {
        for (const auto& entry : fs::directory_iterator(fs::path(STRATA_CORPUS_DIR) / folder)) {
            const std::string name = entry.path().filename().string();
            if (entry.path().extension() == ".json" && name.find(".shapes.") == std::string::npos)
                models.push_back(entry.path());
        }
    }
    std::sort(models.begin(), models.end());
    return models;
}

// Pixels that differ from the top-left one (the background): something was drawn.
int drawn_pixels(const Surface& image) {
    const std::uint32_t background = pixel(image, 0, 0);
    int count = 0;
    for (int y = 0; y < height_of(image); ++y)
        for (int x = 0; x < width_of(image); ++x) count += pixel(image, x, y) != background;
    return count;
}

Scene wide_scene(double width) {
    Scene scene;
    scene.width = width;
    scene.height = 50;
    scene.background = Rgba{255, 255, 255, 255};
    Group group;
    group.id = "bar";
    group.items.push_back(Polygon{
        "front", {{0, 10}, {width, 10}, {width, 40}, {0, 40}}, Rgba{0, 0, 255, 255}, {}, 1});
    scene.groups.push_back(group);
    return scene;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(corpus_rendering)

// Every model of the corpus becomes a PNG within the size limits and a one-page PDF no
// larger than a PDF page may be.
BOOST_AUTO_TEST_CASE(every_corpus_model_renders_to_png_and_pdf) {
    const std::vector<fs::path> models = corpus_models();
    BOOST_TEST_REQUIRE(models.size() >= 60u);
    const bool poppler = strata_test::needs_tool(strata_test::kRasterTools, "pdfinfo");
    ScratchDir scratch("corpus");
    for (const fs::path& model_path : models) {
        BOOST_TEST_CONTEXT(model_path.filename().string()) {
            Warnings warnings;
            const Model model = load_model(model_path.string(), warnings);
            const Scene scene = layout_layered(model, Options{}, warnings);

            const RasterOptions raster = fit_raster(scene, RasterOptions{}, warnings);
            const double scale = raster.dpi / 96 * raster.scale;
            const Surface image = decode_png(to_png(scene, raster));
            BOOST_TEST_REQUIRE(image != nullptr);
            BOOST_TEST(width_of(image) == static_cast<int>(std::ceil(scene.width * scale)));
            BOOST_TEST(height_of(image) == static_cast<int>(std::ceil(scene.height * scale)));
            BOOST_TEST(width_of(image) <= limits::kMaxRasterSide);
            BOOST_TEST(height_of(image) <= limits::kMaxRasterSide);
            BOOST_TEST(drawn_pixels(image) > 0);

            const std::string pdf = to_pdf(scene, warnings);
            BOOST_TEST(pdf.rfind("%PDF-", 0) == 0u);
            if (poppler) {
                const fs::path file = scratch.path / "model.pdf";
                write_file(file, pdf);
                const std::string info = output_of("pdfinfo " + quoted(file));
                int pages = 0;
                const auto pages_at = info.find("Pages:");
                BOOST_TEST_REQUIRE(pages_at != std::string::npos);
                std::sscanf(info.c_str() + pages_at, "Pages: %d", &pages);
                BOOST_TEST(pages == 1);
                double page_width = 0, page_height = 0;
                const auto at = info.find("Page size:");
                BOOST_TEST_REQUIRE(at != std::string::npos);
                std::sscanf(info.c_str() + at, "Page size: %lf x %lf", &page_width, &page_height);
                BOOST_TEST(page_width <= limits::kMaxPdfPageSidePoints + 0.5);
                BOOST_TEST(page_height <= limits::kMaxPdfPageSidePoints + 0.5);
            }
        }
    }
}

BOOST_AUTO_TEST_CASE(an_image_too_large_is_drawn_at_the_largest_resolution_that_fits) {
    const Scene scene = wide_scene(100000);
    Warnings warnings;
    const RasterOptions fitted = fit_raster(scene, RasterOptions{.dpi = 192, .scale = 1}, warnings);
    BOOST_TEST_REQUIRE(warnings.size() == 1u);
    BOOST_TEST(warnings[0].message.find("100000") == std::string::npos);  // 200000 at 192 dpi
    BOOST_TEST(warnings[0].message.find("200000 x 100") != std::string::npos);
    const Surface image = decode_png(to_png(scene, fitted));
    BOOST_TEST_REQUIRE(image != nullptr);
    BOOST_TEST(width_of(image) <= limits::kMaxRasterSide);
    BOOST_TEST(width_of(image) >= limits::kMaxRasterSide - 40);  // as large as allowed, nearly
}

BOOST_AUTO_TEST_CASE(an_image_that_fits_keeps_the_requested_resolution) {
    const Scene scene = wide_scene(1000);
    Warnings warnings;
    const RasterOptions fitted = fit_raster(scene, RasterOptions{.dpi = 300, .scale = 2}, warnings);
    BOOST_TEST(warnings.empty());
    BOOST_TEST(fitted.dpi == 300);
    BOOST_TEST(fitted.scale == 2);
}

// Fitting never goes below 1 dpi (a warning would call it "0 dpi"): a figure that would need
// less is an error that says so; at exactly 1 dpi it is drawn.
BOOST_AUTO_TEST_CASE(a_figure_that_fits_only_below_1_dpi_is_an_error) {
    Warnings warnings;
    const Scene at_one_dpi = wide_scene(limits::kMaxRasterSide * 96.0 * 0.99);
    const RasterOptions fitted =
        fit_raster(at_one_dpi, RasterOptions{.dpi = 96, .scale = 1}, warnings);
    BOOST_TEST(fitted.dpi * fitted.scale >= 1);
    BOOST_TEST_REQUIRE(warnings.size() == 1u);
    BOOST_TEST(warnings[0].message.find(" 0 dpi") == std::string::npos, warnings[0].message);
    const Scene too_wide = wide_scene(limits::kMaxRasterSide * 96.0 * 1.01);
    try {
        fit_raster(too_wide, RasterOptions{.dpi = 96, .scale = 1}, warnings);
        BOOST_ERROR("no error for a figure that fits only below 1 dpi");
    } catch (const strata::Error& e) {
        BOOST_TEST(e.message().find("even at 1 dpi") != std::string::npos, e.message());
    }
    BOOST_CHECK_THROW(to_png(wide_scene(100), RasterOptions{.dpi = 0.5, .scale = 1}),
                      strata::Error);
}

BOOST_AUTO_TEST_CASE(a_figure_longer_than_a_pdf_page_is_scaled_to_fit) {
    const Scene scene = wide_scene(40000);  // 30 000 pt
    Warnings warnings;
    const std::string pdf = to_pdf(scene, warnings);
    BOOST_TEST_REQUIRE(warnings.size() == 1u);
    BOOST_TEST(warnings[0].where.empty());
    if (!strata_test::needs_tool(strata_test::kRasterTools, "pdfinfo")) return;
    ScratchDir scratch("long");
    write_file(scratch.path / "long.pdf", pdf);
    const std::string info = output_of("pdfinfo " + quoted(scratch.path / "long.pdf"));
    BOOST_TEST(info.find("Page size:       14400 x 18") != std::string::npos);
}

BOOST_AUTO_TEST_SUITE_END()
