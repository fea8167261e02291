# Where the files beside the library and the tool are installed, relative to the prefix; the
# Debian package installs into /usr, where TeX Live and bash-completion look.
set(STRATA_TEXMF_DIR "${CMAKE_INSTALL_DATADIR}/texmf"
    CACHE STRING "TEXMF tree that receives strata.sty and its manual (relative to the prefix)")
set(STRATA_BASH_COMPLETION_DIR "${CMAKE_INSTALL_DATADIR}/bash-completion/completions"
    CACHE STRING "Folder of bash completion scripts (relative to the prefix)")
set(STRATA_PKGCONFIG_DIR "${CMAKE_INSTALL_LIBDIR}/pkgconfig"
    CACHE STRING "Folder of pkg-config files (relative to the prefix)")
