#include <boost/test/unit_test.hpp>

#include <regex>

#include "package/package_support.hpp"

using namespace strata::test;

// Builds the Debian package of this build tree with cpack, unpacks it, and uses what it holds
// with nothing from the build tree: the tool, strata.sty on the example paper, the library
// through pkg-config.

namespace {

const fs::path kSource = STRATA_SOURCE_DIR;

struct Package {
    fs::path deb;     // strata_VERSION_ARCH.deb
    fs::path root;    // its files, unpacked
    std::string log;  // what building and unpacking said
};

// One package for every test of the suite: cpack takes a while.
const Package& package() {
    static const Package built = [] {
        Package p;
        static ScratchDir scratch("deb");
        const fs::path out = scratch.path / "out";
        const ShellRun cpack = run_shell(shell_word(STRATA_CPACK_COMMAND) + " -G DEB --config " +
                                         quoted(fs::path(STRATA_BUILD_DIR) / "CPackConfig.cmake") +
                                         " -B " + quoted(out));
        p.log = cpack.out;
        const std::string arch = output_of("dpkg --print-architecture");
        p.deb = out / ("strata_" STRATA_VERSION "_" + arch.substr(0, arch.find('\n')) + ".deb");
        p.root = scratch.path / "root";
        if (cpack.status == 0 && fs::exists(p.deb)) {
            p.log += run_shell("dpkg-deb -x " + quoted(p.deb) + " " + quoted(p.root)).out;
        }
        return p;
    }();
    return built;
}

// Requires dpkg-deb: its absence is a failure that says so, never a silent pass.
bool have_dpkg_deb() {
    return strata_test::needs_tool(strata_test::kPackageTools, "dpkg-deb");
}

const Package& built_package() {
    const Package& p = package();
    BOOST_TEST_REQUIRE(fs::exists(p.deb), "no " << p.deb << ":\n" << p.log);
    BOOST_TEST_REQUIRE(fs::exists(p.root / "usr/bin/strata"), p.log);
    return p;
}

std::string control_field(const Package& p, const std::string& field) {
    return output_of("dpkg-deb -f " + quoted(p.deb) + " " + field);
}

// The one file below `root` whose path ends in `tail`; empty when there is none.
fs::path file_ending_in(const fs::path& root, const std::string& tail) {
    for (const auto& entry : fs::recursive_directory_iterator(root)) {
        const std::string path = entry.path().string();
        if (path.size() >= tail.size() &&
            path.compare(path.size() - tail.size(), tail.size(), tail) == 0)
            return entry.path();
    }
    return {};
}

// An environment with the unpacked package's programs first and nothing of the build tree.
std::string clean_env(const Package& p, const fs::path& home) {
    return "env -i HOME=" + quoted(home) + " PATH=" + quoted(p.root / "usr/bin") +
           ":/usr/bin:/bin ";
}

}  // namespace

BOOST_AUTO_TEST_SUITE(debian_package)

BOOST_AUTO_TEST_CASE(the_package_is_named_as_debian_names_packages) {
    if (!have_dpkg_deb()) return;
    const Package& p = built_package();
    BOOST_TEST(control_field(p, "Package") == "strata\n");
    BOOST_TEST(control_field(p, "Version") == STRATA_VERSION "\n");
}

BOOST_AUTO_TEST_CASE(it_depends_on_the_libraries_it_links_and_on_libhdf5) {
    if (!have_dpkg_deb()) return;
    const Package& p = built_package();
    const std::string depends = control_field(p, "Depends");
    // libhdf5 is loaded with dlopen: dpkg-shlibdeps cannot see it.
    BOOST_TEST(std::string(STRATA_HDF5_DEPENDENCY).rfind("libhdf5", 0) == 0u);
    BOOST_TEST(depends.find(STRATA_HDF5_DEPENDENCY) != std::string::npos, depends);
    // Found by dpkg-shlibdeps in the tool and the shared library.
    for (const char* linked : {"libc6", "libcairo2", "libharfbuzz0b", "libyaml-cpp", "libzip"})
        BOOST_TEST(depends.find(linked) != std::string::npos, linked << " in " << depends);
    const std::string recommends = control_field(p, "Recommends");
    BOOST_TEST(recommends.find("texlive-pictures") != std::string::npos, recommends);
}

BOOST_AUTO_TEST_CASE(it_holds_every_installed_part) {
    if (!have_dpkg_deb()) return;
    const Package& p = built_package();
    const fs::path usr = p.root / "usr";
    for (const char* file :
         {"bin/strata", "share/man/man1/strata.1.gz", "share/bash-completion/completions/strata",
          "share/texmf/tex/latex/strata/strata.sty", "share/texmf/doc/latex/strata/strata.pdf",
          "include/strata/render.hpp"})
        BOOST_TEST(fs::exists(usr / file), file);
    for (const char* tail : {"/libstrata.a", "/libstrata.so", "/pkgconfig/strata.pc",
                             "/cmake/strata/strataConfig.cmake"})
        BOOST_TEST(!file_ending_in(usr / "lib", tail).empty(), tail);
    // The page and the completion are the ones this build generated.
    BOOST_TEST(run_shell("gzip -dc " + quoted(usr / "share/man/man1/strata.1.gz")).out ==
               read_file(STRATA_MAN_PAGE));
    BOOST_TEST(read_file(usr / "share/bash-completion/completions/strata") ==
               read_file(STRATA_BASH_COMPLETION));
}

BOOST_AUTO_TEST_CASE(installing_and_removing_refresh_the_tex_file_database) {
    if (!have_dpkg_deb()) return;
    const Package& p = built_package();
    ScratchDir control("deb-control");
    BOOST_TEST_REQUIRE(
        run_shell("dpkg-deb -e " + quoted(p.deb) + " " + quoted(control.path)).status == 0);
    for (const char* script : {"postinst", "postrm"}) {
        const fs::path path = control.path / script;
        BOOST_TEST(read_file(path).find("mktexlsr \"/usr/share/texmf\"") != std::string::npos,
                   script);
        BOOST_TEST(((fs::status(path).permissions() & fs::perms::owner_exec) != fs::perms::none),
                   script << " is executable");
    }
}

BOOST_AUTO_TEST_CASE(the_unpacked_tool_runs) {
    if (!have_dpkg_deb()) return;
    const Package& p = built_package();
    const ShellRun run = run_shell(clean_env(p, p.root) + "strata --version");
    BOOST_TEST(run.status == 0);
    BOOST_TEST(run.out == "strata " STRATA_VERSION "\n");
}

BOOST_AUTO_TEST_CASE(the_unpacked_package_compiles_the_example_paper) {
    if (!have_dpkg_deb()) return;
    if (!strata_test::needs_tool(strata_test::kLatexTools, "pdflatex")) return;
    const Package& p = built_package();
    // The paper's folder layout: paper/paper.tex reads ../vgg16.json and unet.json.
    ScratchDir work("deb-paper");
    fs::create_directories(work.path / "paper");
    fs::copy_file(kSource / "examples/vgg16.json", work.path / "vgg16.json");
    for (const char* file : {"paper.tex", "unet.json"})
        fs::copy_file(kSource / "examples/paper" / file, work.path / "paper" / file);
    // TEXINPUTS: the unpacked TeX tree, then TeX Live's own (the trailing colon).
    const fs::path tex_tree = p.root / "usr/share/texmf/tex";
    const ShellRun run =
        run_shell("cd " + quoted(work.path / "paper") + " && " + clean_env(p, work.path) +
                  "TEXINPUTS=" + shell_word(tex_tree.string() + "//:") +
                  " pdflatex -shell-escape -interaction=nonstopmode -halt-on-error paper.tex");
    BOOST_TEST(run.status == 0, run.out);
    BOOST_TEST(fs::file_size(work.path / "paper/paper.pdf") > 10000u);
    const std::string log = read_file(work.path / "paper/paper.log");
    BOOST_TEST(log.find(tex_tree.string() + "/latex/strata/strata.sty") != std::string::npos);
    // Each figure drawn once by the unpacked tool, then typeset.
    const std::regex running(R"(Running: 'strata' render '([^']+)')");
    std::set<std::string> drawn;
    for (std::sregex_iterator it(log.begin(), log.end(), running), end; it != end; ++it)
        drawn.insert((*it)[1].str());
    BOOST_TEST(drawn == (std::set<std::string>{"../vgg16.json", "unet.json"}), log);
    const std::string text =
        run_shell("pdftotext " + quoted(work.path / "paper/paper.pdf") + " -").out;
    BOOST_TEST(text.find("Figure 1: VGG16") != std::string::npos);
    BOOST_TEST(text.find("Figure 2: U-Net") != std::string::npos);
}

// The Python package is where Debian's Python looks (lib/python3/dist-packages), and it draws
// from there: a PNG needs the cairo module, found from the package's own place.
BOOST_AUTO_TEST_CASE(the_unpacked_python_package_draws) {
    if (!have_dpkg_deb() || std::string(STRATA_PYTHON).empty()) return;
    const Package& p = built_package();
    const fs::path site = p.root / "usr/lib/python3/dist-packages";
    BOOST_TEST_REQUIRE(fs::exists(site / "strata/__init__.py"));
    ScratchDir work("deb-python");
    const fs::path png = work.path / "vgg16.png";
    const ShellRun run = run_shell(
        clean_env(p, work.path) + "PYTHONPATH=" + quoted(site) + " " + shell_word(STRATA_PYTHON) +
        " -c " +
        shell_word("import sys, strata; assert strata.__file__.startswith(sys.argv[1]); "
                   "strata.layered_view(sys.argv[2]).save(sys.argv[3])") +
        " " + quoted(site) + " " + quoted(kSource / "examples/vgg16.json") + " " + quoted(png));
    BOOST_TEST(run.status == 0, run.out);
    BOOST_TEST(fs::exists(png));
}

BOOST_AUTO_TEST_CASE(pkg_config_builds_a_program_against_the_unpacked_library) {
    if (!have_dpkg_deb()) return;
    const Package& p = built_package();
    const fs::path pc = file_ending_in(p.root / "usr/lib", "/pkgconfig/strata.pc");
    BOOST_TEST_REQUIRE(!pc.empty());
    const std::string pkg_config = "PKG_CONFIG_PATH=" + quoted(pc.parent_path()) + " pkg-config ";
    const ShellRun flags = run_shell(pkg_config + "--cflags --libs strata");
    BOOST_TEST_REQUIRE(flags.status == 0, flags.out);
    ScratchDir work("deb-pkg-config");
    const fs::path program = work.path / "consumer";
    const ShellRun build =
        run_shell(shell_word(STRATA_CXX_COMPILER) + " -std=c++20 -o " + quoted(program) + " " +
                  quoted(kSource / "tests/consumer/main.cpp") + " $(" + pkg_config +
                  "--cflags --libs strata)");
    BOOST_TEST_REQUIRE(build.status == 0, build.out);
    const ShellRun run =
        run_shell("LD_LIBRARY_PATH=" + quoted(pc.parent_path().parent_path()) + " " +
                  quoted(program) + " " + quoted(kSource / "examples/vgg16.json"));
    BOOST_TEST(run.status == 0, run.out);
    BOOST_TEST(run.out.find("23 layers") != std::string::npos, run.out);
    BOOST_TEST(output_of("LD_LIBRARY_PATH=" + quoted(pc.parent_path().parent_path()) + " ldd " +
                         quoted(program))
                   .find(pc.parent_path().parent_path().string() + "/libstrata.so") !=
               std::string::npos);
}

BOOST_AUTO_TEST_CASE(pkg_config_static_flags_link_the_static_library) {
    if (!have_dpkg_deb()) return;
    const Package& p = built_package();
    const fs::path pc = file_ending_in(p.root / "usr/lib", "/pkgconfig/strata.pc");
    BOOST_TEST_REQUIRE(!pc.empty());
    std::string libs = run_shell("PKG_CONFIG_PATH=" + quoted(pc.parent_path()) +
                                 " pkg-config --static --cflags --libs strata")
                           .out;
    // The archive by name: the linker would otherwise take libstrata.so beside it.
    const std::size_t at = libs.find("-lstrata ");
    BOOST_TEST_REQUIRE(at != std::string::npos, libs);
    libs.replace(at, 9, "-l:libstrata.a ");
    ScratchDir work("deb-pkg-config-static");
    const fs::path program = work.path / "consumer_static";
    const ShellRun build = run_shell(
        shell_word(STRATA_CXX_COMPILER) + " -std=c++20 -o " + quoted(program) + " " +
        quoted(kSource / "tests/consumer/main.cpp") + " " + libs.substr(0, libs.find('\n')));
    BOOST_TEST_REQUIRE(build.status == 0, build.out);
    const ShellRun run = run_shell(quoted(program) + " " + quoted(kSource / "examples/vgg16.json"));
    BOOST_TEST(run.status == 0, run.out);
    BOOST_TEST(run.out.find("23 layers") != std::string::npos, run.out);
}

BOOST_AUTO_TEST_SUITE_END()
