#pragma once

// Builds the same ordered_json tree as nlohmann's own parser, from its SAX events, but makes
// every object and array once at its final size: the members wait on one shared stack until
// the container closes. nlohmann's parser grows each container member by member, which for a
// model of 10,000 layers doubles the time and the memory of the import.

#include <cstddef>
#include <string>
#include <utility>
#include <vector>

#include <nlohmann/json.hpp>

namespace strata::keras {

class JsonTreeBuilder {
  public:
    using json = nlohmann::ordered_json;
    using number_integer_t = json::number_integer_t;
    using number_unsigned_t = json::number_unsigned_t;
    using number_float_t = json::number_float_t;
    using string_t = json::string_t;
    using binary_t = json::binary_t;

    // The parsed document; valid once sax_parse returned true.
    json take() { return std::move(values_.back()); }

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
    bool start_object(std::size_t) { return open(); }
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
};

}  // namespace strata::keras
