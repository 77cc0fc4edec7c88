# SPDX-License-Identifier: MIT
# Run at build time (cmake -P) by the closeplan_help_files target: the man
# page and the shell completions, printed by the built CLI from its own
# command table (src/cli/help_exports.cpp), so they never drift from --help.
#   cmake -DCLOSEPLAN=path/to/closeplan -DOUTPUT_DIR=dir -P help_files.cmake
# Writes closeplan.1 (for `man -l`), closeplan.1.gz (installed: gzip -9n, as
# Debian wants, with no name or time stamp inside), closeplan.bash, _closeplan
# (zsh) and closeplan.fish.
file(MAKE_DIRECTORY ${OUTPUT_DIR})
function(closeplan_help_run out)
  execute_process(COMMAND ${CLOSEPLAN} ${ARGN} OUTPUT_FILE ${OUTPUT_DIR}/${out}.new RESULT_VARIABLE status)
  if(NOT status EQUAL 0)
    message(FATAL_ERROR "closeplan ${ARGN} failed (${status})")
  endif()
  # Unchanged output keeps its time stamp: nothing downstream rebuilds.
  file(COPY_FILE ${OUTPUT_DIR}/${out}.new ${OUTPUT_DIR}/${out} ONLY_IF_DIFFERENT)
  file(REMOVE ${OUTPUT_DIR}/${out}.new)
endfunction()
closeplan_help_run(closeplan.1 --help-man)
closeplan_help_run(closeplan.bash --completion bash)
closeplan_help_run(_closeplan --completion zsh)
closeplan_help_run(closeplan.fish --completion fish)
execute_process(COMMAND gzip -9n -c ${OUTPUT_DIR}/closeplan.1 OUTPUT_FILE ${OUTPUT_DIR}/closeplan.1.gz
                RESULT_VARIABLE status)
if(NOT status EQUAL 0)
  message(FATAL_ERROR "gzip failed (${status})")
endif()
