// SVG pictures keep only what draws: every kind of active content or outside reference goes,
// whatever served the picture.

#include <boost/test/unit_test.hpp>

#include <set>
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
    BOOST_TEST(!has(out, "script"));
    BOOST_TEST(!has(out, "inkscape"));
    // Written in the SVG default namespace; the unprefixed rect is in none here, and goes.
    pugi::xml_document doc;
    BOOST_REQUIRE(doc.load_string(out.c_str()));
    BOOST_TEST(doc.child("svg").attribute("xmlns").as_string() ==
               std::string("http://www.w3.org/2000/svg"));
    BOOST_TEST(doc.select_nodes("/svg/rect").size() == 1u);
    BOOST_TEST(doc.select_node("/svg/rect[@height='1']"));
}

// Whether `svg` is well-formed XML with namespaces: every prefix bound, no attribute twice.
bool namespace_well_formed(const std::string& svg) {
    pugi::xml_document doc;
    if (!doc.load_string(svg.c_str())) return false;
    struct Walk : pugi::xml_tree_walker {
        bool ok = true;
        bool for_each(pugi::xml_node& node) override {
            if (node.type() != pugi::node_element) return true;
            const auto bound = [&](std::string_view name) {
                const std::size_t colon = name.find(':');
                if (colon == std::string_view::npos) return true;
                const std::string prefix(name.substr(0, colon));
                if (prefix == "xml" || prefix == "xmlns") return true;
                for (pugi::xml_node n = node; n; n = n.parent()) {
                    if (n.attribute(("xmlns:" + prefix).c_str())) return true;
                }
                return false;
            };
            std::set<std::string> seen;
            ok = ok && bound(node.name());
            for (const pugi::xml_attribute& a : node.attributes()) {
                ok = ok && bound(a.name()) && seen.insert(a.name()).second;
            }
            return true;
        }
    } walk;
    doc.traverse(walk);
    return walk.ok;
}

// A prefix means the namespace it is bound to: xlink's href under another prefix is judged
// (and kept, as xlink:href) like xlink:href; "xlink:" bound to another namespace is no link.
BOOST_AUTO_TEST_CASE(attributes_are_judged_by_their_namespace_not_their_prefix) {
    const std::string other_prefix = sanitize_svg_picture(
        "<svg xmlns='http://www.w3.org/2000/svg' xmlns:q='http://www.w3.org/1999/xlink' "
        "width='2' height='2'><rect id='r' width='1' height='1'/>"
        "<use id='out' q:href='http://evil/x.svg#a'/><use id='in' q:href='#r'/>"
        "<use id='twice' q:href='#r' xlink:href='#r' "
        "xmlns:xlink='http://www.w3.org/1999/xlink'/></svg>",
        "q.svg");
    BOOST_TEST(!has(other_prefix, "evil"));
    BOOST_TEST(!has(other_prefix, "q:href"));
    BOOST_TEST(namespace_well_formed(other_prefix), other_prefix);
    pugi::xml_document doc;
    BOOST_REQUIRE(doc.load_string(other_prefix.c_str()));
    BOOST_TEST(!doc.select_node("//use[@id='out']").node().first_attribute().next_attribute());
    BOOST_TEST(doc.select_node("//use[@id='in'][@xlink:href='#r']"));
    BOOST_TEST(doc.select_node("//use[@id='twice'][@xlink:href='#r']"));
    BOOST_TEST(doc.child("svg").attribute("xmlns:xlink").as_string() ==
               std::string("http://www.w3.org/1999/xlink"));

    const std::string rebound = sanitize_svg_picture(
        "<svg xmlns='http://www.w3.org/2000/svg' xmlns:xlink='http://example.com/other' "
        "width='2' height='2'><rect id='r' width='1' height='1'/><use xlink:href='#r'/>"
        "<g xmlns:xlink='http://www.w3.org/1999/xlink'><use id='inner' xlink:href='#r'/></g>"
        "<use id='unbound' p:href='#r' p:fill='red'/></svg>",
        "x.svg");
    BOOST_TEST(namespace_well_formed(rebound), rebound);
    BOOST_REQUIRE(doc.load_string(rebound.c_str()));
    BOOST_TEST(doc.select_nodes("//use[@xlink:href]").size() == 1u);
    BOOST_TEST(doc.select_node("//g/use[@id='inner'][@xlink:href='#r']"));
    BOOST_TEST(!has(rebound, "example.com"));
    BOOST_TEST(!has(rebound, "p:href"));
    BOOST_TEST(!has(rebound, "p:fill"));
}

// An element is SVG by its namespace: a default namespace declared inside the picture moves
// what it holds out of SVG, whatever its names.
BOOST_AUTO_TEST_CASE(elements_are_judged_by_their_namespace) {
    const std::string out = sanitize_svg_picture(
        "<svg xmlns='http://www.w3.org/2000/svg' width='2' height='2'>"
        "<g xmlns='http://example.com/not-svg'><rect id='foreign' width='1'/></g>"
        "<x:g xmlns:x='http://www.w3.org/2000/svg'><x:circle r='1' xml:space='preserve'/></x:g>"
        "</svg>",
        "n.svg");
    BOOST_TEST(namespace_well_formed(out), out);
    BOOST_TEST(!has(out, "foreign"));
    BOOST_TEST(!has(out, "x:g"));
    BOOST_TEST(!has(out, "x:circle"));
    pugi::xml_document doc;
    BOOST_REQUIRE(doc.load_string(out.c_str()));
    BOOST_TEST(doc.select_node("/svg/g/circle[@xml:space='preserve']"));
    std::string error;
    try {
        sanitize_svg_picture("<svg xmlns='http://example.com/not-svg'/>", "n.svg");
    } catch (const Error& e) {
        error = e.what();
    }
    BOOST_TEST(error ==
               "n.svg: not an SVG file: the root element is <svg> outside the SVG "
               "namespace");
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
