#pragma once

#include <cstdint>
#include <functional>
#include <string>

namespace strata {

// Reads `size` bytes of an archive at `offset`; fewer (or none) past its end.
using ArchiveBytesAt = std::function<std::string(std::uint64_t offset, std::size_t size)>;

// The number of entries a zip archive of `archive_size` bytes declares in its end of central
// directory record (the largest count of every such record in its last 64 KiB, ZIP64's
// included); 0 when there is none (the zip library then refuses the file). Reads at most the last
// 64 KiB and the ZIP64 record, so the count is known before a zip library allocates anything per
// entry.
std::uint64_t declared_archive_entries(std::uint64_t archive_size, const ArchiveBytesAt& read_at);

}  // namespace strata
