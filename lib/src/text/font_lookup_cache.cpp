#include "text/font_lookup_cache.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <array>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <set>
#include <sstream>

namespace strata {
namespace {

constexpr std::string_view kHeader = "strata font lookups 1";
constexpr std::size_t kMaxCacheBytes = 1 << 20;  // far more than kMaxEntries ever need
constexpr std::size_t kMaxEntries = 16;

// One remembered answer, as the file holds it.
struct Entry {
    std::string key;
    FontLocation location;
    std::vector<std::pair<std::string, std::string>> stamps;  // path, stamp
};

// What a change to a file or folder changes: its times (the change time too, which no one can
// set back), size and identity. "-" for a path that does not exist.
std::string stamp_of(const std::string& path) {
    struct stat info {};
    if (::stat(path.c_str(), &info) != 0) return "-";
    std::ostringstream out;
    out << info.st_mtim.tv_sec << '.' << info.st_mtim.tv_nsec << ',' << info.st_ctim.tv_sec << '.'
        << info.st_ctim.tv_nsec << ',' << info.st_size << ',' << info.st_ino << ',' << info.st_dev;
    return out.str();
}

std::string environment(const char* name) {
    const char* value = std::getenv(name);
    return value != nullptr ? value : "";
}

bool storable(std::string_view text) {
    return text.find('\n') == std::string_view::npos && text.find('\r') == std::string_view::npos;
}

// The entries of a cache file; whatever does not read as one (a damaged or foreign file) ends
// the list, so that it is merely not used.
// The cache file's bytes, or nothing unless it is a regular file of this user that no one else
// may write (another's file could name any font file), opened without waiting (a FIFO in its
// place) and at most kMaxCacheBytes long.
std::string trusted_cache_text(const std::string& file) {
    const int fd = ::open(file.c_str(), O_RDONLY | O_NONBLOCK | O_NOFOLLOW | O_CLOEXEC);
    if (fd < 0) return {};
    struct stat status {};
    std::string text;
    if (::fstat(fd, &status) == 0 && S_ISREG(status.st_mode) && status.st_uid == ::geteuid() &&
        (status.st_mode & (S_IWGRP | S_IWOTH)) == 0 &&
        static_cast<std::uintmax_t>(status.st_size) <= kMaxCacheBytes) {
        text.resize(static_cast<std::size_t>(status.st_size));
        std::size_t done = 0;
        while (done < text.size()) {
            const ssize_t got = ::read(fd, text.data() + done, text.size() - done);
            if (got <= 0) break;
            done += static_cast<std::size_t>(got);
        }
        text.resize(done);
    }
    ::close(fd);
    return text;
}

std::vector<Entry> read_entries(const std::string& file) {
    std::vector<Entry> entries;
    std::istringstream in(trusted_cache_text(file));
    std::string line;
    if (!in || !std::getline(in, line) || line != kHeader) return entries;
    std::size_t bytes = line.size();
    Entry entry;
    bool open = false;
    while (std::getline(in, line)) {
        bytes += line.size() + 1;
        if (bytes > kMaxCacheBytes || line.size() < 2 || line[1] != ' ') break;
        const std::string rest = line.substr(2);
        if (line[0] == 'K' && !open) {
            entry = Entry{rest, {}, {}};
            open = true;
        } else if (line[0] == 'F' && open) {
            const auto space = rest.find(' ');
            if (space == std::string::npos || space == 0 || space > 4) break;
            entry.location.index = std::atoi(rest.substr(0, space).c_str());
            entry.location.file = rest.substr(space + 1);
        } else if (line[0] == 'S' && open) {
            const auto space = rest.find(' ');
            if (space == std::string::npos) break;
            entry.stamps.emplace_back(rest.substr(space + 1), rest.substr(0, space));
        } else if (line[0] == 'E' && open) {
            if (entry.location.file.empty()) break;
            entries.push_back(std::move(entry));
            open = false;
        } else {
            break;
        }
    }
    return entries;
}

void write_entry(std::ostream& out, const Entry& entry) {
    out << "K " << entry.key << "\nF " << entry.location.index << ' ' << entry.location.file
        << '\n';
    for (const auto& [path, stamp] : entry.stamps) out << "S " << stamp << ' ' << path << '\n';
    out << "E .\n";
}

// mkdir -p for the cache's folder, private to the user.
bool make_folders(const std::string& folder) {
    for (std::size_t slash = folder.find('/', 1);; slash = folder.find('/', slash + 1)) {
        const std::string part = folder.substr(0, slash);
        if (::mkdir(part.c_str(), 0700) != 0 && errno != EEXIST) return false;
        if (slash == std::string::npos) return true;
    }
}

}  // namespace

std::string FontLookupCache::default_file() {
    const std::string cache_home = environment("XDG_CACHE_HOME");
    if (!cache_home.empty() && cache_home[0] == '/') return cache_home + "/strata/font-lookups";
    const std::string home = environment("HOME");
    if (!home.empty() && home[0] == '/') return home + "/.cache/strata/font-lookups";
    return {};
}

std::optional<FontLocation> FontLookupCache::find(const std::string& key) const {
    if (file_.empty() || !storable(key)) return std::nullopt;
    for (const Entry& entry : read_entries(file_)) {
        if (entry.key != key) continue;
        for (const auto& [path, stamp] : entry.stamps) {
            if (stamp_of(path) != stamp) return std::nullopt;
        }
        return entry.location;
    }
    return std::nullopt;
}

void FontLookupCache::store(const std::string& key, const FontLocation& location,
                            const std::vector<std::string>& inputs) const {
    if (file_.empty() || !storable(key) || !storable(location.file)) return;
    Entry fresh{key, location, {}};
    for (const std::string& path : inputs) {
        if (!storable(path)) return;
        fresh.stamps.emplace_back(path, stamp_of(path));
    }
    const auto slash = file_.rfind('/');
    if (slash == std::string::npos || slash == 0 || !make_folders(file_.substr(0, slash))) return;
    std::ostringstream out;
    out << kHeader << '\n';
    write_entry(out, fresh);
    std::size_t kept = 1;
    for (const Entry& entry : read_entries(file_)) {
        if (entry.key == key || kept == kMaxEntries) continue;
        write_entry(out, entry);
        ++kept;
    }
    // Written beside the cache and renamed over it, so that a reader sees one whole file.
    std::string temporary = file_ + ".XXXXXX";
    const int fd = ::mkstemp(temporary.data());
    if (fd < 0) return;
    const std::string bytes = out.str();
    const bool written =
        ::write(fd, bytes.data(), bytes.size()) == static_cast<ssize_t>(bytes.size());
    ::close(fd);
    if (!written || std::rename(temporary.c_str(), file_.c_str()) != 0) {
        ::unlink(temporary.c_str());
    }
}

std::string font_lookup_key(std::string_view pattern) {
    std::string key(pattern);
    for (const char* name :
         {"FONTCONFIG_FILE", "FONTCONFIG_PATH", "FONTCONFIG_SYSROOT", "HOME", "XDG_CONFIG_HOME",
          "XDG_DATA_HOME", "XDG_DATA_DIRS", "FC_LANG", "LC_ALL", "LC_CTYPE", "LANG"}) {
        key += '\x1f';
        key += environment(name);
    }
    return key;
}

std::vector<std::string> font_lookup_inputs(FcConfig* config, const std::string& font_file) {
    std::set<std::string> paths{font_file};
    const auto add_list = [&paths](FcStrList* list, bool with_folder) {
        if (list == nullptr) return;
        while (FcChar8* item = FcStrListNext(list)) {
            const std::string path(reinterpret_cast<const char*>(item));
            paths.insert(path);
            // A configuration file added to or removed from its folder changes the folder.
            const auto slash = path.rfind('/');
            if (with_folder && slash != std::string::npos && slash > 0) {
                paths.insert(path.substr(0, slash));
            }
        }
        FcStrListDone(list);
    };
    add_list(FcConfigGetConfigFiles(config), true);
    add_list(FcConfigGetConfigDirs(config), false);
    add_list(FcConfigGetFontDirs(config), false);
    // The user's configuration and fonts, where fontconfig looks for them also when they do
    // not exist yet: creating one must invalidate the entry.
    const std::string home = environment("HOME");
    std::string config_home = environment("XDG_CONFIG_HOME");
    std::string data_home = environment("XDG_DATA_HOME");
    if (config_home.empty() && !home.empty()) config_home = home + "/.config";
    if (data_home.empty() && !home.empty()) data_home = home + "/.local/share";
    if (!config_home.empty()) {
        for (const char* tail : {"/fontconfig", "/fontconfig/fonts.conf", "/fontconfig/conf.d"}) {
            paths.insert(config_home + tail);
        }
    }
    if (!data_home.empty()) paths.insert(data_home + "/fonts");
    if (!home.empty()) {
        for (const char* tail : {"/.fonts", "/.fonts.conf", "/.fonts.conf.d"}) {
            paths.insert(home + tail);
        }
    }
    return {paths.begin(), paths.end()};
}

}  // namespace strata
