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

  # Printed: a 12-week and a 16-week plan, each week on a page of its own.
  foreach(_weeks 12 16)
    set(_dir "${_scratch}/pdf-${_weeks}")
    add_test(NAME handout.pdf_${_weeks}_weeks_written
             COMMAND sh -c "mkdir -p '${_dir}' && \"$0\" \"$@\""
                     ${_cli} plan --condition patellofemoral-pain --start 2026-11-23 --baseline 30
                     --current 0 --weeks ${_weeks} --today 2026-11-20 --format html
                     -o ${_dir}/plan.html)
    set_tests_properties(handout.pdf_${_weeks}_weeks_written
                         PROPERTIES FIXTURES_SETUP handout_pdf_${_weeks})
    add_test(NAME handout.pdf_${_weeks}_weeks_one_page_a_week
             COMMAND ${_py} ${_check_handout} pdf ${_dir}/plan.html ${_weeks} ${_dir})
    set_tests_properties(handout.pdf_${_weeks}_weeks_one_page_a_week PROPERTIES
                         FIXTURES_REQUIRED handout_pdf_${_weeks} SKIP_RETURN_CODE 77 TIMEOUT 180)
  endforeach()
endif()
