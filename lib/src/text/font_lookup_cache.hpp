#pragma once

// Starting fontconfig (reading its configuration and the caches of every font folder) costs a
// run milliseconds, more than drawing a figure. The file a font name resolves to is therefore
// remembered in a small cache file, together with a stamp of every file and folder the answer
// depends on (fontconfig's configuration files and folders, the font folders, the font file);
// an entry whose stamps no longer match is not used, so the answer is never stale.

#include <fontconfig/fontconfig.h>

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "text/font_locator.hpp"

namespace strata {

class FontLookupCache {
  public:
    // `file` is the cache file; empty: nothing is remembered.
    explicit FontLookupCache(std::string file) : file_(std::move(file)) {}

    // $XDG_CACHE_HOME/strata/font-lookups, or ~/.cache/strata/font-lookups; empty when neither
    // variable names an absolute folder.
    static std::string default_file();

    // What fontconfig answered for `key` last time, if nothing it depends on changed since.
    std::optional<FontLocation> find(const std::string& key) const;

    // Remembers `location` for `key`, valid while the files and folders `inputs` are unchanged
    // (a path that did not exist must still not exist). Failing to write the cache is not an
    // error: the next run asks fontconfig again.
    void store(const std::string& key, const FontLocation& location,
               const std::vector<std::string>& inputs) const;

  private:
    std::string file_;
};

// The cache key of a font pattern: the pattern and the environment fontconfig reads (where its
// configuration is, the home and XDG folders, the language that orders the candidates).
std::string font_lookup_key(std::string_view pattern);

// Every file and folder whose change can change what `config` answers for `font_file`.
std::vector<std::string> font_lookup_inputs(FcConfig* config, const std::string& font_file);

}  // namespace strata
