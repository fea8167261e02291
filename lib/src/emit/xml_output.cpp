#include "emit/xml_output.hpp"

#include <string_view>

namespace strata::emit {
namespace {

class StringWriter : public pugi::xml_writer {
  public:
    explicit StringWriter(std::string& out) : out_(out) {}
    void write(const void* data, std::size_t size) override {
        out_.append(static_cast<const char*>(data), size);
    }

  private:
    std::string& out_;
};

}  // namespace

void append_printed(std::string& out, pugi::xml_node node, unsigned depth) {
    StringWriter writer(out);
    node.print(writer, kXmlIndent, kXmlFormat, pugi::encoding_utf8, depth);
}

void append_saved(std::string& out, const pugi::xml_document& document) {
    StringWriter writer(out);
    document.save(writer, kXmlIndent, kXmlFormat, pugi::encoding_utf8);
}

Shell split_at_marker(const std::string& printed) {
    const std::string tag = std::string("<") + kChildrenMarker;
    const std::size_t at = printed.find(tag);
    if (at == std::string::npos) return {printed, {}};
    const std::size_t line_start = printed.rfind('\n', at) + 1;  // npos + 1 == 0
    std::size_t line_end = printed.find('\n', at);
    line_end = line_end == std::string::npos ? printed.size() : line_end + 1;
    return {printed.substr(0, line_start), printed.substr(line_end)};
}

}  // namespace strata::emit
