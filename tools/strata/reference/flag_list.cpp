#include "flag_list.hpp"

#include <boost/program_options/cmdline.hpp>
#include <boost/program_options/value_semantic.hpp>

namespace po = boost::program_options;

namespace strata::reference {
namespace {

// value_semantic::name() decorates the value's name: "[=NAME(=true)]" for an implicit value,
// "NAME (=0)" for a default. The bare name is what the user types.
std::string bare_value_name(std::string name) {
    if (name.rfind("[=", 0) == 0) name.erase(0, 2);
    const std::size_t decoration = name.find_first_of("( ");
    if (decoration != std::string::npos) name.erase(decoration);
    return name;
}

}  // namespace

std::vector<std::string> Flag::choices() const {
    std::vector<std::string> words;
    if (value.find('|') == std::string::npos) return words;
    std::size_t start = 0;
    while (start <= value.size()) {
        std::size_t end = value.find('|', start);
        if (end == std::string::npos) end = value.size();
        words.push_back(value.substr(start, end - start));
        start = end + 1;
    }
    return words;
}

std::vector<Flag> flags_of(const po::options_description& description) {
    std::vector<Flag> flags;
    for (const auto& option : description.options()) {
        Flag flag;
        flag.long_name = option->long_name();
        const std::string short_form =
            option->canonical_display_name(po::command_line_style::allow_dash_for_short);
        if (short_form.size() == 2 && short_form[0] == '-') flag.short_name = short_form.substr(1);
        const auto semantic = option->semantic();
        if (semantic->max_tokens() > 0) flag.value = bare_value_name(semantic->name());
        flag.value_optional = semantic->max_tokens() > 0 && semantic->min_tokens() == 0;
        flag.description = option->description();
        flags.push_back(std::move(flag));
    }
    return flags;
}

}  // namespace strata::reference
