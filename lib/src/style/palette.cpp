#include "style/palette.hpp"

#include <array>

namespace strata::layout {
namespace {

constexpr std::array<Rgba, 10> kPalette{{
    {255, 209, 102, 255},  // #ffd166
    {239, 71, 111, 255},   // #ef476f
    {6, 214, 160, 255},    // #06d6a0
    {17, 138, 178, 255},   // #118ab2
    {7, 59, 76, 255},      // #073b4c
    {255, 173, 173, 255},  // #ffadad
    {202, 255, 191, 255},  // #caffbf
    {155, 246, 255, 255},  // #9bf6ff
    {160, 196, 255, 255},  // #a0c4ff
    {189, 178, 255, 255},  // #bdb2ff
}};

}  // namespace

Rgba Palette::color_for(const std::string& layer_class) {
    auto [it, inserted] = assigned_.try_emplace(layer_class);
    if (inserted) it->second = kPalette[(assigned_.size() - 1) % kPalette.size()];
    return it->second;
}

}  // namespace strata::layout
