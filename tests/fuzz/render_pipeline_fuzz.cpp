// The whole pipeline on a model built from the fuzzer's bytes: hostile names and types,
// absurd shapes, random options → layout → SVG (which must be valid, inert XML), scene JSON,
// and sometimes PNG and PDF.

#include <pugixml.hpp>

#include <cmath>
#include <set>

#include "fuzz_support.hpp"
#include "shapes/infer.hpp"
#include "strata/error.hpp"
#include "strata/option_table.hpp"
#include "strata/render.hpp"
#include "text/unicode_text.hpp"

namespace {

const char* const kTypes[] = {
    "InputLayer",         "Conv2D",     "Dense",   "Flatten", "MaxPooling2D", "Dropout",   "Add",
    "Concatenate",        "LSTM",       "Conv1D",  "Reshape", "Lambda",       "Embedding", "Conv3D",
    "BatchNormalization", "Activation", "Custom>X"};

strata::Dim dimension(fuzz::Bytes& in) {
    switch (in.below(6)) {
        case 0:
            return strata::kUnknownDim;
        case 1:
            return 0;
        case 2:
            return in.int64();  // anything, negative and huge included
        default:
            return static_cast<strata::Dim>(in.below(300)) + 1;
    }
}

strata::Model random_model(fuzz::Bytes& in) {
    strata::Model model;
    model.name = in.text(16);
    const std::size_t count = 1 + in.below(12);
    for (std::size_t i = 0; i < count; ++i) {
        strata::Layer layer;
        layer.name = in.flag() ? in.text(40) : "layer_" + std::to_string(i);
        layer.type = in.below(8) == 0 ? in.text(20) : kTypes[in.below(std::size(kTypes))];
        if (i > 0) layer.inputs.push_back({in.flag() ? i - 1 : in.below(i), 0});
        if (i > 1 && in.below(4) == 0) layer.inputs.push_back({in.below(i), 0});
        if (i == 0 || in.below(3) == 0) {
            strata::Shape shape;
            const std::size_t rank = in.below(7);
            for (std::size_t d = 0; d < rank; ++d) shape.push_back(dimension(in));
            layer.shapes.push_back(shape);
            layer.shape_known = true;
        }
        if (in.flag()) layer.attrs["units"] = static_cast<std::int64_t>(in.int64());
        if (in.flag()) layer.attrs["activation"] = in.text(12);
        model.layers.push_back(std::move(layer));
    }
    model.inputs.push_back(0);
    model.outputs.push_back({count - 1, 0});
    return model;
}

void set_random_options(fuzz::Bytes& in, strata::Options& options) {
    const auto& table = strata::option_table();
    const std::size_t count = in.below(6);
    for (std::size_t i = 0; i < count; ++i) {
        const strata::OptionInfo& option = table[in.below(table.size())];
        // Options naming files would make the target read whatever path it invents.
        if (option.key == "logo_groups" || option.key == "to_file") continue;
        try {
            strata::set_option(options, option.key, in.text(40), "--" + option.flag);
        } catch (const strata::Error&) {
        }
    }
}

bool is_number_attribute(std::string_view name) {
    return name == "x" || name == "y" || name == "width" || name == "height" ||
           name == "font-size" || name == "stroke-width" || name == "fill-opacity" ||
           name == "stroke-opacity" || name == "d" || name == "viewBox" || name == "transform";
}

bool is_hex_colour(std::string_view value) {
    if (value.size() != 7 || value[0] != '#') return false;
    for (char c : value.substr(1)) {
        if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'))) return false;
    }
    return true;
}

// Every character is one XML 1.0 allows: valid UTF-8, no control but tab and line breaks.
void check_xml_characters(const std::string& svg) {
    for (std::size_t pos = 0; pos < svg.size();) {
        const std::size_t start = pos;
        const char32_t c = strata::unicode::decode_next(svg, pos);
        const bool replaced = c == strata::unicode::kReplacementCharacter &&
                              svg.compare(start, 3, "\xEF\xBF\xBD") != 0;
        const bool control =
            (c < 0x20 && c != '\t' && c != '\n' && c != '\r') || c == 0xFFFE || c == 0xFFFF;
        if (replaced || control) {
            fuzz::fail("SVG holds a character XML does not allow",
                       svg.substr(start > 40 ? start - 40 : 0, 80));
        }
    }
}

// The document parses, holds nothing executable or external, has unique ids, paints only with
// #rrggbb and writes only finite numbers.
void check_svg(const std::string& svg) {
    check_xml_characters(svg);
    pugi::xml_document doc;
    const auto parsed = doc.load_buffer(
        svg.data(), svg.size(), pugi::parse_default | pugi::parse_declaration, pugi::encoding_utf8);
    fuzz::check(bool(parsed), "SVG does not parse", parsed.description());
    std::set<std::string> ids;
    struct Walker : pugi::xml_tree_walker {
        std::set<std::string>* ids;
        bool for_each(pugi::xml_node& node) override {
            if (node.type() != pugi::node_element) return true;
            const std::string_view name = node.name();
            fuzz::check(name != "script" && name != "foreignObject", "SVG holds an active element");
            for (const pugi::xml_attribute& a : node.attributes()) {
                const std::string_view key = a.name(), value = a.value();
                fuzz::check(!(key.size() > 2 && (key[0] == 'o' || key[0] == 'O') &&
                              (key[1] == 'n' || key[1] == 'N')),
                            "SVG holds an event attribute", key);
                if (key == "id")
                    fuzz::check(ids->insert(std::string(value)).second, "duplicate id", value);
                if (key == "href" || key == "xlink:href")
                    fuzz::check(value.substr(0, 5) == "data:" || value.substr(0, 1) == "#",
                                "SVG refers to an external resource", value);
                if ((key == "fill" || key == "stroke") && value != "none")
                    fuzz::check(is_hex_colour(value), "a paint that is not #rrggbb", value);
                if (is_number_attribute(key)) {
                    fuzz::check(value.find("nan") == std::string_view::npos &&
                                    value.find("inf") == std::string_view::npos,
                                "a non-finite number in the SVG", value);
                }
            }
            return true;
        }
    } walker;
    walker.ids = &ids;
    doc.traverse(walker);
}

// The picture's braces balance (an escaped \{ or \} does not count) and nothing in it could
// read or write a file, run code or change how TeX reads characters, whatever the names were.
void check_tikz(const std::string& tex) {
    long depth = 0;
    for (std::size_t i = 0; i < tex.size(); ++i) {
        if (tex[i] == '\\') {
            ++i;  // the next character is part of a control sequence
            continue;
        }
        if (tex[i] == '{') ++depth;
        if (tex[i] == '}') --depth;
        fuzz::check(depth >= 0, "a closing brace without its opening one in the TikZ",
                    tex.substr(i > 40 ? i - 40 : 0, 80));
    }
    fuzz::check(depth == 0, "unbalanced braces in the TikZ", std::to_string(depth));
    for (const char* danger :
         {"\\input", "\\include{", "\\write", "\\openin", "\\openout", "\\read", "\\catcode",
          "\\directlua", "\\immediate", "\\special", "^^", "/utils/exec"}) {
        const std::size_t at = tex.find(danger);
        if (at != std::string::npos) {
            fuzz::fail("the TikZ holds an active control sequence",
                       tex.substr(at > 40 ? at - 40 : 0, 80));
        }
    }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    fuzz::Bytes in(data, size);
    strata::Model model = random_model(in);
    strata::Options options;
    set_random_options(in, options);
    const std::size_t output = in.below(4);
    const bool raster = output == 0;
    // A figure LaTeX sets at a width: fitted, then its geometry scaled to exactly that width.
    const bool latex = output == 1;
    if (latex) options.width = std::to_string(40 + in.below(2000)) + "px";
    strata::Warnings warnings;
    try {
        strata::infer_shapes(model, warnings);
        const auto [scene, scale] =
            latex ? strata::layout_for_latex(model, options, warnings)
                  : strata::FittedScene{strata::layout_layered(model, options, warnings), 1};
        check_svg(strata::to_svg(scene));
        strata::TikzOptions tikz;
        tikz.scale = scale;
        check_tikz(strata::to_tikz(scene, tikz, warnings));
        strata::to_scene_json(scene);
        // Rasterising is slow: only small canvases, now and then.
        if (raster && scene.width * scene.height < 250'000) {
            strata::to_png(scene);
            strata::to_pdf(scene);
        }
    } catch (const strata::Error&) {
    }
    return 0;
}
