#pragma once

#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "io/cleanup_on_signal.hpp"

namespace strata::io {

// Writes a set of files into one folder as one change. Each file goes into a hidden staging
// folder inside the target (".strata-frames-XXXXXX", so a rename never crosses file systems);
// publish() moves them all into place, undo() takes them back, finish() makes it final. Until
// then a failure (the destructor) or an interrupting signal (see cleanup_on_signal.hpp) removes
// the staging folder and every folder the constructor made, so the file system is left as it
// was. Hold interrupting signals (InterruptsHeld) from publish() to finish(): a signal between
// them would leave the published files and lose those they replaced.
class StagedFolder {
  public:
    // Makes `folder` (and missing parents) if needed and the staging folder in it. Throws
    // strata::Error naming the folder.
    explicit StagedFolder(const std::string& folder);
    ~StagedFolder();
    StagedFolder(const StagedFolder&) = delete;
    StagedFolder& operator=(const StagedFolder&) = delete;

    // Writes file `name` of the set. Throws strata::Error naming the file it will become, e.g.
    // when that is a symbolic link or a directory, or the disk is full.
    void add(const std::string& name, std::string_view bytes);

    // Moves every file into the folder, keeping each file it replaces until finish() or
    // undo(). Throws strata::Error naming the file that failed, having undone its moves.
    void publish();
    // Puts back what publish() replaced and removes what it added (for when an output
    // published with the frames fails).
    void undo() noexcept;
    // Makes the change final: forgets what publish() replaced and removes the staging folder.
    void finish();
    void commit() {
        const InterruptsHeld held;
        publish();
        finish();
    }

  private:
    struct Published {
        std::string name;
        bool replaced = false;  // an existing file was kept aside
    };

    std::string target(const std::string& name) const;
    std::string staged(const std::string& name) const;
    std::string kept(const std::string& name) const;  // where a replaced file waits

    std::string folder_;
    std::vector<std::string> created_;  // folders made, outermost first
    std::string staging_;
    std::vector<std::string> names_;  // files in the staging folder
    std::vector<Published> published_;
    std::vector<std::unique_ptr<CleanupRegistration>> registrations_;
    bool finished_ = false;
};

}  // namespace strata::io
