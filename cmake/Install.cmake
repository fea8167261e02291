include(CMakePackageConfigHelpers)

# Two export sets: the shared library needs nothing from a consumer, the static one needs the
# development files of every library strata uses, so strataConfig.cmake loads it only when
# they are there (a machine with just the Debian package still finds strata::strata).
install(TARGETS strata_shared strata_cli
        EXPORT strataTargets
        RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR}
        LIBRARY DESTINATION ${CMAKE_INSTALL_LIBDIR}
        INCLUDES DESTINATION ${CMAKE_INSTALL_INCLUDEDIR})
# The modules (lib/CMakeLists.txt), in the folder the library and the tool look in.
install(TARGETS ${STRATA_MODULES} LIBRARY DESTINATION ${CMAKE_INSTALL_LIBDIR}/strata)
install(TARGETS strata_static
        EXPORT strataStaticTargets
        ARCHIVE DESTINATION ${CMAKE_INSTALL_LIBDIR}
        INCLUDES DESTINATION ${CMAKE_INSTALL_INCLUDEDIR})
install(DIRECTORY lib/include/strata DESTINATION ${CMAKE_INSTALL_INCLUDEDIR})

set(STRATA_CMAKE_DIR ${CMAKE_INSTALL_LIBDIR}/cmake/strata)
install(EXPORT strataTargets NAMESPACE strata:: DESTINATION ${STRATA_CMAKE_DIR})
install(EXPORT strataStaticTargets NAMESPACE strata:: DESTINATION ${STRATA_CMAKE_DIR})
configure_package_config_file(cmake/strataConfig.cmake.in
                              ${CMAKE_CURRENT_BINARY_DIR}/strataConfig.cmake
                              INSTALL_DESTINATION ${STRATA_CMAKE_DIR})
write_basic_package_version_file(${CMAKE_CURRENT_BINARY_DIR}/strataConfigVersion.cmake
                                 COMPATIBILITY SameMinorVersion)
install(FILES ${CMAKE_CURRENT_BINARY_DIR}/strataConfig.cmake
              ${CMAKE_CURRENT_BINARY_DIR}/strataConfigVersion.cmake
        DESTINATION ${STRATA_CMAKE_DIR})

# pkg-config: `pkg-config --cflags --libs strata`. The file finds its prefix from its own
# folder, so the same file serves /usr (the Debian package) and any `--prefix`.
file(RELATIVE_PATH STRATA_PC_TO_PREFIX "/prefix/${STRATA_PKGCONFIG_DIR}" "/prefix")
string(REGEX REPLACE "/$" "" STRATA_PC_TO_PREFIX "${STRATA_PC_TO_PREFIX}")
# The libraries the static library links; ONNX, libzip and cairo are linked by its modules.
set(STRATA_PC_LIBS_PRIVATE "")
set(strata_linked_libraries ${HARFBUZZ_LIBRARIES} ${FREETYPE_LIBRARIES} ${FONTCONFIG_LIBRARIES})
list(APPEND strata_linked_libraries z pugixml yaml-cpp)
foreach(library ${strata_linked_libraries} ${CMAKE_DL_LIBS} pthread)
  if(NOT " ${STRATA_PC_LIBS_PRIVATE} " MATCHES " -l${library} ")
    string(APPEND STRATA_PC_LIBS_PRIVATE " -l${library}")
  endif()
endforeach()
string(STRIP "${STRATA_PC_LIBS_PRIVATE}" STRATA_PC_LIBS_PRIVATE)
configure_file(cmake/strata.pc.in ${CMAKE_CURRENT_BINARY_DIR}/strata.pc @ONLY)
install(FILES ${CMAKE_CURRENT_BINARY_DIR}/strata.pc DESTINATION ${STRATA_PKGCONFIG_DIR})

# The manual page and the bash completion, written at build time by tools/strata/reference.
install(FILES ${STRATA_MAN_PAGE}.gz DESTINATION ${CMAKE_INSTALL_MANDIR}/man1)
install(FILES ${STRATA_BASH_COMPLETION} DESTINATION ${STRATA_BASH_COMPLETION_DIR}
        RENAME strata)
