// The extension module under the Python package: models, options and scenes of the C++
// library, with the GIL released while the library works. What is Python by nature (the
// visualkeras-style keywords, callables, model objects) is in the package's Python files.

#include <pybind11/pybind11.h>
#include <pybind11/stl.h>

#include <memory>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "strata/emit.hpp"
#include "strata/error.hpp"
#include "strata/import.hpp"
#include "strata/io.hpp"
#include "strata/layout.hpp"
#include "strata/option_table.hpp"
#include "strata/spec.hpp"
#include "strata/warning_summary.hpp"
#include "strata/write.hpp"

namespace py = pybind11;

namespace {

// A model as read, with the options its file carries (a YAML spec's), which every figure of it
// starts from.
struct LoadedModel {
    strata::Model model;
    strata::Options file_options;
    std::string source;  // the file name or the name given for bytes, used in messages
    std::string path;    // the file it was read from; empty when read from bytes
    strata::Warnings warnings;
};

// A laid-out figure and what the layout said about it.
// An image's pixels, handed to Python through the buffer protocol: PIL's frombuffer then
// shares them, so a large figure is held once (4 bytes a pixel), not copied into a bytes.
struct Pixels {
    strata::RgbaImage image;
};

struct LaidOutScene {
    strata::Scene scene;
    double tikz_scale = 1;
    bool compat = false;
    strata::Warnings warnings;
};

std::vector<std::string> messages(const strata::Warnings& warnings, const std::string& source) {
    std::vector<std::string> out;
    for (const strata::Warning& w : strata::with_repeats_counted(warnings))
        out.push_back((w.where.empty() ? source : w.where) + ": " + w.message);
    return out;
}

// A strata::Error without a file is about `source`, as the command line reports it.
[[noreturn]] void rethrow_naming(const strata::Error& e, const std::string& source) {
    if (!e.file().empty()) throw e;
    throw strata::Error(source, e.line(), e.column(), e.message());
}

py::dict layer_dict(const strata::Layer& layer, std::optional<std::size_t> keras_index) {
    py::dict d;
    d["name"] = layer.name;
    d["type"] = layer.type;
    d["shapes"] =
        layer.shape_known ? py::cast(layer.shapes) : py::cast(std::vector<strata::Shape>{});
    d["params"] = layer.params ? py::cast(*layer.params) : py::none();
    d["channels_first"] = layer.channel_axis && *layer.channel_axis == 1;
    d["implicit"] = layer.implicit;
    d["parent"] = layer.parent;
    d["index"] = keras_index ? py::cast(*keras_index) : py::none();
    return d;
}

std::shared_ptr<LoadedModel> load_path(const std::string& path, bool onnx_raw,
                                       bool allow_model_paths) {
    auto loaded = std::make_shared<LoadedModel>();
    const strata::ImportOptions import{onnx_raw, allow_model_paths};
    {
        py::gil_scoped_release unlocked;
        loaded->file_options = strata::options_of_model_file(path, import);
        loaded->model = strata::load_model(path, loaded->warnings, import);
    }
    loaded->source = path;
    loaded->path = path;
    return loaded;
}

std::shared_ptr<LoadedModel> load_bytes(const py::bytes& data, const std::string& source,
                                        bool onnx_raw) {
    auto loaded = std::make_shared<LoadedModel>();
    const std::string bytes = data;  // a copy the GIL-free part may read
    {
        py::gil_scoped_release unlocked;
        const strata::ImportOptions import{onnx_raw, false};
        loaded->file_options = strata::options_of_model_bytes(bytes, source, import);
        loaded->model = strata::parse_model(bytes, source, loaded->warnings, import);
    }
    loaded->source = source;
    return loaded;
}

// Option files the package made of keywords or a preset: (source, YAML) pairs.
using OptionLayers = std::vector<std::pair<std::string, std::string>>;

// `options` with each layer applied in turn.
strata::Options with_layers(strata::Options options, const OptionLayers& layers) {
    for (const auto& [source, yaml] : layers) {
        try {
            strata::apply_options_yaml(options, yaml, source);
        } catch (const strata::Error& e) {
            // A keyword's line and column are those of the text the package made of it.
            if (e.file() != source) throw;
            throw strata::Error(source, e.message());
        }
    }
    return options;
}

// The figure of `model` with the options of its file and then `layers`.
std::shared_ptr<LaidOutScene> layout(const LoadedModel& model, const OptionLayers& layers,
                                     bool for_latex, bool font_chosen, bool font_size_chosen,
                                     double document_font_pt, bool document_sans,
                                     const OptionLayers& inherited_layers) {
    strata::Options options = with_layers(model.file_options, layers);
    auto out = std::make_shared<LaidOutScene>();
    out->compat = options.compat_visualkeras;
    py::gil_scoped_release unlocked;
    try {
        if (for_latex) {
            const strata::LatexDocument document{document_font_pt, document_sans};
            // What a preset gave may give way to the document silently, as on the command line.
            const strata::Options inherited = with_layers({}, inherited_layers);
            options = strata::with_document_text(std::move(options), document,
                                                 {font_chosen, font_size_chosen}, inherited,
                                                 "keywords", out->warnings);
            strata::FittedScene fitted =
                strata::layout_for_latex(model.model, options, out->warnings);
            out->scene = std::move(fitted.scene);
            out->tikz_scale = fitted.scale;
        } else {
            out->scene = strata::layout_layered(model.model, options, out->warnings);
        }
    } catch (const strata::Error& e) {
        // A keyword's value found wrong only now (a font that is not there) is named without
        // the line and column of the text the package made of it.
        for (const OptionLayers* given : {&layers, &inherited_layers}) {
            for (const auto& [source, yaml] : *given) {
                if (e.file() == source) throw strata::Error(source, e.message());
            }
        }
        rethrow_naming(e, model.source);
    }
    return out;
}

// The name of a format as Python knows it ("json" for the scene as JSON).
const char* format_name(strata::OutputFormat format) {
    switch (format) {
        case strata::OutputFormat::svg:
            return "svg";
        case strata::OutputFormat::scene_json:
            return "json";
        case strata::OutputFormat::png:
            return "png";
        case strata::OutputFormat::pdf:
            return "pdf";
        case strata::OutputFormat::tex:
            return "tex";
    }
    return "";
}

py::bytes emitted(const LaidOutScene& laid_out, const std::string& requested, double dpi,
                  double scale, std::vector<std::string>& warnings_out) {
    const std::optional<strata::OutputFormat> format = strata::output_format_named(requested);
    if (!format) {
        throw strata::Error("format", "expected one of svg, png, pdf, tex, json, not " + requested);
    }
    strata::WriteOptions options;
    options.svg = strata::SvgOptions{laid_out.compat};
    options.tikz.scale = laid_out.tikz_scale;
    options.raster = strata::RasterOptions{dpi, scale};
    std::string bytes;
    strata::Warnings warnings;
    {
        py::gil_scoped_release unlocked;
        bytes = strata::write_scene(laid_out.scene, *format, options, warnings);
    }
    warnings_out = messages(warnings, requested);
    return py::bytes(bytes);
}

}  // namespace

PYBIND11_MODULE(_strata, m) {
    m.doc() = "The C++ library under the strata package.";
    // Python's side turns this into strata.Error, a ValueError with the command line's message.
    static py::exception<strata::Error> error(m, "Error", PyExc_ValueError);
    py::register_exception_translator([](std::exception_ptr p) {
        try {
            if (p) std::rethrow_exception(p);
        } catch (const strata::Error& e) {
            error(e.what());
        }
    });

    py::class_<LoadedModel, std::shared_ptr<LoadedModel>>(m, "Model")
        .def_property_readonly("name", [](const LoadedModel& l) { return l.model.name; })
        .def_property_readonly("format", [](const LoadedModel& l) { return l.model.format; })
        .def_property_readonly("source", [](const LoadedModel& l) { return l.source; })
        .def_property_readonly("path", [](const LoadedModel& l) { return l.path; })
        .def_property_readonly("warnings",
                               [](const LoadedModel& l) { return messages(l.warnings, l.source); })
        .def_property_readonly("layers", [](const LoadedModel& l) {
            py::list out;
            std::size_t keras_index = 0;
            for (const strata::Layer& layer : l.model.layers) {
                std::optional<std::size_t> index;
                if (!layer.implicit) index = keras_index++;
                out.append(layer_dict(layer, index));
            }
            return out;
        });

    py::class_<Pixels, std::shared_ptr<Pixels>>(m, "Pixels", py::buffer_protocol())
        .def_buffer([](Pixels& p) {
            return py::buffer_info(p.image.pixels.get(), 1,
                                   py::format_descriptor<std::uint8_t>::format(), 1,
                                   {static_cast<py::ssize_t>(p.image.byte_count())}, {1}, true);
        });
    py::class_<LaidOutScene, std::shared_ptr<LaidOutScene>>(m, "Scene")
        .def_property_readonly("width", [](const LaidOutScene& s) { return s.scene.width; })
        .def_property_readonly("height", [](const LaidOutScene& s) { return s.scene.height; })
        .def_property_readonly("level", [](const LaidOutScene& s) { return s.scene.level; })
        .def_property_readonly("warnings",
                               [](const LaidOutScene& s) { return messages(s.warnings, "layout"); })
        // The image as straight RGBA pixels: (width, height, Pixels, warnings).
        .def("rgba",
             [](const LaidOutScene& s, double dpi, double scale) {
                 strata::RgbaImage image;
                 strata::Warnings warnings;
                 {
                     py::gil_scoped_release unlocked;
                     strata::RasterOptions raster;
                     raster.dpi = dpi;
                     raster.scale = scale;
                     // Any side: only a PNG file is bounded by what its readers accept.
                     image = strata::to_rgba(s.scene, raster, warnings);
                 }
                 auto pixels = std::make_shared<Pixels>(Pixels{std::move(image)});
                 return py::make_tuple(pixels->image.width, pixels->image.height, py::cast(pixels),
                                       messages(warnings, "image"));
             })
        .def("emit",
             [](const LaidOutScene& s, const std::string& format, double dpi, double scale) {
                 std::vector<std::string> warnings;
                 py::bytes bytes = emitted(s, format, dpi, scale, warnings);
                 return py::make_tuple(bytes, warnings);
             });

    m.def("load_path", &load_path, py::arg("path"), py::arg("onnx_raw") = false,
          py::arg("allow_model_paths") = false);
    m.def("load_bytes", &load_bytes, py::arg("data"), py::arg("source"),
          py::arg("onnx_raw") = false);
    m.def("layout", &layout, py::arg("model"), py::arg("option_layers"),
          py::arg("for_latex") = false, py::arg("font_chosen") = false,
          py::arg("font_size_chosen") = false, py::arg("document_font_pt") = 10.0,
          py::arg("document_sans") = false, py::arg("inherited_layers") = OptionLayers{});
    // The format a file name's extension stands for, or None.
    m.def("format_of_file", [](const std::string& path) -> std::optional<std::string> {
        const std::optional<strata::OutputFormat> format = strata::output_format_of_file(path);
        if (!format) return std::nullopt;
        return std::string(format_name(*format));
    });
    // Refuses an output that is a symbolic link, a directory, read-only or one of `inputs`.
    m.def("check_output_path", &strata::check_output_path, py::arg("path"), py::arg("inputs"));
    m.def("preset_names", &strata::preset_names);
    // A preset as an option file of the keys it changes.
    // A view's preset of that name (its own, else the common one), as what it changes from the
    // view's defaults.
    m.def(
        "preset_yaml",
        [](const std::string& name, const std::string& view) {
            strata::Options base;
            if (!view.empty()) strata::set_option(base, "view", view, "view");
            strata::Options options = base;
            strata::apply_preset(options, name);
            return strata::options_to_yaml(options, base);
        },
        py::arg("name"), py::arg("view") = "");
}
