#include "import/hdf5_library.hpp"

#include <dlfcn.h>

#include <string>
#include <type_traits>

#include "strata/error.hpp"

namespace strata {
namespace {

// dlsym for one name of the library; throws when the installed library lacks it.
void* resolve(void* library, const char* name, const std::string& source_name, const char* soname) {
    void* symbol = ::dlsym(library, name);
    if (symbol == nullptr) {
        throw Error(source_name, std::string("the installed libhdf5 (") + soname + ") has no " +
                                     name + ": it is not the version strata was built for");
    }
    return symbol;
}

// The value of one of the global ids that the HDF5 macros (H5P_FILE_ACCESS, H5T_C_S1) read
// after H5open() has set them.
hid_t global_id(void* library, const char* name, const std::string& source_name,
                const char* soname) {
    return *static_cast<const hid_t*>(resolve(library, name, source_name, soname));
}

}  // namespace

const char* hdf5_soname() {
    return STRATA_HDF5_SONAME;
}

Hdf5Library load_hdf5_library(const std::string& source_name, const char* soname) {
    // Bound lazily, as a linked library would be: the reader calls few of its functions.
    void* library = ::dlopen(soname, RTLD_LAZY | RTLD_LOCAL);
    if (library == nullptr) {
        const char* reason = ::dlerror();
        const std::string why = reason != nullptr ? reason : "";
        if (why.empty() || why.rfind(std::string(soname) + ":", 0) == 0) {
            throw Error(source_name, std::string("reading HDF5 files needs libhdf5 (") + soname +
                                         "), which is not installed");
        }
        // The library is there but something it needs is not.
        throw Error(source_name, std::string("libhdf5 (") + soname + ") cannot be loaded: " + why);
    }
    Hdf5Library h5;
#define STRATA_HDF5_RESOLVE(name) \
    h5.name = reinterpret_cast<decltype(&::name)>(resolve(library, #name, source_name, soname));
    STRATA_HDF5_FUNCTIONS(STRATA_HDF5_RESOLVE)
#undef STRATA_HDF5_RESOLVE
    if (h5.H5open() < 0) throw Error(source_name, "libhdf5 could not be initialised");
    static_assert(std::is_same_v<decltype(::H5P_CLS_FILE_ACCESS_ID_g), hid_t> &&
                  std::is_same_v<decltype(::H5T_C_S1_g), hid_t>);
    h5.file_access_class = global_id(library, "H5P_CLS_FILE_ACCESS_ID_g", source_name, soname);
    h5.c_string_type = global_id(library, "H5T_C_S1_g", source_name, soname);
    return h5;
}

}  // namespace strata
