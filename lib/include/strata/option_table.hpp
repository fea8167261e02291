#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "strata/options.hpp"

namespace strata {

// What kind of value an option takes; decides how its text is read.
enum class OptionKind {
    number,
    boolean,
    text,
    choice,
    color,
    name_list,
    index_list,
    dimension_caps,
    color_map,
    structure  // a list or mapping, written as YAML (flow style on the command line)
};

// One option of the layered view as the option file (snake_case key) and the command line
// (kebab-case flag) know it.
struct OptionInfo {
    std::string key;   // snake_case, as in option files: "scale_xy"
    std::string flag;  // kebab-case, as on the command line: "scale-xy"
    OptionKind kind;
    std::string help;                  // one line
    std::vector<std::string> choices;  // for OptionKind::choice
    // Names an output file: a model file cannot set it and a model spec never carries it.
    bool names_output = false;
};

// Every option that can be set, in the order the help lists them.
const std::vector<OptionInfo>& option_table();

// Sets option `key` from its text form ("1.5", "true", "InputLayer,Dropout", "#ffd166",
// "channels=140,sequence=220", "Conv2D=#ffb347/#8c4500", or YAML for structures such as
// "[{name: Features, layers: [conv1, conv2]}]"). `where` names the source for errors.
// Throws strata::Error saying what was expected.
void set_option(Options& options, std::string_view key, std::string_view value,
                const std::string& where);

// Chooses the view a model is drawn as, with that view's defaults (visualkeras' defaults for
// its function) for every option whose default differs between views: the first layer of a
// figure's options, before the preset, option file and flags. The `view` option sets it so.
void apply_view(Options& options, View view);

// Applies an option file (YAML mapping with the same keys as the Options fields); only the keys
// it sets change. A `view` key, then a `preset` key, are applied first, wherever they stand.
// Throws strata::Error with file, line and column on bad input.
void apply_options_file(Options& options, const std::string& path);

// The same from YAML text; `source_name` is used in messages.
void apply_options_yaml(Options& options, std::string_view yaml, const std::string& source_name);

// The preset an option file names with its `preset` key, or "" when it names none: what its
// figure starts from, as a --preset flag would. Throws like apply_options_file.
std::string options_file_preset(const std::string& path);

// The names of the built-in presets: default, compact, presentation, paper, slides.
std::vector<std::string> preset_names();

// Applies a built-in preset (only the keys it sets): the view's own preset of that name when the
// view has one (templates/presets/VIEW-NAME.yaml), else the common one. Throws strata::Error for
// an unknown name, listing the known ones.
void apply_preset(Options& options, std::string_view name);

// Every option with its value, as a YAML option file that reproduces `options`.
std::string options_to_yaml(const Options& options);

// The options whose value differs from `base`, as a YAML option file that turns `base` into
// `options` ("{}" when none differs). With `base` = Options{} the file reproduces `options`
// from the defaults and says only what was chosen.
std::string options_to_yaml(const Options& options, const Options& base);

}  // namespace strata
