# The configure's last words: the formats and outputs left out of this build, and the test
# families switched off, so that nobody reads a green test run as covering what it did not run.

# Sets out_var to the comma-separated names of the variables among ARGN that are off.
function(strata_names_off out_var)
  set(off "")
  foreach(name ${ARGN})
    if(NOT ${name})
      list(APPEND off ${name})
    endif()
  endforeach()
  list(JOIN off ", " off)
  set(${out_var} "${off}" PARENT_SCOPE)
endfunction()

strata_names_off(strata_left_out STRATA_WITH_CAIRO STRATA_WITH_LIBZIP STRATA_WITH_HDF5
                 STRATA_WITH_ONNX STRATA_WITH_PYTHON)
if(strata_left_out)
  message(STATUS "strata built without: ${strata_left_out}")
else()
  message(STATUS "strata formats and outputs: all (ONNX, HDF5, .keras, PNG and PDF, Python)")
endif()
if(STRATA_BUILD_TESTS)
  strata_names_off(strata_tests_off STRATA_TEST_LATEX STRATA_TEST_RASTER_TOOLS
                   STRATA_TEST_STRACE STRATA_TEST_PACKAGE STRATA_TEST_INKSCAPE
                   STRATA_TEST_PYTHON)
  if(strata_tests_off)
    message(STATUS "strata tests switched off: ${strata_tests_off}")
  else()
    message(STATUS "strata tests: every family on (LaTeX, raster tools, strace, package, Inkscape, Python)")
  endif()
else()
  message(STATUS "strata tests: not built (STRATA_BUILD_TESTS=OFF)")
endif()
