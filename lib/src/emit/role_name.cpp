#include "strata/scene.hpp"

namespace strata {

const char* to_string(Role role) {
    switch (role) {
        case Role::layer:
            return "layer";
        case Role::funnel:
            return "funnel";
        case Role::caption:
            return "caption";
        case Role::legend:
            return "legend";
        case Role::group:
            return "group";
        case Role::group_title:
            return "group-title";
        case Role::logo:
            return "logo";
        case Role::image:
            return "image";
        case Role::connector:
            return "connector";
        case Role::merge:
            return "merge";
        case Role::repeat:
            return "repeat";
        case Role::annotation:
            return "annotation";
    }
    return "unknown";
}

}  // namespace strata
