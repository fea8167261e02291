#pragma once

#include <optional>
#include <string>

#include <boost/program_options.hpp>

#include "flag_group.hpp"
#include "strata/emit_options.hpp"
#include "strata/layout.hpp"

namespace strata::cli {

// The flags of TikZ output (.tex) and of slides: --standalone, --reveal,
// --document-font-size, --frames. (--width is a layout option for every output.)
FlagGroup latex_flags();

// What the flags ask for a .tex figure.
struct LatexRequest {
    LatexDocument document;  // the document's font size and Latin Modern family
    TikzOptions tikz;
};

// Reads the flags; `tex` says whether the output is a .tex file (the TikZ-only flags are
// usage errors otherwise).
LatexRequest latex_request(const boost::program_options::variables_map& given, bool tex);

}  // namespace strata::cli
