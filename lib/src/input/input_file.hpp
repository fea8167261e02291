#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "strata/model_files.hpp"

// Input files (model, option file, pictures) are opened once and read only when what was
// opened is a regular file: a FIFO would block read() for ever (the open is O_NONBLOCK, so it
// cannot block), a device could feed bytes for ever, and a directory is never what was meant.
// The check is fstat on the descriptor that is then read, so nothing can be swapped in between.
// A file a model file named (one `named` lists) is opened beneath the model's folder.
namespace strata::io {

class InputFile {
  public:
    // Opens `path` for reading. Throws strata::Error naming the path: "cannot open WHAT: ..."
    // when it cannot be opened, "cannot read WHAT: it is a directory" or "... it is not a
    // regular file (a FIFO, socket or device)". `what` is e.g. "the option file".
    static InputFile open(const std::string& path, std::string_view what);
    // The same, beneath the model's folder when `named` says a model file named `path`; a
    // link that leads out is refused with io::outside_model_folder's message.
    static InputFile open(const std::string& path, std::string_view what,
                          const ModelNamedFiles& named);

    InputFile(InputFile&& other) noexcept;
    InputFile& operator=(InputFile&&) = delete;
    InputFile(const InputFile&) = delete;
    InputFile& operator=(const InputFile&) = delete;
    ~InputFile();

    int fd() const { return fd_; }
    std::uint64_t size() const { return size_; }  // when opened

    // Reads from the current position up to `limit` bytes (fewer at the end of the file).
    // Throws strata::Error naming `path` on a read error.
    std::string read_up_to(std::size_t limit, const std::string& path) const;

  private:
    InputFile(int fd, std::uint64_t size) : fd_(fd), size_(size) {}
    int fd_ = -1;
    std::uint64_t size_ = 0;
};

// What InputFile::open says after "PATH: " when there is nothing at `path`: "cannot open WHAT:
// No such file or directory".
std::string no_such_file(std::string_view what);

// The bytes of the regular file `path`, at most `limit` + 1 of them (so that the caller can
// tell a file over its limit). Throws strata::Error as InputFile::open does.
std::string read_input_file(const std::string& path, std::size_t limit, std::string_view what);
std::string read_input_file(const std::string& path, std::size_t limit, std::string_view what,
                            const ModelNamedFiles& named);

}  // namespace strata::io
