# Plan JSON against docs/plan.schema.json (included from tests/CMakeLists.txt).
# The validator needs Debian's python3-jsonschema, so it runs with /usr/bin/python3
# explicitly: the python3 first on PATH may be a pyenv without it.

# render_test parses the JSON it renders.
if(TARGET render_test)
  target_link_libraries(render_test PRIVATE nlohmann_json::nlohmann_json)
endif()

set(KNEEREHAB_SCHEMA_PYTHON "/usr/bin/python3" CACHE FILEPATH
    "Python with the jsonschema module, for the plan JSON schema tests")
set(_schema "${PROJECT_SOURCE_DIR}/docs/plan.schema.json")
set(_validate "${CMAKE_CURRENT_SOURCE_DIR}/validate_json_schema.py")
set(_golden "${CMAKE_CURRENT_SOURCE_DIR}/golden/plan.json")

# The golden plan (tests/golden/plan.json, rendered by render_test) is valid.
add_test(NAME schema.golden_plan_valid
         COMMAND ${KNEEREHAB_SCHEMA_PYTHON} ${_validate} ${_schema} ${_golden})

# So is the golden referral (tests/golden/referral.json), and broken copies of it are not.
set(_golden_referral "${CMAKE_CURRENT_SOURCE_DIR}/golden/referral.json")
add_test(NAME schema.golden_referral_valid
         COMMAND ${KNEEREHAB_SCHEMA_PYTHON} ${_validate} ${_schema} ${_golden_referral})
foreach(mutation referral-unknown-reason referral-without-action
                 referral-ottawa-without-injury-date referral-with-weeks referral-pain-above-10)
  add_test(NAME schema.rejects.${mutation}
           COMMAND ${KNEEREHAB_SCHEMA_PYTHON} ${_validate} ${_schema} ${_golden_referral}
                   --mutate ${mutation} --expect-invalid)
endforeach()

# The validator and the schema reject broken documents: each mutation breaks one rule
# (gap-between-days, gap-between-weeks and run-km-not-the-sum break rules the script checks
# beyond the schema; the warning-* ones break the warning objects).
foreach(mutation missing-weeks missing-warnings wrong-schema-id six-days eight-days bad-date
                 slashed-date negative-run-km string-run-km unknown-session-type
                 unknown-surface run-without-run strength-without-exercises
                 run-on-a-non-running-session exercise-without-hold continuous-not-boolean
                 misspelt-field gap-between-days gap-between-weeks run-km-not-the-sum
                 warning-as-string warning-unknown-code warning-without-text
                 warning-distance-in-miles)
  add_test(NAME schema.rejects.${mutation}
           COMMAND ${KNEEREHAB_SCHEMA_PYTHON} ${_validate} ${_schema} ${_golden}
                   --mutate ${mutation} --expect-invalid)
endforeach()

# The CLI's own output validates. Two tests sharing a fixture: the first writes the plan,
# the second validates it (and is not run when the first fails).
if(TARGET kneerehab-cli)
  set(_cli_plan "${CMAKE_CURRENT_BINARY_DIR}/schema-cli-plan.json")
  add_test(NAME schema.cli_plan_json_written
           COMMAND $<TARGET_FILE:kneerehab-cli> plan --condition patellofemoral-pain
                   --start 2026-11-23 --baseline 30 --current 10 --format json -o ${_cli_plan})
  set_tests_properties(schema.cli_plan_json_written PROPERTIES FIXTURES_SETUP schema_cli_plan)
  add_test(NAME schema.cli_plan_json_valid
           COMMAND ${KNEEREHAB_SCHEMA_PYTHON} ${_validate} ${_schema} ${_cli_plan})
  set_tests_properties(schema.cli_plan_json_valid PROPERTIES FIXTURES_REQUIRED schema_cli_plan)

  # A referral: exit 3, the JSON referral on standard output (captured by the shell).
  set(_cli_referral "${CMAKE_CURRENT_BINARY_DIR}/schema-cli-referral.json")
  add_test(NAME schema.cli_referral_json_written
           COMMAND sh -c "\"$0\" \"$@\" >'${_cli_referral}'; test $? -eq 3"
                   $<TARGET_FILE:kneerehab-cli> plan --condition pcl-sprain --start 2026-11-23
                   --today 2026-11-21 --injury-date 2026-11-19 --age 60 --format json)
  set_tests_properties(schema.cli_referral_json_written
                       PROPERTIES FIXTURES_SETUP schema_cli_referral)
  add_test(NAME schema.cli_referral_json_valid
           COMMAND ${KNEEREHAB_SCHEMA_PYTHON} ${_validate} ${_schema} ${_cli_referral})
  set_tests_properties(schema.cli_referral_json_valid
                       PROPERTIES FIXTURES_REQUIRED schema_cli_referral)
endif()
