#include <boost/test/unit_test.hpp>

#include <string>

#include "raster/raster_support.hpp"
#include "strata/emit.hpp"
#include "strata/error.hpp"
#include "strata/write.hpp"

using namespace strata;
using namespace strata::test;

namespace {

// A 40000 x 20 scene: wider than a PNG may be at 96 dpi.
Scene wide_scene() {
    Scene scene;
    scene.width = 40000;
    scene.height = 20;
    scene.background = Rgba{255, 255, 255, 255};
    Group group;
    group.id = "bar";
    group.items.push_back(
        Polygon{"bar", {{10, 5}, {39990, 5}, {39990, 15}, {10, 15}}, Rgba{255, 0, 0, 255}, {}, 1});
    scene.groups.push_back(group);
    return scene;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(write_scene_formats)

BOOST_AUTO_TEST_CASE(a_file_name_names_its_format_by_its_extension_in_any_case) {
    BOOST_TEST((output_format_of_file("a/fig.svg") == OutputFormat::svg));
    BOOST_TEST((output_format_of_file("fig.JSON") == OutputFormat::scene_json));
    BOOST_TEST((output_format_of_file("fig.Png") == OutputFormat::png));
    BOOST_TEST((output_format_of_file("fig.pdf") == OutputFormat::pdf));
    BOOST_TEST((output_format_of_file("fig.tar.tex") == OutputFormat::tex));
    BOOST_TEST(!output_format_of_file("fig").has_value());
    BOOST_TEST(!output_format_of_file("fig.bmp").has_value());
    BOOST_TEST(!output_format_of_file("out.svg/fig").has_value());  // a folder's dot
    BOOST_TEST(!output_format_of_file("fig.").has_value());
}

BOOST_AUTO_TEST_CASE(a_format_is_named_exactly) {
    BOOST_TEST((output_format_named("json") == OutputFormat::scene_json));
    BOOST_TEST((output_format_named("tex") == OutputFormat::tex));
    BOOST_TEST(!output_format_named("SVG").has_value());
    BOOST_TEST(!output_format_named("scene_json").has_value());
}

BOOST_AUTO_TEST_CASE(each_format_is_its_emitters_output) {
    Scene scene = wide_scene();
    scene.width = 400;
    WriteOptions options;
    options.svg.exact_face_colors = true;
    options.tikz.scale = 0.5;
    Warnings warnings, expected_warnings;
    BOOST_TEST(write_scene(scene, OutputFormat::svg, options, warnings) ==
               to_svg(scene, options.svg));
    BOOST_TEST(write_scene(scene, OutputFormat::scene_json, options, warnings) ==
               to_scene_json(scene));
    BOOST_TEST(write_scene(scene, OutputFormat::pdf, options, warnings) == to_pdf(scene));
    BOOST_TEST(write_scene(scene, OutputFormat::tex, options, warnings) ==
               to_tikz(scene, options.tikz, expected_warnings));
    options.raster = RasterOptions{48, 2};
    BOOST_TEST(write_scene(scene, OutputFormat::png, options, warnings) ==
               to_png(scene, RasterOptions{96, 1}));
    BOOST_TEST(warnings.empty());
}

// A PNG at a resolution nobody asked for fits the limits, with a warning; one asked for is
// kept, and refused when too large.
BOOST_AUTO_TEST_CASE(a_png_is_fitted_only_when_asked_to) {
    const Scene scene = wide_scene();
    WriteOptions options;
    Warnings warnings;
    const std::string png = write_scene(scene, OutputFormat::png, options, warnings);
    BOOST_TEST_REQUIRE(warnings.size() == 1u);
    BOOST_TEST(warnings[0].message.find("more than PNG readers accept") != std::string::npos);
    BOOST_TEST(cairo_image_surface_get_width(decode_png(png).get()) <= 32767);
    options.fit_raster = false;
    BOOST_CHECK_THROW(write_scene(scene, OutputFormat::png, options, warnings), Error);
}

BOOST_AUTO_TEST_SUITE_END()
