#pragma once

// Tests that run programs strata does not build (TeX engines, rsvg-convert, poppler-utils,
// xmllint, strace, groff). Each family of them is one suite switch of the CMake configure
// (STRATA_TEST_LATEX, STRATA_TEST_RASTER_TOOLS, STRATA_TEST_STRACE, STRATA_TEST_PACKAGE,
// default ON), compiled in as 1 or 0. A switched-off family is left out on purpose and the
// configure summary says so; a switched-on family whose program is missing fails the test
// that needs it, so that a machine without the program never passes by skipping.

#include <boost/test/unit_test.hpp>

#include <cstdlib>
#include <string>

#ifndef STRATA_TEST_LATEX
#define STRATA_TEST_LATEX 1
#endif
#ifndef STRATA_TEST_RASTER_TOOLS
#define STRATA_TEST_RASTER_TOOLS 1
#endif
#ifndef STRATA_TEST_STRACE
#define STRATA_TEST_STRACE 1
#endif
#ifndef STRATA_TEST_PACKAGE
#define STRATA_TEST_PACKAGE 1
#endif
#ifndef STRATA_TEST_INKSCAPE
#define STRATA_TEST_INKSCAPE 1
#endif

namespace strata_test {

struct ToolFamily {
    bool enabled;          // the configure switch
    const char* option;    // its name
    const char* packages;  // what to install for it (Debian)
};

inline constexpr ToolFamily kLatexTools{STRATA_TEST_LATEX != 0, "STRATA_TEST_LATEX",
                                        "texlive-latex-extra texlive-luatex texlive-xetex "
                                        "poppler-utils"};
inline constexpr ToolFamily kRasterTools{STRATA_TEST_RASTER_TOOLS != 0, "STRATA_TEST_RASTER_TOOLS",
                                         "librsvg2-bin poppler-utils libxml2-utils"};
inline constexpr ToolFamily kStraceTool{STRATA_TEST_STRACE != 0, "STRATA_TEST_STRACE", "strace"};
inline constexpr ToolFamily kInkscapeTool{STRATA_TEST_INKSCAPE != 0, "STRATA_TEST_INKSCAPE",
                                          "inkscape"};
inline constexpr ToolFamily kPackageTools{STRATA_TEST_PACKAGE != 0, "STRATA_TEST_PACKAGE",
                                          "dpkg-dev groff-base"};

inline bool program_on_path(const std::string& program) {
    return std::system(("command -v '" + program + "' >/dev/null 2>&1").c_str()) == 0;
}

// True when the check that needs `program` is to run. A switched-off family: false, with a
// message. A switched-on family without the program: a test error naming what to install
// and the switch that leaves the check out, then false.
inline bool needs_tool(const ToolFamily& family, const std::string& program) {
    if (!family.enabled) {
        BOOST_TEST_MESSAGE(program << " checks are switched off (" << family.option << "=OFF)");
        return false;
    }
    if (program_on_path(program)) return true;
    BOOST_ERROR(program << " is not installed (apt-get install " << family.packages
                        << "), or configure with -D" << family.option
                        << "=OFF to leave these checks out");
    return false;
}

}  // namespace strata_test
