#include <boost/test/unit_test.hpp>

#include "strata/error.hpp"
#include "strata/option_table.hpp"

using namespace strata;

BOOST_AUTO_TEST_CASE(every_option_has_a_flag_of_its_name) {
    for (const OptionInfo& info : option_table()) {
        std::string flag = info.key;
        for (char& c : flag) c = c == '_' ? '-' : c;
        BOOST_TEST(info.flag == flag);
    }
}

BOOST_AUTO_TEST_CASE(text_forms_of_each_kind) {
    Options o;
    set_option(o, "scale_xy", "2.5", "test");
    set_option(o, "draw-volume", "false", "test");
    set_option(o, "type_ignore", "InputLayer, Dropout", "test");
    set_option(o, "index_2D", "1,3", "test");
    set_option(o, "dimension_caps", "channels=140,sequence=220", "test");
    set_option(o, "color_map", "Conv2D=#ffb347/#8c4500,Dense=rgb(1,2,3)", "test");
    set_option(o, "background_fill", "#00000000", "test");
    set_option(o, "text_callable", "name_shape", "test");
    BOOST_TEST(o.scale_xy == 2.5);
    BOOST_TEST(!o.draw_volume);
    BOOST_TEST((o.type_ignore == std::vector<std::string>{"InputLayer", "Dropout"}));
    BOOST_TEST((o.index_2D == std::vector<std::size_t>{1, 3}));
    BOOST_TEST(*o.dimension_caps->channels == 140);
    BOOST_TEST(*o.dimension_caps->sequence == 220);
    BOOST_TEST(!o.dimension_caps->general.has_value());
    BOOST_TEST((*o.color_map["Conv2D"].outline == Rgba{0x8c, 0x45, 0x00, 255}));
    BOOST_TEST((*o.color_map["Dense"].fill == Rgba{1, 2, 3, 255}));
    BOOST_TEST(o.background_fill.a == 0);
    BOOST_TEST((o.text_callable == TextCallable::name_shape));
}

BOOST_AUTO_TEST_CASE(bad_values_say_what_was_expected) {
    Options o;
    auto message = [&](const char* key, const char* value) {
        try {
            set_option(o, key, value, "--flag");
        } catch (const Error& e) {
            return std::string(e.what());
        }
        return std::string("no error");
    };
    BOOST_TEST(message("padding", "ten") == "--flag: expected a number, got 'ten'");
    BOOST_TEST(message("padding", "nan").find("expected a number") != std::string::npos);
    BOOST_TEST(message("padding", "1e300").find("expected a number from") != std::string::npos);
    BOOST_TEST(message("min_xy", "-3").find("expected a number from") != std::string::npos);
    BOOST_TEST(message("draw_funnel", "maybe") == "--flag: expected true or false, got 'maybe'");
    BOOST_TEST(message("sizing_mode", "full_range").find("expected one of accurate, balanced") !=
               std::string::npos);
    BOOST_TEST(message("index_ignore", "1,-2").find("expected a layer index") != std::string::npos);
    BOOST_TEST(message("dimension_caps", "width=3").find("unknown dimension cap") !=
               std::string::npos);
    BOOST_TEST(message("font_color", "#12").find("expected a colour") != std::string::npos);
    BOOST_TEST(message("no_such_option", "1") == "--flag: unknown option 'no_such_option'");
}

BOOST_AUTO_TEST_CASE(option_file_sets_only_its_keys) {
    Options o;
    o.spacing = 33;
    apply_options_yaml(o,
                       "padding: 4\n"
                       "type_ignore: [InputLayer, Dropout]\n"
                       "color_map:\n"
                       "  Conv2D: {fill: orange, outline: black}\n"
                       "  Dense: teal\n"
                       "dimension_caps: {channels: 140}\n"
                       "draw_volume: false\n",
                       "fig.yaml");
    BOOST_TEST(o.padding == 4);
    BOOST_TEST(o.spacing == 33);  // untouched
    BOOST_TEST(o.type_ignore.size() == 2u);
    BOOST_TEST((*o.color_map["Conv2D"].fill == Rgba{255, 165, 0, 255}));
    BOOST_TEST((*o.color_map["Dense"].fill == Rgba{0, 128, 128, 255}));
    BOOST_TEST(*o.dimension_caps->channels == 140);
    BOOST_TEST(!o.draw_volume);
}

BOOST_AUTO_TEST_CASE(option_file_errors_carry_line_and_column) {
    Options o;
    auto error_of = [&](const std::string& yaml) {
        try {
            apply_options_yaml(o, yaml, "fig.yaml");
        } catch (const Error& e) {
            return std::string(e.what());
        }
        return std::string("no error");
    };
    BOOST_TEST(error_of("padding: 4\nspacing: [1, 2\n").rfind("fig.yaml:", 0) == 0);
    BOOST_TEST(error_of("padding: 4\nscale_z: big\n") ==
               "fig.yaml:2:10: scale_z: expected a number, got 'big'");
    BOOST_TEST(error_of("- 1\n- 2\n") ==
               "fig.yaml:1:1: expected a mapping of option names to values");
    BOOST_TEST(error_of("type_ignore: &x [*x]\n")
                   .find("fig.yaml:1:18: an alias refers to a node "
                         "that contains it (a cycle)") == 0);
    BOOST_TEST(error_of("nope: 1\n").find("unknown option 'nope'") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(presets_apply_their_keys) {
    // compact and presentation: visualkeras' presets, exactly.
    Options compact;
    apply_preset(compact, "compact");
    BOOST_TEST((compact.sizing_mode == SizingMode::accurate));
    BOOST_TEST(compact.spacing == 6);
    BOOST_TEST(compact.padding == 6);
    BOOST_TEST(compact.width.empty());
    BOOST_TEST(compact.height.empty());
    Options presentation;
    apply_preset(presentation, "presentation");
    BOOST_TEST(presentation.spacing == 18);
    BOOST_TEST(presentation.padding == 20);
    BOOST_TEST(presentation.connector_width == 2);
    BOOST_TEST((presentation.text_callable == TextCallable::name_shape));
    BOOST_TEST(presentation.legend);
    BOOST_TEST(presentation.font_size == Options{}.font_size);
    BOOST_TEST(presentation.width.empty());
    BOOST_TEST((presentation.level == Options{}.level));
    // paper: a column figure, its text left to the defaults or the document.
    Options paper;
    apply_preset(paper, "paper");
    BOOST_TEST(paper.width == "8.5cm");
    BOOST_TEST(paper.height == "20cm");
    BOOST_TEST((paper.level == Level::automatic));
    BOOST_TEST((paper.text_callable == TextCallable::name));
    BOOST_TEST((paper.caption_position == CaptionPosition::alternate));
    BOOST_TEST(paper.legend);
    BOOST_TEST(paper.font == Options{}.font);
    BOOST_TEST(paper.font_size == Options{}.font_size);
    BOOST_TEST(paper.spacing == 6);
    BOOST_TEST(paper.padding == 4);
    // slides: a 1280 x 720 slide, large sans text.
    Options slides;
    apply_preset(slides, "slides");
    BOOST_TEST(slides.width == "1280px");
    BOOST_TEST(slides.height == "720px");
    BOOST_TEST((slides.level == Level::automatic));
    BOOST_TEST((slides.text_callable == TextCallable::name));
    BOOST_TEST(slides.legend);
    BOOST_TEST(slides.font == "DejaVu Sans");
    BOOST_TEST(slides.font_size == 22);
    BOOST_TEST(slides.connector_width == 2);
    Options defaults;
    apply_preset(defaults, "default");
    BOOST_TEST(options_to_yaml(defaults) == options_to_yaml(Options{}));
    BOOST_TEST((preset_names() ==
                std::vector<std::string>{"default", "compact", "presentation", "paper", "slides"}));
    try {
        apply_preset(defaults, "fancy");
        BOOST_FAIL("an unknown preset was accepted");
    } catch (const Error& e) {
        BOOST_TEST(std::string(e.what()) ==
                   "--preset: unknown preset 'fancy' (expected one of default, compact, "
                   "presentation, paper, slides)");
    }
}

BOOST_AUTO_TEST_CASE(options_that_differ_say_only_what_was_chosen) {
    BOOST_TEST(options_to_yaml(Options{}, Options{}) == "{}\n");
    Options compact;
    apply_preset(compact, "compact");
    BOOST_TEST(options_to_yaml(compact, Options{}) == "padding: 6\nspacing: 6\n");
    // Read back over the defaults, they give the same options as the preset.
    Options read_back;
    apply_options_yaml(read_back, options_to_yaml(compact, Options{}), "fig.yaml");
    BOOST_TEST(options_to_yaml(read_back) == options_to_yaml(compact));
}

BOOST_AUTO_TEST_CASE(an_option_file_may_start_from_a_preset) {
    Options o;
    // The preset applies first wherever it stands, so the file's own keys win.
    apply_options_yaml(o, "spacing: 3\npreset: presentation\n", "fig.yaml");
    BOOST_TEST(o.spacing == 3);
    BOOST_TEST(o.padding == 20);
    BOOST_TEST(o.legend);
    try {
        apply_options_yaml(o, "preset: fancy\n", "fig.yaml");
        BOOST_FAIL("an unknown preset was accepted");
    } catch (const Error& e) {
        BOOST_TEST(std::string(e.what()) ==
                   "fig.yaml:1:9: unknown preset 'fancy' (expected one of default, compact, "
                   "presentation, paper, slides)");
    }
}

BOOST_AUTO_TEST_CASE(printed_options_read_back_the_same) {
    Options o;
    apply_preset(o, "presentation");
    apply_options_yaml(
        o,
        "color_map: {Conv2D: {fill: orange}}\n"
        "styles: {conv1: {scale_z: 2, image: face.png, image_fit: cover}}\n"
        "layered_groups: [{name: Features, layers: [conv1, conv2], padding: 6}]\n"
        "logo_groups: [{file: logo.png, layers: [Dense], size: [16, 12], corner: center}]\n"
        "logos_legend: {padding: 4}\n"
        "captions: {conv1: \"first\\nconv\"}\n"
        "dimension_caps: {channels: 140}\n"
        "index_2D: [2]\n",
        "/figures/fig.yaml");
    const std::string printed = options_to_yaml(o);
    Options again;
    apply_options_yaml(again, printed, "printed.yaml");
    BOOST_TEST(options_to_yaml(again) == printed);
    BOOST_TEST(*o.styles["conv1"].image == "/figures/face.png");  // relative to the option file
    BOOST_TEST(o.logo_groups[0].file == "/figures/logo.png");
    BOOST_TEST(o.logo_groups[0].size_px->first == 16);
    BOOST_TEST(o.layered_groups[0].padding == 6);
    BOOST_TEST(o.captions["conv1"] == "first\nconv");
    BOOST_TEST(o.logos_legend->padding == 4);
    BOOST_TEST(o.logos_legend->spacing == 10);
}

BOOST_AUTO_TEST_CASE(structures_from_the_command_line) {
    Options o;
    set_option(o, "layered-groups",
               "[{name: Head, layers: [dense], fill: '#c8e6c8', outline: green}]",
               "--layered-groups");
    BOOST_TEST(o.layered_groups.size() == 1u);
    BOOST_TEST((o.layered_groups[0].outline == Rgba{0, 128, 0, 255}));
    set_option(o, "logos-legend", "true", "--logos-legend");
    BOOST_TEST(o.logos_legend.has_value());
    auto error_of = [&](const char* key, const char* value) {
        try {
            set_option(o, key, value, std::string("--") + key);
        } catch (const Error& e) {
            return std::string(e.what());
        }
        return std::string("no error");
    };
    BOOST_TEST(error_of("layered-groups", "[{name: A, colour: red}]") ==
               "--layered-groups:1:12: layered_groups[0]: unknown key 'colour' (expected layers, "
               "name, caption, "
               "padding, fill, outline, width, font, font_size, font_color, text_spacing)");
    BOOST_TEST(error_of("styles", "{Conv2D: {fill: nocolour}}")
                   .find("styles.Conv2D.fill: expected a colour") != std::string::npos);
    BOOST_TEST(error_of("logo-groups", "[{layers: [a]}]").find("expected a file") !=
               std::string::npos);
    BOOST_TEST(error_of("layered-groups", "[{name: A").find("expected YAML") != std::string::npos);
    // YAML that cannot be read: the flag's place and its own example, not another option's.
    const std::string rules = error_of("collapse-rules", "[{kind: layer");
    BOOST_TEST(rules.rfind("--collapse-rules:1:1: expected YAML such as [{kind: block, selector: "
                           "[Conv2D, ReLU]",
                           0) == 0u,
               rules);
    const std::string labels = error_of("top-labels", "{a: b, c: [d}");
    BOOST_TEST(labels.rfind("--top-labels:1:", 0) == 0u, labels);
    BOOST_TEST(labels.find("expected YAML such as {") != std::string::npos, labels);
    BOOST_TEST(labels.find("layers:") == std::string::npos, labels);
}
