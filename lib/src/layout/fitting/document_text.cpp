// The document's font and size for a figure LaTeX sets, unless the user chose otherwise.

#include "strata/layout.hpp"
#include "strata/printable.hpp"

namespace strata {

Options with_document_text(Options options, const LatexDocument& document, ChosenText chosen,
                           const Options& inherited, const std::string& source,
                           Warnings& warnings) {
    const Options document_text = latex_defaults(Options{}, document);
    if (!chosen.font) {
        if (options.font != inherited.font) {
            warnings.push_back({source, "font " + quoted_text(options.font) +
                                            " is not used: LaTeX sets the text in the "
                                            "document's font (a --font flag chooses another)"});
        }
        options.font = document_text.font;
    }
    if (!chosen.font_size) {
        if (options.font_size != inherited.font_size) {
            warnings.push_back({source,
                                "font_size is not used: LaTeX sets the text at the "
                                "document's size (a --font-size flag chooses another)"});
        }
        options.font_size = document_text.font_size;
    }
    return options;
}

}  // namespace strata
