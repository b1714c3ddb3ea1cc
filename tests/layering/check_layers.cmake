# The layering of kiosk/, checked on every #include:
#   - a folder of kiosk/core includes only itself and the folders listed
#     before it in the table of kiosk/README.md (the one place that order is
#     kept), so the graph has no cycles and reads bottom-up;
#   - every source of kiosk/core lies in one of those folders;
#   - kiosk/core includes neither SDL nor Dear ImGui;
#   - kiosk/ui includes neither kiosk/app nor kiosk/platform, and
#     kiosk/platform neither kiosk/ui nor kiosk/app.
# Each breach is printed as FILE:LINE: the include, and the rule it breaks.
#
#   cmake -DSOURCE_DIR=<checkout> -P check_layers.cmake

if(NOT SOURCE_DIR)
  message(FATAL_ERROR "usage: cmake -DSOURCE_DIR=<checkout> -P check_layers.cmake")
endif()

# The order: rows "| `name/` | purpose |" of the core table in kiosk/README.md.
file(STRINGS ${SOURCE_DIR}/kiosk/README.md readme_rows REGEX "^\\| `[a-z]+/` \\|")
set(layers "")
foreach(row IN LISTS readme_rows)
  string(REGEX MATCH "^\\| `([a-z]+)/`" _ "${row}")
  list(APPEND layers ${CMAKE_MATCH_1})
endforeach()
list(LENGTH layers layer_count)
if(layer_count LESS 2)
  message(FATAL_ERROR "kiosk/README.md: no table of core folders (rows \"| `name/` | purpose |\")")
endif()

set(breaches 0)
macro(breach file line text rule)
  file(RELATIVE_PATH rel ${SOURCE_DIR} ${file})
  string(STRIP "${text}" shown)
  message("${rel}:${line}: ${shown}: ${rule}")
  math(EXPR breaches "${breaches} + 1")
endmacro()

# Every #include of `file`, as "LINE|PATH" entries.
function(includes_of file out_var)
  file(STRINGS ${file} lines)
  set(found "")
  set(n 0)
  foreach(line IN LISTS lines)
    math(EXPR n "${n} + 1")
    if(line MATCHES "^[ \t]*#[ \t]*include[ \t]*[<\"]([^>\"]+)[>\"]")
      list(APPEND found "${n}|${CMAKE_MATCH_1}")
    endif()
  endforeach()
  set(${out_var} "${found}" PARENT_SCOPE)
endfunction()

file(GLOB_RECURSE core_files ${SOURCE_DIR}/kiosk/core/*.cpp ${SOURCE_DIR}/kiosk/core/*.hpp)
foreach(file IN LISTS core_files)
  file(RELATIVE_PATH rel ${SOURCE_DIR}/kiosk/core ${file})
  string(REGEX MATCH "^([a-z_]+)/[^/]+$" _ "${rel}")
  set(layer "${CMAKE_MATCH_1}")
  list(FIND layers "${layer}" own)
  if(own EQUAL -1)
    breach(${file} 1 "kiosk/core/${rel}" "every core source lies in a folder listed in kiosk/README.md")
    continue()
  endif()
  includes_of(${file} found)
  foreach(entry IN LISTS found)
    string(REGEX MATCH "^([0-9]+)\\|(.*)$" _ "${entry}")
    set(line ${CMAKE_MATCH_1})
    set(target "${CMAKE_MATCH_2}")
    if(target MATCHES "^(SDL|imgui|SDL2/)" OR target MATCHES "imgui")
      breach(${file} ${line} "#include ${target}" "kiosk/core never includes SDL or Dear ImGui")
    elseif(target MATCHES "^kiosk/(ui|platform|app)/")
      breach(${file} ${line} "#include ${target}" "kiosk/core includes only kiosk/core")
    elseif(target MATCHES "^kiosk/core/([a-z_]+)/")
      list(FIND layers "${CMAKE_MATCH_1}" other)
      if(other EQUAL -1)
        breach(${file} ${line} "#include ${target}" "no core folder '${CMAKE_MATCH_1}' in kiosk/README.md")
      elseif(other GREATER own)
        breach(${file} ${line} "#include ${target}"
               "${layer}/ may include only folders listed before it in kiosk/README.md, and ${CMAKE_MATCH_1}/ comes after it")
      endif()
    elseif(target MATCHES "^kiosk/core/[^/]+$")
      breach(${file} ${line} "#include ${target}" "every core header lies in a folder")
    endif()
  endforeach()
endforeach()

macro(forbid folder pattern rule)
  file(GLOB_RECURSE files ${SOURCE_DIR}/kiosk/${folder}/*.cpp ${SOURCE_DIR}/kiosk/${folder}/*.hpp)
  foreach(file IN LISTS files)
    includes_of(${file} found)
    foreach(entry IN LISTS found)
      string(REGEX MATCH "^([0-9]+)\\|(.*)$" _ "${entry}")
      # Kept apart: the MATCHES below resets CMAKE_MATCH_<n>.
      set(line ${CMAKE_MATCH_1})
      set(target "${CMAKE_MATCH_2}")
      if(target MATCHES "${pattern}")
        breach(${file} ${line} "#include ${target}" "${rule}")
      endif()
    endforeach()
  endforeach()
endmacro()
forbid(ui "^kiosk/(app|platform)/" "kiosk/ui never includes kiosk/app or kiosk/platform")
forbid(platform "^kiosk/(app|ui)/" "kiosk/platform never includes kiosk/ui or kiosk/app")

if(breaches GREATER 0)
  message(FATAL_ERROR "${breaches} include(s) break the layering (kiosk/README.md)")
endif()
message(STATUS "layering holds: ${layers}")
