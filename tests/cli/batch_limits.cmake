# SPDX-License-Identifier: MIT
# `closeplan batch` under a memory cap (ulimit -v MEMORY_CAP, 600 MB; unlimited
# under AddressSanitizer, whose shadow memory needs the address space) with rows past the
# export's limits: a 5 MB value and a 50 MB line fail their rows (B713), a
# close date in year 1 fails its row (B706), the good row renders, and the
# batch exits 7 having written index.html and errors.csv. Before the limits
# the 50 MB line alone took 470 MB of memory to render as Markdown.
file(REMOVE_RECURSE ${WORK})
file(MAKE_DIRECTORY ${WORK})
string(REPEAT "v" 5000000 five_mb)
string(REPEAT "w" 50000000 fifty_mb)
file(WRITE ${WORK}/export.csv
     "Opportunity Name,Close Date,Next Step\n"
     "Five,9/30/2026,\"${five_mb}\"\n"
     "Fifty,9/30/2026,${fifty_mb}\n"
     "Ancient,6/29/0001,call\n"
     "Good,9/30/2026,call\n")
set(fifty_mb "")
set(five_mb "")
if(NOT DEFINED MEMORY_CAP)
  set(MEMORY_CAP 600000)
endif()
execute_process(COMMAND sh -c "ulimit -v ${MEMORY_CAP} && exec \"$0\" batch export.csv --as-of 2026-06-01 -f pdf,html,md -j 2 -o out"
                        ${CLOSEPLAN}
                WORKING_DIRECTORY ${WORK} RESULT_VARIABLE code OUTPUT_VARIABLE out ERROR_VARIABLE err)
if(NOT code EQUAL 7)
  message(FATAL_ERROR "batch under a memory cap exited ${code} (want 7):\n${out}\n${err}")
endif()
foreach(file index.html errors.csv Good.pdf Good.html Good.md)
  if(NOT EXISTS ${WORK}/out/${file})
    message(FATAL_ERROR "batch wrote no ${file}:\n${err}")
  endif()
endforeach()
file(READ ${WORK}/out/errors.csv errors)
foreach(want
    "2,\"Next Step\",\"\",\"B713\",\"value 3 is 5000000 bytes; a value may hold at most 131072\""
    "3,\"\",\"\",\"B713\",\"line 3 is 50000016 bytes; a row may hold at most 8388608\""
    "4,\"Close Date\",\"6/29/0001\",\"B706\"")
  string(FIND "${errors}" "${want}" at)
  if(at EQUAL -1)
    message(FATAL_ERROR "errors.csv lacks ${want}:\n${errors}")
  endif()
endforeach()
string(FIND "${out}" "rows read 4 = rendered 1 + failed 3 + skipped 0" at)
if(at EQUAL -1)
  message(FATAL_ERROR "unexpected summary:\n${out}")
endif()
message(STATUS "batch under ulimit -v 600000: 3 rows failed with located errors, index.html and errors.csv written")
