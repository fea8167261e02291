#pragma once

#include <yaml-cpp/yaml.h>

#include <string>

#include "strata/error.hpp"
#include "strata/model_files.hpp"
#include "strata/option_places.hpp"

namespace strata {

// Where YAML option values come from: a file (relative paths inside it are relative to its
// folder) or a command-line flag (relative to the working directory).
struct YamlSource {
    std::string name;      // file path or "--flag"
    std::string base_dir;  // "" for the working directory
    // A model file is data: the files it names stay inside its own folder (unless the user
    // allows more), and it never names an output.
    bool model_file = false;
    bool allow_outside_paths = false;  // the user lifted the folder rule for this model file
    bool preset = false;               // a built-in preset, which may not name another
    // Where the paths a model file names are recorded with their folder: the model_files of
    // the options being read (unset: not recorded).
    ModelNamedFiles* named_files = nullptr;
    // Where the place of each font read is recorded: the font_places of the options being
    // read (unset: not recorded).
    OptionPlaces* font_places = nullptr;
    // Where the place of each option set (option_places) and each picture named
    // (picture_places) is recorded: those of the options being read (unset: not recorded).
    OptionPlaces* option_places = nullptr;
    OptionPlaces* picture_places = nullptr;
};

// The place of `node` in the source, for the option `option` (line 0 when it has none).
OptionPlace yaml_place(const YamlSource& source, const YAML::Node& node, const std::string& option);

// Records that the option `key` was given at `node`, labelled `option` in messages (the key
// itself unless a spec's layer gives it under another name), in source.option_places.
void record_option_place(const YamlSource& source, const YAML::Node& node, const std::string& key,
                         const std::string& option);

// An error at a node's line and column.
Error yaml_error(const YamlSource& source, const YAML::Node& node, const std::string& message);

// The text of a scalar node; anything else is an error naming `what`.
std::string yaml_scalar(const YamlSource& source, const YAML::Node& node, const std::string& what);

// A path given in an option, made relative to the source's folder. From a model file, a path
// that is absolute or leads outside the model's folder (by "..", or a symbolic link on the
// way, even a dangling one) is refused, with a message that says nothing about whether the
// file exists; a path kept is recorded in `source.named_files` so that it is opened beneath
// the folder when read.
std::string yaml_path(const YamlSource& source, const YAML::Node& node, const std::string& what);

// A picture option (a face image, a logo): a path as yaml_path reads it, whose place is
// recorded in source.picture_places, so that a picture that cannot be read when it is placed
// is an error at that place.
std::string yaml_picture(const YamlSource& source, const YAML::Node& node, const std::string& what);

// A font option: a fontconfig family, or a font file. From a model file, a font that holds a
// '/' is a path as yaml_path reads it and anything else a family; elsewhere as user_font says.
// The font is found only when text is measured: its place is recorded in source.font_places.
std::string yaml_font(const YamlSource& source, const YAML::Node& node, const std::string& what);

// A font the user gives (a flag, an option file): a name without a '/' that is a file in the
// working directory is that file ("./NAME", as the font lookup tells files by a '/'); anything
// else is kept as it is.
std::string user_font(std::string font);

}  // namespace strata
