# The layering check must fail on tests/fixtures/layering_broken, naming each
# breach by file and line, and pass on nothing less.
#
#   cmake -DSOURCE_DIR=<checkout> -P expect_breaches.cmake

set(tree ${SOURCE_DIR}/tests/fixtures/layering_broken)
execute_process(COMMAND ${CMAKE_COMMAND} -DSOURCE_DIR=${tree}
                        -P ${SOURCE_DIR}/tests/layering/check_layers.cmake
                RESULT_VARIABLE status OUTPUT_VARIABLE out ERROR_VARIABLE err)
set(said "${out}${err}")
if(status EQUAL 0)
  message(FATAL_ERROR "the layering check passed a tree that breaks it:\n${said}")
endif()
foreach(expected
    "kiosk/core/base/calendar.cpp:2: #include kiosk/core/visit/flow.hpp: base/ may include only folders listed before it"
    "kiosk/core/io/window.cpp:1: #include SDL.h: kiosk/core never includes SDL or Dear ImGui"
    "kiosk/core/stray.cpp:1: kiosk/core/stray.cpp: every core source lies in a folder listed in kiosk/README.md"
    "kiosk/ui/theme.cpp:3: #include kiosk/platform/input.hpp: kiosk/ui never includes kiosk/app or kiosk/platform"
    "4 include(s) break the layering")
  string(FIND "${said}" "${expected}" at)
  if(at EQUAL -1)
    message(FATAL_ERROR "the layering check did not say\n  ${expected}\nIt said:\n${said}")
  endif()
endforeach()
