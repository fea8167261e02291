#include "import/yaml_guard.hpp"

#include <yaml-cpp/eventhandler.h>

#include <map>
#include <sstream>
#include <vector>

#include "strata/error.hpp"

namespace strata {
namespace {

Error error_at(const std::string& source_name, const YAML::Mark& mark, const std::string& message) {
    if (mark.is_null() || mark.line < 0) return Error(source_name, message);
    return Error(source_name, static_cast<std::size_t>(mark.line) + 1,
                 static_cast<std::size_t>(mark.column) + 1, message);
}

// Counts the nodes a document stands for, aliases expanded, without expanding them: an
// anchored node's size is known once it ends, and an alias adds that size.
class BoundsCheck : public YAML::EventHandler {
  public:
    BoundsCheck(const std::string& source_name, const YamlBounds& bounds)
        : source_name_(source_name), bounds_(bounds) {}

    void OnDocumentStart(const YAML::Mark&) override {}
    void OnDocumentEnd() override {}
    void OnNull(const YAML::Mark& mark, YAML::anchor_t anchor) override { leaf(mark, anchor); }
    void OnScalar(const YAML::Mark& mark, const std::string&, YAML::anchor_t anchor,
                  const std::string&) override {
        leaf(mark, anchor);
    }
    void OnAlias(const YAML::Mark& mark, YAML::anchor_t anchor) override {
        const auto size = anchor_sizes_.find(anchor);
        if (size == anchor_sizes_.end()) {
            throw error_at(source_name_, mark,
                           "an alias refers to the node that contains it (a cycle)");
        }
        add(mark, size->second);
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
        std::size_t size;  // nodes so far, itself included
    };

    void leaf(const YAML::Mark& mark, YAML::anchor_t anchor) {
        add(mark, 1);
        if (anchor != YAML::NullAnchor) anchor_sizes_[anchor] = 1;
    }

    void open(const YAML::Mark& mark, YAML::anchor_t anchor) {
        if (open_.size() >= bounds_.max_depth) {
            throw error_at(
                source_name_, mark,
                "nested more than " + std::to_string(bounds_.max_depth) + " levels deep");
        }
        count(mark, 1);
        open_.push_back(Open{anchor, 1});
    }

    void close() {
        const Open done = open_.back();
        open_.pop_back();
        if (!open_.empty()) open_.back().size += done.size;
        if (done.anchor != YAML::NullAnchor) anchor_sizes_[done.anchor] = done.size;
    }

    void add(const YAML::Mark& mark, std::size_t size) {
        count(mark, size);
        if (!open_.empty()) open_.back().size += size;
    }

    void count(const YAML::Mark& mark, std::size_t size) {
        total_ += size;
        if (total_ > bounds_.max_nodes) {
            throw error_at(source_name_, mark,
                           "the document stands for more than " +
                               std::to_string(bounds_.max_nodes) +
                               " values (aliases are counted each time they are used)");
        }
    }

    const std::string& source_name_;
    const YamlBounds& bounds_;
    std::vector<Open> open_;
    std::map<YAML::anchor_t, std::size_t> anchor_sizes_;
    std::size_t total_ = 0;
};

// yaml-cpp's messages are terse or misleading ("bad file" for deep nesting): say it plainly.
Error not_yaml(const std::string& source_name, const YAML::Exception& e) {
    return error_at(source_name, e.mark, "not valid YAML here");
}

}  // namespace

YAML::Node load_bounded_yaml(std::string_view text, const std::string& source_name,
                             const YamlBounds& bounds) {
    try {
        std::istringstream stream{std::string(text)};
        YAML::Parser parser(stream);
        BoundsCheck check(source_name, bounds);
        parser.HandleNextDocument(check);
        if (parser.HandleNextDocument(check)) {
            throw Error(source_name, "expected one YAML document, found several");
        }
        return YAML::Load(std::string(text));
    } catch (const YAML::Exception& e) {
        throw not_yaml(source_name, e);
    }
}

}  // namespace strata
