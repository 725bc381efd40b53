# Debian package (CPack): `cpack -G DEB` in a build tree (docs/operations.md).
# It holds what the install rules of each folder put in place: the programs,
# the device plugins, the shipped configuration, the systemd unit with its
# sysusers/tmpfiles snippets and udev rule, and the docs.
install(DIRECTORY "${PROJECT_SOURCE_DIR}/docs/" DESTINATION "${CMAKE_INSTALL_DOCDIR}"
        FILES_MATCHING PATTERN "*.md")

set(CPACK_GENERATOR "DEB")
set(CPACK_PACKAGE_NAME "station-gate")
set(CPACK_PACKAGE_VENDOR "Station gate project")
set(CPACK_PACKAGE_CONTACT "Station gate maintainers <gate-maintainers@example.invalid>")
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "${PROJECT_DESCRIPTION}")
set(CPACK_PACKAGE_VERSION "${PROJECT_VERSION}")
set(CPACK_PACKAGING_INSTALL_PREFIX "/usr")
set(CPACK_STRIP_FILES ON)

set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
set(CPACK_DEBIAN_PACKAGE_SECTION "misc")
set(CPACK_DEBIAN_PACKAGE_PRIORITY "optional")
# Libraries the programs link come from dpkg-shlibdeps; what is loaded at run
# time (QML modules, Qt platform plugins, fonts) is listed by hand, and the
# test tst_runtimepackages checks the list against what gate-app loads.
# libqt6opengl6 holds the eglfs platform plugin the unit selects.
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
# libgate-hal is the package's own, private to it (no soname, not for others).
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS_PRIVATE_DIRS "${CMAKE_BINARY_DIR}/${GATE_LIB_SUBDIR}")
set(CPACK_DEBIAN_PACKAGE_DEPENDS
    "systemd, qt6-qpa-plugins, libqt6opengl6, qml6-module-qtquick, qml6-module-qtquick-controls, \
qml6-module-qtquick-layouts, qml6-module-qtquick-window, qml6-module-qtquick-templates, \
qml6-module-qtqml-workerscript, qml6-module-qtquick-shapes, fonts-wqy-microhei, fonts-dejavu-core")
set(CPACK_DEBIAN_PACKAGE_RECOMMENDS "rsyslog-relp")
set(CPACK_DEBIAN_PACKAGE_CONTROL_EXTRA
    "${PROJECT_SOURCE_DIR}/systemd/debian/postinst;${PROJECT_SOURCE_DIR}/systemd/debian/prerm;${PROJECT_SOURCE_DIR}/systemd/debian/postrm")
set(CPACK_DEBIAN_PACKAGE_CONTROL_STRICT_PERMISSION ON)

include(CPack)
