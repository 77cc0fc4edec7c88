# SPDX-License-Identifier: MIT
# Each install component's documentation folder, share/doc/<Debian package>/:
# the DEP-5 copyright file, the Debian changelog (gzip -9n) and, for closeplan
# and libcloseplan-dev, the guides, with their links rewritten by
# cmake/ship_docs.cmake so that each one resolves inside the folder.
# Included by cmake/install.cmake; cmake/package_deb.cmake reads the names.
set(CLOSEPLAN_DEBIAN_REVISION 1)
set(CLOSEPLAN_PACKAGE_cli closeplan)
set(CLOSEPLAN_PACKAGE_lib libcloseplan${CLOSEPLAN_SOVERSION})
set(CLOSEPLAN_PACKAGE_dev libcloseplan-dev)

# cmake/debian/changelog is kept by hand, as a distribution keeps it; its
# newest entry must be this version, or the packages would contradict it.
file(STRINGS ${PROJECT_SOURCE_DIR}/cmake/debian/changelog closeplan_changelog_head LIMIT_COUNT 1)
set(closeplan_debian_version ${PROJECT_VERSION}-${CLOSEPLAN_DEBIAN_REVISION})
if(NOT closeplan_changelog_head MATCHES "^closeplan \\(${closeplan_debian_version}\\) ")
  message(FATAL_ERROR "cmake/debian/changelog starts with \"${closeplan_changelog_head}\": "
                      "add an entry for ${closeplan_debian_version} at the top")
endif()
set(closeplan_changelog_gz ${PROJECT_BINARY_DIR}/package-docs/changelog.Debian.gz)
add_custom_command(
  OUTPUT ${closeplan_changelog_gz}
  COMMAND gzip -9n -c ${PROJECT_SOURCE_DIR}/cmake/debian/changelog > ${closeplan_changelog_gz}
  DEPENDS ${PROJECT_SOURCE_DIR}/cmake/debian/changelog
  COMMENT "Compressing the Debian changelog")

# closeplan_package_docs(COMPONENT [SOURCE=DEST ...]): SOURCE relative to the
# source tree, DEST relative to the package's documentation folder.
set(closeplan_doc_outputs ${closeplan_changelog_gz})
function(closeplan_package_docs component)
  set(package ${CLOSEPLAN_PACKAGE_${component}})
  set(dir ${PROJECT_BINARY_DIR}/package-docs/${package})
  set(outputs "")
  set(sources "")
  foreach(pair IN LISTS ARGN)
    string(REPLACE "=" ";" parts "${pair}")
    list(GET parts 0 source)
    list(GET parts 1 dest)
    list(APPEND sources ${PROJECT_SOURCE_DIR}/${source})
    list(APPEND outputs ${dir}/${dest})
  endforeach()
  if(outputs)
    list(JOIN ARGN "|" docs)
    add_custom_command(
      OUTPUT ${outputs}
      COMMAND ${CMAKE_COMMAND} -DSOURCE_DIR=${PROJECT_SOURCE_DIR} -DOUTPUT_DIR=${dir} "-DDOCS=${docs}"
              -P ${PROJECT_SOURCE_DIR}/cmake/ship_docs.cmake
      DEPENDS ${sources} ${PROJECT_SOURCE_DIR}/cmake/ship_docs.cmake
      COMMENT "Documentation for ${package}, links resolving inside it"
      VERBATIM)
    install(DIRECTORY ${dir}/ DESTINATION ${CMAKE_INSTALL_DATADIR}/doc/${package} COMPONENT ${component})
  endif()
  install(FILES ${PROJECT_SOURCE_DIR}/cmake/debian/copyright ${closeplan_changelog_gz}
          DESTINATION ${CMAKE_INSTALL_DATADIR}/doc/${package} COMPONENT ${component})
  set(closeplan_doc_outputs ${closeplan_doc_outputs} ${outputs} PARENT_SCOPE)
endfunction()

# The command's guides: README.md and docs/, as laid out in the source tree.
file(GLOB closeplan_guides RELATIVE ${PROJECT_SOURCE_DIR} CONFIGURE_DEPENDS ${PROJECT_SOURCE_DIR}/docs/*.md)
set(closeplan_cli_docs README.md=README.md)
foreach(guide IN LISTS closeplan_guides)
  list(APPEND closeplan_cli_docs ${guide}=${guide})
endforeach()
closeplan_package_docs(cli ${closeplan_cli_docs})
closeplan_package_docs(lib)
# The library's guides for people building against it.
closeplan_package_docs(dev docs/embedding.md=embedding.md docs/api.md=api.md)
add_custom_target(closeplan_package_docs ALL DEPENDS ${closeplan_doc_outputs})
