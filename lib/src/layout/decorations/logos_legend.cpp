#include "layout/decorations/logos_legend.hpp"

#include <algorithm>
#include <cmath>

#include "layout/decorations/image_placement.hpp"
#include "layout/decorations/text_run.hpp"

namespace strata::layout {
namespace {

struct Patch {
    const LogoGroup* logo = nullptr;
    const Picture* file = nullptr;
    TextMetrics label;
    double width = 0, height = 0;
};

Group patch_group(const Patch& patch, Point at, double icon, double spacing, const Options& o,
                  TextMeasurer& text, IdMaker& ids) {
    const FontSpec font{o.font, o.font_size};
    Group g;
    g.id = ids.make("logos-legend-" + patch.logo->name);
    g.label = "logo legend: " + patch.logo->name;
    g.role = Role::legend;
    const Point icon_at{at.x, at.y + std::floor((patch.height - icon) / 2)};
    g.items.push_back(place_image(*patch.file, icon_at, {icon_at.x + icon, icon_at.y},
                                  {icon_at.x, icon_at.y + icon}, PictureFit::contain, "logo",
                                  o.link_images));
    const double baseline =
        at.y + std::floor((patch.height - patch.label.bottom) / 2) + patch.label.ascent;
    g.items.push_back(make_text_run(text, font, patch.logo->name, {at.x + icon + spacing, baseline},
                                    patch.label.advance, o.font_color, TextAnchor::start));
    return g;
}

}  // namespace

void append_logos_legend(Scene& scene, const Options& o, TextMeasurer& text, ImageStore& images,
                         IdMaker& ids) {
    if (!o.logos_legend) return;
    const double padding = o.logos_legend->padding, spacing = o.logos_legend->spacing;
    const FontSpec font{o.font, o.font_size};
    const double icon = std::trunc(2 * text.measure("Ag", font).bottom);
    std::vector<Patch> patches;
    for (const LogoGroup& logo : o.logo_groups) {
        std::string error;  // unloadable logos were reported where they were stuck on
        const Picture* file = logo.name.empty() ? nullptr : images.load(logo.file, error);
        if (!file) continue;
        Patch p{&logo, file, text.measure(logo.name, font)};
        p.width = icon + spacing + p.label.right;
        p.height = std::max(icon, p.label.bottom);
        patches.push_back(p);
    }
    if (patches.empty()) return;

    const double picture_width = scene.width, origin_y = scene.height;
    double x = padding, y = padding, width = 0, height = 0;
    bool row_empty = true;
    for (const Patch& patch : patches) {
        // A patch wider than the picture starts its own row but never an empty one.
        if (x + patch.width > picture_width && !row_empty) {
            x = padding;
            y = height - padding + spacing;
        }
        scene.groups.push_back(patch_group(patch, {x, origin_y + y}, icon, spacing, o, text, ids));
        width = std::max(width, x + patch.width + padding);
        height = std::max(height, y + patch.height + padding);
        x += patch.width + spacing;
        row_empty = false;
    }
    scene.width = std::max(scene.width, std::ceil(width));
    scene.height += std::ceil(height);
}

}  // namespace strata::layout
