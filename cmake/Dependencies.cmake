# Every third-party library strata uses comes from Debian packages. The format readers and
# output libraries below the first block can each be left out (STRATA_WITH_*, default ON): that
# format is then refused at run time with "strata was built without ...". yaml-cpp cannot be
# left out: option files, presets and model specs are all YAML.
find_package(PkgConfig REQUIRED)
pkg_check_modules(HARFBUZZ REQUIRED IMPORTED_TARGET harfbuzz)
pkg_check_modules(FREETYPE REQUIRED IMPORTED_TARGET freetype2)
pkg_check_modules(FONTCONFIG REQUIRED IMPORTED_TARGET fontconfig)
find_package(ZLIB REQUIRED)  # strata's own PNG encoder
find_package(pugixml REQUIRED)
find_package(nlohmann_json 3.10 REQUIRED)
find_package(Boost 1.74 REQUIRED COMPONENTS program_options)
find_package(yaml-cpp REQUIRED)

option(STRATA_WITH_CAIRO "PNG and PDF output (cairo)" ON)
option(STRATA_WITH_LIBZIP "Keras 3 .keras archives (libzip)" ON)
option(STRATA_WITH_HDF5 "Keras 2 .h5 model files (libhdf5, loaded at run time)" ON)
option(STRATA_WITH_ONNX "ONNX models (onnx, protobuf)" ON)
if(STRATA_WITH_CAIRO)
  # PNG and PDF output, with fonts loaded through FreeType.
  pkg_check_modules(CAIRO REQUIRED IMPORTED_TARGET cairo cairo-ft cairo-pdf cairo-png)
endif()
if(STRATA_WITH_LIBZIP)
  pkg_check_modules(LIBZIP REQUIRED IMPORTED_TARGET libzip)
endif()
if(STRATA_WITH_HDF5)
  pkg_check_modules(HDF5 REQUIRED IMPORTED_TARGET hdf5)
endif()
if(STRATA_WITH_ONNX)
  # ONNX models: protobuf types, checker and shape inference.
  find_package(Protobuf REQUIRED)
  find_package(ONNX REQUIRED)
endif()
# The Python package (pybind11 over the library). Not in a sanitizer build (STRATA_FUZZ): the
# interpreter would need the sanitizer runtime preloaded.
option(STRATA_WITH_PYTHON "The Python package (Python headers, pybind11)" ON)
if(STRATA_WITH_PYTHON AND NOT STRATA_FUZZ)
  find_package(Python3 3.9 REQUIRED COMPONENTS Interpreter Development.Module)
  find_package(pybind11 2.6 CONFIG REQUIRED)
endif()
