#include "bash_completion.hpp"

#include <sstream>
#include <vector>

#include "../command_table.hpp"
#include "flag_list.hpp"

namespace strata::reference {
namespace {

// Words joined by spaces, each single-quoted for the shell (choices are plain words, but the
// script must stay valid whatever the tables hold).
std::string quoted_words(const std::vector<std::string>& words) {
    std::string out;
    for (const std::string& word : words) {
        if (!out.empty()) out += ' ';
        out += '\'';
        for (char c : word) out += c == '\'' ? std::string("'\\''") : std::string(1, c);
        out += '\'';
    }
    return out;
}

// The `case` branch that completes the value of `flag`: its choices, a file or a folder.
std::string value_branch(const Flag& flag) {
    std::string patterns = "--" + flag.long_name;
    if (!flag.short_name.empty()) patterns += "|-" + flag.short_name;
    const std::vector<std::string> choices = flag.choices();
    std::string action;
    if (!choices.empty()) {
        action = "_strata_words " + quoted_words(choices);
    } else if (flag.value == "FILE") {
        action = "_strata_files -f";
    } else if (flag.value == "DIR") {
        action = "_strata_files -d";
    } else {
        action = "COMPREPLY=()";  // a number or free text: nothing to offer
    }
    return "            " + patterns + ") " + action + "; return ;;\n";
}

void write_command(std::ostream& out, const cli::CommandInfo& command) {
    std::vector<std::string> names;
    std::string values_after_space, values_after_equals;
    for (const cli::FlagGroup& group : cli::command_flag_groups(command.name)) {
        for (const Flag& flag : flags_of(group.flags)) {
            names.push_back("--" + flag.long_name);
            if (!flag.short_name.empty()) names.push_back("-" + flag.short_name);
            if (flag.value.empty()) continue;
            values_after_equals += value_branch(flag);
            if (!flag.value_optional) values_after_space += value_branch(flag);
        }
    }
    out << "_strata_" << command.name << "() {\n"
        << "    local cur=$1 prev=$2 option=$3\n"
        << "    if [[ -n $option ]]; then\n"
        << "        case $option in\n"
        << values_after_equals << "        esac\n"
        << "        return\n"
        << "    fi\n"
        << "    case $prev in\n"
        << values_after_space << "    esac\n"
        << "    if [[ $cur == -* ]]; then\n"
        << "        _strata_words " << quoted_words(names) << "\n"
        << "    else\n"
        << "        " << (command.takes_model ? "_strata_files -f" : "COMPREPLY=()") << "\n"
        << "    fi\n"
        << "}\n\n";
}

}  // namespace

std::string bash_completion() {
    std::ostringstream out;
    std::vector<std::string> commands;
    for (const cli::CommandInfo& command : cli::command_table()) commands.push_back(command.name);
    std::vector<std::string> first_words = commands;
    first_words.insert(first_words.end(), {"--help", "--version"});

    out << "# bash completion for strata(1), generated from the options of the strata tool; do "
           "not edit.\n\n"
        << "# Offers the words that start with the current word.\n"
        << "_strata_words() {\n"
        << "    local word\n"
        << "    COMPREPLY=()\n"
        << "    for word in \"$@\"; do\n"
        << "        [[ $word == \"$_strata_cur\"* ]] && COMPREPLY+=(\"$word\")\n"
        << "    done\n"
        << "}\n\n"
        << "# Offers file (-f) or folder (-d) names.\n"
        << "_strata_files() {\n"
        << "    compopt -o filenames 2>/dev/null\n"
        << "    mapfile -t COMPREPLY < <(compgen \"$1\" -- \"$_strata_cur\")\n"
        << "}\n\n";
    for (const cli::CommandInfo& command : cli::command_table()) write_command(out, command);
    out << "_strata() {\n"
        << "    local cword=$COMP_CWORD\n"
        << "    local _strata_cur=${COMP_WORDS[cword]} prev=${COMP_WORDS[cword - 1]} option=\n"
        << "    # bash splits --flag=value at '=': the value's flag is the word before it.\n"
        << "    if [[ $_strata_cur == = ]]; then\n"
        << "        option=$prev _strata_cur=\n"
        << "    elif [[ $prev == = ]] && ((cword >= 2)); then\n"
        << "        option=${COMP_WORDS[cword - 2]}\n"
        << "    fi\n"
        << "    local i command=\n"
        << "    for ((i = 1; i < cword; i++)); do\n"
        << "        case ${COMP_WORDS[i]} in\n"
        << "            ";
    for (std::size_t i = 0; i < commands.size(); ++i) out << (i ? "|" : "") << commands[i];
    out << ") command=${COMP_WORDS[i]}; break ;;\n"
        << "        esac\n"
        << "    done\n"
        << "    case $command in\n";
    for (const std::string& command : commands) {
        out << "        " << command << ") _strata_" << command
            << " \"$_strata_cur\" \"$prev\" \"$option\" ;;\n";
    }
    out << "        *) _strata_words " << quoted_words(first_words) << " ;;\n"
        << "    esac\n"
        << "}\n\n"
        << "complete -F _strata strata\n";
    return out.str();
}

}  // namespace strata::reference
