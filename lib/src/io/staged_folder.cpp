#include "io/staged_folder.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <filesystem>

#include "io/write_all.hpp"
#include "strata/error.hpp"
#include "strata/io.hpp"

namespace strata::io {
namespace {

namespace fs = std::filesystem;

std::string system_error() {
    return std::strerror(errno);
}

}  // namespace

StagedFolder::StagedFolder(const std::string& folder) : folder_(folder) {
    if (folder_.empty()) throw Error(folder, "no folder given");
    // The folders to make, outermost first: the target and those of its parents that are
    // missing.
    std::vector<fs::path> missing;
    fs::path start = fs::path(folder_).lexically_normal();
    if (!start.has_filename() && start.has_relative_path()) start = start.parent_path();  // "a/"
    for (fs::path p = start; !p.empty(); p = p.has_relative_path() ? p.parent_path() : fs::path()) {
        struct stat info {};
        if (::stat(p.c_str(), &info) == 0) {
            if (!S_ISDIR(info.st_mode))
                throw Error(folder, "cannot write frames into '" + p.string() +
                                        "': it exists and is not a folder");
            break;
        }
        if (errno != ENOENT) throw Error(folder, "cannot create the folder: " + system_error());
        missing.push_back(p);
    }
    for (auto it = missing.rbegin(); it != missing.rend(); ++it) {
        const InterruptsHeld held;  // made and registered as one step
        if (::mkdir(it->c_str(), 0777) != 0)
            throw Error(folder, "cannot create the folder: " + system_error());
        created_.push_back(it->string());
        registrations_.push_back(
            std::make_unique<CleanupRegistration>(it->string(), CleanupKind::created_dir));
    }
    std::string pattern = (fs::path(folder_) / ".strata-frames-XXXXXX").string();
    const InterruptsHeld held;
    if (::mkdtemp(pattern.data()) == nullptr)
        throw Error(folder, "cannot write into the folder: " + system_error());
    staging_ = pattern;
    registrations_.push_back(
        std::make_unique<CleanupRegistration>(staging_, CleanupKind::staging_dir));
}

StagedFolder::~StagedFolder() {
    if (!finished_) {
        undo();
        for (const std::string& name : names_) ::unlink(staged(name).c_str());
        if (!staging_.empty()) ::rmdir(staging_.c_str());
        for (auto it = created_.rbegin(); it != created_.rend(); ++it) ::rmdir(it->c_str());
    }
    // Unregistered only now that what they name is gone.
    while (!registrations_.empty()) registrations_.pop_back();
}

std::string StagedFolder::staged(const std::string& name) const {
    return (fs::path(staging_) / name).string();
}

std::string StagedFolder::kept(const std::string& name) const {
    return (fs::path(staging_) / (".old-" + name)).string();
}

std::string StagedFolder::target(const std::string& name) const {
    return (fs::path(folder_) / name).string();
}

void StagedFolder::add(const std::string& name, std::string_view bytes) {
    const std::string final_path = target(name);
    check_output_path(final_path, {});
    const int fd = ::open(staged(name).c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0666);
    if (fd < 0) throw Error(final_path, "cannot write the output: " + system_error());
    names_.push_back(name);
    try {
        write_all(fd, bytes, final_path);
    } catch (...) {
        ::close(fd);
        throw;
    }
    if (::close(fd) != 0) throw Error(final_path, "cannot write the output: " + system_error());
}

void StagedFolder::publish() {
    for (const std::string& name : names_) {
        const std::string final_path = target(name);
        // A file it replaces is kept in the staging folder (a second link to it where the
        // file system allows, so the name is never missing) until finish() or undo().
        struct stat existing {};
        const bool replaces = ::lstat(final_path.c_str(), &existing) == 0;
        if (replaces && ::link(final_path.c_str(), kept(name).c_str()) != 0 &&
            std::rename(final_path.c_str(), kept(name).c_str()) != 0) {
            const std::string error = system_error();
            undo();
            throw Error(final_path, "cannot write the output: " + error);
        }
        if (std::rename(staged(name).c_str(), final_path.c_str()) != 0) {
            const std::string error = system_error();
            if (replaces) std::rename(kept(name).c_str(), final_path.c_str());
            undo();
            throw Error(final_path, "cannot write the output: " + error);
        }
        published_.push_back({name, replaces});
    }
}

void StagedFolder::undo() noexcept {
    for (auto it = published_.rbegin(); it != published_.rend(); ++it) {
        const std::string final_path = target(it->name);
        if (it->replaced) {
            std::rename(kept(it->name).c_str(), final_path.c_str());
        } else {
            ::unlink(final_path.c_str());
        }
    }
    published_.clear();
}

void StagedFolder::finish() {
    for (const Published& p : published_) {
        if (p.replaced) ::unlink(kept(p.name).c_str());
    }
    published_.clear();
    names_.clear();
    ::rmdir(staging_.c_str());
    finished_ = true;
}

}  // namespace strata::io
