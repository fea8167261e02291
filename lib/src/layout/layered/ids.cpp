#include "layout/layered/ids.hpp"

namespace strata::layout {
namespace {

bool is_ascii_name_char(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' ||
           c == '-' || c == '.';
}

// ASCII letters, digits, '_', '-', '.'; anything else becomes '_'. A name must not start with
// a digit, '-' or '.', so such names get a leading '_'.
std::string xml_safe(const std::string& wanted) {
    std::string id;
    id.reserve(wanted.size() + 1);
    for (char c : wanted) id += is_ascii_name_char(c) ? c : '_';
    if (id.empty()) return "layer";
    char first = id.front();
    if ((first >= '0' && first <= '9') || first == '-' || first == '.') id.insert(id.begin(), '_');
    return id;
}

}  // namespace

std::string IdMaker::make(const std::string& wanted) {
    std::string base = xml_safe(wanted);
    std::string id = base;
    if (used_.count(id) != 0) {
        int& n = next_number_.try_emplace(base, 2).first->second;
        do {
            id = base + "-" + std::to_string(n++);
        } while (used_.count(id) != 0);
    }
    used_.insert(id);
    return id;
}

}  // namespace strata::layout
