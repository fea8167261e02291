// Built instead of the HDF5 reader when strata is configured with STRATA_WITH_HDF5=OFF.

#include "import/keras_hdf5.hpp"
#include "strata/error.hpp"

namespace strata {
namespace {

[[noreturn]] void without_hdf5(const std::string& source_name) {
    throw Error(source_name,
                "strata was built without HDF5 support (STRATA_WITH_HDF5=OFF): "
                "save the model as .keras or Keras JSON");
}

}  // namespace

Model read_keras_hdf5_file(const std::string& path, Warnings&) {
    without_hdf5(path);
}

Model read_keras_hdf5_bytes(std::string_view, const std::string& source_name, Warnings&) {
    without_hdf5(source_name);
}

}  // namespace strata
