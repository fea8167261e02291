#include "option_flags.hpp"

#include "strata/option_table.hpp"

namespace po = boost::program_options;

namespace strata::cli {
namespace {

std::string value_hint(const OptionInfo& info) {
    switch (info.kind) {
        case OptionKind::number:
            return " (number)";
        case OptionKind::color:
            return " (colour)";
        case OptionKind::name_list:
            return " (A,B,...)";
        case OptionKind::index_list:
            return " (0,1,...)";
        case OptionKind::choice: {
            std::string list;
            for (const std::string& c : info.choices) list += (list.empty() ? "" : "|") + c;
            return " (" + list + ")";
        }
        case OptionKind::structure:
            return " (YAML)";
        default:
            return "";
    }
}

}  // namespace

po::options_description layered_option_flags() {
    po::options_description flags("Layered view options (also valid as keys of an --options file)",
                                  100, 50);
    flags.add_options()("preset", po::value<std::string>(),
                        "built-in preset: default, compact or presentation")(
        "options", po::value<std::string>(), "YAML option file (same keys as the options below)");
    for (const OptionInfo& info : option_table()) {
        std::string help = info.help + value_hint(info);
        if (info.kind == OptionKind::boolean) {
            flags.add_options()(info.flag.c_str(), po::value<std::string>()->implicit_value("true"),
                                help.c_str());
            std::string negated = "no-" + info.flag;
            flags.add_options()(negated.c_str(), po::bool_switch(),
                                ("opposite of --" + info.flag).c_str());
        } else {
            flags.add_options()(info.flag.c_str(), po::value<std::string>(), help.c_str());
        }
    }
    return flags;
}

namespace {

void apply_option_flags(const po::variables_map& given, Options& options) {
    for (const OptionInfo& info : option_table()) {
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
    if (given.count("preset")) apply_preset(options, given["preset"].as<std::string>());
    if (given.count("options")) apply_options_file(options, given["options"].as<std::string>());
    apply_option_flags(given, options);
    return options;
}

}  // namespace strata::cli
