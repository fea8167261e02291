#include "text/font_locator.hpp"

#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <array>
#include <cerrno>
#include <string>

#include "input/input_file.hpp"
#include "input/model_named_files.hpp"
#include "input/open_beneath.hpp"
#include "strata/error.hpp"
#include "strata/limits.hpp"
#include "strata/printable.hpp"
#include "text/font_lookup_cache.hpp"

namespace strata {
namespace {

// Generic CSS/fontconfig families stand for whatever font the system maps them to.
constexpr std::array<std::string_view, 8> kGenericFamilies = {
    "serif", "sans-serif", "sans", "monospace", "mono", "cursive", "fantasy", "system-ui"};

// fontconfig itself compares families ignoring case and blanks ("dejavusans" finds
// "DejaVu Sans"), so the same notion decides whether a match is the requested family.
std::string family_key(std::string_view family) {
    std::string key;
    for (char c : family) {
        if (c == ' ') continue;
        key += (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
    }
    return key;
}

bool is_generic_family(std::string_view family) {
    const std::string key = family_key(family);
    for (std::string_view generic : kGenericFamilies) {
        if (key == family_key(generic)) return true;
    }
    return false;
}

bool has_family(FcPattern* pattern, const std::string& wanted_key) {
    FcChar8* family = nullptr;
    for (int i = 0; FcPatternGetString(pattern, FC_FAMILY, i, &family) == FcResultMatch; ++i) {
        if (family_key(reinterpret_cast<const char*>(family)) == wanted_key) return true;
    }
    return false;
}

// A font option is a family and, after ':', a style ("DejaVu Sans:bold"). The rest of
// fontconfig's pattern language (":file=", ":lang=", "-12", ":charset=") has no business in
// an option file and is refused, so a name can only ever select an installed family's face.
void check_style_only(FcPattern* pattern, const std::string& text) {
    constexpr std::array<std::string_view, 5> kAllowed = {FC_FAMILY, FC_STYLE, FC_WEIGHT, FC_SLANT,
                                                          FC_WIDTH};
    FcPatternIter iter;
    FcPatternIterStart(pattern, &iter);
    do {
        const char* object = FcPatternIterGetObject(pattern, &iter);
        if (object == nullptr) break;
        if (std::find(kAllowed.begin(), kAllowed.end(), std::string_view(object)) ==
            kAllowed.end()) {
            throw Error("", "font " + quoted_text(text) +
                                ": only a family and a style may be given (as in "
                                "'DejaVu Sans:bold'), not " +
                                quoted_text(object));
        }
    } while (FcPatternIterNext(pattern, &iter));
}

}  // namespace

bool names_font_file(std::string_view name) {
    return name.find('/') != std::string_view::npos;
}

FontLocation FontLocator::locate(std::string_view name) {
    if (name.empty()) throw Error("", "font name is empty");
    if (name.find('\0') != std::string_view::npos) throw Error("", "font name contains NUL");
    return names_font_file(name) ? locate_file(name) : locate_family(name);
}

FontLocation FontLocator::locate_file(std::string_view path) const {
    // Only a regular file is handed to FreeType: a FIFO would block its open for ever.
    const std::string file(path);
    const std::string name = "font file " + quoted_text(file);
    struct stat info {};
    if (const ModelFolderPath* inside = named_.find(file)) {
        // Named by a model file: looked at only beneath the model's folder, through the
        // descriptor of what was opened there.
        const int fd = io::open_beneath(inside->folder, inside->relative);
        if (fd < 0 && errno == EXDEV) throw Error("", name + ": " + io::outside_model_folder(file));
        if (fd < 0) throw Error("", name + " not found");
        const bool looked = ::fstat(fd, &info) == 0;
        ::close(fd);
        if (!looked) throw Error("", name + " not found");
    } else if (::stat(file.c_str(), &info) != 0) {
        throw Error("", name + " not found");
    }
    if (S_ISDIR(info.st_mode)) throw Error("", name + " is a directory");
    if (!S_ISREG(info.st_mode))
        throw Error("", name + " is not a regular file (a FIFO, socket or device)");
    return {file, 0};
}

FontBytes FontLocator::read(const FontLocation& location) const {
    const std::string name = "font file " + quoted_text(location.file);
    std::string bytes;
    try {
        bytes =
            io::read_input_file(location.file, limits::kMaxFontFileBytes, "the font file", named_);
    } catch (const Error& e) {
        throw Error("", name + ": " + e.message());
    }
    if (bytes.size() > limits::kMaxFontFileBytes) {
        throw Error("", name + " is larger than " +
                            std::to_string(limits::kMaxFontFileBytes >> 20) + " MiB");
    }
    return std::make_shared<const std::string>(std::move(bytes));
}

FontLocation FontLocator::locate_family(std::string_view pattern_text) {
    const std::string text(pattern_text);
    const FcPatternPtr pattern(FcNameParse(reinterpret_cast<const FcChar8*>(text.c_str())));
    FcChar8* requested = nullptr;
    if (!pattern || FcPatternGetString(pattern.get(), FC_FAMILY, 0, &requested) != FcResultMatch) {
        throw Error("", "font " + quoted_text(text) + " names no font family");
    }
    check_style_only(pattern.get(), text);
    const std::string requested_family(reinterpret_cast<const char*>(requested));

    // fontconfig is started only when the cache has no valid answer.
    const FontLookupCache cache(FontLookupCache::default_file());
    const std::string key = font_lookup_key(text);
    if (auto remembered = cache.find(key)) return *std::move(remembered);

    if (!config_) config_.reset(FcInitLoadConfigAndFonts());
    if (!config_) throw Error("", "fontconfig could not be initialised");
    FcConfigSubstitute(config_.get(), pattern.get(), FcMatchPattern);
    FcDefaultSubstitute(pattern.get());
    FcResult result = FcResultNoMatch;
    const FcPatternPtr match(FcFontMatch(config_.get(), pattern.get(), &result));

    FcChar8* file = nullptr;
    const bool found = match && FcPatternGetString(match.get(), FC_FILE, 0, &file) == FcResultMatch;
    if (!found || (!is_generic_family(requested_family) &&
                   !has_family(match.get(), family_key(requested_family)))) {
        throw Error("", "font " + quoted_text(requested_family) +
                            " not found (fontconfig has no such family)");
    }
    int index = 0;
    FcPatternGetInteger(match.get(), FC_INDEX, 0, &index);
    FontLocation location{reinterpret_cast<const char*>(file), index};
    cache.store(key, location, font_lookup_inputs(config_.get(), location.file));
    return location;
}

}  // namespace strata
