#include <boost/test/unit_test.hpp>

#include <string>
#include <vector>

#include "layout/decorations/captions.hpp"
#include "layout/layered/ids.hpp"
#include "strata/error.hpp"
#include "style/palette.hpp"

using namespace strata;

namespace {

Layer with_shapes(std::vector<Shape> shapes, std::string name = "conv") {
    Layer l;
    l.name = std::move(name);
    l.type = "Conv2D";
    l.shapes = std::move(shapes);
    l.shape_known = true;
    return l;
}

}  // namespace

BOOST_AUTO_TEST_CASE(shape_text_like_visualkeras) {
    BOOST_TEST(layout::shape_text(with_shapes({{-1, 12, 12, 4}})) == "12 x 12 x 4");
    BOOST_TEST(layout::shape_text(with_shapes({{-1, 288}})) == "288");
    BOOST_TEST(layout::shape_text(with_shapes({{-1, -1, 64}})) == "64");
    BOOST_TEST(layout::shape_text(with_shapes({{-1, -1, -1}})) == "? x ?");
    BOOST_TEST(layout::shape_text(with_shapes({{-1}})) == "?");
    BOOST_TEST(layout::shape_text(with_shapes({{-1, 8, 4}, {-1, 2}})) == "8 x 4");
    Layer unknown;
    BOOST_TEST(layout::shape_text(unknown) == "?");
}

BOOST_AUTO_TEST_CASE(built_in_captions) {
    Layer l = with_shapes({{-1, 6, 6, 8}}, "conv2");
    BOOST_TEST(layout::caption_text(TextCallable::name, l, 3) == "conv2");
    BOOST_TEST(layout::caption_text(TextCallable::type, l, 3) == "Conv2D");
    BOOST_TEST(layout::caption_text(TextCallable::shape, l, 3) == "6 x 6 x 8");
    BOOST_TEST(layout::caption_text(TextCallable::name_shape, l, 3) == "conv2\n6 x 6 x 8");
    BOOST_TEST(layout::caption_text(TextCallable::name, with_shapes({{-1, 1}}, ""), 5) ==
               "layer_5");
    BOOST_TEST(layout::caption_text(TextCallable::none, l, 0) == "");
}

BOOST_AUTO_TEST_CASE(captions_write_shapes_with_a_times_sign_but_in_compat_mode) {
    const Layer l = with_shapes({{-1, 6, 6, 8}}, "conv2");
    layout::TextBudget budget;
    Options o;
    o.text_callable = TextCallable::name_shape;
    BOOST_TEST(*layout::caption_for(l, 0, o, budget) == "conv2\n6 \u00d7 6 \u00d7 8");
    o.caption = "{shape} from {in_shape}";
    Layer block = l;
    block.attrs["in_shape"] = std::vector<std::int64_t>{-1, 12, 12, 4};
    BOOST_TEST(*layout::caption_for(block, 0, o, budget) ==
               "6 \u00d7 6 \u00d7 8 from 12 \u00d7 12 \u00d7 4");
    // visualkeras' captions, for pictures compared with its own.
    o.compat_visualkeras = true;
    BOOST_TEST(*layout::caption_for(block, 0, o, budget) == "6 x 6 x 8 from 12 x 12 x 4");
    o.caption.clear();
    BOOST_TEST(*layout::caption_for(l, 0, o, budget) == "conv2\n6 x 6 x 8");
}

BOOST_AUTO_TEST_CASE(compat_palette_is_first_come_first_served) {
    layout::Palette palette(true);
    BOOST_TEST((palette.color_for("MaxPooling2D") == Rgba{255, 209, 102, 255}));
    BOOST_TEST((palette.color_for("Flatten") == Rgba{239, 71, 111, 255}));
    BOOST_TEST((palette.color_for("MaxPooling2D") == Rgba{255, 209, 102, 255}));
    for (int i = 0; i < 8; ++i) palette.color_for("C" + std::to_string(i));
    BOOST_TEST((palette.color_for("Eleventh") == Rgba{255, 209, 102, 255}));  // wraps after ten
}

BOOST_AUTO_TEST_CASE(default_palette_gives_a_class_one_colour_in_every_figure) {
    // The order the classes come in does not matter: two figures of one model agree.
    const std::vector<std::string> classes = {"Conv2D",  "MaxPooling2D", "Dense", "MyAttention",
                                              "Flatten", "Dropout",      "Add"};
    Model model;
    for (const auto& c : classes) {
        Layer layer;
        layer.name = "l" + std::to_string(model.layers.size());
        layer.type = c;
        model.layers.push_back(layer);
    }
    layout::Palette first(false, model), second(false, model);
    std::vector<Rgba> forward;
    for (const auto& c : classes) forward.push_back(first.color_for(c));
    for (std::size_t i = classes.size(); i-- > 0;)
        BOOST_TEST((second.color_for(classes[i]) == forward[i]), classes[i]);
    // Families share a colour (every convolution, Keras or ONNX, is Tol's light blue) ...
    const Rgba blue{119, 170, 221, 255};
    for (const char* conv : {"Conv2D", "Conv1D", "Conv2DTranspose", "SeparableConv2D", "Conv"})
        BOOST_TEST((layout::stable_class_color(conv) == blue), conv);
    // ... and the families of one common architecture differ.
    const std::vector<std::string> resnet = {
        "InputLayer", "ZeroPadding2D", "Conv2D", "BatchNormalization",
        "Activation", "MaxPooling2D",  "Add",    "GlobalAveragePooling2D",
        "Dense"};
    for (std::size_t i = 0; i < resnet.size(); ++i)
        for (std::size_t j = i + 1; j < resnet.size(); ++j)
            BOOST_TEST(
                (layout::stable_class_color(resnet[i]) != layout::stable_class_color(resnet[j])),
                resnet[i] << " " << resnet[j]);
    // Classes that share a colour in one model are told apart by shade: the one with the most
    // layers keeps the colour, the rest (by name) take darker and lighter shades of it.
    Model pools;
    for (const char* type :
         {"InputLayer", "MaxPooling2D", "AveragePooling2D", "MaxPooling2D", "Dropout", "Dropout"}) {
        Layer layer;
        layer.name = "p" + std::to_string(pools.layers.size());
        layer.type = type;
        pools.layers.push_back(layer);
    }
    for (int turn = 0; turn < 2; ++turn) {
        layout::Palette shades(false, pools);
        const std::vector<std::string> asked =
            turn == 0 ? std::vector<std::string>{"AveragePooling2D", "MaxPooling2D"}
                      : std::vector<std::string>{"MaxPooling2D", "AveragePooling2D"};
        for (const std::string& c : asked) shades.color_for(c);
        BOOST_TEST(
            (shades.color_for("MaxPooling2D") == layout::stable_class_color("MaxPooling2D")));
        BOOST_TEST((shades.color_for("AveragePooling2D") != shades.color_for("MaxPooling2D")));
        BOOST_TEST((shades.color_for("Dropout") == layout::stable_class_color("Dropout")));
        BOOST_TEST((shades.color_for("InputLayer") != shades.color_for("Dropout")));
    }
    // A class no table knows is hashed into the same palette: the same colour every time.
    BOOST_TEST((layout::stable_class_color("MyAttention") ==
                layout::stable_class_color(std::string("My") + "Attention")));
    bool in_palette = false;
    for (const auto& c : resnet)
        in_palette |= layout::stable_class_color(c) == layout::stable_class_color("MyAttention");
    BOOST_TEST(in_palette);
}

BOOST_AUTO_TEST_CASE(ids_are_unique_xml_names) {
    layout::IdMaker ids;
    BOOST_TEST(ids.make("block1_conv1") == "block1_conv1");
    BOOST_TEST(ids.make("block1_conv1") == "block1_conv1-2");
    BOOST_TEST(ids.make("block1_conv1-2") == "block1_conv1-2-2");
    BOOST_TEST(ids.make("1st layer/<x>") == "_1st_layer__x_");
    BOOST_TEST(ids.make("") == "layer");
    BOOST_TEST(ids.make("-dash") == "_-dash");
}
