#pragma once

#include <boost/program_options.hpp>
#include <string>
#include <vector>

#include "strata/options.hpp"

namespace strata::cli {

// Every file a render reads that an output could name: the model file, the option file, and
// the face images, logos and font files the options name (a font that holds a '/'; a family
// is looked up among the system's fonts).
std::vector<std::string> files_read(const std::string& model_path,
                                    const boost::program_options::variables_map& given,
                                    const Options& options);

}  // namespace strata::cli
