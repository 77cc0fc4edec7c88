# SPDX-License-Identifier: MIT
# What `cmake --install` and `cpack` ship: the CLI, one library archive for
# programs that embed closeplan, the public headers, templates and styles, a
# CMake package (find_package(closeplan) -> closeplan::closeplan) and a
# pkg-config file. docs/embedding.md explains the choices.
include(GNUInstallDirs)
include(CMakePackageConfigHelpers)

# One static archive, libcloseplan.a, made of the objects of every module the
# API needs, so a consumer links one thing and never sees the internal module
# libraries. Static rather than shared: the C++ API passes std::string and
# std::vector across the boundary and is 0.x, so there is no ABI to promise
# yet; a shared library would need a SONAME bump on every such change.
set(CLOSEPLAN_LIBRARY_MODULES closeplan_base closeplan_load closeplan_validate closeplan_view closeplan_layout
    closeplan_render closeplan_pipeline closeplan_handoff closeplan_api)
set(closeplan_library_objects "")
foreach(module IN LISTS CLOSEPLAN_LIBRARY_MODULES)
  list(APPEND closeplan_library_objects $<TARGET_OBJECTS:${module}>)
endforeach()
add_library(closeplan_library STATIC ${closeplan_library_objects})
set_target_properties(closeplan_library PROPERTIES OUTPUT_NAME closeplan LINKER_LANGUAGE CXX)
target_include_directories(closeplan_library INTERFACE $<BUILD_INTERFACE:${PROJECT_SOURCE_DIR}/include>)

# The third-party libraries the archive needs, read from what the modules link
# (so a library a module starts using reaches consumers without editing this
# file): each as a plain name (yaml-cpp, cmark-gfm, hpdf ...) for the CMake
# package's INTERFACE_LINK_LIBRARIES and as -l flags for pkg-config's Libs.private.
function(closeplan_third_party_libraries item out_var)
  set(found ${${out_var}})
  if(TARGET ${item})
    get_target_property(aliased ${item} ALIASED_TARGET)
    if(aliased)
      set(item ${aliased})
    endif()
    list(FIND CLOSEPLAN_LIBRARY_MODULES ${item} own)
    get_target_property(imported ${item} IMPORTED)
    if(imported)
      # Debian's yaml-cpp has only IMPORTED_LOCATION_NONE: try every configuration it names.
      get_target_property(configurations ${item} IMPORTED_CONFIGURATIONS)
      set(properties IMPORTED_LOCATION)
      foreach(config IN LISTS configurations)
        string(TOUPPER "${config}" config)
        list(APPEND properties IMPORTED_LOCATION_${config})
      endforeach()
      foreach(property IN LISTS properties)
        get_target_property(location ${item} ${property})
        if(location)
          list(APPEND found ${location})
          break()
        endif()
      endforeach()
    endif()
    get_target_property(links ${item} INTERFACE_LINK_LIBRARIES)
    if(links)
      foreach(link IN LISTS links)
        closeplan_third_party_libraries(${link} found)
      endforeach()
    endif()
  elseif(NOT item MATCHES "^\\$<")
    list(APPEND found ${item})
  endif()
  set(${out_var} ${found} PARENT_SCOPE)
endfunction()
set(closeplan_library_files "")
foreach(module IN LISTS CLOSEPLAN_LIBRARY_MODULES)
  closeplan_third_party_libraries(${module} closeplan_library_files)
endforeach()
set(CLOSEPLAN_LINK_NAMES "")
foreach(file IN LISTS closeplan_library_files)
  get_filename_component(name ${file} NAME)
  string(REGEX REPLACE "^lib" "" name ${name})
  string(REGEX REPLACE "\\.(so|a)(\\..*)?$" "" name ${name})
  list(APPEND CLOSEPLAN_LINK_NAMES ${name})
endforeach()
list(REMOVE_DUPLICATES CLOSEPLAN_LINK_NAMES)
list(TRANSFORM CLOSEPLAN_LINK_NAMES PREPEND "-l" OUTPUT_VARIABLE CLOSEPLAN_LINK_FLAGS)
list(JOIN CLOSEPLAN_LINK_FLAGS " " CLOSEPLAN_LINK_FLAGS)
message(STATUS "libcloseplan.a needs: ${CLOSEPLAN_LINK_FLAGS}")
target_link_libraries(closeplan_library INTERFACE ${closeplan_library_files})
add_library(closeplan::closeplan ALIAS closeplan_library)

install(TARGETS closeplan RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR})
install(TARGETS closeplan_library ARCHIVE DESTINATION ${CMAKE_INSTALL_LIBDIR})
# Only the public headers: nothing under src/ is installed.
file(GLOB CLOSEPLAN_PUBLIC_HEADERS CONFIGURE_DEPENDS ${PROJECT_SOURCE_DIR}/include/closeplan/*.hpp)
install(FILES ${CLOSEPLAN_PUBLIC_HEADERS} DESTINATION ${CMAKE_INSTALL_INCLUDEDIR}/closeplan)
# The binary has them compiled in; these copies are for --template-dir and --style starting points.
install(DIRECTORY ${PROJECT_SOURCE_DIR}/templates ${PROJECT_SOURCE_DIR}/styles
        DESTINATION ${CMAKE_INSTALL_DATADIR}/closeplan)
install(FILES ${PROJECT_SOURCE_DIR}/README.md ${PROJECT_SOURCE_DIR}/docs/embedding.md ${PROJECT_SOURCE_DIR}/docs/api.md
        DESTINATION ${CMAKE_INSTALL_DOCDIR} OPTIONAL)

set(CLOSEPLAN_CMAKE_DIR ${CMAKE_INSTALL_LIBDIR}/cmake/closeplan)
configure_package_config_file(${PROJECT_SOURCE_DIR}/cmake/closeplanConfig.cmake.in
                              ${PROJECT_BINARY_DIR}/closeplanConfig.cmake
                              INSTALL_DESTINATION ${CLOSEPLAN_CMAKE_DIR}
                              PATH_VARS CMAKE_INSTALL_LIBDIR CMAKE_INSTALL_INCLUDEDIR CMAKE_INSTALL_DATADIR)
# 0.x: a new minor version may change the API.
write_basic_package_version_file(${PROJECT_BINARY_DIR}/closeplanConfigVersion.cmake
                                 COMPATIBILITY SameMinorVersion)
install(FILES ${PROJECT_BINARY_DIR}/closeplanConfig.cmake ${PROJECT_BINARY_DIR}/closeplanConfigVersion.cmake
        DESTINATION ${CLOSEPLAN_CMAKE_DIR})
# Relocatable: the prefix is found from the .pc file's own folder, so
# `cmake --install build --prefix DIR` and a .deb both get a working file.
file(RELATIVE_PATH CLOSEPLAN_PC_TO_PREFIX /root/${CMAKE_INSTALL_LIBDIR}/pkgconfig /root)
configure_file(${PROJECT_SOURCE_DIR}/cmake/closeplan.pc.in ${PROJECT_BINARY_DIR}/closeplan.pc @ONLY)
install(FILES ${PROJECT_BINARY_DIR}/closeplan.pc DESTINATION ${CMAKE_INSTALL_LIBDIR}/pkgconfig)

include(${PROJECT_SOURCE_DIR}/cmake/package_deb.cmake)
