# Build tree mirrors the install tree, so gate-app finds its plugins and data
# relative to its own binary in both (bin/ -> ../lib/station-gate/plugins).
set(GATE_LIB_SUBDIR "${CMAKE_INSTALL_LIBDIR}/station-gate")
set(GATE_PLUGIN_SUBDIR "${GATE_LIB_SUBDIR}/plugins")
set(GATE_DATA_SUBDIR "${CMAKE_INSTALL_DATADIR}/station-gate")
set(CMAKE_RUNTIME_OUTPUT_DIRECTORY "${CMAKE_BINARY_DIR}/${CMAKE_INSTALL_BINDIR}")
set(CMAKE_LIBRARY_OUTPUT_DIRECTORY "${CMAKE_BINARY_DIR}/${CMAKE_INSTALL_LIBDIR}")
set(CMAKE_ARCHIVE_OUTPUT_DIRECTORY "${CMAKE_BINARY_DIR}/${CMAKE_INSTALL_LIBDIR}")
set(GATE_PLUGIN_OUTPUT_DIR "${CMAKE_BINARY_DIR}/${GATE_PLUGIN_SUBDIR}")
file(RELATIVE_PATH GATE_PLUGIN_DIR_FROM_BIN "/${CMAKE_INSTALL_BINDIR}" "/${GATE_PLUGIN_SUBDIR}")
file(RELATIVE_PATH GATE_DATA_DIR_FROM_BIN "/${CMAKE_INSTALL_BINDIR}" "/${GATE_DATA_SUBDIR}")
# The programs and plugins find the gate's private libraries (libgate-hal)
# next to the plugins, wherever the tree is installed.
file(RELATIVE_PATH GATE_LIB_DIR_FROM_BIN "/${CMAKE_INSTALL_BINDIR}" "/${GATE_LIB_SUBDIR}")
set(CMAKE_INSTALL_RPATH "$ORIGIN/${GATE_LIB_DIR_FROM_BIN}")

# gate_add_plugin(NAME SOURCES...): a device plugin in the plugin directory.
function(gate_add_plugin name)
  qt_add_plugin(${name} SHARED CLASS_NAME ${name})
  target_sources(${name} PRIVATE ${ARGN})
  set_target_properties(${name} PROPERTIES
    LIBRARY_OUTPUT_DIRECTORY "${GATE_PLUGIN_OUTPUT_DIR}"
    PREFIX "")
  target_link_libraries(${name} PRIVATE gate_hal)
  set_target_properties(${name} PROPERTIES INSTALL_RPATH "$ORIGIN/..")
  install(TARGETS ${name} LIBRARY DESTINATION "${GATE_PLUGIN_SUBDIR}")
endfunction()

# gate_add_test(NAME SOURCES... [LIBS ...] [LABELS ...]): a Qt Test executable run
# by ctest on the offscreen platform.
function(gate_add_test name)
  cmake_parse_arguments(T "" "TIMEOUT" "SOURCES;LIBS;LABELS" ${ARGN})
  add_executable(${name} ${T_SOURCES})
  target_link_libraries(${name} PRIVATE Qt6::Test gate_testsupport ${T_LIBS})
  target_compile_definitions(${name} PRIVATE
    GATE_SOURCE_DIR="${PROJECT_SOURCE_DIR}"
    GATE_BINARY_DIR="${PROJECT_BINARY_DIR}"
    GATE_SHARED_DIR="${PROJECT_SOURCE_DIR}/../shared")
  add_test(NAME ${name} COMMAND ${name})
  if(NOT T_TIMEOUT)
    set(T_TIMEOUT 300)
  endif()
  set_tests_properties(${name} PROPERTIES
    ENVIRONMENT "QT_QPA_PLATFORM=offscreen;GATE_BIN_DIR=${CMAKE_RUNTIME_OUTPUT_DIRECTORY}"
    TIMEOUT ${T_TIMEOUT}
    LABELS "${T_LABELS}")
endfunction()

# gate_add_bench(NAME SOURCES... [LIBS ...]): a benchmark executable that prints
# one JSON object on stdout: {"bench": NAME, "machine": {...}, "results": {...}}.
function(gate_add_bench name)
  cmake_parse_arguments(B "" "" "SOURCES;LIBS" ${ARGN})
  add_executable(${name} ${B_SOURCES})
  target_link_libraries(${name} PRIVATE gate_benchsupport ${B_LIBS})
  target_compile_definitions(${name} PRIVATE
    GATE_SOURCE_DIR="${PROJECT_SOURCE_DIR}"
    GATE_SHARED_DIR="${PROJECT_SOURCE_DIR}/../shared")
endfunction()
