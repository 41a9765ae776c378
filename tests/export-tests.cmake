# Calendar and FHIR exports read back by real tools (included from tests/CMakeLists.txt):
# the .ics by Debian's python3-icalendar, event by event against the plan JSON; the FHIR
# JSON against the official R4 schema vendored in tests/fhir/ (python3-jsonschema). Both run
# with /usr/bin/python3, like schema-tests.cmake.
set(_py ${KNEEREHAB_SCHEMA_PYTHON})
set(_check_ics "${CMAKE_CURRENT_SOURCE_DIR}/check_ics.py")
set(_validate_fhir "${CMAKE_CURRENT_SOURCE_DIR}/validate_fhir.py")
set(_fhir_schema "${CMAKE_CURRENT_SOURCE_DIR}/fhir/fhir.schema.json.gz")
set(_gold "${CMAKE_CURRENT_SOURCE_DIR}/golden")

# Golden files (written by export_test from the planner's output and a hand-made plan with
# non-ASCII text and long lines).
add_test(NAME export.golden_unicode_ics_parses
         COMMAND ${_py} ${_check_ics} ${_gold}/plan-unicode.ics ${_gold}/plan-unicode.json)
add_test(NAME export.golden_careplan_valid
         COMMAND ${_py} ${_validate_fhir} ${_fhir_schema} ${_gold}/plan.fhir.json --expect CarePlan)
add_test(NAME export.golden_unicode_careplan_valid
         COMMAND ${_py} ${_validate_fhir} ${_fhir_schema} ${_gold}/plan-unicode.fhir.json
                 --expect CarePlan)
add_test(NAME export.golden_protocol_bundle_valid
         COMMAND ${_py} ${_validate_fhir} ${_fhir_schema} ${_gold}/protocol.fhir.json --expect Bundle)

# The schema and the script reject broken documents.
foreach(mutation activity-status-unknown period-unit-unknown status-missing-value
                 period-slashed-date activity-day-as-number activity-unknown-field
                 do-not-perform-string dangling-contained-reference)
  add_test(NAME export.fhir_rejects.${mutation}
           COMMAND ${_py} ${_validate_fhir} ${_fhir_schema} ${_gold}/plan.fhir.json
                   --mutate ${mutation} --expect-invalid)
endforeach()
foreach(mutation bundle-type-unknown condition-kind-unknown related-action-unknown-phase
                 id-with-slash)
  add_test(NAME export.fhir_rejects.${mutation}
           COMMAND ${_py} ${_validate_fhir} ${_fhir_schema} ${_gold}/protocol.fhir.json
                   --mutate ${mutation} --expect-invalid)
endforeach()

# The CLI's own exports, for a few plans and every shipped protocol: the .ics against the plan
# JSON of the same request, the FHIR against the schema.
if(TARGET kneerehab-cli)
  set(_cli $<TARGET_FILE:kneerehab-cli>)
  # NAME|ARG^ARG^...: the plan command's words, '^' for the spaces.
  set(_plans
      "pfp|--condition^patellofemoral-pain^--start^2026-11-23^--baseline^30^--current^0"
      "hamstring-mi|--units^mi^--condition^hamstring-tendinopathy^--start^2027-02-26^--baseline^25^--current^5^--run-days^tue,thu,sat,sun"
      "oa-older|--condition^knee-osteoarthritis^--start^2026-12-28^--baseline^20^--age^62^--prior-injuries^1")
  foreach(entry IN LISTS _plans)
    string(REPLACE "|" ";" _parts "${entry}")
    string(REPLACE "^" ";" _parts "${_parts}")
    list(GET _parts 0 _name)
    list(REMOVE_AT _parts 0)
    set(_units km)
    if("${_parts}" MATCHES "--units;mi")
      set(_units mi)
    endif()
    set(_base "${CMAKE_CURRENT_BINARY_DIR}/export-${_name}")
    add_test(NAME export.cli_${_name}_written
             COMMAND sh -c "\"$0\" \"$@\" --format json -o '${_base}.json' && \"$0\" \"$@\" --format ics -o '${_base}.ics' && \"$0\" \"$@\" --format fhir -o '${_base}.fhir.json'"
                     ${_cli} plan ${_parts} --today 2026-11-20)
    set_tests_properties(export.cli_${_name}_written PROPERTIES FIXTURES_SETUP export_${_name})
    add_test(NAME export.cli_${_name}_ics_matches_plan
             COMMAND ${_py} ${_check_ics} ${_base}.ics ${_base}.json ${_units})
    add_test(NAME export.cli_${_name}_careplan_valid
             COMMAND ${_py} ${_validate_fhir} ${_fhir_schema} ${_base}.fhir.json --expect CarePlan)
    set_tests_properties(export.cli_${_name}_ics_matches_plan export.cli_${_name}_careplan_valid
                         PROPERTIES FIXTURES_REQUIRED export_${_name})
  endforeach()

  foreach(protocol bakers-cyst-rehab cartilage-damage-rehab cartilage-repair-rehab
                   collateral-ligament-sprain-rehab gait-overload-rehab hamstring-tendinopathy-rehab
                   knee-bursitis-rehab knee-osteoarthritis-rehab patellar-instability-rehab
                   patellofemoral-pain-rehab pcl-sprain-rehab popliteus-tendinopathy-rehab
                   posterior-chain-tightness-rehab)
    set(_out "${CMAKE_CURRENT_BINARY_DIR}/export-protocol-${protocol}.json")
    add_test(NAME export.cli_protocol_${protocol}_written
             COMMAND ${_cli} protocol export ${protocol} --format fhir -o ${_out})
    set_tests_properties(export.cli_protocol_${protocol}_written
                         PROPERTIES FIXTURES_SETUP export_protocol_${protocol})
    add_test(NAME export.cli_protocol_${protocol}_valid
             COMMAND ${_py} ${_validate_fhir} ${_fhir_schema} ${_out} --expect Bundle)
    set_tests_properties(export.cli_protocol_${protocol}_valid
                         PROPERTIES FIXTURES_REQUIRED export_protocol_${protocol})
  endforeach()
endif()
