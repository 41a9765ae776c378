# cmake -P plant-relocated-cli.cmake EXE DIR: copies the installed CLI to DIR/bin and plants a
# junk file at DIR/share/kneerehab/exercises.db, where a probe relative to the binary would look.
set(exe "${CMAKE_ARGV3}")
set(dir "${CMAKE_ARGV4}")
file(REMOVE_RECURSE "${dir}")
file(COPY "${exe}" DESTINATION "${dir}/bin")
file(WRITE "${dir}/share/kneerehab/exercises.db" "planted: not the catalogue\n")
