# The two ways of consuming the library, and the installed CLI, as tests.
# Sanitizer flags are passed through so a sanitized static library links in the consumer.
set(consumer_dir "${CMAKE_CURRENT_BINARY_DIR}/consumers")
set(prefix "${consumer_dir}/prefix")
set(consumer_flags
  -DCMAKE_CXX_FLAGS=${CMAKE_CXX_FLAGS}
  -DCMAKE_EXE_LINKER_FLAGS=${CMAKE_EXE_LINKER_FLAGS}
  -DCMAKE_BUILD_TYPE=${CMAKE_BUILD_TYPE})

add_test(NAME consumer.install
  COMMAND ${CMAKE_COMMAND} --install "${PROJECT_BINARY_DIR}" --prefix "${prefix}")
set_tests_properties(consumer.install PROPERTIES FIXTURES_SETUP installed)

add_test(NAME consumer.find_package.configure
  COMMAND ${CMAKE_COMMAND} -S "${CMAKE_CURRENT_SOURCE_DIR}/find-package-test"
          -B "${consumer_dir}/find-package" "-DCMAKE_PREFIX_PATH=${prefix}" ${consumer_flags})
add_test(NAME consumer.find_package.build
  COMMAND ${CMAKE_COMMAND} --build "${consumer_dir}/find-package")
add_test(NAME consumer.find_package.run
  COMMAND "${consumer_dir}/find-package/app" "${prefix}/share/kneerehab/exercises.db")
set_tests_properties(consumer.find_package.configure PROPERTIES
  FIXTURES_REQUIRED installed FIXTURES_SETUP fp_configured)
set_tests_properties(consumer.find_package.build PROPERTIES
  FIXTURES_REQUIRED fp_configured FIXTURES_SETUP fp_built)
set_tests_properties(consumer.find_package.run PROPERTIES
  FIXTURES_REQUIRED fp_built PASS_REGULAR_EXPRESSION "kneerehab [0-9.]+: [0-9]+ weeks of ")

# The installed CLI finds its catalogue under the install prefix chosen at configure time,
# from any directory; a copy of it elsewhere never reads a catalogue planted next to itself.
set(prefixed_build "${consumer_dir}/prefixed-build")
set(prefixed_install "${consumer_dir}/prefixed-install")
set(relocated "${consumer_dir}/relocated")
add_test(NAME consumer.installed_cli.configure
  COMMAND ${CMAKE_COMMAND} -S "${PROJECT_SOURCE_DIR}" -B "${prefixed_build}"
          "-DCMAKE_INSTALL_PREFIX=${prefixed_install}" -DKNEEREHAB_BUILD_TESTS=OFF
          -DKNEEREHAB_BUILD_EXAMPLES=OFF ${consumer_flags})
add_test(NAME consumer.installed_cli.build
  COMMAND ${CMAKE_COMMAND} --build "${prefixed_build}" --target kneerehab-cli -j 2)
add_test(NAME consumer.installed_cli.install
  COMMAND ${CMAKE_COMMAND} --install "${prefixed_build}")
add_test(NAME consumer.installed_cli.run
  COMMAND ${CMAKE_COMMAND} -E env --unset=KNEEREHAB_DB "${prefixed_install}/bin/kneerehab" conditions
  WORKING_DIRECTORY "${consumer_dir}")
add_test(NAME consumer.installed_cli.help_names_the_catalogue
  COMMAND ${CMAKE_COMMAND} -E env --unset=KNEEREHAB_DB "${prefixed_install}/bin/kneerehab" --help)
# A copy in another tree, with a junk "catalogue" planted where an exe-relative probe looks.
add_test(NAME consumer.relocated_cli.plant
  COMMAND ${CMAKE_COMMAND} -P "${CMAKE_CURRENT_SOURCE_DIR}/plant-relocated-cli.cmake"
          "${prefixed_install}/bin/kneerehab" "${relocated}")
add_test(NAME consumer.relocated_cli.run
  COMMAND ${CMAKE_COMMAND} -E env --unset=KNEEREHAB_DB "${relocated}/bin/kneerehab" conditions
  WORKING_DIRECTORY "${consumer_dir}")
set_tests_properties(consumer.installed_cli.configure PROPERTIES FIXTURES_SETUP ic_configured)
set_tests_properties(consumer.installed_cli.build PROPERTIES
  FIXTURES_REQUIRED ic_configured FIXTURES_SETUP ic_built)
set_tests_properties(consumer.installed_cli.install PROPERTIES
  FIXTURES_REQUIRED ic_built FIXTURES_SETUP ic_installed)
set_tests_properties(consumer.installed_cli.run PROPERTIES
  FIXTURES_REQUIRED ic_installed PASS_REGULAR_EXPRESSION "patellofemoral-pain")
set_tests_properties(consumer.installed_cli.help_names_the_catalogue PROPERTIES
  FIXTURES_REQUIRED ic_installed
  PASS_REGULAR_EXPRESSION "in use:  [^\n]*prefixed-install/share/kneerehab/exercises.db")
set_tests_properties(consumer.relocated_cli.plant PROPERTIES
  FIXTURES_REQUIRED ic_installed FIXTURES_SETUP relocated)
set_tests_properties(consumer.relocated_cli.run PROPERTIES
  FIXTURES_REQUIRED relocated PASS_REGULAR_EXPRESSION "patellofemoral-pain"
  FAIL_REGULAR_EXPRESSION "planted")

add_test(NAME consumer.add_subdirectory.configure
  COMMAND ${CMAKE_COMMAND} -S "${CMAKE_CURRENT_SOURCE_DIR}/add-subdirectory-test"
          -B "${consumer_dir}/add-subdirectory" "-DKNEEREHAB_SOURCE=${PROJECT_SOURCE_DIR}"
          ${consumer_flags})
add_test(NAME consumer.add_subdirectory.build
  COMMAND ${CMAKE_COMMAND} --build "${consumer_dir}/add-subdirectory" -j 2)
add_test(NAME consumer.add_subdirectory.run
  COMMAND "${consumer_dir}/add-subdirectory/app" "${KNEEREHAB_SHIPPED_DB}")
set_tests_properties(consumer.add_subdirectory.configure PROPERTIES FIXTURES_SETUP as_configured)
set_tests_properties(consumer.add_subdirectory.build PROPERTIES
  FIXTURES_REQUIRED as_configured FIXTURES_SETUP as_built)
set_tests_properties(consumer.add_subdirectory.run PROPERTIES
  FIXTURES_REQUIRED as_built PASS_REGULAR_EXPRESSION "kneerehab [0-9.]+: [0-9]+ weeks of ")
