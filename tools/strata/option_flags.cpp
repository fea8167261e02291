#include "option_flags.hpp"

#include <utility>

#include "strata/option_table.hpp"

namespace po = boost::program_options;

namespace strata::cli {
namespace {

// The value's name in --help, the manual page and the shell completion: the allowed words
// joined by '|' for a choice (the completion offers them), else what the text must be.
std::string value_name(const OptionInfo& info) {
    switch (info.kind) {
        case OptionKind::number:
            return "NUMBER";
        case OptionKind::boolean:
            return "true|false";
        case OptionKind::text:
            return "TEXT";
        case OptionKind::choice: {
            std::string list;
            for (const std::string& c : info.choices) list += (list.empty() ? "" : "|") + c;
            return list;
        }
        case OptionKind::color:
            return "COLOUR";
        case OptionKind::name_list:
            return "A,B,...";
        case OptionKind::index_list:
            return "0,1,...";
        case OptionKind::dimension_caps:
            return "KIND=N,...";
        case OptionKind::color_map:
            return "CLASS=FILL[/OUTLINE],...";
        case OptionKind::structure:
            return "YAML";
    }
    return "VALUE";
}

std::string preset_choices() {
    std::string list;
    for (const std::string& name : preset_names()) list += (list.empty() ? "" : "|") + name;
    return list;
}

}  // namespace

FlagGroup layered_option_flags() {
    FlagGroup group("Layered view options (also valid as keys of an --options file)");
    po::options_description& flags = group.flags;
    flags.add_options()("preset", po::value<std::string>()->value_name(preset_choices()),
                        "built-in preset")("options", po::value<std::string>()->value_name("FILE"),
                                           "YAML option file (same keys as the options below)");
    for (const OptionInfo& info : option_table()) {
        const std::string& help = info.help;
        if (info.kind == OptionKind::boolean) {
            flags.add_options()(
                info.flag.c_str(),
                po::value<std::string>()->implicit_value("true")->value_name(value_name(info)),
                help.c_str());
            std::string negated = "no-" + info.flag;
            flags.add_options()(negated.c_str(), po::bool_switch(),
                                ("opposite of --" + info.flag).c_str());
        } else {
            flags.add_options()(info.flag.c_str(),
                                po::value<std::string>()->value_name(value_name(info)),
                                help.c_str());
        }
    }
    return group;
}

namespace {

void apply_option_flags(const po::variables_map& given, Options& options) {
    for (const OptionInfo& info : option_table()) {
        if (info.key == "view") continue;  // applied first, with its defaults
        if (given.count(info.flag) != 0) {
            set_option(options, info.key, given[info.flag].as<std::string>(), "--" + info.flag);
        }
        std::string negated = "no-" + info.flag;
        if (info.kind == OptionKind::boolean && given.count(negated) != 0 &&
            given[negated].as<bool>()) {
            set_option(options, info.key, "false", "--" + negated);
        }
    }
}

}  // namespace

Options resolve_options(const po::variables_map& given, Options base) {
    Options options = std::move(base);
    // The view brings its defaults: the preset, option file and other flags apply on top.
    if (given.count("view")) set_option(options, "view", given["view"].as<std::string>(), "--view");
    if (given.count("preset")) apply_preset(options, given["preset"].as<std::string>());
    if (given.count("options")) apply_options_file(options, given["options"].as<std::string>());
    apply_option_flags(given, options);
    return options;
}

}  // namespace strata::cli
