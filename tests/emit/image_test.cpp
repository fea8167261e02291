// The image primitive in SVG (data URI or link, matrix, clip path) and PNG (the pixels).

#include <boost/archive/iterators/binary_from_base64.hpp>
#include <boost/archive/iterators/transform_width.hpp>
#include <boost/test/unit_test.hpp>

#include <algorithm>

#include <pugixml.hpp>

#include "layout/picture_files.hpp"
#include "raster/raster_support.hpp"
#include "strata/render.hpp"

using namespace strata;

namespace {

std::string decode_base64(std::string text) {
    using namespace boost::archive::iterators;
    using Decoder = transform_width<binary_from_base64<std::string::const_iterator>, 8, 6>;
    const std::size_t padding = text.size() - text.find_last_not_of('=') - 1;
    std::replace(text.begin(), text.end(), '=', 'A');
    std::string bytes(Decoder(text.begin()), Decoder(text.end()));
    bytes.resize(bytes.size() - padding);
    return bytes;
}

Scene scene_with(Image image) {
    Scene s;
    s.width = 40;
    s.height = 30;
    s.background = Rgba{255, 255, 255, 255};
    Group g;
    g.id = "conv-image";
    g.role = Role::image;
    g.items.push_back(std::move(image));
    s.groups.push_back(std::move(g));
    return s;
}

Image red_square(const test::TempDir& dir) {
    test::write_png(dir.file("red.png"), 4, 4, 1, 0, 0);
    Image image;
    image.file = dir.file("red.png");
    image.mime_type = "image/png";
    image.data = test::read_bytes(image.file);
    image.width = 4;
    image.height = 4;
    image.transform = Affine{2.5, 0, 0, 2.5, 10, 5};  // the canvas square (10,5)-(20,15)
    return image;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(image_primitive)

BOOST_AUTO_TEST_CASE(svg_embeds_the_file_as_a_data_uri) {
    for (std::string bytes : {"", "a", "ab", "abc", "abcd", "\xFF\x00\x80 binary"}) {
        Image image;
        image.mime_type = "image/png";
        image.data = bytes;
        image.width = image.height = 1;
        pugi::xml_document doc;
        BOOST_REQUIRE(doc.load_string(to_svg(scene_with(image)).c_str()));
        const std::string href = doc.select_node("//image").node().attribute("href").as_string();
        const std::string prefix = "data:image/png;base64,";
        BOOST_REQUIRE(href.rfind(prefix, 0) == 0);
        BOOST_TEST(decode_base64(href.substr(prefix.size())) == bytes);
    }
    test::TempDir dir;
    const Image red = red_square(dir);
    pugi::xml_document doc;
    BOOST_REQUIRE(doc.load_string(to_svg(scene_with(red)).c_str()));
    // The picture is defined once and placed by a <use> in the layer's group.
    const pugi::xml_node image = doc.select_node("/svg/defs/image").node();
    const pugi::xml_node use = doc.select_node("//g[@id='conv-image']/use").node();
    BOOST_TEST(use.attribute("transform").as_string() == std::string("matrix(2.5 0 0 2.5 10 5)"));
    BOOST_TEST(use.attribute("id").as_string() == std::string("conv-image-image"));
    BOOST_TEST(use.attribute("xlink:href").as_string() == std::string("#picture-1"));
    BOOST_TEST(image.attribute("id").as_string() == std::string("picture-1"));
    BOOST_TEST(image.attribute("preserveAspectRatio").as_string() == std::string("none"));
    BOOST_TEST(image.attribute("width").as_double() == 4);
    BOOST_TEST(decode_base64(std::string(image.attribute("href").as_string()).substr(22)) ==
               test::read_bytes(red.file));
}

BOOST_AUTO_TEST_CASE(svg_links_and_clips) {
    test::TempDir dir;
    Image image = red_square(dir);
    image.linked = true;
    image.clip = {{10, 5}, {15, 5}, {15, 15}, {10, 15}};
    pugi::xml_document doc;
    BOOST_REQUIRE(doc.load_string(to_svg(scene_with(image)).c_str()));
    const pugi::xml_node node = doc.select_node("//image").node();
    BOOST_TEST(node.attribute("href").as_string() == image.file);
    const pugi::xml_node clip = doc.select_node("//clipPath").node();
    BOOST_REQUIRE(clip);
    BOOST_TEST(clip.attribute("id").as_string() == std::string("conv-image-image-clip"));
    BOOST_TEST(clip.child("path").attribute("d").as_string() ==
               std::string("M 10 5 L 15 5 L 15 15 L 10 15 Z"));
    BOOST_TEST(doc.select_node("//use").node().parent().attribute("clip-path").as_string() ==
               std::string("url(#conv-image-image-clip)"));
}

BOOST_AUTO_TEST_CASE(png_shows_the_pixels_mapped_and_clipped,
                     *boost::unit_test::enable_if<(STRATA_WITH_CAIRO)>()) {
    test::TempDir dir;
    Image image = red_square(dir);
    image.clip = {{10, 5}, {15, 5}, {15, 15}, {10, 15}};
    const test::Surface png = test::decode_png(to_png(scene_with(image)));
    BOOST_TEST(test::pixel(png, 12, 10) == 0xFFFF0000u);  // inside image and clip: red
    BOOST_TEST(test::pixel(png, 18, 10) == 0xFFFFFFFFu);  // clipped away: background
    BOOST_TEST(test::pixel(png, 25, 10) == 0xFFFFFFFFu);  // outside the image
    // Linked images are still painted from their bytes; JPEG bytes are not drawn.
    image.clip.clear();
    image.linked = true;
    BOOST_TEST(test::pixel(test::decode_png(to_png(scene_with(image))), 18, 10) == 0xFFFF0000u);
    image.mime_type = "image/jpeg";
    image.data = test::jpeg_header(4, 4);
    BOOST_TEST(test::pixel(test::decode_png(to_png(scene_with(image))), 18, 10) == 0xFFFFFFFFu);
}

BOOST_AUTO_TEST_CASE(png_and_pdf_warn_for_every_picture_they_leave_out,
                     *boost::unit_test::enable_if<(STRATA_WITH_CAIRO)>()) {
    test::TempDir dir;
    Scene scene = scene_with(red_square(dir));
    scene.groups[0].label = "image on conv";
    Image jpeg = red_square(dir);
    jpeg.file = "photo.jpg";
    jpeg.mime_type = "image/jpeg";
    jpeg.data = test::jpeg_header(4, 4);
    Image svg = jpeg;
    svg.file = "logo.svg";
    svg.mime_type = "image/svg+xml";
    svg.data = "<svg xmlns='http://www.w3.org/2000/svg' width='4' height='4'/>";
    Group logo;
    logo.label = "logo on dense";
    logo.role = Role::logo;
    logo.items = {jpeg, svg};
    scene.groups.push_back(logo);
    for (const char* output : {"PNG", "PDF"}) {
        Warnings warnings;
        if (output == std::string("PNG"))
            to_png(scene, {}, warnings);
        else
            to_pdf(scene, warnings);
        BOOST_TEST_INFO(output);
        BOOST_REQUIRE(warnings.size() == 2u);  // the PNG picture is drawn
        BOOST_TEST(warnings[0].where == output);
        BOOST_TEST(warnings[0].message.find("the picture photo.jpg (logo on dense) is left out") ==
                   0u);
        BOOST_TEST(warnings[0].message.find("a JPEG picture") != std::string::npos);
        BOOST_TEST(warnings[1].message.find("the picture logo.svg (logo on dense) is left out") ==
                   0u);
    }
}

BOOST_AUTO_TEST_SUITE_END()
