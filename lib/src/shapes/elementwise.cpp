#include "shapes/rules.hpp"

namespace strata::shapes {

OutputShapes infer_same_shape(const Layer&, InputShapes inputs) {
    return {single_input(inputs)};
}

}  // namespace strata::shapes
