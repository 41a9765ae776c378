include(GNUInstallDirs)
include(CMakePackageConfigHelpers)

set(KNEEREHAB_CMAKE_DIR "${CMAKE_INSTALL_LIBDIR}/cmake/kneerehab")

install(TARGETS kneerehab EXPORT kneerehabTargets
  ARCHIVE DESTINATION ${CMAKE_INSTALL_LIBDIR}
  LIBRARY DESTINATION ${CMAKE_INSTALL_LIBDIR}
  RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR}
  INCLUDES DESTINATION ${CMAKE_INSTALL_INCLUDEDIR})
install(DIRECTORY "${PROJECT_SOURCE_DIR}/include/kneerehab" DESTINATION ${CMAKE_INSTALL_INCLUDEDIR})
install(FILES "${PROJECT_BINARY_DIR}/include/kneerehab/core/version.hpp"
  DESTINATION ${CMAKE_INSTALL_INCLUDEDIR}/kneerehab/core)
install(FILES "${KNEEREHAB_SHIPPED_DB}" DESTINATION ${CMAKE_INSTALL_DATADIR}/kneerehab)

install(EXPORT kneerehabTargets NAMESPACE kneerehab:: DESTINATION ${KNEEREHAB_CMAKE_DIR})
configure_package_config_file("${PROJECT_SOURCE_DIR}/cmake/kneerehabConfig.cmake.in"
  "${PROJECT_BINARY_DIR}/kneerehabConfig.cmake" INSTALL_DESTINATION ${KNEEREHAB_CMAKE_DIR})
write_basic_package_version_file("${PROJECT_BINARY_DIR}/kneerehabConfigVersion.cmake"
  VERSION ${PROJECT_VERSION} COMPATIBILITY SameMinorVersion)
install(FILES "${PROJECT_BINARY_DIR}/kneerehabConfig.cmake"
  "${PROJECT_BINARY_DIR}/kneerehabConfigVersion.cmake" DESTINATION ${KNEEREHAB_CMAKE_DIR})
