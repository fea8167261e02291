// Branching and deep models in the layered view: the DAG becomes a row with lanes, skip levels,
// merge glyphs, ×N repeats and wrapped rows. Measured on the scene.

#include <boost/test/unit_test.hpp>

#include <algorithm>
#include <filesystem>
#include <map>
#include <set>

#include "layout/graph/arrangement.hpp"
#include "layout_context.hpp"
#include "reference_model.hpp"
#include "scene_checks.hpp"
#include "strata/error.hpp"
#include "strata/render.hpp"
#include "style/length.hpp"

using namespace strata;

namespace {

Model corpus(const std::string& relative) {
    Warnings warnings;
    return load_model(std::string(STRATA_CORPUS_DIR) + "/" + relative, warnings);
}

std::vector<std::size_t> drawn_layers(const Model& model) {
    std::vector<std::size_t> drawn;
    for (std::size_t i = 0; i < model.layers.size(); ++i) {
        if (!model.layers[i].implicit) drawn.push_back(i);
    }
    return drawn;
}

layout::graph::Arrangement arrange(const Model& model,
                                   layout::graph::Collapse c = layout::graph::Collapse::exact) {
    return layout::graph::arrange(model, drawn_layers(model), c);
}

using test::draw;

std::vector<std::size_t> repeat_counts(const layout::graph::Arrangement& a) {
    std::vector<std::size_t> counts;
    for (const auto& r : a.repeats) counts.push_back(r.count);
    return counts;
}

// A chain of `n` layers: (Conv2D, Activation) pairs, then Flatten and Dense.
Model deep_chain(std::size_t n) {
    Model m;
    m.name = "deep";
    for (std::size_t i = 0; i + 2 < n; ++i) {
        std::vector<std::size_t> from;
        if (i > 0) from.push_back(i - 1);
        m.layers.push_back(test::layer(
            "l" + std::to_string(i), i % 2 == 0 ? "Conv2D" : "Activation", {-1, 16, 16, 8}, from));
    }
    m.layers.push_back(test::layer("flatten", "Flatten", {-1, 2048}, {n - 3}));
    m.layers.push_back(test::layer("dense", "Dense", {-1, 10}, {n - 2}));
    return m;
}

// DenseNet-121 as an ONNX export writes it: every concatenation in a dense block takes the
// block's input and every new feature map so far (dense connectivity), blocks of 6, 12, 24, 16.
Model dense_net_121() {
    Model m;
    m.name = "densenet121";
    auto add = [&](const std::string& name, const std::string& type, Shape shape,
                   std::vector<std::size_t> from) {
        m.layers.push_back(test::layer(name, type, std::move(shape), std::move(from)));
        return m.layers.size() - 1;
    };
    std::size_t x = add("input", "InputLayer", {-1, 224, 224, 3}, {});
    x = add("conv0", "Conv2D", {-1, 112, 112, 64}, {x});
    x = add("pool0", "MaxPooling2D", {-1, 56, 56, 64}, {x});
    Dim size = 56, channels = 64;
    const int blocks[] = {6, 12, 24, 16};
    for (int b = 0; b < 4; ++b) {
        std::vector<std::size_t> features{x};
        for (int i = 0; i < blocks[b]; ++i) {
            const std::string p = "block" + std::to_string(b + 1) + "_" + std::to_string(i + 1);
            std::size_t y = add(p + "_bn1", "BatchNormalization", {-1, size, size, channels}, {x});
            y = add(p + "_relu1", "Activation", {-1, size, size, channels}, {y});
            y = add(p + "_conv1", "Conv2D", {-1, size, size, 128}, {y});
            y = add(p + "_bn2", "BatchNormalization", {-1, size, size, 128}, {y});
            y = add(p + "_relu2", "Activation", {-1, size, size, 128}, {y});
            y = add(p + "_conv2", "Conv2D", {-1, size, size, 32}, {y});
            features.push_back(y);
            channels += 32;
            x = add(p + "_concat", "Concatenate", {-1, size, size, channels}, features);
        }
        if (b == 3) break;
        x = add("transition" + std::to_string(b + 1) + "_conv", "Conv2D",
                {-1, size, size, channels / 2}, {x});
        size /= 2;
        channels /= 2;
        x = add("transition" + std::to_string(b + 1) + "_pool", "AveragePooling2D",
                {-1, size, size, channels}, {x});
    }
    x = add("gap", "GlobalAveragePooling2D", {-1, channels}, {x});
    add("predictions", "Dense", {-1, 1000}, {x});
    m.inputs = {0};
    return m;
}

using test::inception_module;

// The y of a skip connector's horizontal run.
double run_y(const Group& g) {
    return std::get<Polyline>(g.items.front()).points[1].y;
}

// ResNet-50, from whichever file, folds to its four stages of identical bottleneck blocks and
// fits 17 cm with readable text, apart, connectors off the boxes, in at least `rows` rows.
void check_resnet50_fits_17cm(const Model& model, std::size_t rows) {
    const auto a = arrange(model);
    BOOST_TEST(repeat_counts(a) == (std::vector<std::size_t>{2, 3, 5, 2}),
               boost::test_tools::per_element());
    BOOST_TEST(a.levels <= 2);
    Options options;
    options.width = "17cm";
    const Scene scene = draw(model, options);
    BOOST_TEST(scene.width <= 642.52);
    BOOST_TEST(test::smallest_text(scene) >= 8.0);  // 6 pt
    BOOST_TEST(test::text_overlaps(scene) == 0u);
    BOOST_TEST(test::connectors_through_boxes(scene).empty(),
               "through boxes: " << test::connectors_through_boxes(scene).size());
    std::vector<std::string> labels;
    for (const Group& g : scene.groups) {
        if (g.role == Role::annotation) labels.push_back(g.label.substr(0, g.label.find(' ')));
    }
    BOOST_TEST(labels == (std::vector<std::string>{"\u00d72", "\u00d73", "\u00d75", "\u00d72"}),
               boost::test_tools::per_element());
    BOOST_TEST(test::count_role(scene, Role::merge) > 0u);
    // Rows: more than one, joined by carriage returns.
    std::size_t returns = 0;
    for (const Group& g : scene.groups) returns += g.label.rfind("next row", 0) == 0;
    BOOST_TEST(returns + 1 >= rows);
}

}  // namespace

BOOST_AUTO_TEST_SUITE(branching)

BOOST_AUTO_TEST_CASE(lengths_in_css_pixels) {
    BOOST_TEST(std::abs(length_in_px("17cm", "w") - 642.52) < 0.01);
    BOOST_TEST(std::abs(length_in_px("170mm", "w") - 642.52) < 0.01);
    BOOST_TEST(length_in_px("2in", "w") == 192);
    BOOST_TEST(length_in_px("72bp", "w") == 96);
    BOOST_TEST(std::abs(length_in_px("72.27pt", "w") - 96) < 1e-9);  // TeX points
    BOOST_TEST(length_in_px("300px", "w") == 300);
    BOOST_TEST(length_in_px("300", "w") == 300);
    BOOST_CHECK_THROW(length_in_px("17 furlongs", "w"), Error);
    BOOST_CHECK_THROW(length_in_px("-3cm", "w"), Error);
    BOOST_CHECK_THROW(length_in_px("cm", "w"), Error);
}

BOOST_AUTO_TEST_CASE(a_sequential_model_stays_a_plain_chain) {
    BOOST_TEST(arrange(test::reference_model()).is_plain_chain());
    BOOST_TEST(arrange(corpus("generated/vgg16.json")).is_plain_chain());
}

BOOST_AUTO_TEST_CASE(resnet50_main_path_and_projection_lanes) {
    const Model model = corpus("generated/resnet50.json");
    const auto a = arrange(model, layout::graph::Collapse::none);
    // Every projection shortcut (one per stage) is a lane of two layers, conv and batch norm.
    BOOST_TEST(a.branches.size() == 4u);
    for (const auto& b : a.branches) {
        BOOST_TEST(b.nodes.size() == 2u);
        BOOST_TEST(model.layers[a.dag.layer[b.nodes.front()]].name.find("_0_conv") !=
                   std::string::npos);
    }
    std::size_t adds = 0;
    for (auto m : a.merge) adds += m == layout::graph::MergeKind::add;
    BOOST_TEST(adds == 16u);
    BOOST_TEST(a.skips.size() == 12u);  // identity shortcuts
    BOOST_TEST(a.levels == 1);
}

BOOST_AUTO_TEST_CASE(resnet50_fits_17cm) {
    check_resnet50_fits_17cm(corpus("generated/resnet50.json"), 3);
}

// torchvision's export sums and activates in one box, so each block's sum also feeds the next
// block and its projection shortcut: the last identity block of a stage still repeats, and a
// row may break after a stage's last sum, its projection lane forking from the carriage
// return. A third of the boxes of the Keras model (batch norms and activations fold away):
// two rows are the largest size that fits 17 cm.
BOOST_AUTO_TEST_CASE(onnx_resnet50_folds_and_fits_17cm_like_keras,
                     *boost::unit_test::enable_if<(STRATA_WITH_ONNX)>()) {
    for (const char* file : {"onnx/resnet50.onnx", "onnx/resnet50.noshapes.onnx"}) {
        BOOST_TEST_CONTEXT(file) {
            const Model model = corpus(file);
            check_resnet50_fits_17cm(model, 2);
            Options options;
            options.width = "17cm";
            const Scene scene = draw(model, options);
            // A lane leaves where a carriage return turns down into its row.
            std::vector<Point> turns;
            for (const Group& g : scene.groups) {
                if (g.label.rfind("next row", 0) == 0)
                    turns.push_back(std::get<Polyline>(g.items.front()).points.at(3));
            }
            std::size_t from_returns = 0;
            for (const Group& g : scene.groups) {
                if (g.label.rfind("branch from ", 0) != 0) continue;
                const Point start = std::get<Polyline>(g.items.front()).points.front();
                from_returns += std::any_of(turns.begin(), turns.end(), [&](const Point& t) {
                    return std::abs(t.x - start.x) < 1e-6 && std::abs(t.y - start.y) < 1e-6;
                });
            }
            BOOST_TEST(from_returns >= 1u);
        }
    }
}

// A run of blocks whose last block also feeds the next block's projection shortcut folds
// whole; the shortcut's lane then forks from the drawn unit and is not part of it.
BOOST_AUTO_TEST_CASE(a_run_feeding_a_projection_shortcut_folds_whole,
                     *boost::unit_test::enable_if<(STRATA_WITH_ONNX)>()) {
    BOOST_TEST(
        repeat_counts(arrange(corpus("keras/xception_k214.json"))) == (std::vector<std::size_t>{8}),
        boost::test_tools::per_element());
    BOOST_TEST(repeat_counts(arrange(corpus("onnx/shufflenet_v2_x1_0.onnx"))) ==
                   (std::vector<std::size_t>{3, 7, 3}),
               boost::test_tools::per_element());
    const Model resnet18 = corpus("onnx/resnet18.onnx");
    const auto a = arrange(resnet18);
    BOOST_TEST_REQUIRE(repeat_counts(a) == (std::vector<std::size_t>{2}),
                       boost::test_tools::per_element());
    const auto& run = a.repeats.front();
    BOOST_TEST(run.scope == "layer1.0\u20131");
    // layer2.0's projection shortcut leaves the hidden layer1.1: it is drawn from layer1.0.
    const auto lane = std::find_if(a.branches.begin(), a.branches.end(), [&](const auto& b) {
        return resnet18.layers[a.dag.layer[b.nodes.front()]].name == "layer2.0.downsample.0";
    });
    BOOST_TEST_REQUIRE((lane != a.branches.end()));
    BOOST_TEST(lane->fork == static_cast<long>(run.last));
    const Scene scene = draw(resnet18, Options{});
    BOOST_TEST(test::count_role(scene, Role::connector) > 0u);
    bool drawn_from_unit = false;
    for (const Group& g : scene.groups)
        drawn_from_unit =
            drawn_from_unit || g.label == "branch from layer1.0 to layer2.0.downsample.0";
    BOOST_TEST(drawn_from_unit);
    BOOST_TEST(test::connectors_through_boxes(scene).empty());
}

BOOST_AUTO_TEST_CASE(resnet50_with_captions_keeps_text_size_and_apart) {
    Options options;
    options.width = "17cm";
    options.text_callable = strata::TextCallable::name;
    options.level = Level::layer;  // at level auto the blocks or stages are drawn instead
    Warnings warnings;
    const Scene scene = draw(corpus("generated/resnet50.json"), options, warnings);
    // Eleven names side by side in one residual block fit 17 cm once they break onto lines:
    // the text keeps its size, nothing overlaps and no warning is needed.
    BOOST_TEST(test::smallest_text(scene) >= 8.0);
    BOOST_TEST(std::none_of(warnings.begin(), warnings.end(),
                            [](const Warning& w) { return w.where == "width"; }));
    BOOST_TEST(scene.width <= 170 * 96 / 25.4 + 0.5);
    BOOST_TEST(test::text_overlaps(scene) == 0u);
}

BOOST_AUTO_TEST_CASE(unet_copies_are_nested) {
    const Model model = corpus("generated/unet.json");
    const auto a = arrange(model);
    BOOST_TEST_REQUIRE(a.skips.size() == 4u);
    std::vector<layout::graph::Skip> skips = a.skips;
    std::sort(skips.begin(), skips.end(), [&](const auto& x, const auto& y) {
        return a.spine_pos[x.to] - a.spine_pos[x.from] < a.spine_pos[y.to] - a.spine_pos[y.from];
    });
    for (std::size_t i = 0; i < skips.size(); ++i) {
        BOOST_TEST(skips[i].copy);
        BOOST_TEST(skips[i].level == static_cast<int>(i));
        if (i == 0) continue;  // each copy lies inside the next
        BOOST_TEST(a.spine_pos[skips[i].from] < a.spine_pos[skips[i - 1].from]);
        BOOST_TEST(a.spine_pos[skips[i].to] > a.spine_pos[skips[i - 1].to]);
    }
    const Scene scene = draw(model, Options{});
    std::vector<const Group*> copies;
    for (const Group& g : scene.groups) {
        if (g.role == Role::connector && g.label.rfind("copy from", 0) == 0) copies.push_back(&g);
    }
    BOOST_TEST_REQUIRE(copies.size() == 4u);
    // Outer copies run above inner ones: the encoder's first copy is the highest.
    std::sort(copies.begin(), copies.end(),
              [](const Group* x, const Group* y) { return run_y(*x) < run_y(*y); });
    BOOST_TEST(copies.front()->label.find("enc1") != std::string::npos);
    BOOST_TEST(copies.back()->label.find("enc4") != std::string::npos);
    BOOST_TEST(test::connectors_through_boxes(scene).empty());
    const bool own_colour =
        std::get<Polyline>(copies.front()->items.front()).stroke != Options{}.connector_fill;
    BOOST_TEST(own_colour);  // copies have their own colour
}

BOOST_AUTO_TEST_CASE(densenet121_dense_blocks_become_buses) {
    const Model model = dense_net_121();
    const auto a = arrange(model, layout::graph::Collapse::none);
    BOOST_TEST(a.levels <= 6);
    BOOST_TEST(a.buses.size() == 4u);
    Options options;
    options.collapse = strata::Collapse::none;
    const Scene scene = draw(model, options);
    BOOST_TEST(test::connectors_through_boxes(scene).empty());
}

BOOST_AUTO_TEST_CASE(deep_1000_folds_to_three_items) {
    const Model model = corpus("generated/deep.1000.json");
    const auto a = arrange(model);
    BOOST_TEST(a.items.size() == 3u);
    BOOST_TEST_REQUIRE(a.repeats.size() == 1u);
    BOOST_TEST(a.repeats.front().count == 499u);
    Options none;
    none.collapse = strata::Collapse::none;
    const Scene folded = draw(model, Options{});
    const Scene all = draw(model, none);
    BOOST_TEST(test::count_role(folded, Role::layer) == 4u);
    BOOST_TEST(test::count_role(folded, Role::repeat) == 1u);
    BOOST_TEST(test::count_role(all, Role::layer) == 1000u);
    BOOST_TEST(test::count_role(all, Role::repeat) == 0u);
}

BOOST_AUTO_TEST_CASE(unwrapped_width_grows_linearly_with_layers) {
    Options none;
    none.collapse = strata::Collapse::none;
    std::vector<double> n, w;
    for (std::size_t layers : {100u, 200u, 400u, 800u, 1600u}) {
        n.push_back(static_cast<double>(layers));
        w.push_back(draw(deep_chain(layers), none).width);
    }
    // Least-squares line through (n, w): R² ≥ 0.99.
    const double k = static_cast<double>(n.size());
    double sx = 0, sy = 0, sxx = 0, sxy = 0, syy = 0;
    for (std::size_t i = 0; i < n.size(); ++i) {
        sx += n[i];
        sy += w[i];
        sxx += n[i] * n[i];
        sxy += n[i] * w[i];
        syy += w[i] * w[i];
    }
    const double r = (k * sxy - sx * sy) / std::sqrt((k * sxx - sx * sx) * (k * syy - sy * sy));
    BOOST_TEST(r * r >= 0.99);
}

BOOST_AUTO_TEST_CASE(wrapped_rows_fit_the_width_and_break_between_blocks) {
    Options options;
    options.collapse = strata::Collapse::none;
    options.width = "800px";
    const Scene scene = draw(deep_chain(200), options);
    BOOST_TEST(scene.width <= 800);
    std::size_t returns = 0;
    for (const Group& g : scene.groups) returns += g.label.rfind("next row", 0) == 0;
    BOOST_TEST(returns >= 2u);
    BOOST_TEST(test::connectors_through_boxes(scene).empty());
}

BOOST_AUTO_TEST_CASE(inception_branches_hang_in_lanes_below_the_row) {
    const Model model = inception_module();
    const auto a = arrange(model);
    BOOST_TEST(a.spine.size() == 7u);  // input, a1-a3, concat, flatten, dense
    BOOST_TEST(a.branches.size() == 2u);
    Options options;
    options.text_callable = strata::TextCallable::name;
    const Scene scene = draw(model, options);
    double row_bottom = 0;
    for (const char* id : {"a1", "a2", "a3"})
        row_bottom = std::max(row_bottom, test::group(scene, id).box->y2);
    for (const char* id : {"b1", "b2", "c1", "c2"})
        BOOST_TEST(test::group(scene, id).box->y1 > row_bottom);
    BOOST_TEST(test::connectors_through_boxes(scene).empty());
    BOOST_TEST(test::text_overlaps(scene) == 0u);
    // The concatenation is a slab split by its three inputs' channels.
    std::size_t splits = 0;
    for (const Primitive& p : test::group(scene, "concat").items) {
        if (const auto* l = std::get_if<Polyline>(&p)) splits += l->name == "split";
    }
    BOOST_TEST(splits == 2u);
}

BOOST_AUTO_TEST_CASE(compat_visualkeras_keeps_the_single_chain) {
    const Model model = corpus("generated/resnet50.json");
    Options options;
    options.compat_visualkeras = true;
    const Scene scene = draw(model, options);
    BOOST_TEST(test::count_role(scene, Role::layer) == drawn_layers(model).size());
    BOOST_TEST(test::count_role(scene, Role::connector) == 0u);
    BOOST_TEST(test::count_role(scene, Role::merge) == 0u);
}

BOOST_AUTO_TEST_CASE(output_is_byte_identical_across_runs) {
    const Model model = corpus("generated/resnet50.json");
    Options options;
    options.width = "17cm";
    options.legend = true;
    BOOST_TEST(to_svg(draw(model, options)) == to_svg(draw(model, options)));
}

// The U-Net's copies leave a break only near its ends: rows of a few boxes around the U would
// be worse than the U drawn smaller in one row.
BOOST_AUTO_TEST_CASE(unet_at_17cm_is_one_row_not_a_few_boxes_and_the_u) {
    Options options;
    options.width = "17cm";
    const Scene scene = draw(corpus("generated/unet.json"), options);
    BOOST_TEST(scene.width <= 642.52);
    BOOST_TEST(scene.height <= 0.6 * 642.52);
    std::size_t returns = 0, copies = 0;
    for (const Group& g : scene.groups) {
        returns += g.label.rfind("next row", 0) == 0;
        copies += g.role == Role::connector && g.label.rfind("copy from", 0) == 0;
    }
    BOOST_TEST(returns == 0u);
    BOOST_TEST(copies == 4u);
    BOOST_TEST(test::connectors_through_boxes(scene).empty());
}

// A layer group whose layers run on into the next row is drawn in each row it covers, and
// covers nothing outside its run.
BOOST_AUTO_TEST_CASE(layer_groups_follow_wrapped_rows) {
    Options options;
    options.level = Level::layer;  // the layers themselves wrap
    options.width = "17cm";
    LayerGroup stage4;
    stage4.name = "stage 4";
    stage4.layers = {"conv4_block1_1_conv", "conv4_block6_out"};
    options.layered_groups = {stage4};
    const Scene scene = draw(corpus("generated/resnet50.json"), options);
    std::vector<std::vector<Point>> rectangles;
    std::map<std::string, BoxGeometry> boxes;
    for (const Group& g : scene.groups) {
        if (g.role == Role::group) {
            for (const Primitive& p : g.items) rectangles.push_back(std::get<Polygon>(p).points);
        }
        if (g.role == Role::layer && g.box) boxes[g.label] = *g.box;
    }
    std::size_t returns = 0;
    for (const Group& g : scene.groups) returns += g.label.rfind("next row", 0) == 0;
    BOOST_TEST_REQUIRE(returns >= 1u);
    BOOST_TEST_REQUIRE(rectangles.size() >= 2u);  // the run starts in one row, ends in another
    const auto covers = [&](const std::string& layer) {
        BOOST_TEST_REQUIRE(boxes.count(layer) == 1u, layer);
        const BoxGeometry& b = boxes[layer];
        const Point centre{(b.x1 + b.x2) / 2, (b.y1 + b.y2) / 2};
        return std::any_of(rectangles.begin(), rectangles.end(),
                           [&](const auto& r) { return test::deep_inside(r, centre, 0.5); });
    };
    BOOST_TEST(covers("conv4_block1_1_conv"));
    BOOST_TEST(covers("conv4_block6_out"));
    // The layers just before and after the run stay outside every rectangle.
    BOOST_TEST(!covers("conv3_block4_out"));
    BOOST_TEST(!covers("conv5_block1_1_conv"));
    // The ×5 unit inside the group keeps its bracket and label inside the rectangle, so the
    // group's title goes under the label, not onto it.
    std::size_t labels = 0;
    for (const Group& g : scene.groups) {
        if (g.role != Role::annotation || g.label.rfind("\u00d75", 0) != 0) continue;
        for (const Primitive& p : g.items) {
            const auto* label = std::get_if<TextRun>(&p);
            if (!label) continue;
            ++labels;
            const double descent = label->font_size / 4;
            for (const Point& end : {Point{label->x, label->y + descent},
                                     Point{label->x + label->advance, label->y + descent}}) {
                BOOST_TEST(std::any_of(rectangles.begin(), rectangles.end(), [&](const auto& r) {
                    return test::deep_inside(r, end, 0.5);
                }));
            }
        }
    }
    BOOST_TEST(labels == 1u);
    // Rectangles of different rows do not overlap, and no text overlaps.
    for (std::size_t i = 0; i < rectangles.size(); ++i) {
        for (std::size_t j = i + 1; j < rectangles.size(); ++j) {
            BOOST_TEST((rectangles[i][2].y < rectangles[j][0].y ||
                        rectangles[j][2].y < rectangles[i][0].y));
        }
    }
    BOOST_TEST(test::text_overlaps(scene) == 0u);
}

BOOST_AUTO_TEST_CASE(the_legend_names_the_connector_kinds) {
    Options options;
    options.legend = true;
    const Scene scene = draw(corpus("generated/unet.json"), options);
    bool copy = false;
    for (const Group& g : scene.groups) {
        for (const Primitive& p : g.items) {
            if (const auto* t = std::get_if<TextRun>(&p)) copy = copy || t->text.find("copy") == 0;
        }
    }
    BOOST_TEST(copy);
    // A residual network: the sum glyph is explained, not listed as a class of boxes.
    std::set<std::string> texts;
    for (const Group& g : draw(corpus("generated/resnet50.json"), options).groups) {
        if (g.role != Role::legend) continue;
        for (const Primitive& p : g.items) {
            if (const auto* t = std::get_if<TextRun>(&p)) texts.insert(t->text);
        }
    }
    BOOST_TEST(texts.count("sum (Add)") == 1u);
    BOOST_TEST(texts.count("residual (sum)") == 1u);
    BOOST_TEST(texts.count("Add") == 0u);
}

BOOST_AUTO_TEST_CASE(stages_bracket_each_spatial_size) {
    Options options;
    options.stages = true;
    const Scene scene = draw(corpus("generated/resnet50.json"), options);
    std::set<std::string> stages;
    for (const Group& g : scene.groups) {
        if (g.role == Role::annotation && g.label.rfind("stage ", 0) == 0) stages.insert(g.label);
    }
    for (const char* s :
         {"stage 56\u00d756" /* pool1_pool opens it */, "stage conv3 \u00b7 28\u00d728",
          "stage conv4 \u00b7 14\u00d714", "stage conv5 \u00b7 7\u00d77"})
        BOOST_TEST(stages.count(s) == 1u, s);
    BOOST_TEST(test::text_overlaps(scene) == 0u);
    // A plain chain gets stages too, and without --stages none.
    Options vgg = options;
    BOOST_TEST(test::count_role(draw(corpus("generated/vgg16.json"), vgg), Role::annotation) > 0u);
    BOOST_TEST(
        test::count_role(draw(corpus("generated/vgg16.json"), Options{}), Role::annotation) == 0u);
}

// VGG16 fitted to one column of a two-column paper shrinks its boxes a lot: the dense layers
// stay a few outline widths high (they were under two pixels: black lines).
BOOST_AUTO_TEST_CASE(boxes_shrunk_to_a_column_keep_a_legible_side) {
    Options options;
    options.width = "241pt";
    options.sizing_mode = strata::SizingMode::balanced;
    const Scene scene = draw(corpus("generated/vgg16.json"), options);
    BOOST_TEST_REQUIRE(scene.width <= length_in_px("241pt", "width") + 1e-6);
    std::size_t dense = 0;
    for (const Group& g : scene.groups) {
        if (g.role != Role::layer || !g.box) continue;
        const double height = g.box->y2 - g.box->y1;  // the side min_xy bounds
        BOOST_TEST(height >= 4 - 1e-9, g.label << " is " << height << " px high");
        dense += g.label.rfind("fc", 0) == 0 || g.label == "predictions";
    }
    BOOST_TEST(dense == 3u);
}

BOOST_AUTO_TEST_CASE(branching_models_draw_in_svg_layers) {
    Options options;
    options.width = "17cm";
    const std::string svg = to_svg(draw(corpus("generated/resnet50.json"), options));
    BOOST_TEST(svg.find("inkscape:label=\"connections\"") != std::string::npos);
    BOOST_TEST(svg.find("inkscape:label=\"annotations\"") != std::string::npos);
    BOOST_TEST(svg.find("data-role=\"merge\"") != std::string::npos);
}

namespace {

// A model file drawn unwrapped and fitted to 17 cm: no connector runs through a box and no two
// texts overlap.
void check_connectors_off_boxes_and_text_apart(const std::string& path) {
    Warnings warnings;
    const Model model = load_model(path, warnings);
    Options fitted;
    fitted.width = "17cm";
    for (const Options& options : {Options{}, fitted}) {
        const Scene scene = draw(model, options, warnings);
        const auto through = test::connectors_through_boxes(scene);
        BOOST_TEST(through.empty(),
                   through.size() << " segments, first " << (through.empty() ? "" : through[0]));
        BOOST_TEST(test::text_overlaps(scene) == 0u);
    }
}

}  // namespace

// Every model of the corpus, unwrapped and fitted to 17 cm: no connector runs through a box,
// no text is smaller than 6 pt when fitting, and no two texts overlap.
BOOST_AUTO_TEST_CASE(corpus_models_keep_connectors_off_boxes) {
    namespace fs = std::filesystem;
    std::size_t models = 0;
    for (const char* folder : {"keras", "generated"}) {
        for (const auto& entry : fs::directory_iterator(fs::path(STRATA_CORPUS_DIR) / folder)) {
            const fs::path path = entry.path();
            const std::string file = path.filename().string();
            if (path.extension() != ".json" || file.find(".shapes.") != std::string::npos ||
                file.rfind("deep.", 0) == 0)
                continue;
            BOOST_TEST_CONTEXT(file) {
                check_connectors_off_boxes_and_text_apart(path.string());
                ++models;
            }
        }
    }
    BOOST_TEST(models >= 60u);
}

// The same for the ONNX corpus, whose sums fork lanes across row breaks. Left out: the two
// MobileNetV3 files, where the skip of the first squeeze-and-excitation block still rises
// through the depth of the large input box drawn just before it.
BOOST_AUTO_TEST_CASE(onnx_corpus_models_keep_connectors_off_boxes,
                     *boost::unit_test::enable_if<(STRATA_WITH_ONNX)>()) {
    namespace fs = std::filesystem;
    const std::set<std::string> known = {"mobilenet_v3_small.onnx",
                                         "deeplabv3_mobilenet_v3_large.onnx"};
    std::size_t models = 0;
    for (const auto& entry : fs::directory_iterator(fs::path(STRATA_CORPUS_DIR) / "onnx")) {
        const fs::path path = entry.path();
        const std::string file = path.filename().string();
        if (path.extension() != ".onnx" || file.find(".noshapes.") != std::string::npos ||
            known.count(file) > 0)
            continue;
        BOOST_TEST_CONTEXT(file) {
            check_connectors_off_boxes_and_text_apart(path.string());
            ++models;
        }
    }
    BOOST_TEST(models >= 13u);
}

BOOST_AUTO_TEST_CASE(edges_pass_through_layers_that_are_not_drawn) {
    const Model model = corpus("generated/unet.json");
    std::vector<std::size_t> drawn;
    for (std::size_t i = 0; i < model.layers.size(); ++i) {
        if (model.layers[i].type != "Dropout") drawn.push_back(i);
    }
    const auto a = layout::graph::arrange(model, drawn, layout::graph::Collapse::exact);
    BOOST_TEST(a.skips.size() == 4u);  // enc4's copy leaves through its dropout
    BOOST_TEST(a.branches.empty());
    Options options;
    options.type_ignore = {"Dropout", "InputLayer"};
    BOOST_TEST(test::connectors_through_boxes(draw(model, options)).empty());
}

BOOST_AUTO_TEST_CASE(a_cycle_in_a_hostile_model_does_not_hang) {
    Model m = test::reference_model();
    m.layers[1].inputs.push_back({4, 0});  // conv also reads flatten: a cycle
    const auto a = arrange(m);
    BOOST_TEST(a.spine.size() >= 1u);
    BOOST_TEST(draw(m, Options{}).width > 0);
}

BOOST_AUTO_TEST_CASE(two_inputs_join_from_a_lane) {
    Model m;
    m.name = "two_inputs";
    m.layers = {test::layer("image", "InputLayer", {-1, 32, 32, 3}),
                test::layer("conv", "Conv2D", {-1, 32, 32, 8}, {0}),
                test::layer("pool", "GlobalAveragePooling2D", {-1, 8}, {1}),
                test::layer("meta", "InputLayer", {-1, 4}),
                test::layer("meta_dense", "Dense", {-1, 8}, {3}),
                test::layer("both", "Concatenate", {-1, 16}, {2, 4}),
                test::layer("out", "Dense", {-1, 1}, {5})};
    m.inputs = {0, 3};
    const auto a = arrange(m);
    BOOST_TEST(a.branches.size() == 1u);
    BOOST_TEST(a.branches.front().fork == -1);
    const Scene scene = draw(m, Options{});
    BOOST_TEST(test::group(scene, "meta").box->y1 > test::group(scene, "conv").box->y2);
    BOOST_TEST(test::connectors_through_boxes(scene).empty());
}

BOOST_AUTO_TEST_SUITE_END()
