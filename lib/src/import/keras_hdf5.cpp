#include "import/keras_hdf5.hpp"

#include <cstdlib>
#include <cstring>
#include <functional>
#include <optional>

#include <nlohmann/json.hpp>

#include "import/hdf5_library.hpp"
#include "import/isolated_call.hpp"
#include "import/json_document.hpp"
#include "import/keras_json.hpp"
#include "strata/error.hpp"
#include "strata/limits.hpp"

namespace strata {
namespace {

constexpr const char* kMalformed = "malformed HDF5 file";

// Closes an HDF5 identifier with the function that matches its kind.
class Handle {
  public:
    Handle(hid_t id, herr_t (*close)(hid_t)) : id_(id), close_(close) {}
    ~Handle() {
        if (id_ >= 0) close_(id_);
    }
    Handle(const Handle&) = delete;
    Handle& operator=(const Handle&) = delete;
    hid_t get() const { return id_; }
    bool ok() const { return id_ >= 0; }

  private:
    hid_t id_;
    herr_t (*close_)(hid_t);
};

// A string attribute of the root group, fixed- or variable-length; nullopt when the file
// has no such attribute. Throws strata::Error for an attribute that is not one string.
std::optional<std::string> root_string_attribute(const Hdf5Library& h5, hid_t file,
                                                 const char* name, const std::string& source_name) {
    if (h5.H5Aexists(file, name) <= 0) return std::nullopt;
    const Handle attribute(h5.H5Aopen(file, name, H5P_DEFAULT), h5.H5Aclose);
    if (!attribute.ok()) throw Error(source_name, kMalformed);
    const Handle type(h5.H5Aget_type(attribute.get()), h5.H5Tclose);
    const Handle space(h5.H5Aget_space(attribute.get()), h5.H5Sclose);
    if (!type.ok() || !space.ok()) throw Error(source_name, kMalformed);
    const std::string what = std::string("the attribute ") + name;
    if (h5.H5Tget_class(type.get()) != H5T_STRING ||
        h5.H5Sget_simple_extent_npoints(space.get()) != 1) {
        throw Error(source_name, what + " is not a string");
    }
    const htri_t variable = h5.H5Tis_variable_str(type.get());
    if (variable < 0) throw Error(source_name, kMalformed);
    const Handle memory_type(h5.H5Tcopy(h5.c_string_type), h5.H5Tclose);
    if (!memory_type.ok()) throw Error(source_name, kMalformed);
    if (variable > 0) {
        h5.H5Tset_size(memory_type.get(), H5T_VARIABLE);
        h5.H5Tset_cset(memory_type.get(), h5.H5Tget_cset(type.get()));
        char* text = nullptr;
        if (h5.H5Aread(attribute.get(), memory_type.get(), &text) < 0 || text == nullptr) {
            throw Error(source_name, kMalformed);
        }
        std::string value;
        const std::size_t length = std::strlen(text);
        const bool too_long = length > limits::kMaxHdf5AttributeBytes;
        if (!too_long) value.assign(text, length);
        h5.H5free_memory(text);
        if (too_long) throw Error(source_name, what + " is larger than the limit");
        return value;
    }
    const std::size_t size = h5.H5Tget_size(type.get());
    if (size == 0) return std::string();
    if (size > limits::kMaxHdf5AttributeBytes) {
        throw Error(source_name, what + " is larger than the limit");
    }
    h5.H5Tset_size(memory_type.get(), size);
    h5.H5Tset_strpad(memory_type.get(), H5T_STR_NULLPAD);
    std::string value(size, '\0');
    if (h5.H5Aread(attribute.get(), memory_type.get(), value.data()) < 0) {
        throw Error(source_name, kMalformed);
    }
    value.resize(std::strlen(value.c_str()));  // fixed-length strings are padded with NULs
    return value;
}

// An attribute only shown for information: one that is not a plain string is left out.
std::optional<std::string> optional_string_attribute(const Hdf5Library& h5, hid_t file,
                                                     const char* name,
                                                     const std::string& source_name) {
    try {
        return root_string_attribute(h5, file, name, source_name);
    } catch (const Error&) {
        return std::nullopt;
    }
}

void append_field(std::string& packed, const std::optional<std::string>& value) {
    packed += value ? std::to_string(value->size()) + "\n" + *value : std::string("-\n");
}

// Opens the file with the loaded library; returns a negative id when it cannot.
using FileOpener = std::function<hid_t(const Hdf5Library&)>;

// Runs in the child: loads libhdf5, opens the file, reads the three root attributes and packs
// them as length-prefixed fields ("-" for a missing one).
std::string read_attributes(const FileOpener& open, const std::string& source_name) {
    const Hdf5Library h5 = load_hdf5_library(source_name);
    h5.H5Eset_auto2(H5E_DEFAULT, nullptr, nullptr);  // no HDF5-DIAG traces on the terminal
    const Handle file(open(h5), h5.H5Fclose);
    if (!file.ok()) throw Error(source_name, "not a readable HDF5 file");
    std::string packed;
    const auto config = root_string_attribute(h5, file.get(), "model_config", source_name);
    if (!config) {
        throw Error(source_name,
                    "the HDF5 file has no model_config attribute: it holds weights only "
                    "(saved with save_weights), not a model");
    }
    append_field(packed, config);
    append_field(packed, optional_string_attribute(h5, file.get(), "keras_version", source_name));
    append_field(packed, optional_string_attribute(h5, file.get(), "backend", source_name));
    return packed;
}

std::optional<std::string> next_field(const std::string& packed, std::size_t& at) {
    const std::size_t end = packed.find('\n', at);
    if (end == std::string::npos) return std::nullopt;
    const std::string head = packed.substr(at, end - at);
    at = end + 1;
    if (head == "-") return std::nullopt;
    const std::size_t size = std::strtoull(head.c_str(), nullptr, 10);
    std::string value = packed.substr(at, size);
    at += size;
    return value;
}

Error model_config_error(const std::string& config, const std::string& source_name) {
    try {
        keras::parse_json_document(config, source_name);
    } catch (const Error& e) {
        std::string place = "in the model_config attribute";
        if (e.line() > 0)
            place +=
                ", line " + std::to_string(e.line()) + ", column " + std::to_string(e.column());
        return Error(source_name, place + ": " + e.message());
    }
    return Error(source_name, "in the model_config attribute: invalid JSON");
}

Model model_from(const std::string& packed, const std::string& source_name, Warnings& warnings) {
    std::size_t at = 0;
    const auto config = next_field(packed, at);
    const auto keras_version = next_field(packed, at);
    next_field(packed, at);  // backend: read for completeness, not drawn
    if (!config) throw Error(source_name, kMalformed);
    // Keras writes the attribute with json.dumps: text that is not JSON is a damaged or
    // hand-made file, and the JSON error says where.
    if (!nlohmann::json::accept(*config)) throw model_config_error(*config, source_name);
    Model model = read_keras_json(*config, source_name + "/model_config", warnings);
    model.format = "keras-hdf5";
    if (keras_version && !keras_version->empty()) model.keras_version = *keras_version;
    return model;
}

// Reading a few root attributes takes milliseconds; a crafted file can send libhdf5 into a
// long loop, which should end in an error quickly, not after the default limits.
IsolationLimits hdf5_limits() {
    IsolationLimits limits;
    limits.cpu_seconds = 3;
    limits.wall_seconds = 5;
    return limits;
}

}  // namespace

Model read_keras_hdf5_file(const std::string& path, Warnings& warnings) {
    const auto open = [&](const Hdf5Library& h5) -> hid_t {
        // Reading never needs a lock, and some file systems refuse one.
        const Handle access(h5.H5Pcreate(h5.file_access_class), h5.H5Pclose);
        if (!access.ok() || h5.H5Pset_file_locking(access.get(), false, true) < 0) return -1;
        return h5.H5Fopen(path.c_str(), kHdf5ReadOnly, access.get());
    };
    const std::string packed =
        run_isolated([&] { return read_attributes(open, path); }, path, kMalformed, hdf5_limits());
    return model_from(packed, path, warnings);
}

Model read_keras_hdf5_bytes(std::string_view bytes, const std::string& source_name,
                            Warnings& warnings) {
    const auto open = [&](const Hdf5Library& h5) -> hid_t {
        const Handle access(h5.H5Pcreate(h5.file_access_class), h5.H5Pclose);
        if (!access.ok() || h5.H5Pset_fapl_core(access.get(), 1 << 16, false) < 0 ||
            h5.H5Pset_file_image(access.get(), const_cast<char*>(bytes.data()), bytes.size()) < 0) {
            return -1;
        }
        // The core driver refuses a name that exists on disk: give one that cannot.
        return h5.H5Fopen("/proc/self/strata-file-image", kHdf5ReadOnly, access.get());
    };
    const std::string packed = run_isolated([&] { return read_attributes(open, source_name); },
                                            source_name, kMalformed, hdf5_limits());
    return model_from(packed, source_name, warnings);
}

}  // namespace strata
