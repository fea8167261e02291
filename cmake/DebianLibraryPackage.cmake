include(${CMAKE_CURRENT_LIST_DIR}/SharedLibrarySoname.cmake)

# strata_debian_dependency_of(<imported target> <variable>): the Debian dependency on the
# package that provides the shared library of <imported target> ("libhdf5-103-1" or with a
# version, as that package's shlibs entry for the library's SONAME says). Empty, with a
# warning, where dpkg does not know the file (not a Debian system).
function(strata_debian_dependency_of target variable)
  set(${variable} "" PARENT_SCOPE)
  strata_shared_library_file(${target} file)
  strata_shared_library_soname(${target} soname)
  find_program(STRATA_DPKG_QUERY dpkg-query)
  if(STRATA_DPKG_QUERY)
    execute_process(COMMAND ${STRATA_DPKG_QUERY} -S "${file}" OUTPUT_VARIABLE owner
                    RESULT_VARIABLE rc ERROR_QUIET)
  endif()
  if(NOT STRATA_DPKG_QUERY OR rc OR NOT owner MATCHES "^([^:,]+)(:[^:,]+)?: ")
    message(WARNING "no Debian package provides ${file}: the package will not depend on it")
    return()
  endif()
  set(package "${CMAKE_MATCH_1}")
  set(dependency "${package}")
  # shlibs lines read "NAME VERSION DEPENDENCY" for the SONAME NAME.so.VERSION.
  execute_process(COMMAND ${STRATA_DPKG_QUERY} --control-show "${package}" shlibs
                  OUTPUT_VARIABLE shlibs RESULT_VARIABLE rc ERROR_QUIET)
  if(NOT rc AND soname MATCHES "^(.+)\\.so\\.(.+)$")
    string(REGEX REPLACE "([.+])" "\\\\\\1" name "${CMAKE_MATCH_1}")
    string(REPLACE "." "\\." version "${CMAKE_MATCH_2}")
    if(shlibs MATCHES "(^|\n)${name} ${version} ([^\n]+)")
      set(dependency "${CMAKE_MATCH_2}")
    endif()
  endif()
  message(STATUS "${soname} is provided by the Debian package ${dependency}")
  set(${variable} "${dependency}" PARENT_SCOPE)
endfunction()
