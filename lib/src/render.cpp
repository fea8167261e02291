#include "strata/render.hpp"

#include "import/load.hpp"
#include "layout/layered_view.hpp"
#include "shapes/infer.hpp"
#include "text/harfbuzz_engine.hpp"

namespace strata {

Model load_model(const std::string& path, Warnings& warnings) {
    Model model = import_model_file(path, warnings);
    infer_shapes(model, warnings);
    return model;
}

Model parse_model(std::string_view bytes, const std::string& source_name, Warnings& warnings) {
    Model model = import_model_bytes(bytes, source_name, warnings);
    infer_shapes(model, warnings);
    return model;
}

Scene layout_layered(const Model& model, const Options& options, Warnings& warnings) {
    TextEngine text;
    return layout::layered_view(model, options, text, warnings);
}

}  // namespace strata
