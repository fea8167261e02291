// Scene → TikZ picture. Coordinates are precomputed in bp (y up, origin at the bottom left of
// the canvas), colours are defined once, every primitive is written the same way whatever its
// group's role. Text is a node at the measured baseline, set by LaTeX in the document's font at
// the size the layout measured; nothing from the model reaches TeX unescaped.

#include <algorithm>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <tuple>
#include <variant>
#include <vector>

#include "emit/latex_text.hpp"
#include "emit/number_format.hpp"
#include "emit/reveal_steps.hpp"
#include "strata/emit.hpp"
#include "strata/error.hpp"
#include "strata/limits.hpp"

namespace strata {
namespace {

using emit::append_number;

constexpr double kBpPerPx = 0.75;             // 1 px = 1/96 in, 1 bp = 1/72 in
constexpr double kTexPtPerPx = 72.27 / 96.0;  // TeX points
constexpr double kThinnestLineBp = 0.3;       // TeX's largest dimension is 16383.99 pt
constexpr std::string_view kLatinModern = "Latin Modern Roman";

// The PGF anchor of a text node: "base" alone is the middle of the baseline.
const char* node_anchor(TextAnchor anchor) {
    switch (anchor) {
        case TextAnchor::start:
            break;
        case TextAnchor::middle:
            return "{base}";
        case TextAnchor::end:
            return "{base,right}";
    }
    return "{base,left}";
}

struct RgbKey {
    int r, g, b;
    auto operator<=>(const RgbKey&) const = default;
};

// The picture is written with PGF's basic layer (part of TikZ): quick path commands take
// dimensions directly, so TeX never parses coordinates or options, which keeps a figure of a
// few hundred faces well under a tenth of a second to typeset. Drawing state (colours, line
// width) is set only when it changes.
class TikzWriter {
  public:
    TikzWriter(const Scene& scene, const TikzOptions& options, Warnings& warnings)
        : scene_(scene), options_(options), warnings_(warnings), k_(kBpPerPx * options.scale) {}

    std::string write() {
        check_size();
        std::string body;
        body.reserve(scene_.groups.size() * 400);
        const std::vector<int> steps = emit::reveal_steps(scene_);
        write_background(body);
        for (std::size_t i = 0; i < scene_.groups.size(); ++i) {
            const bool wrapped = options_.reveal && steps[i] > 0;
            if (wrapped) {
                body += "\\strataStep{";
                body += std::to_string(steps[i]);
                body += "}{%\n";
                forget_state();  // a hidden step sets nothing
            }
            for (const Primitive& item : scene_.groups[i].items)
                std::visit([&](const auto& primitive) { (*this)(primitive, body); }, item);
            if (wrapped) {
                body += "}%\n";
                forget_state();
            }
        }

        std::string out;
        out.reserve(body.size() + 2048);
        if (options_.standalone) write_preamble(out);
        out += "% A model diagram drawn by strata " STRATA_VERSION ". Needs \\usepackage{tikz}";
        if (!picture_boxes_.empty()) out += " and \\usepackage{graphicx}";
        out += ".\n% Its unit is the length \\strataunit (1bp unless set before).\n\\begingroup\n";
        // The unit is set globally where it is made: the group ends with this picture, and the
        // next picture of the document finds the unit made and uses it.
        out +=
            "\\ifdefined\\strataunit\\else\\csname newdimen\\endcsname\\strataunit"
            "\\global\\strataunit=1bp\\fi\n";
        // pdflatex stops at a character its input encoding does not know; in the picture it
        // prints as "?" instead (lualatex and xelatex only report a missing glyph).
        out += "\\expandafter\\def\\csname UTFviii@undefined@err\\endcsname#1{?}%\n";
        out += "\\def\\stM#1 #2 {\\pgfpathqmoveto{#1\\strataunit}{#2\\strataunit}}%\n";
        out += "\\def\\stL#1 #2 {\\pgfpathqlineto{#1\\strataunit}{#2\\strataunit}}%\n";
        out +=
            "\\def\\stT#1 #2 #3#4{\\pgftext[#3,at=\\pgfqpoint{#1\\strataunit}"
            "{#2\\strataunit}]{#4}}%\n";
        if (options_.reveal) {
            // Outside beamer every step is shown.
            out +=
                "\\providecommand\\strataStep[2]{\\ifdefined\\only\\only<#1->{#2}\\else#2\\fi}%\n";
        }
        for (const auto& [rgb, name] : colors_) {
            out += "\\definecolor{" + name + "}{RGB}{" + std::to_string(rgb.r) + ',' +
                   std::to_string(rgb.g) + ',' + std::to_string(rgb.b) + "}%\n";
        }
        out += picture_declarations_;
        out += "\\begin{pgfpicture}\\pgfsetmiterjoin\\pgfsetmiterlimit{4}\\pgfsetbuttcap\n";
        out += "\\pgfpathrectanglecorners{\\pgfpointorigin}{\\pgfqpoint{";
        append_number(out, scene_.width * k_);
        out += "\\strataunit}{";
        append_number(out, scene_.height * k_);
        out += "\\strataunit}}\\pgfusepath{use as bounding box}\n";
        out += body;
        out += "\\end{pgfpicture}%\n\\endgroup\n";
        if (options_.standalone) out += "\\end{document}\n";
        return out;
    }

    // One operator per primitive kind; they append to `out`.
    void operator()(const Polygon& polygon, std::string& out) {
        if (polygon.points.empty() || (!polygon.fill && !polygon.stroke)) return;
        const bool translucent = (polygon.fill && polygon.fill->a != 255) ||
                                 (polygon.stroke && polygon.stroke->a != 255);
        if (translucent) begin_scope(out);
        if (polygon.fill) fill_color(out, *polygon.fill);
        if (polygon.stroke) {
            stroke_color(out, *polygon.stroke);
            line_width(out, polygon.stroke_width);
        }
        path(out, polygon.points);
        out += "\\pgfpathclose";
        out += polygon.fill && polygon.stroke ? "\\pgfusepathqfillstroke\n"
               : polygon.fill                 ? "\\pgfusepathqfill\n"
                                              : "\\pgfusepathqstroke\n";
        if (translucent) end_scope(out);
    }

    void operator()(const Polyline& line, std::string& out) {
        if (line.points.size() < 2) return;
        const bool translucent = line.stroke.a != 255;
        if (translucent) begin_scope(out);
        stroke_color(out, line.stroke);
        line_width(out, line.stroke_width);
        path(out, line.points);
        out += "\\pgfusepathqstroke\n";
        if (translucent) end_scope(out);
    }

    // Text is a node at the run's anchor, so that a font whose widths differ a little from the
    // measured ones keeps centred text centred.
    void operator()(const TextRun& run, std::string& out) {
        const std::string text = emit::latex_text(run.text);
        if (text.empty()) return;
        const bool translucent = run.fill.a != 255;
        if (translucent) {
            begin_scope(out);
            out += "\\pgfsetfillopacity{";
            append_number(out, run.fill.a / 255.0);
            out += "}";
        }
        out += "\\stT ";
        coordinates(out, {anchor_x(run), run.y});
        out += node_anchor(run.anchor);
        const double size = run.font_size * options_.scale * kTexPtPerPx;
        out += "{\\fontsize{";
        append_number(out, size);
        out += "}{";
        append_number(out, size * 1.2);
        out += "}\\selectfont\\color{";
        out += color_name(run.fill);
        out += "}";
        out += text;
        out += "}\n";
        if (translucent) end_scope(out);
        forget_state();  // the text's \color may leave another paint in the PDF state
    }

    // The picture's own pixel box is mapped by the scene's affine; PGF's frame is y-up, so the
    // graphic's lower-left corner (image point (0, height)) is the origin of the transform.
    void operator()(const Image& image, std::string& out) {
        const bool raster = image.mime_type == "image/png" || image.mime_type == "image/jpeg";
        if (!raster) {
            warnings_.push_back({image.file, "the SVG picture '" + image.file +
                                                 "' is left out of the TikZ output (give a PNG "
                                                 "or JPEG file instead)"});
            return;
        }
        if (!emit::latex_safe_path(image.file)) {
            warnings_.push_back(
                {image.file, "the picture '" + image.file +
                                 "' is left out of the TikZ output: LaTeX file names may only "
                                 "hold letters, digits and . _ - / +"});
            return;
        }
        const std::string& box = picture_box(image);
        const Affine& m = image.transform;
        begin_scope(out);
        if (!image.clip.empty()) {
            path(out, image.clip);
            out += "\\pgfpathclose\\pgfusepath{clip}\n";
        }
        out += "\\pgftransformcm{";
        for (double v : {m.a, -m.b, -m.c}) {
            append_number(out, v);
            out += "}{";
        }
        append_number(out, m.d);
        out += "}{\\pgfqpoint{";
        append_number(out, (m.c * image.height + m.e) * k_);
        out += "\\strataunit}{";
        append_number(out, (scene_.height - m.d * image.height - m.f) * k_);
        out += "\\strataunit}}\\pgftext[left,bottom]{\\copy";
        out += box;
        out += "}\n";
        end_scope(out);
    }

  private:
    // The box register that holds `image`'s picture, declared with the first placement of
    // each picture. Every placement copies the box, so that a document includes each file
    // once (one image object in the PDF) however often it is placed.
    const std::string& picture_box(const Image& image) {
        const PictureKey key{image.data.identity(), image.file, image.width, image.height};
        auto it = picture_boxes_.find(key);
        if (it != picture_boxes_.end()) return it->second;
        std::string box = "\\stP";
        for (std::size_t n = picture_boxes_.size();; n = n / 26 - 1) {
            box.insert(4, 1, static_cast<char>('a' + n % 26));
            if (n < 26) break;
        }
        picture_declarations_ += "\\csname newbox\\endcsname" + box + "\\setbox" + box +
                                 "\\hbox{\\includegraphics[width=";
        append_number(picture_declarations_, image.width * k_);
        picture_declarations_ += "\\strataunit,height=";
        append_number(picture_declarations_, image.height * k_);
        picture_declarations_ += "\\strataunit]{" + image.file + "}}%\n";
        return picture_boxes_.emplace(key, std::move(box)).first->second;
    }

    void check_size() const {
        if (scene_.width * k_ > limits::kMaxTexSideBp ||
            scene_.height * k_ > limits::kMaxTexSideBp) {
            throw Error(
                "", "the picture is " + emit::format_number(scene_.width * k_) + " x " +
                        emit::format_number(scene_.height * k_) +
                        " bp, larger than TeX can measure (16000 bp): fit it to a width (--width)");
        }
    }

    void write_background(std::string& out) {
        if (scene_.background.a == 0) return;
        operator()(
            Polygon{"background",
                    {{0, 0}, {scene_.width, 0}, {scene_.width, scene_.height}, {0, scene_.height}},
                    scene_.background,
                    std::nullopt,
                    1},
            out);
    }

    void write_preamble(std::string& out) const {
        out += "\\documentclass[border=0pt]{standalone}\n\\usepackage{iftex}\n";
        const std::string family = text_family();
        if (family.empty() || family == kLatinModern) {
            out += "\\ifPDFTeX\\usepackage[T1]{fontenc}\\usepackage{lmodern}\\fi\n";
        } else {
            out += "\\ifPDFTeX\\else\\usepackage{fontspec}\\setmainfont{" + family + "}\\fi\n";
        }
        out += "\\usepackage{tikz}\n";
        if (!picture_boxes_.empty()) out += "\\usepackage{graphicx}\n";
        out += "\\begin{document}\n";
    }

    // The family of the first text run, when LaTeX can be told it safely.
    std::string text_family() const {
        for (const Group& group : scene_.groups) {
            for (const Primitive& item : group.items) {
                const auto* run = std::get_if<TextRun>(&item);
                if (!run) continue;
                for (char c : run->font_family) {
                    const bool ok = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') ||
                                    (c >= '0' && c <= '9') || c == ' ' || c == '-';
                    if (!ok) return {};
                }
                return run->font_family;
            }
        }
        return {};
    }

    const std::string& color_name(Rgba color) {
        const RgbKey key{color.r, color.g, color.b};
        auto it = colors_.find(key);
        if (it == colors_.end()) {
            it = colors_.emplace(key, "strataC" + std::to_string(colors_.size() + 1)).first;
        }
        return it->second;
    }

    // Inside a scope every setting is written and none is remembered: the scope's end undoes
    // them.
    void begin_scope(std::string& out) {
        out += "\\begin{pgfscope}";
        in_scope_ = true;
    }
    void end_scope(std::string& out) {
        out += "\\end{pgfscope}\n";
        in_scope_ = false;
    }

    void forget_state() {
        fill_.reset();
        stroke_.reset();
        width_.reset();
    }

    void fill_color(std::string& out, Rgba color) {
        if (!in_scope_ && fill_ && *fill_ == color) return;
        out += "\\pgfsetfillcolor{";
        out += color_name(color);
        out += '}';
        if (color.a != 255) {
            out += "\\pgfsetfillopacity{";
            append_number(out, color.a / 255.0);
            out += '}';
        }
        if (!in_scope_) fill_ = color;
    }

    void stroke_color(std::string& out, Rgba color) {
        if (!in_scope_ && stroke_ && *stroke_ == color) return;
        out += "\\pgfsetstrokecolor{";
        out += color_name(color);
        out += '}';
        if (color.a != 255) {
            out += "\\pgfsetstrokeopacity{";
            append_number(out, color.a / 255.0);
            out += '}';
        }
        if (!in_scope_) stroke_ = color;
    }

    // Lines scale with the geometry, but a picture shrunk to a column keeps visible lines:
    // never thinner than kThinnestLineBp (or their unscaled width, if that is thinner).
    void line_width(std::string& out, double width_px) {
        const double unscaled = width_px * kBpPerPx;
        const double width = emit::round_number(
            std::max(unscaled * options_.scale, std::min(unscaled, kThinnestLineBp)));
        if (!in_scope_ && width_ && *width_ == width) return;
        out += "\\pgfsetlinewidth{";
        append_number(out, width);
        out += "bp}";
        if (!in_scope_) width_ = width;
    }

    // "x y " in bp, y up from the bottom of the canvas: the arguments of \stM, \stL and \stT.
    void coordinates(std::string& out, Point p) const {
        append_number(out, p.x * k_);
        out += ' ';
        append_number(out, (scene_.height - p.y) * k_);
        out += ' ';
    }

    void path(std::string& out, const std::vector<Point>& points) const {
        for (std::size_t i = 0; i < points.size(); ++i) {
            out += i == 0 ? "\\stM " : "\\stL ";
            coordinates(out, points[i]);
        }
    }

    const Scene& scene_;
    const TikzOptions& options_;
    Warnings& warnings_;
    const double k_;  // bp per scene pixel
    std::map<RgbKey, std::string> colors_;
    using PictureKey = std::tuple<const void*, std::string, double, double>;
    std::map<PictureKey, std::string> picture_boxes_;  // lookups only
    std::string picture_declarations_;
    bool in_scope_ = false;
    std::optional<Rgba> fill_, stroke_;
    std::optional<double> width_;
};

}  // namespace

std::string to_tikz(const Scene& scene, const TikzOptions& options, Warnings& warnings) {
    if (!(options.scale > 0) || options.scale > 1e6) {
        throw Error("", "the TikZ scale must be a positive number");
    }
    return TikzWriter(scene, options, warnings).write();
}

}  // namespace strata
