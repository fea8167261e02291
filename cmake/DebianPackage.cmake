# `cpack -G DEB` in the build tree makes strata_VERSION_ARCH.deb: the tool, both libraries,
# headers, CMake and pkg-config files, strata.sty with its manual in the TeX tree, the manual
# page and the bash completion, installed under /usr.
set(CPACK_GENERATOR DEB)
set(CPACK_PACKAGE_NAME strata)
set(CPACK_PACKAGE_VERSION ${PROJECT_VERSION})
set(CPACK_PACKAGE_VENDOR strata)
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "layered diagrams of neural-network architectures")
set(CPACK_DEBIAN_PACKAGE_DESCRIPTION
    "Draws a neural-network model file (Keras JSON, .keras, .h5, TensorFlow.js, ONNX, YAML\n"
    "model specs) as stacked 3-D boxes sized by tensor shape, joined by funnels, and writes\n"
    "SVG, PNG, PDF or TikZ for LaTeX. The package holds the strata command, the libstrata\n"
    "library (shared and static, with headers, CMake and pkg-config files) and strata.sty,\n"
    "a LaTeX package that draws the figures while a document compiles.")
string(JOIN "" CPACK_DEBIAN_PACKAGE_DESCRIPTION ${CPACK_DEBIAN_PACKAGE_DESCRIPTION})
set(STRATA_PACKAGE_MAINTAINER "strata <dev@strata.invalid>"
    CACHE STRING "Maintainer field of the Debian package")
set(CPACK_PACKAGE_CONTACT "${STRATA_PACKAGE_MAINTAINER}")
set(CPACK_DEBIAN_PACKAGE_MAINTAINER "${STRATA_PACKAGE_MAINTAINER}")
set(CPACK_DEBIAN_PACKAGE_SECTION graphics)
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)  # strata_0.1.0_amd64.deb
set(CPACK_PACKAGING_INSTALL_PREFIX /usr)
set(CPACK_STRIP_FILES ON)

# Run-time dependencies: dpkg-shlibdeps finds the linked libraries. libhdf5 is loaded with
# dlopen, invisible to that scan: the package providing the SONAME the reader asks for is
# added from its shlibs entry, as dpkg-shlibdeps would write it.
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
include(${PROJECT_SOURCE_DIR}/cmake/DebianLibraryPackage.cmake)
set(STRATA_HDF5_DEPENDENCY "")
if(STRATA_WITH_HDF5)
  strata_debian_dependency_of(PkgConfig::HDF5 STRATA_HDF5_DEPENDENCY)
endif()
set(CPACK_DEBIAN_PACKAGE_DEPENDS "${STRATA_HDF5_DEPENDENCY}")
# strata.sty needs LaTeX with TikZ (pgf) and fancyvrb; the tool works without them.
set(CPACK_DEBIAN_PACKAGE_RECOMMENDS
    "texlive-latex-base, texlive-latex-recommended, texlive-pictures")
set(CPACK_DEBIAN_PACKAGE_SUGGESTS "bash-completion")

# Maintainer scripts: refresh TeX's file database after installing and removing strata.sty.
set(STRATA_DEB_TEXMF "${CPACK_PACKAGING_INSTALL_PREFIX}/${STRATA_TEXMF_DIR}")
foreach(script postinst postrm)
  configure_file(${PROJECT_SOURCE_DIR}/cmake/debian/${script}.in
                 ${PROJECT_BINARY_DIR}/debian/${script} @ONLY
                 FILE_PERMISSIONS OWNER_READ OWNER_WRITE OWNER_EXECUTE GROUP_READ GROUP_EXECUTE
                                  WORLD_READ WORLD_EXECUTE)
  list(APPEND CPACK_DEBIAN_PACKAGE_CONTROL_EXTRA ${PROJECT_BINARY_DIR}/debian/${script})
endforeach()
set(CPACK_DEBIAN_PACKAGE_CONTROL_STRICT_PERMISSION ON)

include(CPack)

# `cmake --build build --target strata_deb`: the package with everything it ships, the LaTeX
# manual (not part of the default build) included.
set(strata_deb_parts strata_cli strata_shared strata_static strata_reference_files)
if(TARGET strata_latex_manual)
  list(APPEND strata_deb_parts strata_latex_manual)
endif()
add_custom_target(strata_deb
  COMMAND ${CMAKE_CPACK_COMMAND} -G DEB --config ${PROJECT_BINARY_DIR}/CPackConfig.cmake
  DEPENDS ${strata_deb_parts}
  WORKING_DIRECTORY ${PROJECT_BINARY_DIR}
  USES_TERMINAL)
