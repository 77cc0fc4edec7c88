# SPDX-License-Identifier: MIT
# `cpack -G DEB` in a build folder makes closeplan_<version>_<arch>.deb: the
# CLI, libcloseplan.a with its headers, CMake and pkg-config files, templates
# and styles. Shared-library dependencies come from dpkg-shlibdeps (libyaml-cpp0.7,
# libhpdf-2.3.0, libcmark-gfm*, libcpp-httplib0.11, libstdc++6 ...); fonts-liberation2 is named by
# hand because it is a data file the PDF writer opens, not a linked library;
# xdg-utils is recommended for `closeplan preview --open` (a program it starts).
set(CPACK_PACKAGE_NAME closeplan)
set(CPACK_PACKAGE_VENDOR "closeplan")
set(CPACK_PACKAGE_CONTACT "closeplan maintainers <closeplan@example.invalid>")
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "Mutual Action Plans to one-page buyer plans (HTML, Markdown, PDF)")
set(CPACK_PACKAGE_DESCRIPTION
    "closeplan turns a Mutual Action Plan file (YAML or JSON) into a one-page buyer plan:\n self-contained HTML, GitHub-flavoured Markdown and PDF, and fragments to paste into\n proposals. Also a C++20 library (libcloseplan.a, find_package(closeplan), pkg-config).")
set(CPACK_PACKAGE_VERSION ${PROJECT_VERSION})
set(CPACK_GENERATOR DEB)
set(CPACK_STRIP_FILES ON)
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
set(CPACK_DEBIAN_PACKAGE_SECTION utils)
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
set(CPACK_DEBIAN_PACKAGE_DEPENDS "fonts-liberation2")
set(CPACK_DEBIAN_PACKAGE_RECOMMENDS "xdg-utils")
# The headers and the archive need the -dev packages only to build against them.
set(CPACK_DEBIAN_PACKAGE_SUGGESTS "libyaml-cpp-dev, libcmark-gfm-dev, libhpdf-dev, pandoc")
set(CPACK_PACKAGING_INSTALL_PREFIX /usr)
include(CPack)
