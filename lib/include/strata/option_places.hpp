#pragma once

#include <cstddef>
#include <map>
#include <string>

namespace strata {

// Where an option file or a model spec gave a value that can only be checked when it is used
// (a font, looked up when text is measured): the file, line and column of its YAML node and the
// option that holds it, so that the error the use finds names that place.
struct OptionPlace {
    std::string file;
    std::size_t line = 0;
    std::size_t column = 0;
    std::string option;  // "font", "styles.Dense.font", "layered_groups[0].font" ...
    bool operator==(const OptionPlace&) const = default;
};

// The places of such values, by the value (the last place a value was given wins). Options
// (Options::font_places) carry it beside the values, so that it belongs to one run.
class OptionPlaces {
  public:
    void record(const std::string& value, OptionPlace place) {
        places_.insert_or_assign(value, std::move(place));
    }

    // Where `value` was given, nullptr when no file gave it (a flag, a default, C++).
    const OptionPlace* find(const std::string& value) const {
        const auto it = places_.find(value);
        return it == places_.end() ? nullptr : &it->second;
    }

    bool operator==(const OptionPlaces&) const = default;

  private:
    std::map<std::string, OptionPlace> places_;
};

}  // namespace strata
