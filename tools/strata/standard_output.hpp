#pragma once

#include <string_view>

namespace strata::cli {

// Makes sure descriptors 0, 1 and 2 are open before anything else is: a file strata opens
// later must never land on one of them (a closed standard output would otherwise receive the
// drawing meant for it in whatever file took descriptor 1). A closed standard output is
// reopened read-only, so that writing to it fails and is reported. std::cout then writes to
// descriptor 1 through a buffer that remembers why a write failed (a reader that went away is
// "broken pipe", whichever command wrote).
void guard_standard_descriptors();

// Writes `bytes` to standard output after whatever std::cout holds. Throws strata::Error
// ("standard output: cannot write ...") when any of it cannot be written: closed, a full disk
// (/dev/full), past the file-size limit, a reader that went away.
void write_standard_output(std::string_view bytes);

// Flushes std::cout; throws strata::Error as above if anything written to it was lost.
void finish_standard_output();

}  // namespace strata::cli
