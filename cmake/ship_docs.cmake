# SPDX-License-Identifier: MIT
# Run at build time (cmake -P) for one package's documentation folder: copies
# Markdown guides from the source tree and rewrites their relative links so
# that every one of them leads to a file in the same folder. A link to a
# shipped guide is made relative to where that guide lands; a link to anything
# else (source files, examples, tests, guides another package ships) becomes
# its plain text, so no shipped page points at a missing file.
#   cmake -DSOURCE_DIR=... -DOUTPUT_DIR=... -DDOCS="README.md=README.md|docs/api.md=api.md" -P ship_docs.cmake
string(REPLACE "|" ";" pairs "${DOCS}")
set(sources "")
foreach(pair IN LISTS pairs)
  string(REPLACE "=" ";" parts "${pair}")
  list(GET parts 0 source)
  list(GET parts 1 dest)
  list(APPEND sources ${source})
  set(dest_of_${source} ${dest})
endforeach()

file(REMOVE_RECURSE ${OUTPUT_DIR})
foreach(source IN LISTS sources)
  set(dest ${dest_of_${source}})
  file(READ ${SOURCE_DIR}/${source} text)
  get_filename_component(source_dir ${source} DIRECTORY)
  get_filename_component(dest_dir ${dest} DIRECTORY)
  # [text](target) and ![alt](target); the text may hold `code` but no brackets.
  string(REGEX MATCHALL "\\[[^]\n]*\\]\\([^) \n]+\\)" links "${text}")
  list(REMOVE_DUPLICATES links)
  foreach(link IN LISTS links)
    string(REGEX REPLACE "^\\[([^]]*)\\]\\(([^)]+)\\)$" "\\1" label "${link}")
    string(REGEX REPLACE "^\\[([^]]*)\\]\\(([^)]+)\\)$" "\\2" target "${link}")
    if(target MATCHES "^([a-z]+:|#)")
      continue()  # a web address, mailto: or a place on the same page
    endif()
    set(anchor "")
    if(target MATCHES "^([^#]*)(#.*)$")
      set(target ${CMAKE_MATCH_1})
      set(anchor ${CMAKE_MATCH_2})
    endif()
    if(source_dir)
      set(resolved "${source_dir}/${target}")
    else()
      set(resolved "${target}")
    endif()
    cmake_path(NORMAL_PATH resolved)
    if(DEFINED dest_of_${resolved})
      set(to "${dest_of_${resolved}}")
      if(dest_dir)
        file(RELATIVE_PATH to /root/${dest_dir} /root/${to})
      endif()
      string(REPLACE "${link}" "[${label}](${to}${anchor})" text "${text}")
    else()
      string(REPLACE "!${link}" "${label}" text "${text}")  # an image of a file not shipped: its alt text
      string(REPLACE "${link}" "${label}" text "${text}")
    endif()
  endforeach()
  file(WRITE ${OUTPUT_DIR}/${dest} "${text}")
endforeach()
