# Installs the built strata into a scratch prefix, builds the consumer project against it and
# runs it on a model. Arguments: BUILD_DIR, SOURCE_DIR, WORK_DIR, MODEL, and the GENERATOR,
# MAKE_PROGRAM and CXX_COMPILER of the main build (a fresh machine may have no `make`); PYTHON,
# when the build made the Python package, runs the installed package.
file(REMOVE_RECURSE ${WORK_DIR})
execute_process(COMMAND ${CMAKE_COMMAND} --install ${BUILD_DIR} --prefix ${WORK_DIR}/prefix
                RESULT_VARIABLE rc OUTPUT_QUIET)
if(rc)
  message(FATAL_ERROR "cmake --install failed")
endif()
execute_process(COMMAND ${CMAKE_COMMAND} -S ${SOURCE_DIR}/tests/consumer -B ${WORK_DIR}/build
                        -G ${GENERATOR} -DCMAKE_MAKE_PROGRAM=${MAKE_PROGRAM}
                        -DCMAKE_CXX_COMPILER=${CXX_COMPILER}
                        -DCMAKE_PREFIX_PATH=${WORK_DIR}/prefix -DCMAKE_BUILD_TYPE=Release
                RESULT_VARIABLE rc)
if(rc)
  message(FATAL_ERROR "configuring the consumer with find_package(strata) failed")
endif()
execute_process(COMMAND ${CMAKE_COMMAND} --build ${WORK_DIR}/build RESULT_VARIABLE rc)
if(rc)
  message(FATAL_ERROR "building the consumer failed")
endif()
foreach(exe consumer consumer_static)
  execute_process(COMMAND ${WORK_DIR}/build/${exe} ${MODEL} RESULT_VARIABLE rc OUTPUT_VARIABLE out)
  if(rc OR NOT out MATCHES "23 layers, [0-9]+ groups, svg, png")
    message(FATAL_ERROR "${exe} did not render the model: ${out}")
  endif()
  message(STATUS "${exe}: ${out}")
endforeach()
# Without ONNX's development files (as on a machine with only the Debian package), the shared
# library is still found; the static one is not defined.
execute_process(COMMAND ${CMAKE_COMMAND} -S ${SOURCE_DIR}/tests/consumer -B ${WORK_DIR}/shared
                        -G ${GENERATOR} -DCMAKE_MAKE_PROGRAM=${MAKE_PROGRAM}
                        -DCMAKE_CXX_COMPILER=${CXX_COMPILER} -DCONSUMER_SHARED_ONLY=ON
                        -DCMAKE_DISABLE_FIND_PACKAGE_ONNX=ON
                        -DCMAKE_PREFIX_PATH=${WORK_DIR}/prefix -DCMAKE_BUILD_TYPE=Release
                RESULT_VARIABLE rc)
if(rc)
  message(FATAL_ERROR "find_package(strata) needs the static library's dependencies")
endif()
execute_process(COMMAND ${CMAKE_COMMAND} --build ${WORK_DIR}/shared RESULT_VARIABLE rc)
execute_process(COMMAND ${WORK_DIR}/shared/consumer ${MODEL} RESULT_VARIABLE rc
                OUTPUT_VARIABLE out)
if(rc OR NOT out MATCHES "23 layers")
  message(FATAL_ERROR "the shared-only consumer did not render the model: ${out}")
endif()
if(NOT EXISTS ${WORK_DIR}/prefix/bin/strata)
  message(FATAL_ERROR "the strata tool was not installed")
endif()
# The installed tool started through a relative path (its libstrata.so then found through a
# relative run path) finds the modules of its own installation: PNG needs the cairo module.
execute_process(COMMAND prefix/bin/strata render ${MODEL} -o relative.png --view lenet
                WORKING_DIRECTORY ${WORK_DIR} RESULT_VARIABLE rc ERROR_VARIABLE err)
if(rc OR NOT EXISTS ${WORK_DIR}/relative.png)
  message(FATAL_ERROR "the installed tool started as prefix/bin/strata did not draw a PNG: ${err}")
endif()
# No installed file keeps a run path into the build tree (the Python module is installed by
# hand, so CMake does not rewrite it): a moved or packaged install would load that folder's
# libraries and modules.
file(GLOB_RECURSE installed_objects ${WORK_DIR}/prefix/*.so ${WORK_DIR}/prefix/bin/*)
foreach(object ${installed_objects})
  file(STRINGS ${object} build_paths REGEX "${BUILD_DIR}")
  if(build_paths)
    message(FATAL_ERROR "${object} names the build folder: ${build_paths}")
  endif()
endforeach()
# The installed Python package is the one imported from the prefix, and it draws (a PNG needs
# the installed cairo module).
if(PYTHON)
  file(GLOB python_packages ${WORK_DIR}/prefix/lib/python*/dist-packages/strata/__init__.py)
  list(LENGTH python_packages count)
  if(NOT count EQUAL 1)
    message(FATAL_ERROR "the Python package was not installed under the prefix: ${python_packages}")
  endif()
  get_filename_component(package_dir ${python_packages} DIRECTORY)
  get_filename_component(site_dir ${package_dir} DIRECTORY)
  execute_process(
    COMMAND ${CMAKE_COMMAND} -E env PYTHONPATH=${site_dir} ${PYTHON} -c
            "import sys, strata; assert strata.__file__.startswith(sys.argv[1]), strata.__file__; strata.layered_view(sys.argv[2]).save('python.png')"
            ${site_dir} ${MODEL}
    WORKING_DIRECTORY ${WORK_DIR} RESULT_VARIABLE rc ERROR_VARIABLE err)
  if(rc OR NOT EXISTS ${WORK_DIR}/python.png)
    message(FATAL_ERROR "the installed Python package did not draw a PNG: ${err}")
  endif()
endif()
