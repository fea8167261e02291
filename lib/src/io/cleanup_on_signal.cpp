#include "io/cleanup_on_signal.hpp"

#include <dirent.h>
#include <fcntl.h>
#include <signal.h>
#include <sys/syscall.h>
#include <unistd.h>

#include <array>
#include <atomic>
#include <cerrno>
#include <cstring>

#include "strata/io.hpp"

namespace strata::io {

struct CleanupRegistration::Entry {
    std::string path;
    CleanupKind kind;
};

namespace {

// Enough for an output, the frames' staging folder and the folders made for them.
constexpr std::size_t kSlots = 64;
std::array<std::atomic<const CleanupRegistration::Entry*>, kSlots> g_slots{};

// The record of one directory entry as getdents64 returns it.
struct DirectoryRecord {
    ino64_t inode;
    off64_t offset;
    unsigned short length;
    unsigned char type;
    char name[1];
};

// Unlinks every entry of a folder of files, then the folder; system calls only.
void remove_staging_dir(const char* path) {
    const int dir = ::open(path, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (dir >= 0) {
        alignas(8) char buffer[4096];
        for (;;) {
            const long got = ::syscall(SYS_getdents64, dir, buffer, sizeof buffer);
            if (got <= 0) break;
            for (long at = 0; at < got;) {
                const auto* record = reinterpret_cast<const DirectoryRecord*>(buffer + at);
                const char* name = record->name;
                if (std::strcmp(name, ".") != 0 && std::strcmp(name, "..") != 0)
                    ::unlinkat(dir, name, 0);
                at += record->length;
            }
        }
        ::close(dir);
    }
    ::rmdir(path);
}

void remove_registered() {
    for (const auto& slot : g_slots) {
        const CleanupRegistration::Entry* entry = slot.load();
        if (entry == nullptr) continue;
        if (entry->kind == CleanupKind::file) ::unlink(entry->path.c_str());
        if (entry->kind == CleanupKind::staging_dir) remove_staging_dir(entry->path.c_str());
    }
    // Then the folders made for them, innermost (registered last) first; a second round
    // catches an order the slots did not keep.
    for (int round = 0; round < 2; ++round) {
        for (std::size_t i = kSlots; i-- > 0;) {
            const CleanupRegistration::Entry* entry = g_slots[i].load();
            if (entry != nullptr && entry->kind == CleanupKind::created_dir)
                ::rmdir(entry->path.c_str());
        }
    }
}

void on_interrupt(int signal) {
    const int saved = errno;
    remove_registered();
    errno = saved;
    // SA_RESETHAND restored the default action; the signal is blocked until the handler
    // returns, then ends the process as it would have without strata.
    ::raise(signal);
}

}  // namespace

CleanupRegistration::CleanupRegistration(std::string path, CleanupKind kind)
    : entry_(std::make_unique<Entry>(Entry{std::move(path), kind})) {
    // Slots fill from the start, so newer registrations sit at higher indices.
    for (std::size_t i = 0; i < kSlots; ++i) {
        const Entry* expected = nullptr;
        if (g_slots[i].compare_exchange_strong(expected, entry_.get())) {
            slot_ = static_cast<int>(i);
            return;
        }
    }
}

CleanupRegistration::~CleanupRegistration() {
    if (slot_ >= 0) g_slots[static_cast<std::size_t>(slot_)].store(nullptr);
}

InterruptsHeld::InterruptsHeld() {
    sigset_t held;
    sigemptyset(&held);
    for (int signal : {SIGINT, SIGTERM, SIGHUP}) sigaddset(&held, signal);
    ::pthread_sigmask(SIG_BLOCK, &held, &previous_);
}

InterruptsHeld::~InterruptsHeld() {
    ::pthread_sigmask(SIG_SETMASK, &previous_, nullptr);
}

}  // namespace strata::io

namespace strata {

void remove_partial_outputs_on_signals() {
    struct sigaction action {};
    action.sa_handler = io::on_interrupt;
    action.sa_flags = SA_RESETHAND;
    sigemptyset(&action.sa_mask);
    for (int signal : {SIGINT, SIGTERM, SIGHUP}) {
        struct sigaction previous {};
        // A signal the caller's shell ignores (nohup, a background job) stays ignored.
        if (::sigaction(signal, nullptr, &previous) == 0 && previous.sa_handler == SIG_IGN)
            continue;
        ::sigaction(signal, &action, nullptr);
    }
    // Past the file-size limit (ulimit -f) a write fails with EFBIG instead of killing the
    // process, so the output's temporary is removed and the error reported like any other.
    ::signal(SIGXFSZ, SIG_IGN);
}

}  // namespace strata
