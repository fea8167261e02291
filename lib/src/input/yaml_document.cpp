#include "input/yaml_document.hpp"

#include <yaml-cpp/depthguard.h>
#include <yaml-cpp/eventhandler.h>

#include <algorithm>
#include <cstdint>
#include <sstream>
#include <unordered_map>
#include <vector>

#include "strata/error.hpp"
#include "strata/limits.hpp"

namespace strata {
namespace {

Error error_at(const std::string& file, const YAML::Mark& mark, const std::string& message) {
    if (mark.is_null() || mark.line < 0) return Error(file, message);
    return Error(file, static_cast<std::size_t>(mark.line) + 1,
                 static_cast<std::size_t>(mark.column) + 1, message);
}

// Counts, for the first document, the nodes a full walk of the loaded tree would visit, an
// alias counting as the whole node it names. Throws as soon as a limit is passed, so a bomb
// costs no more than the limit.
class ExpansionCheck : public YAML::EventHandler {
  public:
    ExpansionCheck(const std::string& file, YamlDocument kind)
        : file_(file),
          max_written_(kind == YamlDocument::spec ? limits::kMaxYamlSpecNodes
                                                  : limits::kMaxYamlOptionNodes) {}

    void OnDocumentStart(const YAML::Mark&) override {}
    void OnDocumentEnd() override {}
    void OnNull(const YAML::Mark& mark, YAML::anchor_t anchor) override { leaf(mark, anchor); }
    void OnScalar(const YAML::Mark& mark, const std::string&, YAML::anchor_t anchor,
                  const std::string&) override {
        leaf(mark, anchor);
    }
    void OnAlias(const YAML::Mark& mark, YAML::anchor_t anchor) override {
        for (const Open& open : open_) {
            if (open.anchor == anchor) {
                throw error_at(file_, mark,
                               "an alias refers to a node that contains it (a cycle); YAML "
                               "aliases must name a finished node");
            }
        }
        const auto known = sizes_.find(anchor);
        add(mark, known == sizes_.end() ? 1 : known->second);
    }
    void OnSequenceStart(const YAML::Mark& mark, const std::string&, YAML::anchor_t anchor,
                         YAML::EmitterStyle::value) override {
        open(mark, anchor);
    }
    void OnSequenceEnd() override { close(); }
    void OnMapStart(const YAML::Mark& mark, const std::string&, YAML::anchor_t anchor,
                    YAML::EmitterStyle::value) override {
        open(mark, anchor);
    }
    void OnMapEnd() override { close(); }

  private:
    struct Open {
        YAML::anchor_t anchor;
        std::uint64_t size;
    };

    void add(const YAML::Mark& mark, std::uint64_t nodes) {
        // What yaml-cpp will build: one node per event (an alias is one more reference).
        if (++written_ > max_written_) {
            throw error_at(file_, mark,
                           "the YAML holds more than " + std::to_string(max_written_) + " nodes");
        }
        total_ = std::min(total_ + nodes, kSaturated);
        if (!open_.empty()) open_.back().size = std::min(open_.back().size + nodes, kSaturated);
        if (total_ > limits::kMaxYamlNodes) {
            throw error_at(file_, mark,
                           "the YAML expands to more than " +
                               std::to_string(limits::kMaxYamlNodes) +
                               " nodes through its aliases");
        }
    }
    void leaf(const YAML::Mark& mark, YAML::anchor_t anchor) {
        add(mark, 1);
        if (anchor != YAML::NullAnchor) sizes_[anchor] = 1;
    }
    void open(const YAML::Mark& mark, YAML::anchor_t anchor) {
        if (open_.size() >= limits::kMaxYamlDepth) {
            throw error_at(
                file_, mark,
                "YAML nested deeper than " + std::to_string(limits::kMaxYamlDepth) + " levels");
        }
        add(mark, 1);
        open_.push_back({anchor, 1});
    }
    void close() {
        const Open done = open_.back();
        open_.pop_back();
        if (done.anchor != YAML::NullAnchor) sizes_[done.anchor] = done.size;
        // The parent already counted this node's contents through total_; only its size
        // as a unit matters to the parent now.
        if (!open_.empty())
            open_.back().size = std::min(open_.back().size + done.size - 1, kSaturated);
    }

    static constexpr std::uint64_t kSaturated = UINT64_MAX / 4;
    const std::string& file_;
    std::vector<Open> open_;
    std::unordered_map<YAML::anchor_t, std::uint64_t> sizes_;  // lookups only
    std::uint64_t total_ = 0;
    const std::uint64_t max_written_;
    std::uint64_t written_ = 0;
};

Error yaml_syntax_error(const std::string& file, const YAML::Exception& e) {
    // yaml-cpp's own words ("bad file", "end of map not found") say little; keep the ones
    // that describe the text and replace the rest.
    std::string what = e.msg;
    if (dynamic_cast<const YAML::DeepRecursion*>(&e) != nullptr) {
        what = "nested deeper than " + std::to_string(limits::kMaxYamlDepth) + " levels";
    } else if (what.empty() || what == "bad file") {
        what = "cannot be read";
    }
    return error_at(file, e.mark, "not valid YAML: " + what);
}

}  // namespace

YAML::Node parse_yaml_document(std::string_view text, const std::string& source_name,
                               YamlDocument kind) {
    const std::string owned(text);
    try {
        std::istringstream stream(owned);
        YAML::Parser parser(stream);
        ExpansionCheck check(source_name, kind);
        parser.HandleNextDocument(check);
        return YAML::Load(owned);
    } catch (const YAML::Exception& e) {
        throw yaml_syntax_error(source_name, e);
    }
}

}  // namespace strata
