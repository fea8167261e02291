#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "strata/scene.hpp"

namespace strata::io {

// What the frames of one reveal may write together (limits::kMaxFramesBytes). Frame k shows
// k layers, so n layers make O(n²) bytes of frames, and every frame embeds each picture it
// shows: the same picture on every layer would be written once per frame.
class FramesBudget {
  public:
    // Checks the pictures the frames would embed, before any frame is drawn or written: a
    // picture embedded from step s on is in every frame after it. Throws strata::Error naming
    // `folder` and the picture that takes the most when they would hold more than the limit.
    FramesBudget(const Scene& scene, const std::vector<int>& steps, int count, std::string folder);

    // Throws strata::Error naming the folder when `at_least` bytes, a lower bound of what all
    // the frames hold, is more than the limit: a run that cannot fit is refused before any
    // frame is written.
    void check_lower_bound(std::uint64_t at_least) const;

    // Counts one frame of `bytes` before it is written; throws strata::Error naming the folder
    // when the frames written so far and this one would hold more than the limit.
    void take(std::size_t bytes);

  private:
    std::string folder_;
    int count_ = 0;
    std::uint64_t used_ = 0;
};

}  // namespace strata::io
