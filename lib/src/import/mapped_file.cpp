#include "import/mapped_file.hpp"

#include <signal.h>
#include <sys/mman.h>
#include <unistd.h>

#include <array>
#include <atomic>
#include <cstdint>
#include <mutex>

namespace strata {
namespace {

// What the SIGBUS handler knows of one mapping. Only atomics, so that the handler may read
// them at any moment.
struct GuardedRegion {
    std::atomic<std::uintptr_t> begin{0};  // 0: the entry is free
    std::atomic<std::uintptr_t> end{0};    // one past the last mapped page
    std::atomic<bool> faulted{false};
};

constexpr std::size_t kMaxMappings = 32;  // more at once read the ordinary way
std::array<GuardedRegion, kMaxMappings> g_regions;
std::mutex g_claim;  // serialises taking entries (never used by the handler)
std::uintptr_t g_page_size = 4096;
struct sigaction g_previous {};

// Async-signal-safe: atomics and mmap only.
void on_sigbus(int signal, siginfo_t* info, void* context) {
    const auto address = reinterpret_cast<std::uintptr_t>(info->si_addr);
    for (GuardedRegion& region : g_regions) {
        const std::uintptr_t begin = region.begin.load();
        const std::uintptr_t end = region.end.load();
        if (begin == 0 || address < begin || address >= end) continue;
        // Zero pages from the faulting page to the end of the mapping: the read goes on.
        const std::uintptr_t page = address & ~(g_page_size - 1);
        void* zeros = ::mmap(reinterpret_cast<void*>(page), end - page, PROT_READ,
                             MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED, -1, 0);
        if (zeros != MAP_FAILED) {
            region.faulted.store(true);
            return;
        }
    }
    // Not a fault in a model file: what would have happened without strata.
    if ((g_previous.sa_flags & SA_SIGINFO) != 0 && g_previous.sa_sigaction != nullptr) {
        g_previous.sa_sigaction(signal, info, context);
        return;
    }
    if (g_previous.sa_handler != SIG_DFL && g_previous.sa_handler != SIG_IGN &&
        g_previous.sa_handler != nullptr) {
        g_previous.sa_handler(signal);
        return;
    }
    ::signal(SIGBUS, SIG_DFL);
    ::raise(SIGBUS);  // delivered, with the default action, once the handler returns
}

// Installs the handler unless it is in place (it is checked each time: a program may have
// set another since); false if it cannot be.
bool install_handler() {
    struct sigaction current {};
    if (::sigaction(SIGBUS, nullptr, &current) != 0) return false;
    if ((current.sa_flags & SA_SIGINFO) != 0 && current.sa_sigaction == on_sigbus) return true;
    g_page_size = static_cast<std::uintptr_t>(::sysconf(_SC_PAGESIZE));
    struct sigaction action {};
    action.sa_sigaction = on_sigbus;
    action.sa_flags = SA_SIGINFO | SA_RESTART;
    sigemptyset(&action.sa_mask);
    return ::sigaction(SIGBUS, &action, &g_previous) == 0;
}

int claim_slot(std::uintptr_t begin, std::uintptr_t end) {
    const std::lock_guard lock(g_claim);
    if (!install_handler()) return -1;
    for (std::size_t i = 0; i < g_regions.size(); ++i) {
        if (g_regions[i].begin.load() != 0) continue;
        g_regions[i].faulted.store(false);
        g_regions[i].end.store(end);
        g_regions[i].begin.store(begin);
        return static_cast<int>(i);
    }
    return -1;
}

}  // namespace

std::optional<MappedFile> MappedFile::map(int fd, std::uint64_t size) {
    if (size == 0 || size > SIZE_MAX) return std::nullopt;
    const auto length = static_cast<std::size_t>(size);
    void* data = ::mmap(nullptr, length, PROT_READ, MAP_PRIVATE, fd, 0);
    if (data == MAP_FAILED) return std::nullopt;
    const auto begin = reinterpret_cast<std::uintptr_t>(data);
    const std::size_t page = static_cast<std::size_t>(::sysconf(_SC_PAGESIZE));
    const int slot = claim_slot(begin, begin + (length + page - 1) / page * page);
    if (slot < 0) {
        ::munmap(data, length);
        return std::nullopt;
    }
    return MappedFile(static_cast<const char*>(data), length, slot);
}

MappedFile::MappedFile(MappedFile&& other) noexcept
    : data_(other.data_), size_(other.size_), slot_(other.slot_) {
    other.data_ = nullptr;
    other.size_ = 0;
    other.slot_ = -1;
}

MappedFile::~MappedFile() {
    if (!data_) return;
    if (slot_ >= 0) g_regions[static_cast<std::size_t>(slot_)].begin.store(0);
    ::munmap(const_cast<char*>(data_), size_);
}

bool MappedFile::cut_short() const {
    return slot_ >= 0 && g_regions[static_cast<std::size_t>(slot_)].faulted.load();
}

}  // namespace strata
