// The frames of a reveal, one SVG per step, written as one change to a folder. Frame k holds
// k layers, so a model with n layers gives files of O(n²) bytes in all: only one frame and its
// SVG are in memory at a time.

#include <cstdio>

#include "emit/reveal_steps.hpp"
#include "io/staged_folder.hpp"
#include "strata/emit.hpp"
#include "strata/io.hpp"

namespace strata {

void write_reveal_frames(const Scene& scene, const std::string& folder) {
    io::StagedFolder staged(folder);
    const std::vector<int> steps = emit::reveal_steps(scene);
    const int count = emit::reveal_step_count(scene);
    for (int step = 1; step <= count; ++step) {
        char name[32];
        std::snprintf(name, sizeof name, "step-%02d.svg", step);
        staged.add(name, to_svg(emit::frame_at_step(scene, steps, step)));
    }
    staged.commit();
}

}  // namespace strata
