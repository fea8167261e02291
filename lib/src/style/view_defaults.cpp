// Each view's defaults where they differ from the layered view's, which are Options' own.
// A view that changes an option's default resets it in every other view's case too, so that
// choosing one view after another leaves no default of the first behind.

#include "strata/option_table.hpp"

namespace strata {

void apply_view(Options& options, View view) {
    options.view = view;
    switch (view) {
        case View::layered:
            break;
    }
}

}  // namespace strata
