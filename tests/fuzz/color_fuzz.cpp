// Colour text in every form Pillow accepts; a colour that is read must come back the same
// through its hex form.

#include "fuzz_support.hpp"
#include "strata/color.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view text(reinterpret_cast<const char*>(data), size);
    const auto color = strata::parse_color(text);
    if (!color) return 0;
    const std::string hex = strata::to_hex(*color);
    fuzz::check((hex.size() == 7 || hex.size() == 9) && hex[0] == '#', "to_hex is not #rrggbb[aa]",
                hex);
    for (std::size_t i = 1; i < hex.size(); ++i) {
        const char c = hex[i];
        fuzz::check((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'),
                    "to_hex wrote a non-hex digit", hex);
    }
    const auto again = strata::parse_color(hex);
    fuzz::check(again && again->r == color->r && again->g == color->g && again->b == color->b &&
                    again->a == color->a,
                "a colour does not survive its hex form", hex);
    return 0;
}
