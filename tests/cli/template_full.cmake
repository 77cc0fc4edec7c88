# SPDX-License-Identifier: MIT
# `closeplan render PLAN -f pdf,html,md --template full` exits 0 and writes all three files
# (the transcript template_full.txt checks what it prints): the PDF lays out every row,
# HTML and Markdown use the buyer plan's page (note T409).
file(REMOVE_RECURSE ${WORK})
execute_process(COMMAND ${CLOSEPLAN} render ${PLAN} -f pdf,html,md --template full -o ${WORK}
                RESULT_VARIABLE code ERROR_VARIABLE err)
if(NOT code EQUAL 0)
  message(FATAL_ERROR "render -f pdf,html,md --template full exited ${code}:\n${err}")
endif()
get_filename_component(stem ${PLAN} NAME_WE)
foreach(pair "pdf|%PDF-" "html|<!DOCTYPE html>" "md|# ")
  string(REPLACE "|" ";" pair "${pair}")
  list(GET pair 0 ext)
  list(GET pair 1 start)
  if(NOT EXISTS ${WORK}/${stem}.${ext})
    message(FATAL_ERROR "render --template full wrote no ${stem}.${ext}")
  endif()
  # Compared as hex: file(READ) of a binary file (the PDF) is not byte-exact as text.
  string(LENGTH "${start}" n)
  string(HEX "${start}" want)
  file(READ ${WORK}/${stem}.${ext} head LIMIT ${n} HEX)
  if(NOT head STREQUAL want)
    message(FATAL_ERROR "${stem}.${ext} does not start with `${start}` (hex ${head})")
  endif()
endforeach()
message(STATUS "--template full wrote ${stem}.pdf, ${stem}.html and ${stem}.md")
