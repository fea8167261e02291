#include "latex_flags.hpp"

#include <cmath>
#include <cstdio>
#include <filesystem>
#include <system_error>

#include "commands.hpp"
#include "strata/error.hpp"

namespace po = boost::program_options;

namespace strata::cli {

po::options_description latex_flags() {
    po::options_description flags("TikZ and slides", 100, 50);
    flags.add_options()("standalone", po::bool_switch(),
                        ".tex: a whole document (class standalone) instead of a picture")(
        "width", po::value<std::string>(),
        ".tex: scale the geometry to this width (241pt, 3.3in, 8cm…); text keeps its size")(
        "document-font-size", po::value<double>(),
        ".tex: the document's font size in TeX points (default 10); captions are measured in "
        "Latin Modern at this size unless a font is given")(
        "document-font-family", po::value<std::string>(),
        ".tex: roman (default) or sans: which Latin Modern the document's text is set in")(
        "reveal", po::bool_switch(), ".tex: beamer overlays, one layer per step")(
        "frames", po::value<std::string>(),
        "also write one SVG per reveal step into this folder (step-01.svg …)");
    return flags;
}

double tex_length_px(const std::string& text) {
    struct Unit {
        const char* name;
        double px;
    };
    static constexpr Unit units[] = {{"pt", 96 / 72.27}, {"bp", 96 / 72.0}, {"in", 96},
                                     {"cm", 96 / 2.54},  {"mm", 96 / 25.4}, {"px", 1}};
    for (const Unit& unit : units) {
        const std::string suffix = unit.name;
        if (text.size() <= suffix.size() || text.compare(text.size() - 2, 2, suffix) != 0) continue;
        const std::string number = text.substr(0, text.size() - 2);
        std::size_t used = 0;
        double value = 0;
        try {
            value = std::stod(number, &used);
        } catch (const std::exception&) {
            used = 0;
        }
        if (used == number.size() && std::isfinite(value) && value > 0) return value * unit.px;
        break;
    }
    throw UsageError{
        "--width takes a positive length with a unit (pt, bp, in, cm, mm or px), "
        "not '" +
        text + "'"};
}

LatexRequest latex_request(const po::variables_map& given, bool tex) {
    LatexRequest request;
    const bool standalone = given.count("standalone") && given["standalone"].as<bool>();
    const bool reveal = given.count("reveal") && given["reveal"].as<bool>();
    if (!tex && (standalone || reveal || given.count("width") ||
                 given.count("document-font-size") || given.count("document-font-family")))
        throw UsageError{
            "--standalone, --reveal, --width and --document-font-size/-family apply to .tex "
            "output"};
    request.tikz.standalone = standalone;
    request.tikz.reveal = reveal;
    if (given.count("width")) request.width_px = tex_length_px(given["width"].as<std::string>());
    if (given.count("document-font-size"))
        request.font_pt = given["document-font-size"].as<double>();
    if (given.count("document-font-family")) {
        const std::string family = given["document-font-family"].as<std::string>();
        if (family != "roman" && family != "sans")
            throw UsageError{"--document-font-family is roman or sans, not '" + family + "'"};
        request.sans = family == "sans";
    }
    return request;
}

void write_reveal_frames(const Scene& scene, const std::string& folder) {
    std::error_code error;
    std::filesystem::create_directories(folder, error);
    if (error) throw Error(folder, "cannot create the folder: " + error.message());
    const std::vector<Scene> frames = reveal_frames(scene);
    for (std::size_t i = 0; i < frames.size(); ++i) {
        char name[32];
        std::snprintf(name, sizeof name, "step-%02zu.svg", i + 1);
        write_file_atomically((std::filesystem::path(folder) / name).string(), to_svg(frames[i]));
    }
}

}  // namespace strata::cli
