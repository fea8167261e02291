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

// Runs the tool as a user would and returns the wall time of the whole process.
double whole_process_ms(const std::string& tool, const std::string& model, const std::string& out) {
    std::vector<std::string> args{tool, "render", model, "-o", out};
    std::vector<char*> argv;
    for (std::string& a : args) argv.push_back(a.data());
    argv.push_back(nullptr);
    auto start = Clock::now();
    pid_t pid = 0;
    if (posix_spawn(&pid, tool.c_str(), nullptr, nullptr, argv.data(), environ) != 0) return -1;
    int status = 0;
    waitpid(pid, &status, 0);
    double ms = std::chrono::duration<double, std::milli>(Clock::now() - start).count();
    return WIFEXITED(status) && WEXITSTATUS(status) == 0 ? ms : -1;
}

void measure(const std::string& path, const std::string& tool) {
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
        unfolded_s.add(
            time_ms([&] { (void)strata::layout::layered_view(model, unfolded, context, warnings); }));
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
        "%-16s %7zu %9.2f %9.2f %9.2f %9.2f %9.2f %9.2f %9.2f %9.2f %9.2f %11.2f %11.2f %9.1f %9zu "
        " "
        "%s\n",
        std::filesystem::path(path).stem().c_str(), layers, import_s.best_ms, shapes_s.best_ms,
        layout_s.best_ms, unfolded_s.best_ms, fitted_s.best_ms, svg_s.best_ms, best_or_none(png_s),
        pdf_s.best_ms, all_s.best_ms, process_s.best_ms, best_or_none(png_process_s),
        static_cast<double>(usage.ru_maxrss) / 1024.0, svg_bytes / 1024, size.c_str());
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

}  // namespace

// usage: strata_bench TOOL MODEL... [--groups MODEL]
int main(int argc, char** argv) {
    if (argc < 3) {
        std::fprintf(stderr, "usage: strata_bench STRATA_TOOL MODEL...\n");
        return 2;
    }
    std::printf(
        "best of repeated runs, milliseconds; in-proc = import to SVG; RSS = peak resident set of "
        "the library run; nan = image too large for a PNG\n");
    std::printf("%-16s %7s %9s %9s %9s %9s %9s %9s %9s %9s %9s %11s %11s %9s %9s  %s\n", "model",
                "layers", "import", "shapes", "layout", "no-fold", "17cm", "svg", "png", "pdf",
                "in-proc", "process-svg", "process-png", "RSS MiB", "SVG KiB", "scene px");
    for (int i = 2; i < argc; ++i) {
        std::fflush(stdout);
        if (std::string(argv[i]) == "--groups" && i + 1 < argc) {
            measure_groups(argv[++i]);
            continue;
        }
        pid_t pid = fork();
        if (pid == 0) {
            try {
                measure(argv[i], argv[1]);
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
