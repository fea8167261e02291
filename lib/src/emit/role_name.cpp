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
    }
    return "unknown";
}

}  // namespace strata
