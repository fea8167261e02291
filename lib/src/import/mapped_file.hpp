#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string_view>

namespace strata {

// A regular file mapped read-only into memory. Importers read model files through it without
// copying them: an ONNX file of several hundred megabytes of weights is then touched only
// where its graph is, and costs neither the time nor the memory of reading it.
//
// Another program may truncate the file while it is mapped; touching a page past the new end
// would raise SIGBUS. A SIGBUS handler (installed with the first mapping, passing on faults
// outside strata's mappings to whatever handled them before) puts zero-filled pages in place
// instead, so the reader finishes on zeros, and cut_short() tells the owner to report the
// file as changed rather than trust what was read.
class MappedFile {
  public:
    // Maps `size` bytes of the open regular file `fd` (the descriptor may be closed after);
    // nullopt when it cannot be mapped (empty, or no room to guard it): the caller reads it
    // the ordinary way.
    static std::optional<MappedFile> map(int fd, std::uint64_t size);

    MappedFile(MappedFile&& other) noexcept;
    MappedFile& operator=(MappedFile&&) = delete;
    MappedFile(const MappedFile&) = delete;
    MappedFile& operator=(const MappedFile&) = delete;
    ~MappedFile();

    std::string_view bytes() const { return {data_, size_}; }

    // True once a read went past the end of the file as it is now: the bytes from there on
    // read as zeros, not as the file.
    bool cut_short() const;

  private:
    MappedFile(const char* data, std::size_t size, int slot)
        : data_(data), size_(size), slot_(slot) {}
    const char* data_ = nullptr;
    std::size_t size_ = 0;
    int slot_ = -1;  // the entry the SIGBUS handler knows this mapping by
};

}  // namespace strata
