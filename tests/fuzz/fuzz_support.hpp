#pragma once

// What every fuzz target shares: a reader that turns the fuzzer's bytes into choices, and a
// check that stops the run loudly (libFuzzer records the input as a crash; the replay fails).

#include <chrono>
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <string_view>

#include "import/isolated_call.hpp"
#include "strata/error.hpp"
#include "strata/render.hpp"
#include "text/unicode_text.hpp"

namespace fuzz {

// Reports a broken property and aborts, so that libFuzzer keeps the input.
[[noreturn]] inline void fail(const char* what, std::string_view detail = {}) {
    std::fprintf(stderr, "fuzz check failed: %s\n%.*s\n", what, static_cast<int>(detail.size()),
                 detail.data());
    std::abort();
}

inline void check(bool condition, const char* what, std::string_view detail = {}) {
    if (!condition) fail(what, detail);
}

// Consumes the fuzzer's bytes front to back; past the end every value is zero or empty, so
// any input is a valid sequence of choices.
class Bytes {
  public:
    Bytes(const std::uint8_t* data, std::size_t size) : data_(data), size_(size) {}

    std::uint8_t byte() { return pos_ < size_ ? data_[pos_++] : 0; }
    bool flag() { return byte() & 1; }
    // A number in [0, n).
    std::size_t below(std::size_t n) {
        if (n <= 1) return 0;
        std::size_t value = byte();
        if (n > 256) value = (value << 8) | byte();
        return value % n;
    }
    std::int64_t int64() {
        std::uint64_t value = 0;
        for (int i = 0; i < 8; ++i) value = (value << 8) | byte();
        return static_cast<std::int64_t>(value);
    }
    // Up to `max` raw bytes (any values: invalid UTF-8, NUL, controls, markup).
    std::string text(std::size_t max) {
        std::string out;
        const std::size_t length = below(max + 1);
        for (std::size_t i = 0; i < length && pos_ < size_; ++i) out += static_cast<char>(byte());
        return out;
    }
    std::string_view rest() {
        std::string_view out(reinterpret_cast<const char*>(data_) + pos_, size_ - pos_);
        pos_ = size_;
        return out;
    }

  private:
    const std::uint8_t* data_;
    std::size_t size_;
    std::size_t pos_ = 0;
};

// For the fuzzer's own LLVMFuzzerInitialize in targets whose reader runs a library in a child
// process: an input that keeps the library busy ends in the same error after 200 ms as after
// the product's limit of seconds, and would otherwise take most of a run's time.
inline void cap_isolated_calls() {
    strata::cap_isolated_wall_time(std::chrono::milliseconds(200));
}

// Imports `bytes` as a model file called `name` (the format is found from the content, as for
// any file), then checks what every importer promises: a strata::Error naming that file, or a
// model whose text is valid Unicode and whose inputs point at earlier-known layers. A target
// for a new format is this call with its own seeds.
inline void import_model(std::string_view bytes, const std::string& name) {
    strata::Warnings warnings;
    try {
        const strata::Model model = strata::parse_model(bytes, name, warnings);
        for (const strata::Layer& layer : model.layers) {
            check(strata::unicode::is_valid_text(layer.name), "a layer name is not valid text",
                  layer.name);
            check(strata::unicode::is_valid_text(layer.type), "a layer type is not valid text",
                  layer.type);
            for (const strata::TensorRef& input : layer.inputs)
                check(input.layer < model.layers.size(), "an input refers to no layer");
        }
        strata::to_info_json(model);
    } catch (const strata::Error& error) {
        // An archive's member is named inside it: "model.keras/config.json".
        check(error.file() == name || error.file().rfind(name + "/", 0) == 0,
              "an error names another file", error.what());
    }
}

}  // namespace fuzz
