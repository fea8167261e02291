#pragma once

#include <memory>
#include <string>
#include <string_view>
#include <utility>

#include "strata/model_files.hpp"

#include "text/font_handles.hpp"

namespace strata {

// The bytes of a font file, read once and shared by whatever draws from them.
using FontBytes = std::shared_ptr<const std::string>;

// A font file and the index of the face inside it (collections hold several).
struct FontLocation {
    std::string file;
    int index = 0;
    auto operator<=>(const FontLocation&) const = default;
};

// True when `name` is meant as a path: it contains a '/'. (A bare file name is a family here;
// the user's own options make a font file in the working directory "./NAME", see user_font.)
bool names_font_file(std::string_view name);

// Turns the font name a user writes (a fontconfig pattern such as "DejaVu Sans:bold", or a
// path) into a font file. Throws strata::Error when there is no such file or family; a
// family fontconfig would replace by another one counts as missing, because measuring a
// substitute would silently give other widths than the font named in the output.
class FontLocator {
  public:
    // A font file a model file named (one `named` lists) is looked at beneath its folder.
    explicit FontLocator(ModelNamedFiles named = {}) : named_(std::move(named)) {}
    FontLocation locate(std::string_view name);
    // The bytes of the font file `location` names, read through one descriptor (beneath the
    // model's folder when a model file named it). FreeType and cairo draw from them and never
    // open the path again, so a file swapped after the check is never read. Throws
    // strata::Error when the file cannot be read or is larger than limits::kMaxFontFileBytes.
    FontBytes read(const FontLocation& location) const;

  private:
    FontLocation locate_file(std::string_view path) const;
    FontLocation locate_family(std::string_view pattern);

    ModelNamedFiles named_;
    FcConfigPtr config_;  // loaded on the first family lookup
};

}  // namespace strata
