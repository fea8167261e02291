// Each view's defaults where they differ from the layered view's, which are Options' own.
// A view that changes an option's default resets it in every other view's case too, so that
// choosing one view after another leaves no default of the first behind.

#include "strata/option_table.hpp"

namespace strata {

void apply_view(Options& options, View view) {
    options.view = view;
    const Options defaults;
    options.layer_spacing = defaults.layer_spacing;
    options.level = defaults.level;
    options.collapse = defaults.collapse;
    switch (view) {
        case View::layered:
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
