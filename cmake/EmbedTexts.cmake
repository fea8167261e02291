# Writes OUTPUT, a C++ file defining strata::embedded_texts(): each of FILES (a |-list) as a
# (stem, contents) pair. Bytes are written as hex escapes so any content is safe.
set(body "")
string(REPLACE "|" ";" files "${FILES}")
foreach(file ${files})
  get_filename_component(stem ${file} NAME_WE)
  file(READ ${file} hex HEX)
  string(REGEX REPLACE "([0-9a-f][0-9a-f])" "\\\\x\\1" escaped "${hex}")
  string(APPEND body "        {\"${stem}\", std::string_view(\"${escaped}\", sizeof(\"${escaped}\") - 1)},\n")
endforeach()
file(WRITE ${OUTPUT}.tmp "// Generated from templates/ at build time; do not edit.
#include <string_view>
#include <utility>
#include <vector>

namespace strata {

const std::vector<std::pair<std::string_view, std::string_view>>& embedded_texts() {
    static const std::vector<std::pair<std::string_view, std::string_view>> texts{
${body}    };
    return texts;
}

}  // namespace strata
")
file(RENAME ${OUTPUT}.tmp ${OUTPUT})
