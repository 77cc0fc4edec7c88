# SPDX-License-Identifier: MIT
# Writes the grid of plans (MAKE_GRID), renders each one's HTML with CLOSEPLAN and
# opens them all with CHECK_HTML (every check, Letter and A4). Run by ctest:
#   cmake -DCLOSEPLAN=... -DPYTHON=... -DNODE=... -DMAKE_GRID=... -DCHECK_HTML=... -DOUT=DIR -P check_grid_html.cmake
foreach(var CLOSEPLAN PYTHON NODE MAKE_GRID CHECK_HTML OUT)
  if(NOT DEFINED ${var})
    message(FATAL_ERROR "check_grid_html: -D${var}=... is missing")
  endif()
endforeach()

file(REMOVE_RECURSE ${OUT})
execute_process(COMMAND ${PYTHON} ${MAKE_GRID} ${OUT}/plans RESULT_VARIABLE status)
if(NOT status EQUAL 0)
  message(FATAL_ERROR "check_grid_html: make_grid.py failed (${status})")
endif()

file(READ ${OUT}/plans/manifest.json manifest)
string(JSON count LENGTH "${manifest}" cases)
math(EXPR last "${count} - 1")
set(pages "")
foreach(i RANGE ${last})
  string(JSON name GET "${manifest}" cases ${i} name)
  string(JSON plan GET "${manifest}" cases ${i} plan)
  execute_process(COMMAND ${CLOSEPLAN} render ${OUT}/plans/${plan} -f html -o ${OUT}/html -q RESULT_VARIABLE status)
  if(NOT status EQUAL 0)
    message(FATAL_ERROR "check_grid_html: rendering ${name} exited ${status}")
  endif()
  get_filename_component(stem ${plan} NAME_WE)
  list(APPEND pages ${OUT}/html/${stem}.html)
endforeach()

execute_process(COMMAND ${NODE} ${CHECK_HTML} ${pages} RESULT_VARIABLE status)
if(NOT status EQUAL 0)
  message(FATAL_ERROR "check_grid_html: some grid plans failed the browser checks (listed above)")
endif()
