#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "io/cleanup_on_signal.hpp"

namespace strata::io {

// One output file written beside its target as a hidden temporary ("dir/.NAME.strata-XXXXXX",
// so that the rename never crosses file systems), registered for removal on an interrupting
// signal until publish() renames it into place. The destructor removes it unless published.
class StagedFile {
  public:
    // Writes `bytes` to a new temporary beside `path` (mode as the file it replaces, else as
    // umask leaves of 0666) and flushes it to disk. Throws strata::Error naming `path`.
    StagedFile(const std::string& path, std::string_view bytes);
    ~StagedFile();
    StagedFile(const StagedFile&) = delete;
    StagedFile& operator=(const StagedFile&) = delete;

    // Renames the temporary onto the target. Throws strata::Error naming the target; the
    // temporary is then still removed by the destructor.
    void publish();

  private:
    std::optional<CleanupRegistration> cleanup_;  // unregistered after the file is gone
    std::string target_;
    std::string path_;
    bool created_ = false;
    bool published_ = false;
};

}  // namespace strata::io
