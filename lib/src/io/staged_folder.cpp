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
    if (!committed_) {
        for (const std::string& name : names_) ::unlink((fs::path(staging_) / name).c_str());
        if (!staging_.empty()) ::rmdir(staging_.c_str());
        for (auto it = created_.rbegin(); it != created_.rend(); ++it) ::rmdir(it->c_str());
    }
    // Unregistered only now that what they name is gone.
    while (!registrations_.empty()) registrations_.pop_back();
}

std::string StagedFolder::target(const std::string& name) const {
    return (fs::path(folder_) / name).string();
}

void StagedFolder::add(const std::string& name, std::string_view bytes) {
    const std::string final_path = target(name);
    check_output_path(final_path, {});
    const std::string staged = (fs::path(staging_) / name).string();
    const int fd = ::open(staged.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0666);
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

void StagedFolder::commit() {
    for (const std::string& name : names_) {
        const std::string staged = (fs::path(staging_) / name).string();
        if (std::rename(staged.c_str(), target(name).c_str()) != 0)
            throw Error(target(name), "cannot write the output: " + system_error());
    }
    names_.clear();
    ::rmdir(staging_.c_str());
    committed_ = true;
}

}  // namespace strata::io
