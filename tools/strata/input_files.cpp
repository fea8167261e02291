#include "input_files.hpp"

namespace strata::cli {
namespace {

void add_font(std::vector<std::string>& files, const std::optional<std::string>& font) {
    if (font && font->find('/') != std::string::npos) files.push_back(*font);
}

}  // namespace

std::vector<std::string> files_read(const std::string& model_path,
                                    const boost::program_options::variables_map& given,
                                    const Options& options) {
    std::vector<std::string> files{model_path};
    if (given.count("options")) files.push_back(given["options"].as<std::string>());
    add_font(files, options.font);
    for (const auto& [key, style] : options.styles) {
        if (style.image) files.push_back(*style.image);
        add_font(files, style.font);
    }
    for (const LayerGroup& group : options.layered_groups) add_font(files, group.font);
    for (const LogoGroup& logo : options.logo_groups) files.push_back(logo.file);
    return files;
}

}  // namespace strata::cli
