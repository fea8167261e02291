// Built instead of the .keras reader when strata is configured with STRATA_WITH_LIBZIP=OFF.

#include "import/keras_archive.hpp"
#include "strata/error.hpp"

namespace strata {
namespace {

[[noreturn]] void without_libzip(const std::string& source_name) {
    throw Error(source_name,
                "strata was built without .keras archive support (STRATA_WITH_LIBZIP=OFF): "
                "unpack config.json from the archive and draw that");
}

}  // namespace

Model read_keras_archive_file(const std::string& path, Warnings&, std::size_t) {
    without_libzip(path);
}

Model read_keras_archive_bytes(std::string_view, const std::string& source_name, Warnings&,
                               std::size_t) {
    without_libzip(source_name);
}

}  // namespace strata
