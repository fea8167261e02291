#pragma once

#include <cstddef>
#include <string>
#include <string_view>

#include "strata/diagnostics.hpp"
#include "strata/limits.hpp"
#include "strata/model.hpp"

namespace strata {

// Reads a Keras 3 `.keras` archive: the architecture from its `config.json`, the Keras version
// from `metadata.json`. Only these two members are opened, by their exact names; the weights
// are never read or extracted. A member that decompresses to more than `max_member_bytes`
// (counted as it is decompressed, whatever the archive declares) is refused. Errors inside
// config.json name "FILE/config.json".
Model read_keras_archive_file(const std::string& path, Warnings& warnings,
                              std::size_t max_member_bytes = limits::kMaxArchiveMemberBytes);

// The same for an archive already in memory; `source_name` names it in messages.
Model read_keras_archive_bytes(std::string_view bytes, const std::string& source_name,
                               Warnings& warnings,
                               std::size_t max_member_bytes = limits::kMaxArchiveMemberBytes);

}  // namespace strata
