// Options built in C++ are checked by the same rules, in the same words, as flags and option
// files; every choice has one table of names that every form reads.
#include <boost/test/unit_test.hpp>

#include <functional>
#include <limits>
#include <string>

#include "strata/error.hpp"
#include "strata/layout.hpp"
#include "strata/option_table.hpp"

using namespace strata;

namespace {

// "FILE: message" of the error `action` throws, or "no error".
std::string error_of(const std::function<void()>& action) {
    try {
        action();
    } catch (const Error& e) {
        return e.file() + ": " + e.message();
    }
    return "no error";
}

std::string validation_error(const Options& options) {
    return error_of([&] { validate(options); });
}

// What the command line says for `--flag value`, with the option's key as the place.
std::string flag_error(const std::string& key, const std::string& value) {
    std::string flag = key;
    for (char& c : flag) c = c == '_' ? '-' : c;
    const std::string said = error_of([&] {
        Options o;
        set_option(o, key, value, "--" + flag);
    });
    return said.starts_with("--" + flag + ": ") ? key + said.substr(flag.size() + 2) : said;
}

// What an option file says, without its file, line and column.
std::string file_error(const std::string& yaml) {
    try {
        Options o;
        apply_options_yaml(o, yaml, "fig.yaml");
    } catch (const Error& e) {
        return e.message();
    }
    return "no error";
}

}  // namespace

BOOST_AUTO_TEST_CASE(defaults_and_presets_are_valid) {
    BOOST_TEST(validation_error(Options{}) == "no error");
    for (const std::string& name : preset_names()) {
        Options o;
        apply_preset(o, name);
        BOOST_TEST(validation_error(o) == "no error");
    }
}

BOOST_AUTO_TEST_CASE(bad_values_built_in_cpp_get_the_command_line_message) {
    Options o;
    o.padding = -1;
    BOOST_TEST(validation_error(o) == flag_error("padding", "-1"));
    BOOST_TEST(validation_error(o).find("expected a number from 0") != std::string::npos);

    o = {};
    o.font_size = 2000;
    BOOST_TEST(validation_error(o) == flag_error("font_size", "2000"));

    o = {};
    o.sizing_mode = static_cast<SizingMode>(99);
    BOOST_TEST(validation_error(o) == flag_error("sizing_mode", "99"));
    BOOST_TEST(validation_error(o) ==
               "sizing_mode: expected one of accurate, balanced, capped, logarithmic, relative, "
               "got '99'");

    o = {};
    o.width = "17 furlongs";
    BOOST_TEST(validation_error(o) == flag_error("width", "17 furlongs"));

    o = {};
    o.height = "-3cm";
    BOOST_TEST(validation_error(o) == flag_error("height", "-3cm"));

    o = {};
    o.index_ignore = {3, 20000};
    BOOST_TEST(validation_error(o) == flag_error("index_ignore", "3,20000"));

    o = {};
    o.font.clear();
    BOOST_TEST(validation_error(o) == flag_error("font", ""));

    o = {};
    o.scale_xy = std::numeric_limits<double>::quiet_NaN();
    BOOST_TEST(validation_error(o) == flag_error("scale_xy", "nan"));
}

BOOST_AUTO_TEST_CASE(bad_structures_built_in_cpp_get_the_option_file_message) {
    Options o;
    o.styles["conv1"].scale_z = -2;
    BOOST_TEST(validation_error(o) == file_error("styles: {conv1: {scale_z: -2}}"));

    o = {};
    o.styles["conv1"].image_fit = static_cast<ImageFit>(7);
    BOOST_TEST(validation_error(o) == file_error("styles: {conv1: {image_fit: '7'}}"));

    o = {};
    o.logo_groups.push_back(LogoGroup{});
    BOOST_TEST(validation_error(o) == file_error("logo_groups: [{layers: [a]}]"));

    o = {};
    LogoGroup padded;
    padded.file = "logo.png";
    padded.padding = -3;
    o.logo_groups.push_back(padded);
    BOOST_TEST(validation_error(o) ==
               file_error("logo_groups: [{file: logo.png, layers: [a], padding: -3}]"));

    o = {};
    LayerGroup tiny;
    tiny.font_size = 0.1;
    o.layered_groups.push_back(tiny);
    BOOST_TEST(validation_error(o) ==
               file_error("layered_groups: [{layers: [a], font_size: 0.1}]"));

    o = {};
    o.dimension_caps.emplace().channels = -1;
    BOOST_TEST(validation_error(o) == file_error("dimension_caps: {channels: -1}"));
}

BOOST_AUTO_TEST_CASE(every_layout_entry_point_validates) {
    Options o;
    o.caption_position = static_cast<CaptionPosition>(5);
    const std::string expected = flag_error("caption_position", "5");
    Model model;
    Warnings warnings;
    BOOST_TEST(error_of([&] { layout_layered(model, o, warnings); }) == expected);
    BOOST_TEST(error_of([&] { layout_to_width(model, o, 100, warnings); }) == expected);
    BOOST_TEST(error_of([&] { layout_for_latex(model, o, warnings); }) == expected);
}

BOOST_AUTO_TEST_CASE(the_option_table_lists_each_enum_from_its_name_table) {
    const auto choices_of = [](const std::string& key) {
        for (const OptionInfo& info : option_table()) {
            if (info.key == key) return info.choices;
        }
        return std::vector<std::string>{};
    };
    BOOST_TEST(choices_of("sizing_mode") == choice_list<SizingMode>());
    BOOST_TEST(choices_of("one_dim_orientation") == choice_list<Axis>());
    BOOST_TEST(choices_of("image_axis") == choice_list<Axis>());
    BOOST_TEST(choices_of("text_callable") == choice_list<TextCallable>());
    BOOST_TEST(choices_of("caption_position") == choice_list<CaptionPosition>());
    BOOST_TEST(choices_of("image_fit") == choice_list<ImageFit>());
    BOOST_TEST(choices_of("collapse") == choice_list<Collapse>());
    BOOST_TEST(choices_of("level") == choice_list<Level>());
    BOOST_TEST(flag_error("level", "module") ==
               "level: expected one of layer, block, stage, auto, got 'module'");
    BOOST_TEST(flag_error("collapse", "some") ==
               "collapse: expected one of none, exact, similar, auto, got 'some'");
    // A name not in the table is quoted like any untrusted text: cut at 200 characters.
    BOOST_TEST(flag_error("collapse", std::string(300, 'x')) ==
               "collapse: expected one of none, exact, similar, auto, got '" +
                   std::string(200, 'x') + "\u2026'");
}

BOOST_AUTO_TEST_CASE(every_name_reads_back_as_its_value) {
    for (const std::string& name : choice_list<SizingMode>()) {
        Options o;
        set_option(o, "sizing_mode", name, "test");
        BOOST_TEST(name_of(o.sizing_mode) == name);
        Options back;
        apply_options_yaml(back, options_to_yaml(o), "written.yaml");
        BOOST_TEST((back.sizing_mode == o.sizing_mode));
    }
    for (const std::string& name : choice_list<Corner>()) {
        Options o;
        LogoGroup logo;
        logo.file = "logo.png";
        logo.corner = *choice_named<Corner>(name);
        o.logo_groups.push_back(logo);
        const std::string yaml = options_to_yaml(o);
        BOOST_TEST(yaml.find("corner: \"" + name + "\"") != std::string::npos);
        Options back;
        apply_options_yaml(back, yaml, "written.yaml");
        BOOST_TEST((back.logo_groups.at(0).corner == o.logo_groups[0].corner));
    }
    Options none;
    set_option(none, "text_callable", "", "test");
    BOOST_TEST((none.text_callable == TextCallable::none));
    BOOST_TEST(options_to_yaml(none).find("text_callable: none\n") != std::string::npos);
}
