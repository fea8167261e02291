#pragma once

#include <cstddef>
#include <map>
#include <string>
#include <string_view>
#include <utility>

namespace strata {

// Where an option file or a model spec gave a value that can only be checked when it is used
// (a font, looked up when text is measured; a picture, read when it is placed; the names to
// expand, matched against the model): the file, line and column of its YAML node and the
// option that holds it, so that the error the use finds names that place.
struct OptionPlace {
    std::string file;
    std::size_t line = 0;
    std::size_t column = 0;
    std::string option;   // "font", "styles.Dense.font", "layered_groups[0].font" ...
    std::string written;  // a path as the file wrote it (before it was made relative to it)
    bool operator==(const OptionPlace&) const = default;
};

// The places of such values, by a key: the value itself (a font, a picture path) or the
// option's name ("expand", "captions.conv1"). The last place given for a key wins. Options
// carry them beside the values, so that they belong to one run.
class OptionPlaces {
  public:
    void record(const std::string& key, OptionPlace place) {
        places_.insert_or_assign(key, std::move(place));
    }

    // Where `key` was given, nullptr when no file gave it (a flag, a default, C++).
    const OptionPlace* find(const std::string& key) const {
        const auto it = places_.find(key);
        return it == places_.end() ? nullptr : &it->second;
    }

    // Forgets the option `key` and the options inside it ("styles" takes "styles.Dense" and
    // "styles.Dense.fill", "logo_groups" takes "logo_groups[0].file"), whose value something
    // that records no place (a flag) replaces.
    void forget(const std::string& key) {
        auto it = places_.lower_bound(key);
        while (it != places_.end() && it->first.compare(0, key.size(), key) == 0) {
            const std::string_view rest = std::string_view(it->first).substr(key.size());
            if (rest.empty() || rest.front() == '.' || rest.front() == '[') {
                it = places_.erase(it);
            } else {
                ++it;
            }
        }
    }

    bool operator==(const OptionPlaces&) const = default;

  private:
    std::map<std::string, OptionPlace> places_;
};

}  // namespace strata
