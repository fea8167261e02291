// Every option of the option table changes the picture when it is set (so none is silently
// ignored), except the two that visualkeras itself ignores.

#include <boost/test/unit_test.hpp>

#include <map>
#include <set>

#include "layout_context.hpp"
#include "picture_files.hpp"
#include "reference_model.hpp"
#include "strata/option_table.hpp"
#include "strata/render.hpp"

using namespace strata;

namespace {

struct Case {
    std::string value;
    std::map<std::string, std::string> context;  // options that make this one matter
};

std::string svg_of(const Options& options) {
    Warnings warnings;
    test::FixedContext fixed;
    fixed.images.add("face.png", test::png_bytes(20, 10, 1, 0, 0));
    return to_svg(layout_layered(test::reference_model(), options, fixed.context(), warnings));
}

Options base_options(const std::map<std::string, std::string>& context) {
    Options o;
    set_option(o, "text_callable", "name_shape", "test");
    set_option(o, "legend", "true", "test");
    set_option(o, "layered_groups", "[{name: conv, layers: [conv, pool]}]", "test");
    for (const auto& [key, value] : context) set_option(o, key, value, "test");
    return o;
}

}  // namespace

BOOST_AUTO_TEST_CASE(every_option_changes_the_picture) {
    const std::string picture = "face.png";  // held in memory
    const std::string with_image = "{conv2: {image: " + picture + "}}";
    const std::string with_logo = "[{file: " + picture + ", layers: [Dense], name: dense}]";
    const std::map<std::string, Case> cases{
        {"sizing_mode", {"logarithmic", {}}},
        {"scale_xy", {"2", {}}},
        {"scale_z", {"3", {}}},
        {"min_xy", {"30", {}}},
        {"max_xy", {"40", {}}},
        {"min_z", {"30", {}}},
        {"max_z", {"100", {}}},
        {"dimension_caps", {"channels=30", {{"sizing_mode", "balanced"}}}},
        {"relative_base_size", {"7", {{"sizing_mode", "relative"}}}},
        {"one_dim_orientation", {"y", {}}},
        {"type_ignore", {"Dense", {}}},
        {"index_ignore", {"2", {}}},
        {"index_2D", {"2", {}}},
        {"color_map", {"Conv2D=red", {}}},
        {"styles", {"{Conv2D: {fill: red}}", {}}},
        {"background_fill", {"red", {}}},
        {"draw_volume", {"false", {}}},
        {"draw_reversed", {"true", {}}},
        {"draw_funnel", {"false", {}}},
        {"connector_fill", {"red", {}}},
        {"connector_width", {"3", {}}},
        {"padding", {"20", {}}},
        {"spacing", {"30", {}}},
        {"shade_step", {"40", {}}},
        {"text_callable", {"type", {}}},
        {"caption", {"{index}", {}}},
        {"caption_position", {"above", {}}},
        {"captions", {"{conv: hello}", {}}},
        {"captions_above", {"conv", {}}},
        {"text_vspacing", {"9", {}}},
        {"font", {"DejaVu Sans Mono", {}}},
        {"font_size", {"14", {}}},
        {"font_color", {"red", {}}},
        {"legend", {"false", {}}},
        {"legend_position", {"right", {}}},
        {"show_dimension", {"true", {}}},
        {"layered_groups", {"[{name: pool, layers: [pool]}]", {}}},
        {"logo_groups", {with_logo, {}}},
        {"logos_legend", {"true", {{"logo_groups", with_logo}}}},
        {"image_fit", {"contain", {{"styles", with_image}}}},
        {"image_axis", {"y", {{"styles", with_image}}}},
        {"link_images", {"true", {{"styles", with_image}}}},
        {"compat_visualkeras", {"true", {}}},
        {"width", {"100px", {}}},
        {"height", {"30px", {}}},
        {"min_font_size", {"12", {{"width", "100px"}, {"font_size", "6"}}}},
        {"node_size", {"30", {{"view", "graph"}}}},
        {"layer_spacing", {"100", {{"view", "graph"}}}},
        {"node_spacing", {"4", {{"view", "graph"}}}},
        {"ellipsize_after", {"2", {{"view", "graph"}}}},
        {"inout_as_tensor", {"false", {{"view", "graph"}}}},
        {"show_neurons", {"false", {{"view", "graph"}}}},
    };
    // Accepted for compatibility and without effect, as in visualkeras; to_file names the output.
    const std::map<std::string, Case> inert{{"legend_text_spacing_offset", {"0", {}}},
                                            {"to_file", {"fig.svg", {}}}};
    // Options that only matter for branching, repeating or named models; branching_test.cpp
    // levels_test.cpp, similar_blocks_test.cpp and expand_test.cpp show that they change those
    // pictures. The view chooses another layout altogether: tests/views show each.
    // The lenet view's own options: tests/views/lenet_options_test.cpp shows each (its labels:
    // lenet_labels_test.cpp).
    // The functional view's own options: tests/views/functional_options_test.cpp shows each;
    // those of its collapse, flat text and turned boxes the test below.
    const std::set<std::string> elsewhere{"collapse",
                                          "stages",
                                          "level",
                                          "expand",
                                          "view",
                                          "layer_spacing",
                                          "map_spacing",
                                          "max_visual_channels",
                                          "patch_fill",
                                          "patch_outline",
                                          "patch_scale",
                                          "seed",
                                          "draw_connections",
                                          "draw_patches",
                                          "top_label",
                                          "bottom_label",
                                          "top_label_padding",
                                          "bottom_label_padding",
                                          "top_label_callable",
                                          "bottom_label_callable",
                                          "top_labels",
                                          "bottom_labels",
                                          "column_spacing",
                                          "row_spacing",
                                          "component_spacing",
                                          "connector_arrow",
                                          "connector_padding",
                                          "add_output_nodes",
                                          "layout_iterations",
                                          "virtual_node_size",
                                          "render_virtual_nodes",
                                          "collapse_enabled",
                                          "collapse_rules",
                                          "collapse_annotations",
                                          "simple_text_visualization",
                                          "simple_text_label_mode",
                                          "orientation_rotation"};
    for (const OptionInfo& info : option_table()) {
        if (elsewhere.count(info.key) != 0) continue;
        const bool changes = cases.count(info.key) != 0;
        BOOST_TEST_REQUIRE((changes || inert.count(info.key) != 0),
                           "no test value for option " << info.key);
        const Case& c = changes ? cases.at(info.key) : inert.at(info.key);
        const Options before = base_options(c.context);
        Options after = before;
        set_option(after, info.key, c.value, "test");
        BOOST_TEST((svg_of(before) != svg_of(after)) == changes,
                   "option " << info.key << " = " << c.value);
    }
}

// The functional view's collapse rules, flat text and turned boxes, and the layered view's
// groups, logos and face images, each change the functional view's scene.
BOOST_AUTO_TEST_CASE(functional_options_change_the_functional_scene) {
    using test::layer;
    Model model;
    model.name = "repeating";
    model.layers = {layer("input", "InputLayer", {-1, 16, 16, 3}),
                    layer("conv_a", "Conv2D", {-1, 16, 16, 8}, {0}),
                    layer("relu_a", "ReLU", {-1, 16, 16, 8}, {1}),
                    layer("conv_b", "Conv2D", {-1, 16, 16, 8}, {2}),
                    layer("relu_b", "ReLU", {-1, 16, 16, 8}, {3}),
                    layer("dense", "Dense", {-1, 10}, {4})};
    model.inputs = {0};
    model.outputs = {{5, 0}};
    const std::string rules = "[{kind: block, selector: [Conv2D, ReLU], repeat_count: 2}]";
    const std::string with_image = "{conv_a: {image: face.png}}";
    const std::string with_logo = "[{file: face.png, layers: [Dense], name: dense}]";
    const std::map<std::string, Case> cases{
        {"collapse_enabled", {"true", {{"collapse_rules", rules}}}},
        {"collapse_rules", {rules, {{"collapse_enabled", "true"}}}},
        {"collapse_annotations",
         {"false", {{"collapse_enabled", "true"}, {"collapse_rules", rules}}}},
        {"simple_text_visualization", {"true", {}}},
        {"simple_text_label_mode", {"inside", {{"simple_text_visualization", "true"}}}},
        {"orientation_rotation", {"30", {{"draw_volume", "true"}}}},
        {"layered_groups", {"[{name: convs, layers: [conv_a, relu_b]}]", {}}},
        {"logo_groups", {with_logo, {}}},
        {"logos_legend", {"true", {{"logo_groups", with_logo}}}},
        {"image_fit", {"contain", {{"styles", with_image}}}},
        {"image_axis", {"y", {{"styles", with_image}, {"draw_volume", "true"}}}},
        {"link_images", {"true", {{"styles", with_image}}}},
    };
    const auto svg = [&](const Options& options) {
        Warnings warnings;
        test::FixedContext fixed;
        fixed.images.add("face.png", test::png_bytes(20, 10, 1, 0, 0));
        return to_svg(layout_layered(model, options, fixed.context(), warnings));
    };
    for (const auto& [key, c] : cases) {
        Options before;
        set_option(before, "view", "functional", "test");
        for (const auto& [k, v] : c.context) set_option(before, k, v, "test");
        Options after = before;
        set_option(after, key, c.value, "test");
        BOOST_TEST(svg(before) != svg(after), "option " << key << " = " << c.value);
    }
}
