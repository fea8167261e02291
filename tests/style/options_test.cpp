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
    BOOST_TEST(o.text_callable == "name_shape");
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
    BOOST_TEST(error_of("type_ignore: &x [*x]\n").find("expected a single value") !=
               std::string::npos);
    BOOST_TEST(error_of("nope: 1\n").find("unknown option 'nope'") != std::string::npos);
}
