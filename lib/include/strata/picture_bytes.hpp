#pragma once

#include <memory>
#include <string>
#include <utility>

namespace strata {

// A picture file's bytes, shared by every copy: a scene holds each picture once however
// often it is placed, and emitters recognise one picture by identity() to embed or decode it
// once per document.
class PictureBytes {
  public:
    PictureBytes() = default;
    // Implicit: a picture is its bytes (`image.data = bytes`).
    PictureBytes(std::string bytes)  // NOLINT(google-explicit-constructor)
        : bytes_(std::make_shared<const std::string>(std::move(bytes))) {}
    PictureBytes(const char* bytes)  // NOLINT(google-explicit-constructor)
        : PictureBytes(std::string(bytes)) {}

    const std::string& str() const { return bytes_ ? *bytes_ : empty_string(); }
    bool empty() const { return !bytes_ || bytes_->empty(); }
    std::size_t size() const { return bytes_ ? bytes_->size() : 0; }

    // The same for every copy of one PictureBytes, different for bytes made separately.
    const void* identity() const { return bytes_.get(); }

  private:
    static const std::string& empty_string() {
        static const std::string empty;
        return empty;
    }
    std::shared_ptr<const std::string> bytes_;
};

}  // namespace strata
