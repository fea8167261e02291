// Runs every case of the hostile-input suite (generate.py writes the files and manifest.tsv)
// through the strata tool and checks the promise: valid output, or exactly one line
// "strata: error: FILE[:LINE:COL]: ..." and exit 1; never a signal, a hang past 10 s, more
// memory than the case's bound (1 GiB for a manifest row that names none), a library's own
// message, a leftover temporary or a changed output.

#include <boost/test/unit_test.hpp>
#include <pugixml.hpp>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "run_case.hpp"

namespace fs = std::filesystem;

namespace {

struct Case {
    std::string id, model, options, output, expect, message;
    long max_mib = 1024;      // peak resident memory allowed, the isolated children's included
    double max_seconds = 10;  // processor time allowed, before the sanitizer's scale
};

std::vector<std::string> split(const std::string& line, char separator) {
    std::vector<std::string> parts;
    std::string part;
    std::istringstream in(line);
    while (std::getline(in, part, separator)) parts.push_back(part);
    if (!line.empty() && line.back() == separator) parts.emplace_back();
    return parts;
}

std::string read_file(const fs::path& path) {
    std::ifstream in(path, std::ios::binary);
    std::stringstream text;
    text << in.rdbuf();
    return text.str();
}

fs::path cases_dir() {
    const char* dir = std::getenv("STRATA_HOSTILE_DIR");
    return dir ? fs::path(dir) : fs::path(STRATA_HOSTILE_DIR);
}

std::vector<Case> read_manifest(const fs::path& file) {
    std::vector<Case> cases;
    std::ifstream in(file);
    std::string line;
    std::getline(in, line);  // header
    while (std::getline(in, line)) {
        auto f = split(line, '\t');
        f.resize(8);
        cases.push_back({f[0], f[1], f[2], f[3], f[4], f[5], f[6].empty() ? 1024L : std::stol(f[6]),
                         f[7].empty() ? 10.0 : std::stod(f[7])});
    }
    return cases;
}

double time_limit(const Case& c) {
    const char* scale = std::getenv("STRATA_HOSTILE_TIME_SCALE");  // slower sanitizer builds
    return c.max_seconds * (scale ? std::atof(scale) : 1.0);
}

// Memory a sanitizer adds to every run (AddressSanitizer's shadow and quarantine: about
// 330 MiB before strata allocates anything), added to each case's bound.
long memory_slack_mib() {
    const char* slack = std::getenv("STRATA_HOSTILE_MEMORY_SLACK_MIB");
    return slack ? std::atol(slack) : 0;
}

// What a sanitizer multiplies (redzones around every allocation, shadow of what strata
// allocates): many small allocations grow about fourfold under AddressSanitizer.
long memory_scale() {
    const char* scale = std::getenv("STRATA_HOSTILE_MEMORY_SCALE");
    return scale ? std::max(1L, std::atol(scale)) : 1;
}

// Library messages that must never reach the user as they are.
const char* const kForeignText[] = {"HDF5-DIAG",        "bad file",       "[json.exception",
                                    "terminate called", "yaml-cpp",       "Assertion",
                                    "AddressSanitizer", "runtime error:", "what():"};

constexpr const char* kPreviousOutput = "previous output, must survive\n";

// Lays out the case's output path in its own scratch folder.
fs::path prepare_output(const Case& c, const fs::path& scratch, const fs::path& model,
                        const fs::path& options) {
    if (c.output == "@missing-folder") return scratch / "no" / "such" / "out.svg";
    if (c.output == "@directory") {
        fs::create_directories(scratch / "out.svg");
        return scratch / "out.svg";
    }
    if (c.output == "@symlink") {
        std::ofstream(scratch / "target.svg") << kPreviousOutput;
        fs::create_symlink(scratch / "target.svg", scratch / "out.svg");
        return scratch / "out.svg";
    }
    if (c.output == "@input") return model;
    if (c.output == "@options") return options;
    if (c.output == "@readonly-folder") {
        fs::create_directories(scratch / "ro");
        fs::permissions(scratch / "ro", fs::perms::owner_read | fs::perms::owner_exec);
        return scratch / "ro" / "out.svg";
    }
    if (c.output == "@existing") {
        std::ofstream(scratch / "out.svg") << kPreviousOutput;
        return scratch / "out.svg";
    }
    if (c.output == "@frames") return scratch / "out.svg";  // and the frames, see frames_folder
    return scratch / c.output;
}

// Where an "@frames" case writes its reveal frames (--frames), beside the output.
fs::path frames_folder(const fs::path& scratch) {
    return scratch / "frames";
}

fs::path model_path(const Case& c, const fs::path& folder) {
    if (c.model == "@missing") return folder / "missing.json";
    if (c.model == "@directory") {
        fs::create_directories(folder / "dir.json");
        return folder / "dir.json";
    }
    if (c.model == "@devzero") return "/dev/zero";
    return folder / c.model;
}

bool leftover_temporary(const fs::path& folder) {
    std::error_code error;
    for (const auto& entry : fs::recursive_directory_iterator(folder, error)) {
        if (entry.path().filename().string().find(".strata-") != std::string::npos) return true;
    }
    return false;
}

bool ends_with(const std::string& text, const char* suffix) {
    return text.ends_with(suffix);
}

// A case this build cannot draw, for its format or output was left out (STRATA_WITH_*=OFF):
// it must still end in one clean error line, whatever that line says.
bool left_out_of_this_build(const Case& c) {
    return (!STRATA_WITH_ONNX && ends_with(c.model, ".onnx")) ||
           (!STRATA_WITH_HDF5 && ends_with(c.model, ".h5")) ||
           (!STRATA_WITH_LIBZIP && ends_with(c.model, ".keras")) ||
           (!STRATA_WITH_CAIRO && (ends_with(c.output, ".png") || ends_with(c.output, ".pdf")));
}

struct Tally {
    int passed = 0, skipped = 0;
    double slowest = 0;
    long peak_kib = 0;
    std::ofstream peaks;  // per case: seconds and peak KiB, for the record
};

void check_case(const Case& c, const fs::path& scratch, Tally& tally) {
    BOOST_TEST_CONTEXT("case " << c.id) {
        const fs::path folder = cases_dir() / c.id;
        fs::remove_all(scratch);
        fs::create_directories(scratch);
        const fs::path model = model_path(c, folder);
        const fs::path options = c.options.empty() ? fs::path() : folder / c.options;
        if (c.output == "@readonly-folder" && ::geteuid() == 0) {
            ++tally.skipped;  // root writes into read-only folders
            return;
        }
        const fs::path output = prepare_output(c, scratch, model, options);
        const std::string model_before =
            fs::is_regular_file(model) && c.output == "@input" ? read_file(model) : std::string();
        std::vector<std::string> args{STRATA_CLI_PATH, "render", model.string(), "-o",
                                      output.string()};
        if (!options.empty()) args.insert(args.end(), {"--options", options.string()});
        if (c.output == "@frames")
            args.insert(args.end(), {"--frames", frames_folder(scratch).string()});
        const fs::path err_file = scratch / "stderr.txt";
        const hostile::Outcome outcome = hostile::run(args, err_file.string(), time_limit(c));
        const std::string err = read_file(err_file);
        tally.slowest = std::max(tally.slowest, outcome.seconds);
        tally.peak_kib = std::max(tally.peak_kib, outcome.peak_kib);

        BOOST_TEST(outcome.signal == 0, "ended by signal " << outcome.signal << ": " << err);
        BOOST_TEST(!outcome.timed_out, "ran past " << time_limit(c) << " s of processor time or "
                                                   << time_limit(c) * hostile::kWallClockFactor
                                                   << " s on the wall clock");
        tally.peaks << c.id << '\t' << outcome.seconds << '\t' << outcome.peak_kib << '\n';
        const long allowed_mib = c.max_mib * memory_scale() + memory_slack_mib();
        BOOST_TEST(
            outcome.peak_kib <= allowed_mib * 1024,
            "used " << outcome.peak_kib << " KiB, at most " << allowed_mib << " MiB allowed");
        for (const char* foreign : kForeignText)
            BOOST_TEST(err.find(foreign) == std::string::npos, "printed '" << foreign << "'");
        BOOST_TEST(!leftover_temporary(scratch), "left a temporary file");
        BOOST_TEST(!leftover_temporary(folder), "left a temporary file next to the input");
        if (c.output == "@input") BOOST_TEST(read_file(model) == model_before);
        if (c.output == "@symlink")
            BOOST_TEST(read_file(scratch / "target.svg") == kPreviousOutput);

        const bool left_out = left_out_of_this_build(c);
        if (c.expect == "ok" && !left_out) {
            BOOST_TEST(outcome.exit_code == 0, "exit " << outcome.exit_code << ": " << err);
            BOOST_TEST(err.find("strata: error") == std::string::npos, err);
            std::error_code error;
            BOOST_TEST(fs::file_size(output, error) > 0u, "no output");
            if (c.output == "@frames")
                BOOST_TEST(!fs::is_empty(frames_folder(scratch), error), "no frames");
            if (output.extension() == ".svg") {
                const std::string svg = read_file(output);
                pugi::xml_document doc;
                BOOST_TEST(bool(doc.load_buffer(svg.data(), svg.size())), "invalid SVG");
                BOOST_TEST(svg.find("<script") == std::string::npos);
                BOOST_TEST(svg.find("<foreignObject") == std::string::npos);
            }
        } else {
            BOOST_TEST(outcome.exit_code == 1, "exit " << outcome.exit_code << ": " << err);
            const std::string prefix = "strata: error: ";
            BOOST_TEST(err.rfind(prefix, 0) == 0u, err);
            BOOST_TEST(err.find('\n') == err.size() - 1, "more than one line: " << err);
            if (!left_out) {
                BOOST_TEST(err.find(c.message) != std::string::npos,
                           "expected '" << c.message << "' in: " << err);
            }
            if (c.output == "@existing") BOOST_TEST(read_file(output) == kPreviousOutput);
            if (c.output == "@frames")
                BOOST_TEST(!fs::exists(frames_folder(scratch)), "left the frames folder");
        }
        ++tally.passed;
    }
}

}  // namespace

BOOST_AUTO_TEST_SUITE(hostile_files)

BOOST_AUTO_TEST_CASE(committed_manifest_matches_the_generator) {
    BOOST_TEST(read_file(cases_dir() / "manifest.tsv") ==
               read_file(fs::path(STRATA_SOURCE_DIR) / "tests/hostile/manifest.tsv"));
}

BOOST_AUTO_TEST_CASE(every_case_ends_cleanly) {
    const std::vector<Case> cases = read_manifest(cases_dir() / "manifest.tsv");
    BOOST_TEST_REQUIRE(cases.size() >= 150u);
    const fs::path scratch =
        fs::temp_directory_path() / ("strata-hostile-" + std::to_string(::getpid()));
    Tally tally;
    tally.peaks.open(cases_dir() / "peaks.tsv");  // beside the cases, kept for the record
    tally.peaks << "id\tseconds\tpeak_kib\n";
    for (const Case& c : cases) {
        try {
            check_case(c, scratch, tally);
        } catch (const std::exception& e) {
            BOOST_ERROR("case " << c.id << ": " << e.what());
        }
    }
    fs::remove_all(scratch);
    BOOST_TEST_MESSAGE(tally.passed << " cases passed, " << tally.skipped << " skipped; slowest "
                                    << tally.slowest << " s, peak " << tally.peak_kib / 1024
                                    << " MiB");
}

BOOST_AUTO_TEST_SUITE_END()
