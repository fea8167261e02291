#pragma once

// libhdf5 is loaded with dlopen, only in the isolated child that reads an .h5 file: linked in,
// it and the libraries it needs (curl, gnutls, krb5, ...) would cost every strata process
// milliseconds of start-up. The HDF5 headers still give the types and constants.
#include <hdf5.h>

#include <string>

// The functions the Keras HDF5 reader calls, each resolved by its own name.
#define STRATA_HDF5_FUNCTIONS(X)    \
    X(H5open)                       \
    X(H5Eset_auto2)                 \
    X(H5Pcreate)                    \
    X(H5Pclose)                     \
    X(H5Pset_file_locking)          \
    X(H5Pset_fapl_core)             \
    X(H5Pset_file_image)            \
    X(H5Fopen)                      \
    X(H5Fclose)                     \
    X(H5Aexists)                    \
    X(H5Aopen)                      \
    X(H5Aclose)                     \
    X(H5Aget_type)                  \
    X(H5Aget_space)                 \
    X(H5Aread)                      \
    X(H5Sget_simple_extent_npoints) \
    X(H5Sclose)                     \
    X(H5Tget_class)                 \
    X(H5Tis_variable_str)           \
    X(H5Tget_cset)                  \
    X(H5Tget_size)                  \
    X(H5Tcopy)                      \
    X(H5Tset_size)                  \
    X(H5Tset_cset)                  \
    X(H5Tset_strpad)                \
    X(H5Tclose)                     \
    X(H5free_memory)

namespace strata {

// The SONAME of the libhdf5 found when strata was configured, e.g. "libhdf5_serial.so.103".
const char* hdf5_soname();

// H5F_ACC_RDONLY without the H5check()/H5open() calls its macro makes through the link.
inline constexpr unsigned kHdf5ReadOnly = 0x0000u;

// Typed pointers into the loaded library; the types come from the HDF5 headers, so a call
// is checked by the compiler as if the library were linked.
struct Hdf5Library {
#define STRATA_HDF5_POINTER(name) decltype(&::name) name = nullptr;
    STRATA_HDF5_FUNCTIONS(STRATA_HDF5_POINTER)
#undef STRATA_HDF5_POINTER
    hid_t file_access_class = -1;  // H5P_FILE_ACCESS
    hid_t c_string_type = -1;      // H5T_C_S1
};

// Loads libhdf5 by `soname`, initialises it and resolves the table. Call it only in an
// isolated child: the library stays loaded for the rest of the process. Throws
// strata::Error(source_name, ...) when the library is not installed or lacks a function.
Hdf5Library load_hdf5_library(const std::string& source_name, const char* soname = hdf5_soname());

}  // namespace strata
