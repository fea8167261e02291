// A picture placed many times is embedded once per document: one <image> in the SVG's <defs>
// placed by <use>, one image object in the PDF, one \includegraphics in the TikZ picture.

#include <boost/test/unit_test.hpp>

#include <string>

#include <pugixml.hpp>

#include "layout/picture_files.hpp"
#include "raster/raster_support.hpp"
#include "strata/render.hpp"

using namespace strata;

namespace {

std::size_t count_of(const std::string& text, const std::string& part) {
    std::size_t n = 0;
    for (std::size_t at = text.find(part); at != std::string::npos;
         at = text.find(part, at + part.size()))
        ++n;
    return n;
}

Image placed(const PictureBytes& bytes, const std::string& file, double x) {
    Image image;
    image.name = "image";
    image.file = file;
    image.mime_type = "image/png";
    image.data = bytes;
    image.width = image.height = 4;
    image.transform = Affine{2.5, 0, 0, 2.5, x, 5};  // the square (x,5)-(x+10,15)
    return image;
}

// Three layers showing a red picture at x = 0, 20, 40, a fourth a blue one at x = 60.
Scene layers_with_pictures() {
    const PictureBytes red = test::png_bytes(4, 4, 1, 0, 0);
    const PictureBytes blue = test::png_bytes(4, 4, 0, 0, 1);
    Scene scene;
    scene.width = 80;
    scene.height = 20;
    scene.background = Rgba{255, 255, 255, 255};
    for (int i = 0; i < 4; ++i) {
        Group group;
        group.id = "layer" + std::to_string(i) + "-image";
        group.label = "image on layer" + std::to_string(i);
        group.role = Role::image;
        group.items.push_back(i < 3 ? placed(red, "red.png", 20 * i)
                                    : placed(blue, "blue.png", 60));
        scene.groups.push_back(group);
    }
    return scene;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(pictures_once_per_document)

BOOST_AUTO_TEST_CASE(svg_defines_each_picture_once_and_places_it_with_use) {
    const std::string svg = to_svg(layers_with_pictures());
    BOOST_TEST(count_of(svg, "data:image/png;base64,") == 2u);
    pugi::xml_document doc;
    BOOST_REQUIRE(doc.load_string(svg.c_str()));
    BOOST_TEST(doc.select_nodes("/svg/defs/image").size() == 2u);
    BOOST_TEST(doc.select_nodes("//image").size() == 2u);
    // Every layer keeps its own group, holding its placement.
    const char* expected[] = {"#picture-1", "#picture-1", "#picture-1", "#picture-2"};
    for (int i = 0; i < 4; ++i) {
        const std::string group = "layer" + std::to_string(i) + "-image";
        const pugi::xml_node use = doc.select_node(("//g[@id='" + group + "']/use").c_str()).node();
        BOOST_TEST(use.attribute("xlink:href").as_string() == std::string(expected[i]));
        BOOST_TEST(use.attribute("id").as_string() == group + "-image");
    }
    BOOST_TEST(doc.child("svg").attribute("xmlns:xlink").as_string() ==
               std::string("http://www.w3.org/1999/xlink"));
    BOOST_TEST(doc.select_node("//image[@id='picture-2']")
                   .node()
                   .attribute("inkscape:label")
                   .as_string() == std::string("blue.png"));
}

BOOST_AUTO_TEST_CASE(svg_without_pictures_has_no_definitions) {
    Scene scene = layers_with_pictures();
    for (Group& group : scene.groups) group.items.clear();
    const std::string svg = to_svg(scene);
    BOOST_TEST(svg.find("<defs") == std::string::npos);
    BOOST_TEST(svg.find("xmlns:xlink") == std::string::npos);
}

BOOST_AUTO_TEST_CASE(pdf_embeds_each_picture_once,
                     *boost::unit_test::enable_if<(STRATA_WITH_CAIRO)>()) {
    const std::string pdf = to_pdf(layers_with_pictures());
    BOOST_TEST(count_of(pdf, "/Subtype /Image") == 2u);
}

BOOST_AUTO_TEST_CASE(png_paints_every_placement_of_a_picture_decoded_once,
                     *boost::unit_test::enable_if<(STRATA_WITH_CAIRO)>()) {
    const test::Surface png = test::decode_png(to_png(layers_with_pictures()));
    for (int x : {5, 25, 45}) BOOST_TEST(test::pixel(png, x, 10) == 0xFFFF0000u);
    BOOST_TEST(test::pixel(png, 65, 10) == 0xFF0000FFu);
    BOOST_TEST(test::pixel(png, 15, 10) == 0xFFFFFFFFu);  // between two placements
}

BOOST_AUTO_TEST_CASE(tikz_includes_each_picture_file_once) {
    Warnings warnings;
    const std::string tex = to_tikz(layers_with_pictures(), {}, warnings);
    BOOST_TEST(count_of(tex, "\\includegraphics") == 2u);
    BOOST_TEST(count_of(tex,
                        "\\includegraphics[width=3\\strataunit,height=3\\strataunit]{"
                        "red.png}") == 1u);
    BOOST_TEST(count_of(tex, "\\pgftext[left,bottom]{\\copy\\stPa}") == 3u);
    BOOST_TEST(count_of(tex, "\\pgftext[left,bottom]{\\copy\\stPb}") == 1u);
    // Each picture is read into its box before the picture starts.
    BOOST_TEST(tex.find("\\setbox\\stPb") < tex.find("\\begin{pgfpicture}"));
}

BOOST_AUTO_TEST_SUITE_END()
