// Two models from different folders drawn at once, as a host calling the library from several
// threads does: the files each model names are opened beneath its own folder, whatever the
// other one named, because that rule travels with each model's options and nothing is kept
// process-wide.
#include <boost/test/unit_test.hpp>

#include <barrier>
#include <exception>
#include <filesystem>
#include <fstream>
#include <string>
#include <thread>
#include <vector>

#include "picture_files.hpp"
#include "strata/import.hpp"
#include "strata/layout.hpp"
#include "strata/spec.hpp"

namespace fs = std::filesystem;

namespace {

constexpr const char* kSpec =
    "strata: 1\n"
    "options:\n"
    "  styles: {Dense: {image: face.png}}\n"
    "layers:\n"
    "  - {name: in, type: InputLayer, shape: [null, 8, 8, 3]}\n"
    "  - {name: fc, type: Dense, config: {units: 4}}\n";

// The bytes of every picture a scene holds.
std::vector<std::string> pictures_of(const strata::Scene& scene) {
    std::vector<std::string> pictures;
    for (const strata::Group& group : scene.groups)
        for (const strata::Primitive& item : group.items)
            if (const auto* image = std::get_if<strata::Image>(&item))
                pictures.push_back(image->data.str());
    return pictures;
}

// Reads the model's options and layers, waits for the other thread to have read its own, then
// lays the model out.
void draw(const std::string& model_path, std::barrier<>& both_read, std::vector<std::string>& out,
          std::exception_ptr& failure) {
    try {
        strata::Warnings warnings;
        const strata::Options options = strata::options_of_model_file(model_path);
        const strata::Model model = strata::load_model(model_path, warnings);
        both_read.arrive_and_wait();
        out = pictures_of(strata::layout_layered(model, options, warnings));
    } catch (...) {
        failure = std::current_exception();
        both_read.arrive_and_drop();
    }
}

}  // namespace

BOOST_AUTO_TEST_SUITE(concurrent_models)

BOOST_AUTO_TEST_CASE(each_model_reads_its_own_pictures) {
    const strata::test::TempDir dir;
    const fs::path root = dir.file("");
    // Two model folders whose pictures have the same path as the text says it: the first
    // model is reached through "linked/into/..", which the kernel resolves to "first", the
    // second lies in "linked" itself. Both name face.png.
    fs::create_directories(root / "first" / "inner");
    fs::create_directories(root / "linked");
    fs::create_directory_symlink(root / "first" / "inner", root / "linked" / "into");
    const std::string first_face = strata::test::png_bytes(2, 2, 1, 0, 0);
    const std::string second_face = strata::test::png_bytes(4, 4, 0, 0, 1);
    strata::test::write_bytes((root / "first" / "face.png").string(), first_face);
    strata::test::write_bytes((root / "linked" / "face.png").string(), second_face);
    std::ofstream(root / "first" / "model.yaml") << kSpec;
    std::ofstream(root / "linked" / "model.yaml") << kSpec;
    const std::string first_model = (root / "linked" / "into" / ".." / "model.yaml").string();
    const std::string second_model = (root / "linked" / "model.yaml").string();

    std::barrier both_read(2);
    std::vector<std::string> first_pictures, second_pictures;
    std::exception_ptr first_failure, second_failure;
    std::thread first(draw, first_model, std::ref(both_read), std::ref(first_pictures),
                      std::ref(first_failure));
    std::thread second(draw, second_model, std::ref(both_read), std::ref(second_pictures),
                       std::ref(second_failure));
    first.join();
    second.join();
    BOOST_TEST_REQUIRE(!first_failure);
    BOOST_TEST_REQUIRE(!second_failure);

    BOOST_TEST(first_pictures.size() == 1u);
    BOOST_TEST(second_pictures.size() == 1u);
    for (const std::string& picture : first_pictures) BOOST_TEST((picture == first_face));
    for (const std::string& picture : second_pictures) BOOST_TEST((picture == second_face));
}

BOOST_AUTO_TEST_SUITE_END()
