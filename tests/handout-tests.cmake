# Handouts read back by real tools (included from tests/CMakeLists.txt; docs/handouts.md): every
# shipped protocol in km and in miles through `plan --format markdown|html|csv`, the CSV parsed
# by python's csv module, the HTML checked self-contained, and plans printed to PDF by headless
# Chromium with a page per week (check_handout.py; poppler-utils' pdftotext reads the pages).
# Chromium missing fails the PDF tests unless KNEEREHAB_SKIP_BROWSER=1 (then they skip).
set(_py ${KNEEREHAB_SCHEMA_PYTHON})
set(_check_handout "${CMAKE_CURRENT_SOURCE_DIR}/check_handout.py")
set(_gold "${CMAKE_CURRENT_SOURCE_DIR}/golden")

foreach(_units km mi)
  add_test(NAME handout.golden_csv_${_units}_parses
           COMMAND ${_py} ${_check_handout} csv ${_gold}/plan.${_units}.csv ${_units})
  add_test(NAME handout.golden_html_${_units}_self_contained
           COMMAND ${_py} ${_check_handout} html ${_gold}/plan.${_units}.html)
endforeach()

if(TARGET kneerehab-cli)
  set(_cli $<TARGET_FILE:kneerehab-cli>)
  set(_scratch "${CMAKE_CURRENT_BINARY_DIR}/handout-scratch")
  foreach(protocol bakers-cyst-rehab cartilage-damage-rehab cartilage-repair-rehab
                   collateral-ligament-sprain-rehab gait-overload-rehab hamstring-tendinopathy-rehab
                   knee-bursitis-rehab knee-osteoarthritis-rehab patellar-instability-rehab
                   patellofemoral-pain-rehab pcl-sprain-rehab popliteus-tendinopathy-rehab
                   posterior-chain-tightness-rehab)
    foreach(_units km mi)
      set(_name ${protocol}_${_units})
      set(_base "${_scratch}/${_name}/plan")
      add_test(NAME handout.cli_${_name}_written
               COMMAND sh -c "mkdir -p \"$(dirname '${_base}')\" && for f in markdown html csv; do \"$0\" \"$@\" --format $f -o '${_base}'.$f || exit 1; done"
                       ${_cli} --units ${_units} plan --protocol ${protocol} --start 2026-11-23
                       --baseline 30 --current 0 --today 2026-11-20)
      set_tests_properties(handout.cli_${_name}_written PROPERTIES FIXTURES_SETUP handout_${_name})
      add_test(NAME handout.cli_${_name}_csv_parses
               COMMAND ${_py} ${_check_handout} csv ${_base}.csv ${_units})
      add_test(NAME handout.cli_${_name}_html_self_contained
               COMMAND ${_py} ${_check_handout} html ${_base}.html)
      set_tests_properties(handout.cli_${_name}_csv_parses handout.cli_${_name}_html_self_contained
                           PROPERTIES FIXTURES_REQUIRED handout_${_name})
    endforeach()
  endforeach()

  # Printed: 12- and 16-week plans, and a 12-week plan with a walk/run ladder and many entry
  # criteria (the fullest week pages), each week on a page of its own.
  foreach(_entry "pfp-12|patellofemoral-pain^12" "pfp-16|patellofemoral-pain^16"
                 "pcl-12|pcl-sprain^12")
    string(REPLACE "|" ";" _parts "${_entry}")
    list(GET _parts 0 _name)
    list(GET _parts 1 _what)
    string(REPLACE "^" ";" _what "${_what}")
    list(GET _what 0 _condition)
    list(GET _what 1 _weeks)
    set(_dir "${_scratch}/pdf-${_name}")
    add_test(NAME handout.pdf_${_name}_written
             COMMAND sh -c "mkdir -p '${_dir}' && \"$0\" \"$@\""
                     ${_cli} plan --condition ${_condition} --start 2026-11-23 --baseline 30
                     --current 0 --weeks ${_weeks} --today 2026-11-20 --format html
                     -o ${_dir}/plan.html)
    set_tests_properties(handout.pdf_${_name}_written PROPERTIES FIXTURES_SETUP handout_pdf_${_name})
    add_test(NAME handout.pdf_${_name}_one_page_a_week
             COMMAND ${_py} ${_check_handout} pdf ${_dir}/plan.html ${_weeks} ${_dir})
    set_tests_properties(handout.pdf_${_name}_one_page_a_week PROPERTIES
                         FIXTURES_REQUIRED handout_pdf_${_name} SKIP_RETURN_CODE 77 TIMEOUT 180)
  endforeach()
endif()
