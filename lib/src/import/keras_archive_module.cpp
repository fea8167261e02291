// The .keras reader as the rest of strata calls it: the keras-archive module (libzip), loaded
// on first use.

#include "import/keras_archive.hpp"
#include "modules/module_tables.hpp"

namespace strata {
namespace {

const KerasArchiveModule& archive_module(const std::string& source_name) {
    return *static_cast<const KerasArchiveModule*>(
        load_module_table(kKerasArchiveModuleFile, kKerasArchiveModuleEntry, source_name));
}

}  // namespace

Model read_keras_archive_file(const std::string& path, Warnings& warnings,
                              std::size_t max_member_bytes) {
    return archive_module(path).read_file(path, warnings, max_member_bytes);
}

Model read_keras_archive_bytes(std::string_view bytes, const std::string& source_name,
                               Warnings& warnings, std::size_t max_member_bytes) {
    return archive_module(source_name).read_bytes(bytes, source_name, warnings, max_member_bytes);
}

}  // namespace strata
