#include "modules/optional_module.hpp"

#include <dlfcn.h>
#include <link.h>
#include <unistd.h>

#include <cstring>
#include <filesystem>
#include <map>
#include <mutex>
#include <string>
#include <system_error>
#include <vector>

#include "strata/error.hpp"

namespace strata {
namespace {

// The folder of the program or shared library this code is part of: the modules are installed
// relative to it, so that a moved installation still finds its own modules first.
std::string folder_of_this_code() {
    Dl_info info{};
    link_map* map = nullptr;
    std::string path;
    // A shared library has its path in its link map; the main program has none there (its
    // dli_fname is argv[0], which whoever starts the program chooses): /proc/self/exe.
    if (::dladdr1(reinterpret_cast<const void*>(&load_module_table), &info,
                  reinterpret_cast<void**>(&map), RTLD_DL_LINKMAP) != 0 &&
        map != nullptr && map->l_name != nullptr && map->l_name[0] != '\0' &&
        std::strchr(map->l_name, '/') != nullptr) {
        path = map->l_name;
    } else {
        std::vector<char> buffer(4096);
        const ssize_t length = ::readlink("/proc/self/exe", buffer.data(), buffer.size() - 1);
        if (length > 0) path.assign(buffer.data(), static_cast<std::size_t>(length));
    }
    // A library's path may hold .. parts (a run path of $ORIGIN/../lib): the folders above it
    // are those of its real place.
    std::error_code failed;
    const std::filesystem::path real = std::filesystem::weakly_canonical(path, failed);
    if (!failed && real.is_absolute()) path = real.string();
    const auto slash = path.rfind('/');
    return slash == std::string::npos ? std::string() : path.substr(0, slash);
}

// Where a module may be, first match wins: beside a library (LIBDIR/strata), in the installation
// the program or library belongs to (PREFIX/LIBDIR/strata, PREFIX being one of the first folders
// above it: BINDIR/.., LIBDIR/.., the Python package's folder's ancestors), then by bare name
// along the run path (the build tree's programs carry it), then the folder it was installed
// into.
std::vector<std::string> candidates(const char* file) {
    std::vector<std::string> paths;
    std::string folder = folder_of_this_code();
    if (!folder.empty()) paths.push_back(folder + "/strata/" + file);
    for (int up = 0; up < 4; ++up) {
        const auto slash = folder.rfind('/');
        if (slash == std::string::npos || slash == 0) break;
        folder.erase(slash);
        paths.push_back(folder + "/" STRATA_MODULE_DIR_IN_PREFIX "/" + file);
    }
    paths.emplace_back(file);
    paths.push_back(std::string(STRATA_MODULE_INSTALL_DIR "/") + file);
    return paths;
}

const void* open_module(const char* file, const char* entry, const std::string& source_name) {
    std::string reasons;
    for (const std::string& path : candidates(file)) {
        // Bound now: a module whose libraries are incomplete fails here, not halfway through.
        void* library = ::dlopen(path.c_str(), RTLD_NOW | RTLD_LOCAL);
        if (library == nullptr) {
            const char* reason = ::dlerror();
            // "cannot open shared object file" only means "not here"; anything else is a
            // module that is there but broken, which the message should say.
            if (reason != nullptr && std::strstr(reason, "No such file") == nullptr) {
                reasons += std::string("; ") + reason;
            }
            continue;
        }
        using Entry = const ModuleHeader* (*)();
        auto* function = reinterpret_cast<Entry>(::dlsym(library, entry));
        if (function == nullptr) {
            throw Error(source_name, path + " is not a strata module (it has no " + entry + ")");
        }
        const ModuleHeader* table = function();
        if (std::strcmp(table->version, STRATA_VERSION) != 0) {
            throw Error(source_name, path + " is from strata " + table->version +
                                         ", this is strata " STRATA_VERSION);
        }
        return table;
    }
    throw Error(source_name, std::string("strata's module ") + file +
                                 " was not found (installed into " STRATA_MODULE_INSTALL_DIR ")" +
                                 reasons);
}

}  // namespace

const void* load_module_table(const char* file, const char* entry, const std::string& source_name) {
    static std::mutex mutex;
    static std::map<std::string, const void*> loaded;
    const std::lock_guard lock(mutex);
    auto found = loaded.find(file);
    if (found == loaded.end()) {
        found = loaded.emplace(file, open_module(file, entry, source_name)).first;
    }
    return found->second;
}

}  // namespace strata
