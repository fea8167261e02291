// SVG pictures keep only what draws: every kind of active content or outside reference goes,
// whatever served the picture.

#include <boost/test/unit_test.hpp>

#include <string>

#include <pugixml.hpp>

#include "layout/decorations/image_store.hpp"
#include "strata/error.hpp"
#include "strata/image_source.hpp"

using namespace strata;

namespace {

const std::string kOpen =
    "<svg xmlns='http://www.w3.org/2000/svg' xmlns:xlink='http://www.w3.org/1999/xlink' "
    "width='10' height='10'>";

std::string clean(const std::string& body) {
    return sanitize_svg_picture(kOpen + body + "</svg>", "logo.svg");
}

bool has(const std::string& text, std::string_view part) {
    return text.find(part) != std::string::npos;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(svg_picture_sanitizer)

BOOST_AUTO_TEST_CASE(drawing_content_is_kept) {
    const std::string out = clean(
        "<defs><linearGradient id='g'><stop offset='0' stop-color='red'/></linearGradient>"
        "</defs><g transform='translate(1 2)'><rect x='1' y='1' width='3' height='3' "
        "fill='url(#g)' style='stroke: blue'/><text x='1' y='9' font-size='4'>Hi "
        "&amp; bye</text></g><use xlink:href='#g'/><path d='M0 0L1 1'/>");
    pugi::xml_document doc;
    BOOST_REQUIRE(doc.load_string(out.c_str()));
    BOOST_TEST(doc.child("svg").attribute("width").as_string() == std::string("10"));
    BOOST_TEST(doc.select_node("//rect[@fill='url(#g)'][@style='stroke: blue']"));
    BOOST_TEST(doc.select_node("//stop[@stop-color='red']"));
    BOOST_TEST(doc.select_node("//text").node().text().as_string() == std::string("Hi & bye"));
    BOOST_TEST(doc.select_node("//use[@xlink:href='#g']"));
    BOOST_TEST(doc.select_node("//g[@transform='translate(1 2)']"));
}

BOOST_AUTO_TEST_CASE(scripts_and_active_elements_go) {
    const std::string out = clean(
        "<script>alert(1)</script><script xlink:href='http://evil/x.js'/>"
        "<foreignObject><body xmlns='http://www.w3.org/1999/xhtml'><iframe src='x'/></body>"
        "</foreignObject><style>@import url(http://evil/x.css);</style>"
        "<set attributeName='fill' to='red'/><animate attributeName='href' "
        "values='javascript:alert(1)'/><iframe/><rect width='1' height='1'/>");
    for (const char* gone : {"script", "alert", "foreignObject", "iframe", "style", "@import",
                             "set", "animate", "evil"})
        BOOST_TEST(!has(out, gone), gone);
    BOOST_TEST(has(out, "<rect"));
}

BOOST_AUTO_TEST_CASE(event_attributes_go) {
    const std::string out = clean(
        "<rect width='1' height='1' onclick='alert(1)' onload='alert(2)' ONMOUSEOVER='x()' "
        "fill='red'/>");
    BOOST_TEST(!has(out, "alert"));
    BOOST_TEST(!has(out, "ONMOUSEOVER"));
    BOOST_TEST(has(out, "fill=\"red\""));
    BOOST_TEST(
        !has(sanitize_svg_picture("<svg xmlns='http://www.w3.org/2000/svg' width='1' height='1' "
                                  "onload='alert(1)'/>",
                                  "x.svg"),
             "alert"));
}

BOOST_AUTO_TEST_CASE(javascript_links_keep_their_content_only) {
    const std::string out = clean(
        "<a href='javascript:alert(1)'><circle r='1'/></a>"
        "<text><a xlink:href='javascript:x()'>t</a></text>");
    BOOST_TEST(!has(out, "javascript"));
    BOOST_TEST(!has(out, "<a"));
    pugi::xml_document doc;
    BOOST_REQUIRE(doc.load_string(out.c_str()));
    BOOST_TEST(doc.select_node("/svg/g/circle"));
    BOOST_TEST(doc.select_node("/svg/text/tspan").node().text().as_string() == std::string("t"));
}

BOOST_AUTO_TEST_CASE(references_to_other_files_or_urls_go) {
    const std::string out = clean(
        "<use id='u1' xlink:href='other.svg#x'/><use id='u2' href='http://evil/a.svg#b'/>"
        "<image id='i' href='file:///etc/passwd' width='1' height='1'/>"
        "<image xlink:href='data:image/svg+xml;base64,PHN2Zy8+' width='1' height='1'/>"
        "<rect id='r1' fill='url(http://evil/#p)' width='1' height='1'/>"
        "<rect id='r2' style='fill: url( \"other.svg#p\" )' width='1' height='1'/>"
        "<rect id='r3' style='fill: u\\72l(x.svg#p)' width='1' height='1'/>"
        "<rect id='r4' mask='url(#m)' filter='url(\"#f\")' width='1' height='1'/>"
        "<filter id='f'><feImage href='http://evil/x.png'/><feGaussianBlur stdDeviation='1'/>"
        "</filter>");
    for (const char* gone : {"other.svg", "evil", "passwd", "data:", "<image", "feImage", "\\72"})
        BOOST_TEST(!has(out, gone), gone);
    pugi::xml_document doc;
    BOOST_REQUIRE(doc.load_string(out.c_str()));
    BOOST_TEST(!doc.select_node("//use[@id='u1']").node().attribute("xlink:href"));
    BOOST_TEST(!doc.select_node("//use[@id='u2']").node().attribute("href"));
    BOOST_TEST(!doc.select_node("//rect[@id='r1']").node().attribute("fill"));
    BOOST_TEST(!doc.select_node("//rect[@id='r2']").node().attribute("style"));
    BOOST_TEST(doc.select_node("//rect[@id='r4'][@mask='url(#m)'][@filter='url(\"#f\")']"));
    BOOST_TEST(doc.select_node("//filter/feGaussianBlur"));
}

BOOST_AUTO_TEST_CASE(entities_are_refused_and_a_plain_doctype_dropped) {
    const std::string entities =
        "<?xml version='1.0'?><!DOCTYPE svg [<!ENTITY x SYSTEM 'file:///etc/passwd'>]>" + kOpen +
        "<text>&x;</text></svg>";
    std::string error;
    try {
        sanitize_svg_picture(entities, "logo.svg");
    } catch (const Error& e) {
        error = e.what();
    }
    BOOST_TEST(error.find("logo.svg: SVG picture declares entities in its DOCTYPE") == 0u, error);
    const std::string plain = sanitize_svg_picture(
        "<!DOCTYPE svg PUBLIC '-//W3C//DTD SVG 1.1//EN' "
        "'http://www.w3.org/Graphics/SVG/1.1/DTD/svg11.dtd'>" +
            kOpen + "<?xml-stylesheet href='http://evil/x.css'?><!-- note --><rect/></svg>",
        "logo.svg");
    for (const char* gone : {"DOCTYPE", "w3.org/Graphics", "evil", "note"})
        BOOST_TEST(!has(plain, gone), gone);
    BOOST_TEST(has(plain, "<rect"));
}

BOOST_AUTO_TEST_CASE(other_namespaces_go_and_a_prefixed_svg_is_kept) {
    const std::string out = sanitize_svg_picture(
        "<s:svg xmlns:s='http://www.w3.org/2000/svg' xmlns:h='http://www.w3.org/1999/xhtml' "
        "xmlns:inkscape='http://www.inkscape.org/namespaces/inkscape' width='2' height='2'>"
        "<s:rect width='1' height='1' inkscape:label='x'/><h:script>x()</h:script>"
        "<rect width='1'/></s:svg>",
        "p.svg");
    BOOST_TEST(has(out, "<s:rect"));
    BOOST_TEST(!has(out, "script"));
    BOOST_TEST(!has(out, "inkscape"));
    BOOST_TEST(!has(out, "<rect"));  // not in the SVG namespace here
}

BOOST_AUTO_TEST_CASE(deep_nesting_is_walked_without_recursion) {
    std::string body;
    for (int i = 0; i < 200000; ++i) body += "<g>";
    body += "<rect/>";
    for (int i = 0; i < 200000; ++i) body += "</g>";
    BOOST_TEST(has(clean(body), "<rect/>"));
}

// Whatever source served it, an SVG picture reaches the layout sanitised.
BOOST_AUTO_TEST_CASE(the_image_store_sanitises_what_a_source_serves) {
    struct Served final : ImageSource {
        Picture load(const std::string& name) override {
            Picture picture;
            picture.file = name;
            picture.mime_type = "image/svg+xml";
            picture.data = kOpen + "<script>alert(1)</script><rect onclick='x()'/></svg>";
            picture.width = picture.height = 10;
            return picture;
        }
    } source;
    layout::ImageStore store(source);
    std::string error;
    const Picture* picture = store.load("logo.svg", error);
    BOOST_REQUIRE(picture);
    BOOST_TEST(!has(picture->data.str(), "script"));
    BOOST_TEST(!has(picture->data.str(), "onclick"));
    BOOST_TEST(has(picture->data.str(), "<rect"));
}

BOOST_AUTO_TEST_SUITE_END()
