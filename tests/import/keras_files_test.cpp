// .keras archives and HDF5 model files: read like the JSON they hold, hostile files refused
// cleanly. The fixtures come from tests/fixtures/make_keras_fixtures.py.
#include <boost/test/unit_test.hpp>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

#include "import/detect_format.hpp"
#include "import/keras_archive.hpp"
#include "import/load.hpp"
#include "strata/error.hpp"
#include "strata/render.hpp"

namespace fs = std::filesystem;

namespace {

const fs::path kFixtures = fs::path(STRATA_SOURCE_DIR) / "tests" / "fixtures";
const fs::path kCorpus = fs::path(STRATA_CORPUS_DIR);

std::string bytes_of(const fs::path& path) {
    std::ifstream in(path, std::ios::binary);
    std::stringstream s;
    s << in.rdbuf();
    return s.str();
}

std::string info_of_file(const fs::path& path) {
    strata::Warnings warnings;
    return strata::to_info_json(strata::load_model(path.string(), warnings));
}

std::string info_of_bytes(const fs::path& path) {
    strata::Warnings warnings;
    return strata::to_info_json(strata::parse_model(bytes_of(path), path.string(), warnings));
}

// The error reading `path` throws; a default Error when it reads fine.
strata::Error error_of(const fs::path& path) {
    try {
        strata::Warnings warnings;
        strata::import_model_file(path.string(), warnings);
    } catch (const strata::Error& error) {
        return error;
    }
    return strata::Error("", "no error");
}

bool contains(const std::string& text, const std::string& part) {
    return text.find(part) != std::string::npos;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(keras_files)

BOOST_AUTO_TEST_CASE(formats_are_told_apart_by_content) {
    using strata::ModelFormat;
    BOOST_TEST((strata::detect_format(bytes_of(kFixtures / "keras3_sequential.keras")) ==
                ModelFormat::keras_archive));
    BOOST_TEST(
        (strata::detect_format(bytes_of(kFixtures / "keras2_sequential.h5")) == ModelFormat::hdf5));
    BOOST_TEST((strata::detect_format("\xef\xbb\xbf  {\"class_name\": 1}") == ModelFormat::json));
    BOOST_TEST((strata::detect_format("# a model\n---\nstrata: 1\nlayers: []\n") ==
                ModelFormat::yaml_spec));
    // Flow style: JSON's keys are quoted, YAML's plain ones are not.
    BOOST_TEST((strata::detect_format("{strata: 1, layers: []}") == ModelFormat::yaml_spec));
    BOOST_TEST((strata::detect_format("# spec\n{\n  strata: 1,\n  layers: []\n}\n") ==
                ModelFormat::yaml_spec));
    BOOST_TEST((strata::detect_format("{ \"strata\": 1 }") == ModelFormat::json));
    BOOST_TEST((strata::detect_format("{}") == ModelFormat::json));
    BOOST_TEST(
        (strata::detect_format(std::string("\x08\x07\x12\x07pytorch", 11)) == ModelFormat::onnx));
    BOOST_TEST((strata::detect_format("hello world") == ModelFormat::unknown));
    BOOST_TEST((strata::detect_format("") == ModelFormat::unknown));
}

BOOST_AUTO_TEST_CASE(pytorch_checkpoints_are_told_apart_from_keras_archives) {
    using strata::ModelFormat;
    BOOST_TEST((strata::detect_format(bytes_of(kFixtures / "tiny_checkpoint.pt")) ==
                ModelFormat::pytorch));
    BOOST_TEST((strata::detect_format(bytes_of(kFixtures / "tiny_checkpoint_legacy.pth")) ==
                ModelFormat::pytorch));
    // A bare pickle of any protocol from 2 on; protocol 0 and 1 have no PROTO opcode.
    BOOST_TEST((strata::detect_format(std::string("\x80\x04\x95", 3)) == ModelFormat::pytorch));
    BOOST_TEST((strata::detect_format(std::string("\x80\x09", 2)) == ModelFormat::unknown));
    // A zip whose first entry is not a pickle stays a Keras archive; a name cut short by the
    // end of the bytes is not read past it.
    const auto zip_head = [](const std::string& name, char declared_length) {
        return std::string("PK\x03\x04") + std::string(22, '\0') + declared_length +
               std::string(3, '\0') + name;
    };
    BOOST_TEST((strata::detect_format(zip_head("archive/data.pkl", 16)) == ModelFormat::pytorch));
    BOOST_TEST(
        (strata::detect_format(zip_head("model/data.pkl!", 15)) == ModelFormat::keras_archive));
    BOOST_TEST((strata::detect_format(zip_head("config.json", 11)) == ModelFormat::keras_archive));
    BOOST_TEST(
        (strata::detect_format(zip_head("archive/data.pkl", 40)) == ModelFormat::keras_archive));
}

BOOST_AUTO_TEST_CASE(tfjs_input_layer_with_only_input_shape_gives_every_shape) {
    // A Keras 3 model converted to TensorFlow.js, its InputLayer declaring `inputShape`.
    strata::Warnings warnings;
    const auto path = kFixtures / "tfjs_input_shape_only.json";
    const strata::Model model = strata::parse_model(bytes_of(path), path.string(), warnings);
    BOOST_TEST(warnings.empty());
    for (const strata::Layer& layer : model.layers) {
        BOOST_TEST_INFO(layer.name);
        BOOST_TEST(layer.shape_known);
    }
    BOOST_TEST(info_of_file(path) == info_of_file(kCorpus / "keras" / "tfjs_bilstm_keras37.json"));
}

BOOST_AUTO_TEST_CASE(keras2_hdf5_with_fixed_length_strings_reads_like_its_json,
                     *boost::unit_test::enable_if<(STRATA_WITH_HDF5)>()) {
    const auto expected = info_of_file(kCorpus / "keras" / "cnn_fer_avgpool_k26.json");
    BOOST_TEST(info_of_file(kFixtures / "keras2_sequential.h5") == expected);
    BOOST_TEST(info_of_bytes(kFixtures / "keras2_sequential.h5") == expected);
    strata::Warnings warnings;
    const auto model =
        strata::import_model_file((kFixtures / "keras2_sequential.h5").string(), warnings);
    BOOST_TEST(model.format == "keras-hdf5");
    BOOST_TEST(model.keras_version == "2.6.0");
}

BOOST_AUTO_TEST_CASE(tf_keras_hdf5_with_variable_length_strings_reads_like_its_json,
                     *boost::unit_test::enable_if<(STRATA_WITH_HDF5)>()) {
    const auto expected = info_of_file(kCorpus / "keras" / "conv1d_multibranch_text.json");
    BOOST_TEST(info_of_file(kFixtures / "tfkeras_functional.h5") == expected);
    BOOST_TEST(info_of_bytes(kFixtures / "tfkeras_functional.h5") == expected);
}

BOOST_AUTO_TEST_CASE(keras3_archive_reads_like_its_config,
                     *boost::unit_test::enable_if<(STRATA_WITH_LIBZIP)>()) {
    const auto expected = info_of_file(kCorpus / "keras" / "k3_dense_mnist_seq.json");
    BOOST_TEST(info_of_file(kFixtures / "keras3_sequential.keras") == expected);
    BOOST_TEST(info_of_bytes(kFixtures / "keras3_sequential.keras") == expected);
    strata::Warnings warnings;
    const auto model =
        strata::import_model_file((kFixtures / "keras3_sequential.keras").string(), warnings);
    BOOST_TEST(model.format == "keras-archive");
    BOOST_TEST(model.keras_version == "3.3.3");  // from metadata.json
}

BOOST_AUTO_TEST_CASE(hdf5_crasher_becomes_a_clean_error,
                     *boost::unit_test::enable_if<(STRATA_WITH_HDF5)>()) {
    const fs::path crasher = kCorpus / "hostile" / "hdf5-crashes-libhdf5-in-H5Aexists.h5";
    const strata::Error error = error_of(crasher);
    // libhdf5 overflows a heap buffer reading this file. Without a sanitizer it hands back an
    // attribute of whatever bytes lay beyond the buffer (empty on some machines, not JSON on
    // others, a JSON number on others still), and the message says what was wrong with it;
    // under AddressSanitizer the isolated child dies of the overflow instead, and the file is
    // malformed. Each is a clean error naming the file (or its model_config attribute).
    const auto clean = [](const std::string& message) {
        return message.rfind("in the model_config attribute", 0) == 0 ||
               message == "malformed HDF5 file" ||
               message.rfind("expected a JSON object describing a Keras model", 0) == 0;
    };
    BOOST_TEST(error.file().rfind(crasher.string(), 0) == 0u, error.file());
    BOOST_TEST(clean(error.message()), error.message());
    BOOST_CHECK_EXCEPTION(info_of_bytes(crasher), strata::Error,
                          [&](const strata::Error& e) { return clean(e.message()); });
}

BOOST_AUTO_TEST_CASE(hdf5_seed_file_gets_an_error_about_its_config,
                     *boost::unit_test::enable_if<(STRATA_WITH_HDF5)>()) {
    // Its one layer has no name: the error names the attribute and the place in it.
    const fs::path seed = kCorpus / "hostile" / "hdf5-seed-model_config.h5";
    const strata::Error error = error_of(seed);
    BOOST_TEST(error.file() == seed.string() + "/model_config");
    BOOST_TEST(contains(error.message(), "name"));
}

BOOST_AUTO_TEST_CASE(weights_only_hdf5_says_what_it_holds,
                     *boost::unit_test::enable_if<(STRATA_WITH_HDF5)>()) {
    BOOST_TEST(contains(error_of(kFixtures / "weights_only.h5").message(), "weights only"));
}

BOOST_AUTO_TEST_CASE(truncated_files_give_clean_errors,
                     *boost::unit_test::enable_if<(STRATA_WITH_HDF5 && STRATA_WITH_LIBZIP)>()) {
    for (const char* name : {"keras2_sequential.h5", "keras3_sequential.keras"}) {
        const std::string bytes = bytes_of(kFixtures / name);
        for (std::size_t cut : {std::size_t{8}, std::size_t{96}, std::size_t{700}, bytes.size() / 2,
                                bytes.size() - 1}) {
            strata::Warnings warnings;
            BOOST_CHECK_THROW(
                strata::import_model_bytes(std::string_view(bytes).substr(0, cut), name, warnings),
                strata::Error);
        }
    }
}

BOOST_AUTO_TEST_CASE(archive_member_size_is_counted_while_decompressing,
                     *boost::unit_test::enable_if<(STRATA_WITH_LIBZIP)>()) {
    strata::Warnings warnings;
    const std::string path = (kFixtures / "keras3_sequential.keras").string();
    BOOST_CHECK_EXCEPTION(strata::read_keras_archive_file(path, warnings, 1000), strata::Error,
                          [](const strata::Error& e) {
                              return contains(e.message(),
                                              "config.json in the archive decompresses to more "
                                              "than 1000 bytes");
                          });
    // Headers that understate config.json's size do not let more bytes through.
    const std::string liar = (kFixtures / "lying_sizes.keras").string();
    BOOST_CHECK_THROW(strata::read_keras_archive_file(liar, warnings, 1000), strata::Error);
    BOOST_CHECK_THROW(strata::read_keras_archive_bytes(bytes_of(liar), "m.keras", warnings, 1000),
                      strata::Error);
}

BOOST_AUTO_TEST_CASE(only_config_json_by_its_exact_name_is_read,
                     *boost::unit_test::enable_if<(STRATA_WITH_LIBZIP)>()) {
    // The archive holds "../config.json" but no "config.json".
    BOOST_TEST(contains(error_of(kFixtures / "no_config.keras").message(), "no config.json"));
}

BOOST_AUTO_TEST_CASE(errors_in_the_archive_config_name_the_member,
                     *boost::unit_test::enable_if<(STRATA_WITH_LIBZIP)>()) {
    const strata::Error error = error_of(kFixtures / "bad_config.keras");
    BOOST_TEST(error.file() == (kFixtures / "bad_config.keras").string() + "/config.json");
    BOOST_TEST(error.line() == 2u);
}

BOOST_AUTO_TEST_CASE(invalid_json_in_model_config_is_called_what_it_is,
                     *boost::unit_test::enable_if<(STRATA_WITH_HDF5)>()) {
    // Not "malformed HDF5 file": the HDF5 is sound, the JSON in its attribute is not.
    std::string bytes = bytes_of(kFixtures / "keras2_sequential.h5");
    const std::size_t config = bytes.find("{\"class_name\"");
    BOOST_REQUIRE(config != std::string::npos);
    bytes[config + 1] = '!';  // {!class_name"...
    const fs::path file = fs::temp_directory_path() / "strata-bad-model-config.h5";
    std::ofstream(file, std::ios::binary) << bytes;
    const strata::Error error = error_of(file);
    fs::remove(file);
    BOOST_TEST(error.file() == file.string());
    BOOST_TEST(error.message().rfind("in the model_config attribute, line 1, column 2: invalid "
                                     "JSON: syntax error",
                                     0) == 0u,
               error.message());
    strata::Warnings warnings;
    BOOST_CHECK_EXCEPTION(strata::import_model_bytes(bytes, "m.h5", warnings), strata::Error,
                          [](const strata::Error& e) {
                              return contains(e.message(), "in the model_config attribute");
                          });
}

BOOST_AUTO_TEST_CASE(hdf5_with_a_user_block_is_read,
                     *boost::unit_test::enable_if<(STRATA_WITH_HDF5)>()) {
    // h5jam and some writers put a user block in front: the signature is at 512, 1024 ... bytes.
    const std::string expected = info_of_file(kFixtures / "keras2_sequential.h5");
    const std::string bytes = bytes_of(kFixtures / "keras2_sequential.h5");
    for (std::size_t block : {512u, 2048u, 8192u}) {
        std::string user_block = "user block: notes written before the HDF5 data\n";
        user_block.resize(block, ' ');
        const fs::path file = fs::temp_directory_path() / "strata-user-block.h5";
        std::ofstream(file, std::ios::binary) << user_block << bytes;
        BOOST_TEST_INFO("user block of " << block << " bytes");
        BOOST_TEST((strata::detect_format(user_block + bytes) == strata::ModelFormat::hdf5));
        BOOST_TEST(info_of_file(file) == expected);
        BOOST_TEST(info_of_bytes(file) == expected);
        fs::remove(file);
    }
    // The signature anywhere else is not HDF5.
    std::string shifted(700, ' ');
    BOOST_TEST((strata::detect_format(shifted + bytes) != strata::ModelFormat::hdf5));
}

BOOST_AUTO_TEST_SUITE_END()
