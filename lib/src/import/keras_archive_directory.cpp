#include "import/keras_archive_directory.hpp"

#include <algorithm>

namespace strata {
namespace {

constexpr std::size_t kEndRecordBytes = 22;  // end of central directory, without its comment
constexpr std::size_t kMaxCommentBytes = 0xFFFF;
constexpr std::size_t kZip64LocatorBytes = 20;
constexpr std::size_t kZip64RecordBytes = 56;
constexpr std::uint64_t kMinEntryBytes = 46;  // a central directory entry without its name

std::uint64_t little_endian(const std::string& bytes, std::size_t at, std::size_t size) {
    std::uint64_t value = 0;
    for (std::size_t i = size; i-- > 0;)
        value = (value << 8) | static_cast<unsigned char>(bytes[at + i]);
    return value;
}

bool has_signature(const std::string& bytes, std::size_t at, const char (&signature)[5]) {
    return bytes.size() >= at + 4 && bytes.compare(at, 4, signature, 4) == 0;
}

}  // namespace

std::uint64_t declared_archive_entries(std::uint64_t archive_size, const ArchiveBytesAt& read_at) {
    const std::uint64_t tail_size =
        std::min<std::uint64_t>(archive_size, kEndRecordBytes + kMaxCommentBytes);
    const std::uint64_t tail_start = archive_size - tail_size;
    const std::string tail = read_at(tail_start, static_cast<std::size_t>(tail_size));
    if (tail.size() < kEndRecordBytes) return 0;
    // Zip readers differ in which record they take when a comment holds another signature:
    // the largest count of any of them bounds what any reader allocates.
    std::uint64_t most = 0;
    for (std::size_t at = 0; at + kEndRecordBytes <= tail.size(); ++at) {
        if (!has_signature(tail, at, "PK\x05\x06")) continue;
        // A directory entry takes at least 46 bytes: the directory's size bounds the entries.
        const std::uint64_t on_disk = little_endian(tail, at + 8, 2),
                            total = little_endian(tail, at + 10, 2),
                            bytes = little_endian(tail, at + 12, 4);
        std::uint64_t entries = 0;
        bool zip64_found = false;
        if (at >= kZip64LocatorBytes &&
            has_signature(tail, at - kZip64LocatorBytes, "PK\x06\x07")) {
            const std::uint64_t record = little_endian(tail, at - kZip64LocatorBytes + 8, 8);
            const std::string zip64 =
                record < archive_size ? read_at(record, kZip64RecordBytes) : std::string();
            if (zip64.size() == kZip64RecordBytes && has_signature(zip64, 0, "PK\x06\x06")) {
                zip64_found = true;
                entries = std::max({little_endian(zip64, 24, 8), little_endian(zip64, 32, 8),
                                    little_endian(zip64, 40, 8) / kMinEntryBytes});
            }
        }
        // With a ZIP64 record, saturated fields only say "see there".
        if (!zip64_found || on_disk != 0xFFFF) entries = std::max(entries, on_disk);
        if (!zip64_found || total != 0xFFFF) entries = std::max(entries, total);
        if (!zip64_found || bytes != 0xFFFFFFFF)
            entries = std::max(entries, bytes / kMinEntryBytes);
        most = std::max(most, entries);
    }
    return most;
}

}  // namespace strata
