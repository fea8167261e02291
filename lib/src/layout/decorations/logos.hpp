#pragma once

#include <optional>

#include "layout/layered/face_quads.hpp"
#include "strata/image_source.hpp"
#include "strata/model.hpp"
#include "strata/options.hpp"
#include "strata/scene.hpp"

namespace strata::layout {

// How many entries of the logo's layer list name this layer or its exact class; visualkeras
// sticks the logo on once per match.
int logo_matches(const LogoGroup& logo, const Layer& layer);

// §7.2: a logo on a face: sized (a fraction of the face's shorter side, or width × height in
// pixels), put in its corner with its padding along the face's edges, fitted "contain" into
// that size. Nothing when the face is under a pixel on either side.
std::optional<Image> place_logo(const LogoGroup& logo, const Picture& file, const FaceQuad& face,
                                bool linked);

}  // namespace strata::layout
