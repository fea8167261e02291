// The keras-archive module's one exported function: the table of its .keras readers.

#include "import/keras_archive.hpp"
#include "modules/module_tables.hpp"

namespace {

constexpr strata::KerasArchiveModule kTable{
    {STRATA_VERSION}, strata::read_keras_archive_file, strata::read_keras_archive_bytes};

}  // namespace

STRATA_MODULE_ENTRY const strata::ModuleHeader* strata_keras_archive_module() {
    return &kTable.header;
}
