#include "layout/decorations/group_emission.hpp"

#include <iterator>
#include <utility>

namespace strata::layout {

void prepend_group_rectangles(Scene& scene, const LayerGroups& groups,
                              const std::vector<BoxPlacement>& boxes, IdMaker& ids) {
    std::vector<Group> rectangles = groups.rectangles(boxes, ids);
    scene.groups.insert(scene.groups.begin(), std::make_move_iterator(rectangles.begin()),
                        std::make_move_iterator(rectangles.end()));
}

void append_group_titles(Scene& scene, const LayerGroups& groups,
                         const std::vector<BoxPlacement>& boxes, IdMaker& ids) {
    for (Group& title : groups.titles(boxes, ids)) scene.groups.push_back(std::move(title));
}

}  // namespace strata::layout
