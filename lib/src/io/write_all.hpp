#pragma once

#include <string>
#include <string_view>

namespace strata::io {

// Writes every byte to `fd`, retrying short writes and EINTR. Throws strata::Error naming
// `path` ("cannot write the output: ...") when a write fails: a full disk, EFBIG past the
// file-size limit, a closed or broken descriptor.
void write_all(int fd, std::string_view bytes, const std::string& path);

}  // namespace strata::io
