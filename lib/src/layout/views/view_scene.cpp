#include "layout/views/view_scene.hpp"

#include "layout/functional/functional_view.hpp"
#include "layout/graph_view/graph_view.hpp"
#include "layout/lenet/lenet_view.hpp"

namespace strata::layout {

Scene view_scene(const Model& model, const Options& options, const LayoutContext& context,
                 Warnings& warnings) {
    switch (options.view) {
        case View::layered:
            break;
        case View::lenet:
            return lenet_view(model, options, context, warnings);
        case View::functional:
            return functional_view(model, options, context, warnings);
        case View::graph:
            return graph_view(model, options, context, warnings);
    }
    return layered_view(model, options, context, warnings);
}

RowFit view_scene_may_widen(const Model& model, const Options& options,
                            const LayoutContext& context, Warnings& warnings) {
    switch (options.view) {
        case View::layered:
            break;
        case View::lenet:
            return {lenet_view(model, options, context, warnings), false};
        case View::functional:
            return {functional_view(model, options, context, warnings), false};
        case View::graph:
            return {graph_view(model, options, context, warnings), false};
    }
    return layered_view_may_widen(model, options, context, warnings);
}

}  // namespace strata::layout
