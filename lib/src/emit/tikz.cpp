// Scene → TikZ picture. Coordinates are precomputed in bp (y up, origin at the bottom left of
// the canvas), colours are defined once, every primitive is written the same way whatever its
// group's role. Text is a node at the measured baseline, set by LaTeX in the document's font at
// the size the layout measured; nothing from the model reaches TeX unescaped.

#include <algorithm>
#include <map>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "emit/latex_text.hpp"
#include "emit/number_format.hpp"
#include "emit/reveal_steps.hpp"
#include "strata/error.hpp"
#include "strata/render.hpp"

namespace strata {
namespace {

using emit::append_number;

constexpr double kBpPerPx = 0.75;             // 1 px = 1/96 in, 1 bp = 1/72 in
constexpr double kTexPtPerPx = 72.27 / 96.0;  // TeX points
constexpr double kLargestBp = 16000;
constexpr double kThinnestLineBp = 0.3;  // TeX's largest dimension is 16383.99 pt
constexpr std::string_view kLatinModern = "Latin Modern Roman";

struct RgbKey {
    int r, g, b;
    auto operator<=>(const RgbKey&) const = default;
};

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
            }
            current_role_ = scene_.groups[i].role;
            for (const Primitive& item : scene_.groups[i].items)
                std::visit([&](const auto& primitive) { (*this)(primitive, body); }, item);
            if (wrapped) body += "}%\n";
        }

        std::string out;
        out.reserve(body.size() + 2048);
        if (options_.standalone) write_preamble(out);
        out += "% A layered model diagram drawn by strata " STRATA_VERSION
               ". Needs \\usepackage{tikz}";
        if (uses_images_) out += " and \\usepackage{graphicx}";
        out += ".\n\\begingroup\n\\providecommand\\strataunit{1bp}%\n";
        if (options_.reveal) {
            // Outside beamer every step is shown.
            out +=
                "\\providecommand\\strataStep[2]{\\ifdefined\\only\\only<#1->{#2}\\else#2\\fi}%\n";
        }
        for (const auto& [rgb, name] : colors_) {
            out += "\\definecolor{" + name + "}{RGB}{" + std::to_string(rgb.r) + ',' +
                   std::to_string(rgb.g) + ',' + std::to_string(rgb.b) + "}%\n";
        }
        out +=
            "\\begin{tikzpicture}[x=\\strataunit,y=\\strataunit,line join=miter,"
            "miter limit=4,line cap=butt]\n";
        out += "\\path[use as bounding box] (0,0) rectangle ";
        point_raw(out, scene_.width * k_, scene_.height * k_);
        out += ";\n";
        out += body;
        out += "\\end{tikzpicture}%\n\\endgroup\n";
        if (options_.standalone) out += "\\end{document}\n";
        return out;
    }

    // One operator per primitive kind; they append to `out`.
    void operator()(const Polygon& polygon, std::string& out) {
        if (polygon.points.empty() || (!polygon.fill && !polygon.stroke)) return;
        out += polygon.fill && polygon.stroke ? "\\filldraw["
               : polygon.fill                 ? "\\fill["
                                              : "\\draw[";
        bool first = true;
        if (polygon.fill) paint(out, "fill", "fill opacity", *polygon.fill, first);
        if (polygon.stroke) {
            paint(out, "draw", "draw opacity", *polygon.stroke, first);
            line_width(out, polygon.stroke_width);
        }
        out += "] ";
        path(out, polygon.points);
        out += " -- cycle;\n";
    }

    void operator()(const Polyline& line, std::string& out) {
        if (line.points.size() < 2) return;
        out += "\\draw[";
        bool first = true;
        paint(out, "draw", "draw opacity", line.stroke, first);
        line_width(out, line.stroke_width);
        out += "] ";
        path(out, line.points);
        out += ";\n";
    }

    // Captions and titles are centred on the middle of their measured advance, so a font whose
    // widths differ a little from the measured ones still stays centred; other text keeps its
    // left end.
    void operator()(const TextRun& run, std::string& out) {
        const std::string text = emit::latex_text(run.text);
        if (text.empty()) return;
        const bool centred = current_role_ == Role::caption || current_role_ == Role::group_title;
        out += "\\node[inner sep=0pt,outer sep=0pt,anchor=";
        out += centred ? "base" : "base west";
        bool first = false;
        paint(out, "text", "text opacity", run.fill, first);
        const double size = run.font_size * options_.scale * kTexPtPerPx;
        out += ",font=\\fontsize{";
        append_number(out, size);
        out += "}{";
        append_number(out, size * 1.2);
        out += "}\\selectfont] at ";
        point(out, {centred ? run.x + run.advance / 2 : run.x, run.y});
        out += " {";
        out += text;
        out += "};\n";
    }

    // The picture's own pixel box is mapped by the scene's affine; TikZ's frame is y-up, so the
    // graphic's lower-left corner (image point (0, height)) is the origin of a cm transform.
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
        uses_images_ = true;
        const Affine& m = image.transform;
        out += "\\begin{scope}\n";
        if (!image.clip.empty()) {
            out += "\\clip ";
            path(out, image.clip);
            out += " -- cycle;\n";
        }
        out += "\\node[inner sep=0pt,outer sep=0pt,anchor=south west,transform shape,cm={";
        for (double v : {m.a, -m.b, -m.c, m.d}) {
            append_number(out, v);
            out += ',';
        }
        point_raw(out, (m.c * image.height + m.e) * k_,
                  (scene_.height - m.d * image.height - m.f) * k_);
        out += "}] at (0,0) {\\includegraphics[width=";
        append_number(out, image.width * k_);
        out += "bp,height=";
        append_number(out, image.height * k_);
        out += "bp]{";
        out += image.file;
        out += "}};\n\\end{scope}\n";
    }

  private:
    void check_size() const {
        if (scene_.width * k_ > kLargestBp || scene_.height * k_ > kLargestBp) {
            throw Error("", "the picture is " + emit::format_number(scene_.width * k_) + " x " +
                                emit::format_number(scene_.height * k_) +
                                " bp, larger than TeX can measure (16000 bp): give --width");
        }
    }

    void write_background(std::string& out) {
        if (scene_.background.a == 0) return;
        out += "\\fill[";
        bool first = true;
        paint(out, "fill", "fill opacity", scene_.background, first);
        out += "] (0,0) rectangle ";
        point_raw(out, scene_.width * k_, scene_.height * k_);
        out += ";\n";
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
        if (uses_images_) out += "\\usepackage{graphicx}\n";
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

    void paint(std::string& out, const char* key, const char* opacity_key, Rgba color,
               bool& first) {
        if (!first) out += ',';
        first = false;
        out += key;
        out += '=';
        out += color_name(color);
        if (color.a != 255) {
            out += ',';
            out += opacity_key;
            out += '=';
            append_number(out, color.a / 255.0);
        }
    }

    // Lines scale with the geometry, but a picture shrunk to a column keeps visible lines:
    // never thinner than kThinnestLineBp (or their unscaled width, if that is thinner).
    void line_width(std::string& out, double width_px) {
        const double unscaled = width_px * kBpPerPx;
        out += ",line width=";
        append_number(out,
                      std::max(unscaled * options_.scale, std::min(unscaled, kThinnestLineBp)));
        out += "bp";
    }

    void point_raw(std::string& out, double x, double y) const {
        out += '(';
        append_number(out, x);
        out += ',';
        append_number(out, y);
        out += ')';
    }

    void point(std::string& out, Point p) const {
        point_raw(out, p.x * k_, (scene_.height - p.y) * k_);
    }

    void path(std::string& out, const std::vector<Point>& points) const {
        for (std::size_t i = 0; i < points.size(); ++i) {
            if (i > 0) out += " -- ";
            point(out, points[i]);
        }
    }

    const Scene& scene_;
    const TikzOptions& options_;
    Warnings& warnings_;
    const double k_;  // bp per scene pixel
    std::map<RgbKey, std::string> colors_;
    bool uses_images_ = false;
    Role current_role_ = Role::layer;
};

}  // namespace

std::string to_tikz(const Scene& scene, const TikzOptions& options, Warnings& warnings) {
    if (!(options.scale > 0) || options.scale > 1e6) {
        throw Error("", "the TikZ scale must be a positive number");
    }
    return TikzWriter(scene, options, warnings).write();
}

std::vector<Scene> reveal_frames(const Scene& scene) {
    const std::vector<int> steps = emit::reveal_steps(scene);
    const int count = emit::reveal_step_count(scene);
    std::vector<Scene> frames;
    for (int step = 1; step <= count; ++step) {
        Scene frame{scene.title, scene.width, scene.height, scene.background, {}};
        for (std::size_t i = 0; i < scene.groups.size(); ++i) {
            if (steps[i] <= step) frame.groups.push_back(scene.groups[i]);
        }
        frames.push_back(std::move(frame));
    }
    return frames;
}

}  // namespace strata
