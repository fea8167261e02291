#pragma once

#include <signal.h>

#include <memory>
#include <string>

// Files and folders that a write has created but not yet put in place. While one is
// registered, the handlers that remove_partial_outputs_on_signals() installs remove it if the
// process is interrupted (SIGINT, SIGTERM, SIGHUP), before the process ends as the signal says.
// The handlers only read fixed slots of atomics and make system calls: async-signal-safe.
namespace strata::io {

enum class CleanupKind {
    file,         // unlink it
    staging_dir,  // unlink every entry in it (it holds files only), then remove it
    created_dir,  // remove it if it is empty
};

class CleanupRegistration {
  public:
    // Registers `path`; when every slot is taken the path is simply not covered.
    CleanupRegistration(std::string path, CleanupKind kind);
    ~CleanupRegistration();  // unregisters (does not remove anything)
    CleanupRegistration(const CleanupRegistration&) = delete;
    CleanupRegistration& operator=(const CleanupRegistration&) = delete;

    struct Entry;  // what a slot holds (defined where the handler reads it)

  private:
    std::unique_ptr<Entry> entry_;
    int slot_ = -1;
};

// Holds back SIGINT, SIGTERM and SIGHUP in this thread while it lives, so that creating a file
// and registering it happen as one step; a signal that came meanwhile is delivered after.
class InterruptsHeld {
  public:
    InterruptsHeld();
    ~InterruptsHeld();
    InterruptsHeld(const InterruptsHeld&) = delete;
    InterruptsHeld& operator=(const InterruptsHeld&) = delete;

  private:
    sigset_t previous_;
};

}  // namespace strata::io
