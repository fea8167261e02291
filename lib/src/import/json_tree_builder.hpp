#pragma once

// Builds the same ordered_json tree as nlohmann's own parser, from its SAX events, but makes
// every object and array once at its final size: the members wait on one shared stack until
// the container closes. nlohmann's parser grows each container member by member, which for a
// model of 10,000 layers doubles the time and the memory of the import.

#include <cstddef>
#include <iterator>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include <nlohmann/json.hpp>

namespace strata::keras {

// Where the objects of a parsed document open in its text (their '{'). An object's members
// live on the heap, so their address names the object however often the json holding it is
// moved.
class ObjectOffsets {
  public:
    void add(const nlohmann::ordered_json::object_t& members, std::size_t offset) {
        entries_.push_back(Entry{&members, offset});
    }
    // The offset of `object`, an object of the document; nullopt when it has none.
    std::optional<std::size_t> find(const nlohmann::ordered_json& object);

  private:
    struct Entry {
        const void* members;
        std::size_t offset;
    };
    std::vector<Entry> entries_;
    bool sorted_ = false;
};

class JsonTreeBuilder {
  public:
    using json = nlohmann::ordered_json;
    using number_integer_t = json::number_integer_t;
    using number_unsigned_t = json::number_unsigned_t;
    using number_float_t = json::number_float_t;
    using string_t = json::string_t;
    using binary_t = json::binary_t;

    // With a text, every object's place in it is kept (take_offsets): `read` points at
    // where the parser has read to (see ReadPosition), `begin` at the text's first byte.
    JsonTreeBuilder() = default;
    JsonTreeBuilder(const char* const* read, const char* begin) : read_(read), begin_(begin) {}

    // The parsed document; valid once sax_parse returned true.
    json take() { return std::move(values_.back()); }
    ObjectOffsets take_offsets() { return std::move(offsets_); }

    bool null() { return value(json(nullptr)); }
    bool boolean(bool b) { return value(json(b)); }
    bool number_integer(number_integer_t n) { return value(json(n)); }
    bool number_unsigned(number_unsigned_t n) { return value(json(n)); }
    bool number_float(number_float_t n, const string_t&) { return value(json(n)); }
    bool string(string_t& s) { return value(json(std::move(s))); }
    bool binary(binary_t&) { return false; }  // JSON text has no binary values
    bool key(string_t& k) {
        keys_.push_back(std::move(k));
        return true;
    }
    bool start_object(std::size_t) {
        // The parser has just read the '{'.
        if (read_) open_offsets_.push_back(static_cast<std::size_t>(*read_ - begin_) - 1);
        return open();
    }
    bool start_array(std::size_t) { return open(); }
    bool end_object();
    bool end_array();

    // As nlohmann's parser does: the error is thrown with its own type (parse_error,
    // out_of_range), which the caller reads the position from.
    template <class Exception>
    bool parse_error(std::size_t, const std::string&, const Exception& error) {
        throw error;
    }

  private:
    // Where the open container's members start on the stacks.
    struct Frame {
        std::size_t values;
        std::size_t keys;
    };

    bool value(json&& v) {
        values_.push_back(std::move(v));
        return true;
    }
    bool open() {
        frames_.push_back(Frame{values_.size(), keys_.size()});
        return true;
    }

    std::vector<json> values_;
    std::vector<std::string> keys_;
    std::vector<Frame> frames_;
    const char* const* read_ = nullptr;
    const char* begin_ = nullptr;
    std::vector<std::size_t> open_offsets_;  // of the objects open now
    ObjectOffsets offsets_;                  // of every object closed
};

// An iterator over a text for json::sax_parse that stores, at each step, how far the parser
// has read: the tree builder reads it to place objects in the text.
class ReadPosition {
  public:
    using iterator_category = std::input_iterator_tag;
    using value_type = char;
    using difference_type = std::ptrdiff_t;
    using pointer = const char*;
    using reference = const char&;

    ReadPosition(const char* at, const char** read) : at_(at), read_(read) {}

    reference operator*() const { return *at_; }
    ReadPosition& operator++() {
        *read_ = ++at_;
        return *this;
    }
    ReadPosition operator++(int) {
        ReadPosition before = *this;
        ++*this;
        return before;
    }
    bool operator==(const ReadPosition& other) const { return at_ == other.at_; }

  private:
    const char* at_;
    const char** read_;
};

}  // namespace strata::keras
