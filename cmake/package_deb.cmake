# SPDX-License-Identifier: MIT
# `cpack -G DEB` in a build folder makes three packages, split as Debian
# splits a library with a program (one per install component of
# cmake/install.cmake; names in cmake/package_docs.cmake):
#   closeplan_<v>_<arch>.deb         the CLI, closeplan(1), bash/zsh/fish completions, templates, styles, guides
#   libcloseplan0_<v>_<arch>.deb      libcloseplan.so.0 (shlibs file: packages built against it depend on it)
#   libcloseplan-dev_<v>_<arch>.deb  headers, libcloseplan.so, libcloseplan.a, closeplan.pc, CMake package
# Each has share/doc/<package>/copyright (DEP-5) and changelog.Debian.gz.
# Shared-library dependencies come from dpkg-shlibdeps; fonts-liberation2 is
# named by hand because it is a data file the PDF writer opens, not a linked
# library; xdg-utils is recommended for `closeplan preview --open` (a program
# it starts). docs/embedding.md lists what lintian still says and why.
set(CPACK_PACKAGE_NAME closeplan)
set(CPACK_PACKAGE_VENDOR "closeplan")
set(CPACK_PACKAGE_CONTACT "closeplan maintainers <closeplan@example.invalid>")
set(CPACK_PACKAGE_VERSION ${PROJECT_VERSION})
set(CPACK_GENERATOR DEB)
set(CPACK_STRIP_FILES ON)
set(CPACK_PACKAGING_INSTALL_PREFIX /usr)
set(CPACK_DEB_COMPONENT_INSTALL ON)
set(CPACK_COMPONENTS_ALL cli lib dev)
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
set(CPACK_DEBIAN_PACKAGE_RELEASE ${CLOSEPLAN_DEBIAN_REVISION})
set(CPACK_DEBIAN_PACKAGE_SOURCE closeplan)
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
set(CPACK_DEBIAN_PACKAGE_PRIORITY optional)
# Descriptions: the first line is the synopsis, the rest the extended text
# (kept under 80 columns: lintian's extended-description-line-too-long).
# No CPACK_PACKAGE_DESCRIPTION_SUMMARY: CPack would put it first in all three.
set(closeplan_version_dep "(= ${PROJECT_VERSION}-${CLOSEPLAN_DEBIAN_REVISION})")

set(CPACK_DEBIAN_CLI_PACKAGE_NAME ${CLOSEPLAN_PACKAGE_cli})
set(CPACK_DEBIAN_CLI_PACKAGE_SECTION utils)
set(CPACK_DEBIAN_CLI_PACKAGE_DEPENDS "fonts-liberation2")
set(CPACK_DEBIAN_CLI_PACKAGE_RECOMMENDS "xdg-utils")
set(CPACK_DEBIAN_CLI_PACKAGE_SUGGESTS "pandoc")
set(CPACK_DEBIAN_CLI_DESCRIPTION "render Mutual Action Plans as buyer-ready documents
closeplan turns a Mutual Action Plan file (YAML or JSON) into a one-page
buyer plan (HTML, Markdown, PDF, DOCX), proposal fragments, a Customer
Success handoff pack, calendars, health reports and batches of plans from
CRM exports.")

set(CPACK_DEBIAN_LIB_PACKAGE_NAME ${CLOSEPLAN_PACKAGE_lib})
set(CPACK_DEBIAN_LIB_PACKAGE_SECTION libs)
set(CPACK_DEBIAN_PACKAGE_GENERATE_SHLIBS ON)
set(CPACK_DEBIAN_PACKAGE_GENERATE_SHLIBS_POLICY ">=")
# ldconfig runs from dpkg's trigger, as Debian wants (lintian: lacks-ldconfig-trigger,
# maintscript-calls-ldconfig), not from the postinst and postrm CPack writes for a
# library under /usr/lib: naming postinst and postrm among the control files turns
# those off, and CPack adds a listed control file only when it exists (these do not).
configure_file(${PROJECT_SOURCE_DIR}/cmake/debian/libcloseplan.triggers ${PROJECT_BINARY_DIR}/debian-lib/triggers COPYONLY)
set(CPACK_DEBIAN_LIB_PACKAGE_CONTROL_EXTRA ${PROJECT_BINARY_DIR}/debian-lib/triggers
    ${PROJECT_BINARY_DIR}/debian-lib/no-such-file/postinst ${PROJECT_BINARY_DIR}/debian-lib/no-such-file/postrm)
set(CPACK_DEBIAN_LIB_DESCRIPTION "library rendering Mutual Action Plans (shared library)
libcloseplan loads and checks Mutual Action Plan files and renders them in
memory as the closeplan command does: buyer plans in HTML, Markdown and PDF,
the handoff pack and calendars.
.
This package holds the shared library.")

# Building against the shared library needs only the headers; linking the
# static one (pkg-config --static, closeplan::closeplan_static) needs every
# library its objects use, so their -dev packages are dependencies. Found
# here from the files the modules link (dpkg -S), not listed by hand.
set(closeplan_dev_depends "${CLOSEPLAN_PACKAGE_lib} ${closeplan_version_dep}")
find_program(CLOSEPLAN_DPKG_QUERY dpkg-query)
if(CLOSEPLAN_DPKG_QUERY)
  set(closeplan_static_dev_packages "")
  foreach(file IN LISTS closeplan_library_files)
    if(NOT IS_ABSOLUTE "${file}")
      continue()
    endif()
    # The unversioned .so beside it is what -l finds; it belongs to the -dev package.
    get_filename_component(dir ${file} DIRECTORY)
    get_filename_component(name ${file} NAME)
    string(REGEX REPLACE "\\.so(\\..*)?$" ".so" link_name ${name})
    set(link ${dir}/${link_name})
    if(NOT EXISTS ${link})
      set(link ${file})
    endif()
    # dpkg knows /usr/lib/..., not the /lib/... a merged-/usr search may give.
    string(REGEX REPLACE "^/lib/" "/usr/lib/" link ${link})
    execute_process(COMMAND ${CLOSEPLAN_DPKG_QUERY} -S ${link} OUTPUT_VARIABLE owner ERROR_QUIET
                    OUTPUT_STRIP_TRAILING_WHITESPACE RESULT_VARIABLE status)
    if(status EQUAL 0)
      string(REGEX REPLACE "[:,].*$" "" owner "${owner}")
      list(APPEND closeplan_static_dev_packages ${owner})
    else()
      message(WARNING "no Debian package owns ${link}: libcloseplan-dev's Depends will not name it")
    endif()
  endforeach()
  list(REMOVE_DUPLICATES closeplan_static_dev_packages)
  list(SORT closeplan_static_dev_packages)
  foreach(package IN LISTS closeplan_static_dev_packages)
    string(APPEND closeplan_dev_depends ", ${package}")
  endforeach()
endif()
message(STATUS "libcloseplan-dev depends on: ${closeplan_dev_depends}")
set(CPACK_DEBIAN_DEV_PACKAGE_NAME ${CLOSEPLAN_PACKAGE_dev})
set(CPACK_DEBIAN_DEV_PACKAGE_SECTION libdevel)
set(CPACK_DEBIAN_DEV_PACKAGE_DEPENDS "${closeplan_dev_depends}")
set(CPACK_DEBIAN_DEV_DESCRIPTION "library rendering Mutual Action Plans (development files)
libcloseplan loads and checks Mutual Action Plan files and renders them in
memory as the closeplan command does: buyer plans in HTML, Markdown and PDF,
the handoff pack and calendars.
.
This package holds the C++20 headers, the static library, closeplan.pc for
pkg-config and the CMake package for find_package(closeplan).")
include(CPack)
