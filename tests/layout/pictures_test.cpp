// Face images (§8, §2.8), logos (§7.2) and the logos legend (§7.3): picture files, the
// affine placement on each face for each fit, box reshaping, logo corners, the scene groups.

#include <boost/test/unit_test.hpp>

#include <cmath>
#include <memory>

#include "image/image_file.hpp"
#include "layout/decorations/face_images.hpp"
#include "layout/decorations/image_placement.hpp"
#include "layout/decorations/image_store.hpp"
#include "layout/decorations/logos.hpp"
#include "layout/layered/face_quads.hpp"
#include "layout_context.hpp"
#include "picture_files.hpp"
#include "reference_model.hpp"
#include "strata/error.hpp"

using namespace strata;
using namespace strata::layout;

namespace {

Picture picture(double w, double h) {
    Picture f;
    f.file = "pic.png";
    f.mime_type = "image/png";
    f.data = "bytes";
    f.width = w;
    f.height = h;
    return f;
}

void check_affine(const Affine& m, Affine want) {
    const double got[] = {m.a, m.b, m.c, m.d, m.e, m.f};
    const double expected[] = {want.a, want.b, want.c, want.d, want.e, want.f};
    for (int i = 0; i < 6; ++i) {
        BOOST_TEST_CONTEXT("matrix entry " << i) {
            BOOST_TEST(std::abs(got[i] - expected[i]) < 1e-9, got[i] << " != " << expected[i]);
        }
    }
}

const BoxPlacement kBox{10, 20, 50, 40, 6, false};

Image on_face(const Picture& f, char axis, PictureFit fit, BoxPlacement box = kBox) {
    const FaceQuad q = *face_quad(box, axis);
    return place_image(f, q.p0, q.p1, q.p3, fit, "image", false);
}

bool has_error(const std::string& file, const std::string& bytes, const std::string& words) {
    try {
        image::parse_image(file, bytes);
    } catch (const Error& e) {
        return e.file() == file && e.message().find(words) != std::string::npos;
    }
    return false;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(picture_files)

BOOST_AUTO_TEST_CASE(formats_are_recognised_by_content_and_sized_from_the_header) {
    test::TempDir dir;
    test::write_png(dir.file("a.jpg"), 7, 3, 1, 0, 0);  // the name lies; the bytes decide
    const Picture png = image::read_image(dir.file("a.jpg"));
    BOOST_TEST(png.mime_type == "image/png");
    BOOST_TEST(png.width == 7);
    BOOST_TEST(png.height == 3);
    BOOST_TEST(png.data.str() == test::read_bytes(dir.file("a.jpg")));

    const Picture jpeg = image::parse_image("j", test::jpeg_header(640, 480));
    BOOST_TEST(jpeg.mime_type == "image/jpeg");
    BOOST_TEST(jpeg.width == 640);
    BOOST_TEST(jpeg.height == 480);

    const auto svg = [](const std::string& attrs) {
        return image::parse_image("s",
                                  "<?xml version=\"1.0\"?>\n<svg xmlns=\"http://www.w3.org/"
                                  "2000/svg\" " +
                                      attrs + "/>");
    };
    BOOST_TEST(svg("width='30' height='20px'").width == 30);
    BOOST_TEST(svg("width='30' height='20px'").height == 20);
    BOOST_TEST(svg("width='1in' height='72pt'").width == 96);
    BOOST_TEST(svg("width='1in' height='72pt'").height == 96);
    BOOST_TEST(svg("viewBox='0 0 40 10'").width == 40);
    BOOST_TEST(svg("width='100%' viewBox='0,0,40,10'").height == 10);
    BOOST_TEST(svg("width='80' viewBox='0 0 40 10'").height == 20);
    BOOST_TEST(svg("viewBox='0 0 40 10'").mime_type == "image/svg+xml");
}

BOOST_AUTO_TEST_CASE(broken_and_hostile_files_are_errors_naming_the_file) {
    BOOST_TEST(has_error("x.png", "hello", "not a PNG, JPEG or SVG"));
    BOOST_TEST(has_error("x.png", std::string("\x89PNG\r\n\x1A\n\0\0", 10), "IHDR"));
    BOOST_TEST(has_error("x.jpg", "\xFF\xD8\xFF\xD9", "JPEG"));
    BOOST_TEST(has_error("x.svg", "<svg><g></svg>", "broken SVG"));
    BOOST_TEST(has_error("x.svg", "<html/>", "root element"));
    BOOST_TEST(has_error("x.svg", "<svg width='50%'/>", "no size"));
    // A PNG header declaring 100000 × 100000 pixels.
    std::string huge("\x89PNG\r\n\x1A\n\0\0\0\x0DIHDR\0\x01\x86\xA0\0\x01\x86\xA0\x08\x06\0\0\0",
                     29);
    BOOST_TEST(has_error("huge.png", huge, "too large"));
    BOOST_TEST(has_error("zero.jpg", test::jpeg_header(0, 10), "empty size"));
    BOOST_CHECK_THROW(image::read_image("/nonexistent/dir/logo.png"), Error);
}

BOOST_AUTO_TEST_CASE(svg_sizes_beyond_any_picture_are_errors_not_wrapped_numbers) {
    // 1e308 px used to be reported as -9223372036854775808 pixels.
    const auto svg = [](const std::string& attrs) {
        return "<svg xmlns=\"http://www.w3.org/2000/svg\" " + attrs + "/>";
    };
    for (const char* attrs :
         {"width='1e308' height='10'", "width='10' height='1e308in'", "width='-1e300' height='10'",
          "viewBox='0 0 1e308 1'", "width='1' viewBox='0 0 1e-300 1e300'"}) {
        BOOST_TEST_INFO(attrs);
        BOOST_TEST(has_error("big.svg", svg(attrs), "SVG size out of range"));
    }
    BOOST_TEST(has_error("big.svg", svg("width='20000' height='10'"), "too large (20000 x 10"));
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE(face_image_placement)

BOOST_AUTO_TEST_CASE(front_face_fill_contain_cover) {
    check_affine(on_face(picture(20, 10), 'z', PictureFit::fill).transform, {2, 0, 0, 2, 10, 20});
    // A square in a 40 × 20 face: scaled to 20 × 20, centred, margins left empty.
    const Image contain = on_face(picture(10, 10), 'z', PictureFit::contain);
    check_affine(contain.transform, {2, 0, 0, 2, 20, 20});
    BOOST_TEST(contain.clip.empty());
    // Covered: scaled to 40 × 40, centred, clipped to the face.
    const Image cover = on_face(picture(10, 10), 'z', PictureFit::cover);
    check_affine(cover.transform, {4, 0, 0, 4, 10, 10});
    BOOST_REQUIRE(cover.clip.size() == 4u);
    BOOST_TEST(cover.clip[0].x == 10);
    BOOST_TEST(cover.clip[0].y == 20);
    BOOST_TEST(cover.clip[2].x == 50);
    BOOST_TEST(cover.clip[2].y == 40);
    // An exact fit needs no clip.
    BOOST_TEST(on_face(picture(20, 10), 'z', PictureFit::cover).clip.empty());
    BOOST_TEST((image_fit_from(strata::ImageFit::match_aspect) == PictureFit::fill));
    BOOST_TEST((image_fit_from(strata::ImageFit::fill) == PictureFit::fill));
    BOOST_TEST((image_fit_from(strata::ImageFit::contain) == PictureFit::contain));
    BOOST_TEST((image_fit_from(strata::ImageFit::cover) == PictureFit::cover));
}

BOOST_AUTO_TEST_CASE(top_and_side_faces_are_oblique_affine_maps) {
    // Top: P0 = (16,14) back-left, P1 = (56,14), P3 = (10,20).
    check_affine(on_face(picture(20, 10), 'y', PictureFit::fill).transform,
                 {2, 0, -0.6, 0.6, 16, 14});
    // Side: P0 = (50,20), P1 = (56,14), P3 = (50,40).
    check_affine(on_face(picture(20, 10), 'x', PictureFit::fill).transform,
                 {0.3, -0.3, 0, 2, 50, 20});
    // Reversed side is the left one: P0 = (4,14), P1 = (10,20), P3 = (4,34).
    BoxPlacement reversed = kBox;
    reversed.reversed = true;
    check_affine(on_face(picture(20, 10), 'x', PictureFit::fill, reversed).transform,
                 {0.3, 0.3, 0, 2, 4, 14});
    check_affine(on_face(picture(20, 10), 'y', PictureFit::fill, reversed).transform,
                 {2, 0, 0.6, 0.6, 4, 14});
    // Contain on the side face (8.485 wide, 20 tall): the 20 × 10 picture keeps its aspect.
    const double side = 6 * std::sqrt(2.0), s = side / 20;
    check_affine(on_face(picture(20, 10), 'x', PictureFit::contain).transform,
                 {6 / side * s, -6 / side * s, 0, s, 50, 20 + (20 - 10 * s) / 2});
    BoxPlacement flat = kBox;
    flat.de = 0;
    BOOST_TEST(!face_quad(flat, 'x').has_value());
    BOOST_TEST(!face_quad(flat, 'y').has_value());
}

BOOST_AUTO_TEST_CASE(match_aspect_and_scale_image_reshape_the_box) {
    test::MemoryImages images;
    images.add("wide.png", test::png_bytes(40, 10, 0, 0, 1));  // r = 4
    images.add("square.png", test::png_bytes(8, 8, 0, 0, 1));  // r = 1
    images.add("half.png", test::png_bytes(20, 10, 0, 0, 1));  // r = 2
    ImageStore store(images);
    const auto fitted = [&](const std::string& file, const std::string& fit, const char* axis,
                            double scale = 1) {
        LayerStyle style;
        style.image = file;
        style.image_fit = *choice_named<strata::ImageFit>(fit);
        style.image_axis = *choice_named<Axis>(axis);
        style.scale_image = scale;
        BoxSize size{30, 20, 40};
        fit_box_to_image(size, style, store);
        return size;
    };
    BOOST_TEST(fitted("wide.png", "match_aspect", "z").z == 80);  // r 4 > q 2: z = y·r
    BOOST_TEST(fitted("wide.png", "match_aspect", "z").y == 20);
    BOOST_TEST(fitted("square.png", "match_aspect", "z").y == 40);  // r 1 < q 2: y = z/r
    BOOST_TEST(fitted("square.png", "match_aspect", "z").z == 40);
    BOOST_TEST(fitted("wide.png", "match_aspect", "y").x == 30);  // 3·floor(40/4)
    BOOST_TEST(fitted("square.png", "match_aspect", "y").x == 120);
    BOOST_TEST(fitted("wide.png", "match_aspect", "x").x == 240);  // 3·floor(20·4)
    BOOST_TEST(fitted("half.png", "fill", "z").x == 30);           // only match_aspect reshapes
    const BoxSize z = fitted("half.png", "fill", "z", 1.55);
    BOOST_TEST((z.x == 30 && z.y == 31 && z.z == 62));
    const BoxSize y = fitted("half.png", "fill", "y", 1.55);
    BOOST_TEST((y.x == 46 && y.y == 20 && y.z == 62));
    const BoxSize x = fitted("half.png", "fill", "x", 1.55);
    BOOST_TEST((x.x == 46 && x.y == 31 && x.z == 40));
    const BoxSize zero = fitted("half.png", "fill", "z", -2);
    BOOST_TEST((zero.y == 0 && zero.z == 0));
    const BoxSize missing = fitted("missing.png", "match_aspect", "z", 3);
    BOOST_TEST((missing.x == 30 && missing.y == 20 && missing.z == 40));
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE(logo_placement)

BOOST_AUTO_TEST_CASE(each_corner_with_padding_on_the_front) {
    const FaceQuad front = *face_quad(kBox, 'z');
    const auto origin = [&](const std::string& corner) {
        LogoGroup logo;
        logo.corner = *choice_named<Corner>(corner);
        logo.padding = 2;
        const Image placed = *place_logo(logo, picture(20, 10), front, false);
        // 0.5 of the shorter side (20) → 10 wide, 5 tall: the picture at half size.
        BOOST_TEST(placed.transform.a == 0.5);
        BOOST_TEST(placed.transform.d == 0.5);
        return Point{placed.transform.e, placed.transform.f};
    };
    const auto at = [&](const std::string& corner, double x, double y) {
        const Point p = origin(corner);
        BOOST_TEST_CONTEXT(corner) {
            BOOST_TEST(p.x == x);
            BOOST_TEST(p.y == y);
        }
    };
    at("top-left", 12, 22);
    at("top-right", 38, 22);
    at("bottom-left", 12, 33);
    at("bottom-right", 38, 33);
    at("center", 25, 27.5);
}

BOOST_AUTO_TEST_CASE(pixel_size_and_oblique_faces) {
    LogoGroup logo;
    logo.corner = strata::Corner::top_left;
    // On the top face (40 × 8.485): 4 × 2 px, the edges following the face.
    const double u = 1 / std::sqrt(2.0);
    const Image top = *place_logo(logo, picture(20, 10), *face_quad(kBox, 'y'), false);
    check_affine(top.transform, {0.2, 0, -0.2 * u, 0.2 * u, 16, 14});
    logo.size_px = {{16, 12}};
    logo.corner = strata::Corner::bottom_right;
    // On the side face: a 16 × 12 target along the face's edges; the 20 × 10 picture is
    // contained (16 × 8, 2 px margins above and below).
    const Image side = *place_logo(logo, picture(20, 10), *face_quad(kBox, 'x'), false);
    check_affine(side.transform, {0.8 * u, -0.8 * u, 0, 0.8, 56 - 16 * u, 24 + 16 * u});
    BOOST_TEST(
        !place_logo(logo, picture(20, 10), FaceQuad{{0, 0}, {0.5, 0}, {0.5, 9}, {0, 9}}, false)
             .has_value());
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE(pictures_in_the_scene)

namespace {

Scene draw(const Options& options, Warnings& warnings, ImageSource& images) {
    FixedMetrics text = pillow_default_font_metrics();
    return layout_layered(test::reference_model(), options, LayoutContext{text, images}, warnings);
}

std::size_t index_of(const Scene& s, const std::string& id) {
    for (std::size_t i = 0; i < s.groups.size(); ++i) {
        if (s.groups[i].id == id) return i;
    }
    BOOST_FAIL("no group " + id);
    return 0;
}

}  // namespace

BOOST_AUTO_TEST_CASE(logos_then_face_image_right_after_their_box) {
    test::MemoryImages images;
    images.add("face.png", test::png_bytes(20, 10, 1, 0, 0));
    Options o;
    o.styles["conv"].image = "face.png";
    LogoGroup logo;
    logo.file = "face.png";
    logo.layers = {"Conv2D", "conv"};  // matched twice: stuck on twice
    o.logo_groups = {logo};
    Warnings warnings;
    const Scene s = draw(o, warnings, images);
    BOOST_TEST(warnings.empty());
    const std::size_t box = index_of(s, "conv");
    BOOST_TEST(index_of(s, "conv-logo-1") == box + 1);
    BOOST_TEST(index_of(s, "conv-logo-2") == box + 2);
    BOOST_TEST(index_of(s, "conv-image") == box + 3);
    BOOST_TEST(index_of(s, "conv2-logo-1") == index_of(s, "conv2") + 1);
    const Group& image = s.groups[box + 3];
    BOOST_TEST((image.role == Role::image));
    BOOST_TEST((s.groups[box + 1].role == Role::logo));
    const BoxGeometry& b = *s.groups[box].box;
    const Image& placed = std::get<Image>(image.items.at(0));
    check_affine(placed.transform, {(b.x2 - b.x1) / 20, 0, 0, (b.y2 - b.y1) / 10, b.x1, b.y1});
    BOOST_TEST(placed.data.str() == test::png_bytes(20, 10, 1, 0, 0));
    // Each picture is asked for once per layout, whatever uses it.
    BOOST_TEST(images.requests == std::vector<std::string>{"face.png"});
}

// A picture the options ask for and that cannot be read stops the render with an error naming
// the file; a face that a flat box does not have is a warning.
BOOST_AUTO_TEST_CASE(missing_files_are_errors_and_flat_faces_warn) {
    test::TempDir dir;
    test::write_png(dir.file("face.png"), 20, 10, 1, 0, 0);
    const std::unique_ptr<ImageSource> disk = disk_image_source();
    auto error_of = [&](const Options& o) {
        Warnings warnings;
        try {
            draw(o, warnings, *disk);
        } catch (const Error& e) {
            return std::string(e.what());
        }
        return std::string("no error");
    };
    Options missing_face;
    missing_face.styles["conv"].image = dir.file("missing.png");
    BOOST_TEST(error_of(missing_face) ==
               dir.file("missing.png") +
                   ": styles image of layer 'conv': cannot open image file: No such file or "
                   "directory");
    Options missing_logo;
    LogoGroup logo;
    logo.file = dir.file("gone.png");
    logo.layers = {"Conv2D"};
    missing_logo.logo_groups = {logo};
    BOOST_TEST(error_of(missing_logo) ==
               dir.file("gone.png") +
                   ": logo_groups logo for layer 'conv': cannot open image file: No such file or "
                   "directory");

    Options flat;
    flat.styles["conv2"].image = dir.file("face.png");
    flat.styles["conv2"].image_axis = strata::Axis::x;
    flat.index_2D = {3};  // conv2 is flat
    Warnings warnings;
    const Scene s = draw(flat, warnings, *disk);
    BOOST_REQUIRE(warnings.size() == 1u);
    BOOST_TEST(warnings[0].layer == "conv2");
    for (const Group& g : s.groups) {
        BOOST_TEST((g.role != Role::image && g.role != Role::logo), g.id);
    }
}

BOOST_AUTO_TEST_CASE(logos_legend_patches_flow_below_the_picture) {
    test::MemoryImages images;
    images.add("logo.png", test::png_bytes(20, 10, 0, 1, 0));
    Options o;
    LogoGroup a, b, unnamed;
    a.file = b.file = unnamed.file = "logo.png";
    a.name = "conv";
    b.name = "dense";
    o.logo_groups = {a, unnamed, b};
    Warnings warnings;
    const Scene plain = draw(o, warnings, images);
    o.logos_legend = LogosLegend{};
    const Scene s = draw(o, warnings, images);
    FixedMetrics text = pillow_default_font_metrics();
    const FontSpec font{o.font, o.font_size};
    const double icon = std::trunc(2 * text.measure("Ag", font).bottom);
    const TextMetrics icon_label = text.measure("conv", font);
    const double h = std::max(icon, icon_label.bottom);
    BOOST_TEST(s.height == plain.height + std::ceil(10 + h + 10));
    const Group& first = test::group(s, "logos-legend-conv");
    BOOST_TEST((first.role == Role::legend));
    const Image& logo = std::get<Image>(first.items.at(0));
    // 20 × 10 contained in the icon square: full width, centred vertically.
    check_affine(logo.transform,
                 {icon / 20, 0, 0, icon / 20, 10,
                  plain.height + 10 + std::floor((h - icon) / 2) + (icon - icon / 2) / 2});
    const TextRun& label = std::get<TextRun>(first.items.at(1));
    BOOST_TEST(label.x == 10 + icon + 10);
    const Image& second = std::get<Image>(test::group(s, "logos-legend-dense").items.at(0));
    BOOST_TEST(second.transform.e == 10 + icon + 10 + icon_label.right + 10);
    BOOST_TEST(s.groups.back().id == "logos-legend-dense");
}

// The layout opens no file: pictures named by paths that exist nowhere on disk come from the
// image source alone, also when the figure is fitted to a width (a layout per trial size).
BOOST_AUTO_TEST_CASE(pictures_come_only_from_the_image_source) {
    const std::string name = "/nonexistent/strata/face.png";
    Options o;
    o.styles["conv"].image = name;
    o.styles["conv"].image_fit = strata::ImageFit::match_aspect;
    LogoGroup logo;
    logo.file = name;
    logo.name = "conv";
    logo.layers = {"Conv2D"};
    o.logo_groups = {logo};
    o.logos_legend = LogosLegend{};
    o.width = "120px";
    test::FixedContext fixed;
    fixed.images.add(name, test::png_bytes(30, 10, 0, 0, 1));
    Warnings warnings;
    const Scene s = layout_layered(test::reference_model(), o, fixed.context(), warnings);
    BOOST_TEST(std::get<Image>(test::group(s, "conv-image").items.at(0)).data.str() ==
               test::png_bytes(30, 10, 0, 0, 1));
    BOOST_TEST(test::group(s, "logos-legend-conv").items.size() == 2u);
    BOOST_REQUIRE(!fixed.images.requests.empty());
    for (const std::string& request : fixed.images.requests) BOOST_TEST(request == name);
    // The same options laid out with pictures from disk fail: the file is not there.
    Warnings disk_warnings;
    BOOST_CHECK_THROW(layout_layered(test::reference_model(), o, disk_warnings), Error);
}

BOOST_AUTO_TEST_SUITE_END()
