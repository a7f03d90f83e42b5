# Compiler settings every target of the project shares: warnings (as errors) and Qt string hygiene.
function(hotline_target_defaults target)
    target_compile_options(${target} PRIVATE -Wall -Wextra -Wpedantic -Wshadow -Wnon-virtual-dtor
                                             -Wold-style-cast -Wcast-align -Woverloaded-virtual)
    if(HOTLINE_WARNINGS_AS_ERRORS)
        target_compile_options(${target} PRIVATE -Werror)
    endif()
    target_compile_definitions(${target} PRIVATE
        QT_NO_CAST_FROM_ASCII
        QT_NO_CAST_TO_ASCII
        QT_NO_CAST_FROM_BYTEARRAY
        QT_USE_QSTRINGBUILDER
        QT_NO_URL_CAST_FROM_STRING
        QT_NO_NARROWING_CONVERSIONS_IN_CONNECT
        QT_NO_FOREACH
        QT_DISABLE_DEPRECATED_UP_TO=0x060400)
endfunction()

# A QtTest executable registered with CTest, linked against the libraries it tests (never recompiling them).
function(hotline_add_test name)
    cmake_parse_arguments(ARG "" "" "SOURCES;LIBS" ${ARGN})
    add_executable(${name} ${ARG_SOURCES})
    hotline_target_defaults(${name})
    target_link_libraries(${name} PRIVATE hotline_test_support Qt6::Test ${ARG_LIBS})
    add_test(NAME ${name} COMMAND ${name})
    set_tests_properties(${name} PROPERTIES
        ENVIRONMENT "QT_QPA_PLATFORM=offscreen;HOTLINE_LANG=en;HOTLINE_TEST_DATA=${PROJECT_SOURCE_DIR}/tests/data;HOTLINE_SHARED_DATA=${PROJECT_SOURCE_DIR}/../shared/data;HOTLINECTL=$<TARGET_FILE:hotlinectl>;XDG_STATE_HOME=${CMAKE_BINARY_DIR}/test-state"
        TIMEOUT 600)
endfunction()
