// Times each stage of the pipeline (import, shapes, layout, SVG, PNG, PDF) and the whole
// `strata render` process to SVG and to PNG on a few models, and reports the peak memory of each
// run. Every model is measured in a child process of its own so that its peak RSS is its own.
#include <spawn.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <functional>
#include <string>
#include <vector>

#include "import/load.hpp"
#include "layout/layered/layered_view.hpp"
#include "shapes/infer.hpp"
#include "strata/render.hpp"

extern char** environ;

namespace {

using Clock = std::chrono::steady_clock;

struct Stats {
    double best_ms = 1e300, total_ms = 0;
    int runs = 0;
    void add(double ms) {
        best_ms = std::min(best_ms, ms);
        total_ms += ms;
        ++runs;
    }
    double mean_ms() const { return total_ms / runs; }
};

double time_ms(const std::function<void()>& work) {
    auto start = Clock::now();
    work();
    return std::chrono::duration<double, std::milli>(Clock::now() - start).count();
}

// A scene too large for a PNG (deep.10000 is millions of pixels wide) has no PNG timings.
bool rasterizable(const strata::Scene& scene) {
    return scene.width <= strata::limits::kMaxRasterSide &&
           scene.height <= strata::limits::kMaxRasterSide &&
           scene.width * scene.height <= static_cast<double>(strata::limits::kMaxRasterPixels);
}

double best_or_none(const Stats& stats) {
    return stats.runs > 0 ? stats.best_ms : std::nan("");
}

int repetitions(std::size_t layers) {
    return layers > 2000 ? 5 : 30;
}

// One run of the tool as a user would run it: the wall time and the peak RSS of the process.
struct ProcessRun {
    double ms = -1;
    double rss_mib = 0;
};

ProcessRun run_tool(std::vector<std::string> args) {
    std::vector<char*> argv;
    for (std::string& a : args) argv.push_back(a.data());
    argv.push_back(nullptr);
    auto start = Clock::now();
    pid_t pid = 0;
    if (posix_spawn(&pid, args[0].c_str(), nullptr, nullptr, argv.data(), environ) != 0) return {};
    int status = 0;
    rusage usage{};
    wait4(pid, &status, 0, &usage);
    double ms = std::chrono::duration<double, std::milli>(Clock::now() - start).count();
    if (!WIFEXITED(status) || WEXITSTATUS(status) != 0) return {};
    return {ms, static_cast<double>(usage.ru_maxrss) / 1024.0};
}

double whole_process_ms(const std::string& tool, const std::string& model, const std::string& out) {
    return run_tool({tool, "render", model, "-o", out}).ms;
}

// The peak RSS of one `strata render MODEL -o X.svg`. Spawned only from the bench's first,
// small process: a process started from a larger one inherits its peak through exec.
double process_peak_rss_mib(const std::string& tool, const std::string& model) {
    const auto out = std::filesystem::temp_directory_path() / "strata-bench-rss.svg";
    return run_tool({tool, "render", model, "-o", out.string()}).rss_mib;
}

// Start-up alone: `strata --version`, and a VGG16-sized run that looks up the default font
// (--legend), which a cached lookup keeps from starting fontconfig.
void measure_startup(const std::string& tool, const std::string& model) {
    Stats version, legend;
    const auto temp = std::filesystem::temp_directory_path();
    for (int run = 0; run < 30; ++run) {
        version.add(run_tool({tool, "--version"}).ms);
        legend.add(run_tool({tool, "render", model, "-o", (temp / "strata-bench.svg").string(),
                             "--legend"})
                       .ms);
    }
    std::printf(
        "start-up: strata --version %.2f ms (mean %.2f ms); %s --legend → SVG "
        "%.2f ms\n",
        version.best_ms, version.mean_ms(), std::filesystem::path(model).stem().c_str(),
        legend.best_ms);
}

void measure(const std::string& path, const std::string& tool, double process_rss_mib) {
    Stats import_s, shapes_s, layout_s, unfolded_s, fitted_s, svg_s, png_s, pdf_s, all_s, process_s,
        png_process_s;
    std::size_t layers = 0, svg_bytes = 0;
    double width = 0, height = 0;
    // Fonts load once, as in one tool run.
    const auto text = strata::system_text_measurer();
    const auto images = strata::disk_image_source();
    const strata::LayoutContext context{*text, *images};
    for (int run = 0, n = 1; run < n; ++run) {
        strata::Warnings warnings;
        strata::Model model;
        strata::Scene scene;
        std::string svg;
        double a = time_ms([&] { model = strata::import_model_file(path, warnings); });
        double b = time_ms([&] { strata::infer_shapes(model, warnings); });
        double c = time_ms([&] {
            scene = strata::layout::layered_view(model, strata::Options{}, context, warnings);
        });
        // The same layout with every layer drawn (--collapse none), and fitted to 17 cm.
        strata::Options unfolded, fitted;
        unfolded.collapse = strata::Collapse::none;
        fitted.width = "17cm";
        unfolded_s.add(time_ms(
            [&] { (void)strata::layout::layered_view(model, unfolded, context, warnings); }));
        fitted_s.add(
            time_ms([&] { (void)strata::layout::layered_view(model, fitted, context, warnings); }));
        double d = time_ms([&] { svg = strata::to_svg(scene); });
        if (rasterizable(scene)) png_s.add(time_ms([&] { (void)strata::to_png(scene); }));
        pdf_s.add(time_ms([&] { (void)strata::to_pdf(scene); }));
        import_s.add(a);
        shapes_s.add(b);
        layout_s.add(c);
        svg_s.add(d);
        all_s.add(a + b + c + d);
        layers = model.layers.size();
        svg_bytes = svg.size();
        width = scene.width;
        height = scene.height;
        n = repetitions(layers);
    }
    const auto temp = std::filesystem::temp_directory_path();
    for (int run = 0; run < repetitions(layers); ++run) {
        process_s.add(whole_process_ms(tool, path, (temp / "strata-bench.svg").string()));
        if (png_s.runs > 0)
            png_process_s.add(whole_process_ms(tool, path, (temp / "strata-bench.png").string()));
    }
    rusage usage{};
    getrusage(RUSAGE_SELF, &usage);
    const std::string size =
        std::to_string(static_cast<long>(width)) + "x" + std::to_string(static_cast<long>(height));
    std::printf(
        "%-16s %7zu %9.2f %9.2f %9.2f %9.2f %9.2f %9.2f %9.2f %9.2f %9.2f %11.2f %11.2f %9.1f "
        "%9.1f "
        "%9zu  %s\n",
        std::filesystem::path(path).stem().c_str(), layers, import_s.best_ms, shapes_s.best_ms,
        layout_s.best_ms, unfolded_s.best_ms, fitted_s.best_ms, svg_s.best_ms, best_or_none(png_s),
        pdf_s.best_ms, all_s.best_ms, process_s.best_ms, best_or_none(png_process_s),
        static_cast<double>(usage.ru_maxrss) / 1024.0, process_rss_mib, svg_bytes / 1024,
        size.c_str());
    std::fflush(stdout);
}

// Layer groups on a model of many layers (every layer drawn): one group per pair of
// neighbouring layers, and a tenth as many overlapping groups of 200 layers; laid out as is
// and fitted to 17 cm. Their cost must stay near-linear in layers plus group members.
void measure_groups(const std::string& path) {
    const auto text = strata::system_text_measurer();
    const auto images = strata::disk_image_source();
    const strata::LayoutContext context{*text, *images};
    strata::Warnings warnings;
    strata::Model model = strata::import_model_file(path, warnings);
    strata::infer_shapes(model, warnings);
    const std::size_t n = model.layers.size();
    const auto with_groups = [&](std::size_t size, std::size_t step) {
        strata::Options o;
        o.collapse = strata::Collapse::none;
        for (std::size_t first = 0; first + size <= n; first += step) {
            strata::LayerGroup g;
            for (std::size_t i = first; i < first + size; ++i)
                g.layers.push_back(model.layers[i].name);
            o.layered_groups.push_back(std::move(g));
        }
        return o;
    };
    for (const auto& [size, step] : {std::pair<std::size_t, std::size_t>{2, 1}, {200, 20}}) {
        strata::Options o = with_groups(size, step);
        Stats plain, fitted;
        for (int run = 0; run < 3; ++run) {
            plain.add(
                time_ms([&] { (void)strata::layout::layered_view(model, o, context, warnings); }));
            o.width = "17cm";
            fitted.add(
                time_ms([&] { (void)strata::layout::layered_view(model, o, context, warnings); }));
            o.width.clear();
        }
        std::printf("%-16s %7zu layers, %6zu groups of %3zu: layout %9.2f ms, 17cm %9.2f ms\n",
                    std::filesystem::path(path).stem().c_str(), n, o.layered_groups.size(), size,
                    plain.best_ms, fitted.best_ms);
        std::fflush(stdout);
    }
}

// With STRATA_VISUALKERAS naming a checkout of visualkeras: its layered_view on `model` (a
// PNG, from the same layers as duck-typed Keras objects) beside `strata render` to PNG.
void compare_visualkeras(const std::string& tool, const std::string& model) {
    const char* checkout = std::getenv("STRATA_VISUALKERAS");
    if (checkout == nullptr || *checkout == '\0') return;
    const auto out = std::filesystem::temp_directory_path() / "strata-bench-visualkeras.png";
    const std::string command =
        std::string("'" STRATA_BENCH_PYTHON "' '" STRATA_BENCH_DIR "/visualkeras_layered.py' '") +
        checkout + "' '" + tool + "' '" + model + "' '" + out.string() + "' 2>/dev/null";
    std::string answer;
    if (FILE* pipe = ::popen(command.c_str(), "r")) {
        char buffer[256];
        while (std::fgets(buffer, sizeof buffer, pipe)) answer += buffer;
        if (::pclose(pipe) != 0) answer.clear();
    }
    Stats strata_png;
    for (int run = 0; run < 5; ++run)
        strata_png.add(whole_process_ms(
            tool, model,
            (std::filesystem::temp_directory_path() / "strata-bench-side.png").string()));
    while (!answer.empty() && (answer.back() == '\n' || answer.back() == '\r')) answer.pop_back();
    std::printf(
        "%s → PNG: visualkeras layered_view + save %s ms (in Python), strata render "
        "%.2f ms (whole process)\n",
        std::filesystem::path(model).stem().c_str(), answer.empty() ? "failed" : answer.c_str(),
        strata_png.best_ms);
}

// With STRATA_BENCH_BASELINE naming another strata tool (an earlier build): both tools on the
// same models in one run, their runs interleaved so that both see the same load.
void compare_with_baseline(const std::string& tool, const std::vector<std::string>& models) {
    const char* baseline = std::getenv("STRATA_BENCH_BASELINE");
    if (baseline == nullptr || *baseline == '\0') return;
    const auto out = (std::filesystem::temp_directory_path() / "strata-bench-side.svg").string();
    std::printf(
        "side by side, best of repeated runs (whole process, ms / peak RSS MiB): "
        "baseline %s | this build\n",
        baseline);
    const auto compare = [&](const std::string& label, const std::vector<std::string>& tail,
                             int runs) {
        Stats then, now;
        double then_rss = 0, now_rss = 0;
        for (int run = 0; run < runs; ++run) {
            for (const bool mine : {false, true}) {
                std::vector<std::string> args{mine ? tool : std::string(baseline)};
                args.insert(args.end(), tail.begin(), tail.end());
                const ProcessRun r = run_tool(args);
                (mine ? now : then).add(r.ms);
                double& rss = mine ? now_rss : then_rss;
                rss = std::max(rss, r.rss_mib);
            }
        }
        std::printf("  %-28s %9.2f ms %6.1f MiB | %9.2f ms %6.1f MiB\n", label.c_str(),
                    then.best_ms, then_rss, now.best_ms, now_rss);
        std::fflush(stdout);
    };
    compare("--version", {"--version"}, 30);
    for (const std::string& model : models) {
        const std::string stem = std::filesystem::path(model).stem().string();
        const bool big = std::filesystem::file_size(model) > (1u << 20);
        compare(stem + " -> SVG", {"render", model, "-o", out}, big ? 5 : 30);
        if (!big) compare(stem + " --legend -> SVG", {"render", model, "-o", out, "--legend"}, 30);
    }
}

}  // namespace

// usage: strata_bench TOOL MODEL... [--groups MODEL]
int main(int argc, char** argv) {
    if (argc < 3) {
        std::fprintf(stderr, "usage: strata_bench STRATA_TOOL MODEL...\n");
        return 2;
    }
    measure_startup(argv[1], argv[2]);
    compare_visualkeras(argv[1], argv[2]);
    std::vector<std::string> models;
    for (int i = 2; i < argc && std::string(argv[i]) != "--groups"; ++i) {
        if (std::string(argv[i]).find("embedded") == std::string::npos) models.push_back(argv[i]);
    }
    compare_with_baseline(argv[1], models);
    std::printf(
        "best of repeated runs, milliseconds; in-proc = import to SVG; RSS = peak resident set of "
        "the library run, proc = of the whole process to SVG; nan = image too large for a PNG\n");
    std::printf("%-16s %7s %9s %9s %9s %9s %9s %9s %9s %9s %9s %11s %11s %9s %9s %9s  %s\n",
                "model", "layers", "import", "shapes", "layout", "no-fold", "17cm", "svg", "png",
                "pdf", "in-proc", "process-svg", "process-png", "RSS MiB", "proc MiB", "SVG KiB",
                "scene px");
    for (int i = 2; i < argc; ++i) {
        std::fflush(stdout);
        if (std::string(argv[i]) == "--groups" && i + 1 < argc) {
            measure_groups(argv[++i]);
            continue;
        }
        const double process_rss_mib = process_peak_rss_mib(argv[1], argv[i]);
        pid_t pid = fork();
        if (pid == 0) {
            try {
                measure(argv[i], argv[1], process_rss_mib);
            } catch (const std::exception& e) {
                std::fprintf(stderr, "%s: %s\n", argv[i], e.what());
                _exit(1);
            }
            _exit(0);
        }
        int status = 0;
        waitpid(pid, &status, 0);
        if (!WIFEXITED(status) || WEXITSTATUS(status) != 0) return 1;
    }
    return 0;
}
