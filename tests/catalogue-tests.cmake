# Catalogue store tests (included by tests/CMakeLists.txt).

# The store tests poke at databases with SQLite directly (bypassing CHECK constraints, holding
# locks) and call internal parsers, so they see lib/ and link SQLiteCpp themselves; cli_test
# breaks rows of a copied database the same way.
foreach(test catalogue_test catalogue_toml_test catalogue_sqlite_test shipped_catalogue_test cli_test)
  if(TARGET ${test})
    target_include_directories(${test} PRIVATE "${PROJECT_SOURCE_DIR}/lib")
    target_link_libraries(${test} PRIVATE SQLiteCpp)
  endif()
endforeach()

# The committed exercises.db must hold exactly what data/catalogue says.
if(TARGET kneerehab-catalogue)
  add_test(NAME catalogue_check
    COMMAND kneerehab-catalogue check "${PROJECT_SOURCE_DIR}/data/catalogue" "${KNEEREHAB_SHIPPED_DB}")
endif()
