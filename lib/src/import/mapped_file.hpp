#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace strata {

// A regular file mapped read-only into memory. Importers read model files through it without
// copying them: an ONNX file of several hundred megabytes of weights is then touched only
// where its graph is, and costs neither the time nor the memory of reading it.
class MappedFile {
  public:
    // Maps `path`; nullopt when it is not a regular, non-empty file that can be mapped
    // (a pipe, a directory, a missing file): the caller reads it the ordinary way.
    static std::optional<MappedFile> open(const std::string& path);

    MappedFile(MappedFile&& other) noexcept;
    MappedFile& operator=(MappedFile&&) = delete;
    MappedFile(const MappedFile&) = delete;
    MappedFile& operator=(const MappedFile&) = delete;
    ~MappedFile();

    std::string_view bytes() const { return {data_, size_}; }

  private:
    MappedFile(const char* data, std::size_t size) : data_(data), size_(size) {}
    const char* data_ = nullptr;
    std::size_t size_ = 0;
};

}  // namespace strata
