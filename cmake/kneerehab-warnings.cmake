# kneerehab_warnings(target): the project's warning set, applied PRIVATE so that consumers
# never inherit it. -Werror only when KNEEREHAB_WARNINGS_AS_ERRORS is on (presets, CI).
function(kneerehab_warnings target)
  if(CMAKE_CXX_COMPILER_ID MATCHES "GNU|Clang")
    target_compile_options(${target} PRIVATE
      -Wall -Wextra -Wpedantic -Wshadow -Wswitch-enum -Wnon-virtual-dtor
      -Wcast-align -Woverloaded-virtual -Wimplicit-fallthrough)
    # Not -Wnull-dereference: GCC 12 reports false positives inside inlined Boost code at -O2.
    if(KNEEREHAB_WARNINGS_AS_ERRORS)
      target_compile_options(${target} PRIVATE -Werror)
    endif()
  endif()
endfunction()
