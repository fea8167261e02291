#include "emit/reveal_steps.hpp"

#include <map>
#include <string>
#include <string_view>

#include "strata/emit.hpp"

namespace strata::emit {
namespace {

bool always_shown(Role role) {
    return role == Role::legend || role == Role::group || role == Role::group_title;
}

// The step of the layer whose name is the longest word-aligned suffix of `label`, or 0.
int owner_step(std::string_view label, const std::map<std::string, int, std::less<>>& steps) {
    for (std::size_t start = 0; start <= label.size();) {
        if (auto it = steps.find(label.substr(start)); it != steps.end()) return it->second;
        const std::size_t space = label.find(' ', start);
        if (space == std::string_view::npos) break;
        start = space + 1;
    }
    return 0;
}

}  // namespace

std::vector<int> reveal_steps(const Scene& scene) {
    std::map<std::string, int, std::less<>> layer_steps;  // name → first step with that name
    int count = 0;
    for (const Group& group : scene.groups) {
        if (group.role == Role::layer) layer_steps.emplace(group.label, ++count);
    }
    std::vector<int> steps;
    steps.reserve(scene.groups.size());
    int current = 0;
    for (const Group& group : scene.groups) {
        int step = 0;
        if (group.role == Role::layer) {
            step = ++current;
        } else if (!always_shown(group.role)) {
            step = owner_step(group.label, layer_steps);
            if (step == 0) step = current > 0 ? current : 1;
        }
        steps.push_back(step);
    }
    return steps;
}

int reveal_step_count(const Scene& scene) {
    int count = 0;
    for (const Group& group : scene.groups) count += group.role == Role::layer ? 1 : 0;
    return count;
}

Scene frame_at_step(const Scene& scene, const std::vector<int>& steps, int step) {
    Scene frame{scene.title, scene.width, scene.height, scene.background,
                {},          scene.level, scene.view};
    for (std::size_t i = 0; i < scene.groups.size(); ++i) {
        if (steps[i] <= step) frame.groups.push_back(scene.groups[i]);
    }
    return frame;
}

}  // namespace strata::emit

namespace strata {

std::vector<Scene> reveal_frames(const Scene& scene) {
    const std::vector<int> steps = emit::reveal_steps(scene);
    const int count = emit::reveal_step_count(scene);
    std::vector<Scene> frames;
    for (int step = 1; step <= count; ++step)
        frames.push_back(emit::frame_at_step(scene, steps, step));
    return frames;
}

}  // namespace strata
