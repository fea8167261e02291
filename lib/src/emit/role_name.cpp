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
    }
    return "unknown";
}

}  // namespace strata
