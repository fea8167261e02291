// The frames of a reveal, one SVG per step, written as one change to a folder, alone or with
// the main output. Frame k holds k layers, so a model with n layers gives files of O(n²) bytes
// in all: only one frame and its SVG are in memory at a time.

#include <dirent.h>
#include <sys/stat.h>

#include <algorithm>
#include <cstdint>
#include <cstring>
#include <filesystem>
#include <memory>
#include <string>

#include "emit/reveal_steps.hpp"
#include "io/cleanup_on_signal.hpp"
#include "io/frames_budget.hpp"
#include "io/staged_file.hpp"
#include "io/staged_folder.hpp"
#include "strata/emit.hpp"
#include "strata/error.hpp"
#include "strata/io.hpp"
#include "strata/printable.hpp"

namespace strata {
namespace {

// The frames of `scene`, checked against what they may write together before anything is.
class Frames {
  public:
    Frames(const Scene& scene, const std::string& folder, const SvgOptions& svg)
        : scene_(scene),
          svg_(svg),
          steps_(emit::reveal_steps(scene)),
          count_(emit::reveal_step_count(scene)),
          budget_(scene, steps_, count_, folder) {
        check_estimate();
    }

    void stage(io::StagedFolder& staged) {
        const std::size_t digits = std::max<std::size_t>(2, std::to_string(count_).size());
        for (int step = 1; step <= count_; ++step) {
            const std::string number = std::to_string(step);
            const std::string name =
                "step-" + std::string(digits - number.size(), '0') + number + ".svg";
            const std::string svg = frame_svg(step);
            budget_.take(svg.size());
            staged.add(name, svg);
        }
    }

  private:
    std::string frame_svg(int step) const {
        return to_svg(emit::frame_at_step(scene_, steps_, step), svg_);
    }

    // Frame k holds what frame k-1 holds and more, so the frames only grow: a frame drawn at
    // each of a few sample steps bounds from below the frames up to the next sample. Frames
    // that cannot fit are refused before one is written, at the cost of kSamples frames drawn.
    void check_estimate() const {
        constexpr int kSamples = 16;
        if (count_ <= 2 * kSamples) return;  // the exact count while writing costs little
        std::uint64_t at_least = 0;
        for (int i = 0; i < kSamples; ++i) {
            const int first = 1 + static_cast<int>(static_cast<long long>(count_) * i / kSamples);
            const int next =
                1 + static_cast<int>(static_cast<long long>(count_) * (i + 1) / kSamples);
            at_least += frame_svg(first).size() * static_cast<std::uint64_t>(next - first);
            budget_.check_lower_bound(at_least);
        }
    }

    const Scene& scene_;
    SvgOptions svg_;
    std::vector<int> steps_;
    int count_;
    io::FramesBudget budget_;
};

// Whether `name` is one write_reveal_frames may write: "step-" two or more digits ".svg"
// (as many as the count of frames needs, so that they sort).
bool is_frame_name(const char* name) {
    if (std::strncmp(name, "step-", 5) != 0) return false;
    const char* digits = name + 5;
    const char* end = digits;
    while (*end >= '0' && *end <= '9') ++end;
    return end - digits >= 2 && std::strcmp(end, ".svg") == 0;
}

}  // namespace

void write_reveal_frames(const Scene& scene, const std::string& folder, const SvgOptions& svg) {
    Frames frames(scene, folder, svg);
    io::StagedFolder staged(folder);
    frames.stage(staged);
    staged.commit();
}

void write_file_and_frames_atomically(const std::string& path, std::string_view bytes,
                                      const Scene& frames, const std::string& folder,
                                      const SvgOptions& svg) {
    check_output_path(path, {});
    check_output_beside_frames(path, folder);
    Frames checked_frames(frames, folder, svg);
    io::StagedFolder staged_frames(folder);
    checked_frames.stage(staged_frames);
    io::StagedFile staged_output(path, bytes);
    // Published together: a signal waits until both are in place, and an output that cannot
    // be moved into place takes the frames back with it.
    const io::InterruptsHeld held;
    staged_frames.publish();
    try {
        staged_output.publish();
    } catch (...) {
        staged_frames.undo();
        throw;
    }
    staged_frames.finish();
}

void check_output_beside_frames(const std::string& output, const std::string& folder) {
    namespace fs = std::filesystem;
    const fs::path file = fs::path(output).lexically_normal();
    const fs::path frames = fs::path(folder.empty() ? "." : folder).lexically_normal();
    // The frames folder is the output, or lies beneath it: one of the two cannot be written.
    const auto [mismatch, rest] =
        std::mismatch(file.begin(), file.end(), frames.begin(), frames.end());
    if (mismatch == file.end() && !file.empty()) {
        throw Error(output, "the frames folder " + quoted_text(folder) +
                                " is the output or lies inside it; give another output file or "
                                "frames folder");
    }
    // The output is named as a frame and sits in the frames folder (by device and inode, so
    // also under another name of the folder).
    if (!is_frame_name(file.filename().c_str())) return;
    const fs::path parent = file.has_parent_path() ? file.parent_path() : fs::path(".");
    struct stat output_folder {
    }, frames_folder{};
    if (::stat(parent.c_str(), &output_folder) != 0 ||
        ::stat(frames.c_str(), &frames_folder) != 0 ||
        output_folder.st_dev != frames_folder.st_dev ||
        output_folder.st_ino != frames_folder.st_ino)
        return;
    throw Error(output, "the output would be one of the reveal frames written into " +
                            quoted_text(folder) +
                            " (step-01.svg, step-02.svg ...); give another output file or frames "
                            "folder");
}

void check_frames_folder(const std::string& folder, const std::vector<std::string>& inputs) {
    DIR* dir = ::opendir(folder.empty() ? "." : folder.c_str());
    if (dir == nullptr) return;  // nothing there yet to be replaced
    const std::unique_ptr<DIR, int (*)(DIR*)> closer(dir, ::closedir);
    while (const dirent* entry = ::readdir(dir)) {
        if (!is_frame_name(entry->d_name)) continue;
        const std::string frame = folder + "/" + entry->d_name;
        struct stat existing {};
        if (::lstat(frame.c_str(), &existing) != 0) continue;
        for (const std::string& input : inputs) {
            struct stat other {};
            if (::stat(input.c_str(), &other) == 0 && other.st_dev == existing.st_dev &&
                other.st_ino == existing.st_ino) {
                throw Error(frame, "the output is also an input ('" + input +
                                       "'); give another frames folder");
            }
        }
    }
}

}  // namespace strata
