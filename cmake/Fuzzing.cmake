# STRATA_FUZZ=ON builds the libFuzzer targets of tests/fuzz with clang, and the whole tree
# (library, tool, tests) with AddressSanitizer and UndefinedBehaviorSanitizer, so the same
# folder also runs the whole test suite under the sanitizers. Use a separate build folder:
# it changes nothing in a normal (GCC) build.
option(STRATA_FUZZ "Build libFuzzer targets and everything else with ASan+UBSan (clang)" OFF)
if(STRATA_FUZZ)
  if(NOT CMAKE_CXX_COMPILER_ID MATCHES "Clang")
    message(FATAL_ERROR "STRATA_FUZZ needs clang (e.g. -DCMAKE_CXX_COMPILER=clang++-14)")
  endif()
  # -O1 and line tables only: sanitizer builds of the whole tree stay quick to compile.
  add_compile_options(-O1 -gline-tables-only -fno-omit-frame-pointer
                      -fsanitize=fuzzer-no-link,address,undefined -fno-sanitize-recover=all)
  add_link_options(-fsanitize=address,undefined)
endif()
