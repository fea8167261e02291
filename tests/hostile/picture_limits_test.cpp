// The limits on the pictures of one figure at N (accepted) and N+1 (an error naming the
// limit): file bytes and decoded pixels over its distinct pictures, and the picture pixels a
// PNG output paints.

#include <boost/test/unit_test.hpp>

#include <functional>
#include <string>

#include "emit/cairo_image.hpp"
#include "layout/decorations/image_store.hpp"
#include "strata/error.hpp"
#include "strata/limits.hpp"
#include "strata/render.hpp"

namespace limits = strata::limits;
using namespace strata;

namespace {

std::string error_of(const std::function<void()>& action) {
    try {
        action();
    } catch (const Error& error) {
        return error.what();
    }
    return "no error";
}

// Serves a picture of the size its name asks for ("W x H x BYTES"), without any file.
class SizedPictures final : public ImageSource {
  public:
    Picture load(const std::string& name) override {
        double w = 0, h = 0;
        std::size_t bytes = 0;
        std::sscanf(name.c_str(), "%lf x %lf x %zu", &w, &h, &bytes);
        ++loads;
        Picture picture;
        picture.file = name;
        picture.mime_type = "image/png";
        picture.data = std::string(bytes, 'p');
        picture.width = w;
        picture.height = h;
        return picture;
    }
    int loads = 0;
};

const Picture* load(layout::ImageStore& store, const std::string& name) {
    std::string error;
    const Picture* picture = store.load(name, error);
    BOOST_TEST(error.empty());
    return picture;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(picture_limits_at_n_and_n_plus_1)

BOOST_AUTO_TEST_CASE(decoded_pixels_of_a_figure) {
    SizedPictures source;
    layout::ImageStore store(source);
    // Half the limit each: two pictures reach it exactly; placing one again costs nothing.
    BOOST_TEST(load(store, "8192 x 4096 x 1") != nullptr);
    BOOST_TEST(load(store, "4096 x 8192 x 1") != nullptr);
    BOOST_TEST(load(store, "8192 x 4096 x 1") != nullptr);
    BOOST_TEST(source.loads == 2);
    const std::string error = error_of([&] { load(store, "1 x 1 x 1"); });
    BOOST_TEST(error.find("1 x 1 x 1: with this picture the figure's pictures would hold "
                          "67108865 pixels; at most 67108864 are allowed together") == 0u,
               error);
}

BOOST_AUTO_TEST_CASE(file_bytes_of_a_figure) {
    SizedPictures source;
    layout::ImageStore store(source);
    const std::size_t half = limits::kMaxFigurePictureBytes / 2;
    BOOST_TEST(load(store, "1 x 1 x " + std::to_string(half)) != nullptr);
    BOOST_TEST(load(store, "2 x 1 x " + std::to_string(half)) != nullptr);
    const std::string error = error_of([&] { load(store, "3 x 1 x 1"); });
    BOOST_TEST(error.find("would take 65 MiB of files; at most 64 MiB are allowed together") !=
                   std::string::npos,
               error);
}

// Pictures whose bytes cairo cannot decode still count (the bound is checked before any
// decoding), and cost nothing to paint: the case at N runs fast.
BOOST_AUTO_TEST_CASE(painted_picture_pixels, *boost::unit_test::enable_if<(STRATA_WITH_CAIRO)>()) {
    Scene scene;
    scene.width = scene.height = 10;
    Group group;
    Image image;
    image.mime_type = "image/png";
    image.data = "not a PNG";
    image.width = image.height = 16384;  // 2^28 pixels
    image.transform = Affine{1e-4, 0, 0, 1e-4, 0, 0};
    for (int i = 0; i < 4; ++i) group.items.push_back(image);
    scene.groups.push_back(group);
    BOOST_TEST(emit::painted_picture_pixels(scene, 1) == limits::kMaxPaintedPicturePixels);
    BOOST_TEST(error_of([&] { to_png(scene, {}); }) == "no error");
    image.width = image.height = 1;
    image.transform = Affine{};
    scene.groups[0].items.push_back(image);
    const std::string error = error_of([&] { to_png(scene, {}); });
    BOOST_TEST(error.find("the pictures would paint 1073741825 picture pixels; at most "
                          "1073741824 are allowed") != std::string::npos,
               error);
    // A PDF reads every placed picture's own pixels at every placement too.
    BOOST_TEST(error_of([&] { to_pdf(scene); }).find("the pictures would paint 1073741825") !=
               std::string::npos);
    scene.groups[0].items.pop_back();
    BOOST_TEST(error_of([&] { to_pdf(scene); }) == "no error");
    scene.groups[0].items.push_back(image);
    // What a placement covers counts when it is more than the picture's own pixels.
    scene.groups[0].items = {image};
    std::get<Image>(scene.groups[0].items[0]).transform = Affine{3, 0, 0, 2, 0, 0};
    BOOST_TEST(emit::painted_picture_pixels(scene, 2) == 24);
}

BOOST_AUTO_TEST_SUITE_END()
