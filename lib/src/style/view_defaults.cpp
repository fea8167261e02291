// Each view's defaults where they differ from the layered view's, which are Options' own.
// A view that changes an option's default resets it in every other view's case too, so that
// choosing one view after another leaves no default of the first behind.

#include "strata/option_table.hpp"

namespace strata {

void apply_view(Options& options, View view) {
    options.view = view;
    const Options layered;
    options.max_xy = layered.max_xy;
    options.padding = layered.padding;
    options.shade_step = layered.shade_step;
    options.connector_width = layered.connector_width;
    options.sizing_mode = layered.sizing_mode;
    options.draw_volume = layered.draw_volume;
    options.layer_spacing = layered.layer_spacing;
    options.level = layered.level;
    options.collapse = layered.collapse;
    switch (view) {
        case View::layered:
            break;
        case View::lenet:
            // visualkeras' lenet_view defaults but its black background and white text, which
            // print badly: the colours stay strata's (--compat-visualkeras draws them). Every
            // layer is a stack: no blocks or stages.
            options.max_xy = 220;
            options.padding = 20;
            options.shade_step = 6;
            options.level = Level::layer;
            break;
        case View::functional:
            options.padding = 20;
            options.connector_width = 2;
            options.sizing_mode = SizingMode::balanced;
            options.draw_volume = false;
            // Level auto, as in the layered view: every layer without a width, blocks or
            // stages only where a width would make layers illegible.
            break;
        case View::graph:
            // visualkeras draws every layer of a graph once: no blocks, no ×N.
            options.layer_spacing = 250;
            options.level = Level::layer;
            options.collapse = Collapse::none;
            break;
    }
}

}  // namespace strata
