#include "latex_flags.hpp"

#include <cmath>

#include "commands.hpp"
#include "strata/error.hpp"
#include "strata/printable.hpp"

namespace po = boost::program_options;

namespace strata::cli {

FlagGroup latex_flags() {
    FlagGroup group("TikZ and slides");
    group.flags.add_options()("standalone", po::bool_switch(),
                              ".tex: a whole document (class standalone) instead of a picture")(
        "document-font-size", po::value<double>()->value_name("NUMBER"),
        ".tex: the document's font size in TeX points (default 10); captions are measured in "
        "Latin Modern at this size unless a font is given")(
        "document-font-family", po::value<std::string>()->value_name("roman|sans"),
        ".tex: roman (default) or sans: which Latin Modern the document's text is set in")(
        "reveal", po::bool_switch(), ".tex: beamer overlays, one layer per step")(
        "frames", po::value<std::string>()->value_name("DIR"),
        "also write one SVG per reveal step into this folder (step-01.svg …)");
    return group;
}

LatexRequest latex_request(const po::variables_map& given, bool tex) {
    LatexRequest request;
    const bool standalone = given.count("standalone") && given["standalone"].as<bool>();
    const bool reveal = given.count("reveal") && given["reveal"].as<bool>();
    if (!tex && (standalone || reveal || given.count("document-font-size") ||
                 given.count("document-font-family")))
        throw UsageError{
            "--standalone, --reveal and --document-font-size/-family apply to .tex "
            "output"};
    request.tikz.standalone = standalone;
    request.tikz.reveal = reveal;
    if (given.count("document-font-size"))
        request.document.font_pt = given["document-font-size"].as<double>();
    if (given.count("document-font-family")) {
        const std::string family = given["document-font-family"].as<std::string>();
        if (family != "roman" && family != "sans")
            throw UsageError{"--document-font-family is roman or sans, not " + quoted_text(family)};
        request.document.sans = family == "sans";
    }
    return request;
}

}  // namespace strata::cli
