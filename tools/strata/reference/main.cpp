// Writes the reference files installed with the tool, made from its own option tables:
//   strata_reference man TEXMF_DIR OUT        the manual page strata(1)
//   strata_reference bash-completion OUT      the bash completion script
#include <fstream>
#include <iostream>
#include <string>

#include "bash_completion.hpp"
#include "man_page.hpp"

int main(int argc, char** argv) {
    const std::string kind = argc > 1 ? argv[1] : "";
    std::string text, output;
    if (kind == "man" && argc == 4) {
        text = strata::reference::man_page(STRATA_VERSION, argv[2]);
        output = argv[3];
    } else if (kind == "bash-completion" && argc == 3) {
        text = strata::reference::bash_completion();
        output = argv[2];
    } else {
        std::cerr << "usage: strata_reference man TEXMF_DIR OUT | bash-completion OUT\n";
        return 2;
    }
    std::ofstream out(output, std::ios::binary);
    out << text;
    out.close();
    if (!out) {
        std::cerr << "strata_reference: error: " << output << ": cannot write\n";
        return 1;
    }
    return 0;
}
