# The house rules of docs/architecture.md that a reader can check with grep,
# as a test: plugins use hal (and vision), never the application's core;
# hal and vision use neither core nor plugins. Run with -DROOT=<source dir>.
set(violations "")
function(check_folder folder forbidden)
  file(GLOB_RECURSE sources "${ROOT}/${folder}/*.cpp" "${ROOT}/${folder}/*.h")
  foreach(source IN LISTS sources)
    file(STRINGS "${source}" includes REGEX "^#include \"${forbidden}")
    foreach(line IN LISTS includes)
      file(RELATIVE_PATH relative "${ROOT}" "${source}")
      list(APPEND violations "${relative}: ${line}")
    endforeach()
  endforeach()
  set(violations "${violations}" PARENT_SCOPE)
endfunction()

check_folder(plugins "core/")
check_folder(hal "core/")
check_folder(hal "plugins/")
check_folder(vision "core/")

if(violations)
  list(JOIN violations "\n  " listed)
  message(FATAL_ERROR "includes against the layering rules:\n  ${listed}")
endif()
message(STATUS "layering rules hold")
