#pragma once

#include <cstddef>
#include <cstdint>
#include <map>
#include <optional>
#include <span>
#include <string>
#include <utility>
#include <vector>

#include "strata/choice.hpp"
#include "strata/color.hpp"
#include "strata/model_files.hpp"
#include "strata/option_places.hpp"

namespace strata {

// The options that take one of a fixed set of values, each with its one table of names.

// Which of visualkeras' pictures a model is drawn as (`view`): layered, 3-D boxes whose size
// follows each tensor's shape; lenet, stacks of feature maps joined by receptive fields, as
// the classic LeNet figure; functional, flat boxes in the columns of a graph's ranks, joined by
// elbowed connectors (branches and merges side by side); graph, a column of neurons per layer.
// Every view lays out into the same Scene, so every output, the fitting to a width and the
// reveal frames serve each alike.
enum class View { layered, lenet, functional, graph };
inline constexpr ChoiceName<View> kViewNames[] = {{View::layered, "layered"},
                                                  {View::lenet, "lenet"},
                                                  {View::functional, "functional"},
                                                  {View::graph, "graph"}};
constexpr std::span<const ChoiceName<View>> choice_names(View) {
    return kViewNames;
}

// How tensor dimensions become box sizes (`sizing_mode`).
enum class SizingMode { accurate, balanced, capped, logarithmic, relative };
inline constexpr ChoiceName<SizingMode> kSizingModeNames[] = {
    {SizingMode::accurate, "accurate"},
    {SizingMode::balanced, "balanced"},
    {SizingMode::capped, "capped"},
    {SizingMode::logarithmic, "logarithmic"},
    {SizingMode::relative, "relative"}};
constexpr std::span<const ChoiceName<SizingMode>> choice_names(SizingMode) {
    return kSizingModeNames;
}

// A box axis in visualkeras' names: z the front face (width), y the top (height), x the side
// (depth). `one_dim_orientation`, `image_axis`, a logo's `axis`.
enum class Axis { z, y, x };
inline constexpr ChoiceName<Axis> kAxisNames[] = {{Axis::z, "z"}, {Axis::y, "y"}, {Axis::x, "x"}};
constexpr std::span<const ChoiceName<Axis>> choice_names(Axis) {
    return kAxisNames;
}

// The built-in caption of each box (`text_callable`).
enum class TextCallable { none, name, type, shape, name_shape };
inline constexpr ChoiceName<TextCallable> kTextCallableNames[] = {
    {TextCallable::name, "name"},
    {TextCallable::type, "type"},
    {TextCallable::shape, "shape"},
    {TextCallable::name_shape, "name_shape"},
    {TextCallable::none, "none"}};
constexpr std::span<const ChoiceName<TextCallable>> choice_names(TextCallable) {
    return kTextCallableNames;
}

// The built-in labels of the lenet view's stacks (`top_label_callable`, `bottom_label_callable`):
// the layer class, the size (C@H×W), the layer name, the output shape, or none.
enum class StackLabelText { type, size, name, shape, none };
inline constexpr ChoiceName<StackLabelText> kStackLabelTextNames[] = {
    {StackLabelText::type, "type"},
    {StackLabelText::size, "size"},
    {StackLabelText::name, "name"},
    {StackLabelText::shape, "shape"},
    {StackLabelText::none, "none"}};
constexpr std::span<const ChoiceName<StackLabelText>> choice_names(StackLabelText) {
    return kStackLabelTextNames;
}

// Where captions go (`caption_position`): alternate puts every second one above.
enum class CaptionPosition { below, above, alternate };
inline constexpr ChoiceName<CaptionPosition> kCaptionPositionNames[] = {
    {CaptionPosition::below, "below"},
    {CaptionPosition::above, "above"},
    {CaptionPosition::alternate, "alternate"}};
constexpr std::span<const ChoiceName<CaptionPosition>> choice_names(CaptionPosition) {
    return kCaptionPositionNames;
}

// Where the legend goes (`legend_position`): below the picture; right of it, in as few columns
// as the height holds; or auto: right when a height is given and the diagram comes out larger
// there, else below.
enum class LegendPosition { automatic, below, right };
inline constexpr ChoiceName<LegendPosition> kLegendPositionNames[] = {
    {LegendPosition::automatic, "auto"},
    {LegendPosition::below, "below"},
    {LegendPosition::right, "right"}};
constexpr std::span<const ChoiceName<LegendPosition>> choice_names(LegendPosition) {
    return kLegendPositionNames;
}

// How a face image fits its face (`image_fit`): stretched, inside with margins, covering it
// clipped, or stretched on a box reshaped to the picture's aspect.
enum class ImageFit { fill, contain, cover, match_aspect };
inline constexpr ChoiceName<ImageFit> kImageFitNames[] = {{ImageFit::fill, "fill"},
                                                          {ImageFit::contain, "contain"},
                                                          {ImageFit::cover, "cover"},
                                                          {ImageFit::match_aspect, "match_aspect"}};
constexpr std::span<const ChoiceName<ImageFit>> choice_names(ImageFit) {
    return kImageFitNames;
}

// Which consecutive blocks are drawn once, marked ×N (`collapse`): none; identical ones
// (exact); ones of the same structure whose shapes or channel counts differ, marked with what
// changes (similar); auto: similar at `level` auto with a `width`, else exact.
enum class Collapse { none, exact, similar, automatic };
inline constexpr ChoiceName<Collapse> kCollapseNames[] = {{Collapse::none, "none"},
                                                          {Collapse::exact, "exact"},
                                                          {Collapse::similar, "similar"},
                                                          {Collapse::automatic, "auto"}};
constexpr std::span<const ChoiceName<Collapse>> choice_names(Collapse) {
    return kCollapseNames;
}

// How much of a model each box stands for (`level`): one layer, one block (a residual block,
// a dense layer, an Inception module), or one stage (consecutive blocks under one name or at
// one resolution, drawn once with ×N); auto (the default): with a width, the finest level
// whose figure fits it with text at least min_font_size and every box face at least 2 mm tall
// in print, else the coarsest the model has; without a width, or in compat_visualkeras, layer.
enum class Level { layer, block, stage, automatic };
inline constexpr ChoiceName<Level> kLevelNames[] = {{Level::layer, "layer"},
                                                    {Level::block, "block"},
                                                    {Level::stage, "stage"},
                                                    {Level::automatic, "auto"}};
constexpr std::span<const ChoiceName<Level>> choice_names(Level) {
    return kLevelNames;
}

// Where a logo sits on its face (a logo's `corner`).
enum class Corner { top_left, top_right, bottom_left, bottom_right, center };
inline constexpr ChoiceName<Corner> kCornerNames[] = {{Corner::top_left, "top-left"},
                                                      {Corner::top_right, "top-right"},
                                                      {Corner::bottom_left, "bottom-left"},
                                                      {Corner::bottom_right, "bottom-right"},
                                                      {Corner::center, "center"}};
constexpr std::span<const ChoiceName<Corner>> choice_names(Corner) {
    return kCornerNames;
}

// Colours given for one layer class in `color_map`; unset entries keep the defaults.
struct LayerColors {
    std::optional<Rgba> fill;
    std::optional<Rgba> outline;
};

// `dimension_caps` of the layered view; unset keys fall back to max_z / max_xy.
struct DimensionCaps {
    std::optional<double> channels;
    std::optional<double> sequence;
    std::optional<double> general;  // accepted for compatibility, never used by any mode
};

// Per-layer overrides (`styles`), keyed by class name, base class name or layer name; unset
// fields keep the global values.
struct Style {
    std::optional<Rgba> fill, outline;
    std::optional<double> scale_xy, scale_z, min_xy, max_xy, min_z, max_z;
    std::optional<double> shade_step;
    std::optional<double> spacing;  // gap after this box
    std::optional<std::string> font;
    std::optional<double> font_size;
    std::optional<Rgba> font_color;
    std::optional<double> text_vspacing;
    std::optional<std::string> image;  // face image file (PNG, JPEG or SVG)
    std::optional<ImageFit> image_fit;
    std::optional<Axis> image_axis;
    std::optional<double> scale_image;
};

// The functional view's collapse rules (`collapse_rules`, visualkeras' names): `repeat_count`
// consecutive matches, along a chain without branches, of one layer (kind layer) or of a block
// of at least two layers (kind block), drawn as one box marked with `label` ("Nx" when empty);
// a selector is a layer name or class name. A block's double-headed arrow goes above or below
// the box (`annotation_position`).
enum class CollapseKind { layer, block };
inline constexpr ChoiceName<CollapseKind> kCollapseKindNames[] = {{CollapseKind::layer, "layer"},
                                                                  {CollapseKind::block, "block"}};
constexpr std::span<const ChoiceName<CollapseKind>> choice_names(CollapseKind) {
    return kCollapseKindNames;
}
enum class AnnotationPosition { above, below };
inline constexpr ChoiceName<AnnotationPosition> kAnnotationPositionNames[] = {
    {AnnotationPosition::above, "above"}, {AnnotationPosition::below, "below"}};
constexpr std::span<const ChoiceName<AnnotationPosition>> choice_names(AnnotationPosition) {
    return kAnnotationPositionNames;
}
struct CollapseRule {
    CollapseKind kind = CollapseKind::layer;
    std::vector<std::string> selector;  // one entry for kind layer, two or more for a block
    int repeat_count = 2;
    std::string label;  // "Nx" when empty
    AnnotationPosition annotation_position = AnnotationPosition::above;
    // Keys of the rule's mapping that are none of the above: ignored, named in a warning.
    std::vector<std::string> ignored_keys;
};

// Where the functional view's flat boxes carry their text (`simple_text_label_mode`): a
// caption below each box, or the layer's name inside it.
enum class SimpleTextLabelMode { below, inside };
inline constexpr ChoiceName<SimpleTextLabelMode> kSimpleTextLabelModeNames[] = {
    {SimpleTextLabelMode::below, "below"}, {SimpleTextLabelMode::inside, "inside"}};
constexpr std::span<const ChoiceName<SimpleTextLabelMode>> choice_names(SimpleTextLabelMode) {
    return kSimpleTextLabelModeNames;
}

// A box drawn around named layers, with a title below it (`layered_groups`).
struct LayerGroup {
    std::vector<std::string> layers;  // layer names
    std::string name;                 // the title
    double padding = 10;
    Rgba fill{200, 200, 200, 100};
    Rgba outline{0, 0, 0, 255};
    double width = 1;                 // outline width
    std::optional<std::string> font;  // family or file; the caption font when unset
    double font_size = 15;
    Rgba font_color{0, 0, 0, 255};
    double text_spacing = 5;  // gap between the box and its title
};

// A small image stuck onto a face of some boxes (`logo_groups`).
struct LogoGroup {
    std::string file;
    std::vector<std::string> layers;  // layer names or class names
    Axis axis = Axis::z;
    double size = 0.5;                                 // fraction of the face's shorter side ...
    std::optional<std::pair<double, double>> size_px;  // ... or an explicit width and height
    Corner corner = Corner::top_right;
    double padding = 0;
    std::string name;  // label in the logo legend
};

// The legend of logos below the picture (`logos_legend`).
struct LogosLegend {
    double padding = 10;
    double spacing = 10;
};

// The options of the layered view. Field names and defaults are those of visualkeras'
// layered_view; YAML option files use the same keys, CLI flags the kebab-case words.
struct Options {
    // The picture the model is drawn as; the options below that a view does not use are
    // ignored by it.
    View view = View::layered;

    // Box sizing.
    double min_z = 20;
    double min_xy = 20;
    double max_z = 400;
    double max_xy = 2000;
    double scale_z = 1.5;
    double scale_xy = 4;
    SizingMode sizing_mode = SizingMode::accurate;
    std::optional<DimensionCaps> dimension_caps;
    double relative_base_size = 20;
    Axis one_dim_orientation = Axis::z;

    // Which layers are drawn and how.
    std::vector<std::string> type_ignore;          // exact class names
    std::vector<std::size_t> index_ignore;         // model indices
    std::vector<std::size_t> index_2D;             // model indices drawn flat
    std::map<std::string, LayerColors> color_map;  // keyed by class name

    // Picture.
    Rgba background_fill{255, 255, 255, 255};
    bool draw_volume = true;
    bool draw_reversed = false;
    double padding = 10;
    double spacing = 10;
    bool draw_funnel = true;
    double shade_step = 10;

    // Captions.
    TextCallable text_callable = TextCallable::none;
    double text_vspacing = 4;
    std::string font = "DejaVu Sans";  // fontconfig family or a font file path
    double font_size = 10;             // pixels
    Rgba font_color{0, 0, 0, 255};

    // Caption templates beyond the built-ins: fields {name}, {type}, {shape}, {index}, {params};
    // "\n" separates lines. Overrides text_callable when set.
    std::string caption;
    CaptionPosition caption_position = CaptionPosition::below;
    std::map<std::string, std::string> captions;  // caption per layer name, overriding the rest
    // Layers whose caption goes above their box whatever caption_position says (a Python
    // text_callable answers this per layer).
    std::vector<std::string> captions_above;

    // Legend.
    bool legend = false;
    LegendPosition legend_position = LegendPosition::automatic;
    bool show_dimension = false;
    double legend_text_spacing_offset = 15;  // accepted for compatibility; it has no effect

    // Funnels between boxes.
    Rgba connector_fill{128, 128, 128, 255};
    double connector_width = 1;

    // The functional view: gaps between rank columns, between boxes of one column and between
    // unconnected parts of the graph; connectors' arrowheads and their gap to a box; a small
    // box after each model output; passes of the crossing reduction; the size of the points
    // a connector passes through in each rank it skips, drawn or not.
    double column_spacing = 80;
    double row_spacing = 40;
    double component_spacing = 80;
    bool connector_arrow = false;
    double connector_padding = 5;
    bool add_output_nodes = false;
    double layout_iterations = 4;
    double virtual_node_size = 12;
    bool render_virtual_nodes = false;
    // Runs of layers drawn once (collapse_enabled, collapse_rules), with a badge and, for a
    // block, a double-headed arrow (collapse_annotations); flat boxes with the text inside or
    // below (simple_text_visualization, simple_text_label_mode).
    bool collapse_enabled = false;
    std::vector<CollapseRule> collapse_rules;
    bool collapse_annotations = true;
    bool simple_text_visualization = false;
    SimpleTextLabelMode simple_text_label_mode = SimpleTextLabelMode::below;
    // 3-D boxes turned this many degrees about the vertical (unset: the oblique boxes).
    std::optional<double> orientation_rotation;

    // Groups, logos, styles and face images.
    std::vector<LayerGroup> layered_groups;
    std::vector<LogoGroup> logo_groups;
    std::optional<LogosLegend> logos_legend;
    std::map<std::string, Style> styles;
    ImageFit image_fit = ImageFit::fill;
    Axis image_axis = Axis::z;
    bool link_images = false;  // refer to image files instead of embedding them

    // Branching and deep models.
    std::string width;         // fit the figure to this width: "17cm", "6.5in", "480pt", "640px"
    std::string height;        // ... and no taller than this: "720px", "20cm" (empty: no bound)
    double min_font_size = 6;  // points; no text is drawn smaller when fitting to `width`
    Collapse collapse = Collapse::automatic;
    bool stages = false;  // brackets under stages (spatial size or name prefix changes)
    Level level = Level::automatic;
    // Blocks or stages drawn layer by layer, framed, in a figure of blocks or stages.
    std::vector<std::string> expand;

    // The lenet view (visualkeras' lenet_view names and defaults): the gap between stacks, the
    // offset between the maps of a stack and how many are drawn at most, the patches of the
    // receptive fields (colour, outline, size as a share of the kernel's), the seed of their
    // places (unset: visualkeras' placement without a seed), and the labels above and below.
    double layer_spacing = 40;  // the graph view's gap between columns too (250 there)
    double map_spacing = 4;
    double max_visual_channels = 12;
    Rgba patch_fill{0x7d, 0xb7, 0xff, 255};
    Rgba patch_outline{0, 0, 0, 255};
    double patch_scale = 1;
    std::optional<std::int64_t> seed;
    bool draw_connections = true;
    bool draw_patches = true;
    bool top_label = true;
    bool bottom_label = true;
    double top_label_padding = 6;
    double bottom_label_padding = 6;
    // What the labels say (visualkeras' label callables as built-in choices), and each stack's
    // own label by layer name over it (a Python callable's texts; empty: no label).
    StackLabelText top_label_callable = StackLabelText::type;
    StackLabelText bottom_label_callable = StackLabelText::size;
    std::map<std::string, std::string> top_labels, bottom_labels;

    // The graph view: node diameter, gap between columns and between nodes of a column, the
    // most nodes a stack draws (dots in the last but one place stand for the rest; 0: all, up
    // to the stack's bound), input and output tensors as one node each, and neurons drawn
    // for layers with units or filters.
    double node_size = 50;
    double node_spacing = 10;
    double ellipsize_after = 10;
    bool inout_as_tensor = true;
    bool show_neurons = true;

    // Output file when none is given on the command line.
    std::string to_file;

    // Reproduce visualkeras' canvas quirks exactly (depth clipped at the right edge, no
    // vertical padding) so that pictures can be compared pixel for pixel.
    bool compat_visualkeras = false;

    // Not an option: which of the paths above a model file named, and the folder each must be
    // opened beneath. Reading a model spec's options fills it; it is empty for options the
    // user gives, and the layout passes it to the font lookup and the picture reader.
    ModelNamedFiles model_files;

    // Not an option: where an option file or a model spec gave each font above, so that a
    // font the lookup cannot find is an error at that place (FILE:LINE:COL) rather than
    // under the option's name alone.
    OptionPlaces font_places;

    // Not an option: where an option file or a model spec gave each option (by its name, as
    // "expand" or "captions.conv1"), so that an error the layout finds in its value names that
    // place; an option a flag or C++ sets has none.
    OptionPlaces option_places;

    // Not an option: where an option file or a model spec named each picture (by its path as
    // held above), so that a picture that cannot be read is an error at that place.
    OptionPlaces picture_places;
};

// Checks every value of `options` against the rules the command line and option files apply
// (ranges, lengths, names of choices, structures), so that options built in C++ get the same
// errors. Every layout entry point runs it. Throws strata::Error whose file is the option's
// key ("padding") and whose message is the one a flag or option file gets.
void validate(const Options& options);

}  // namespace strata
