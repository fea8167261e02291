#pragma once

// The whole pipeline, file → model → scene → bytes, for code that uses every part. Each part
// has a header of its own: import.hpp, layout.hpp, emit.hpp, io.hpp.

#include "strata/emit.hpp"
#include "strata/import.hpp"
#include "strata/io.hpp"
#include "strata/layout.hpp"
