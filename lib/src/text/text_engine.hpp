#pragma once

// The measuring interface is public: strata/text_measurer.hpp.
#include "strata/text_measurer.hpp"
