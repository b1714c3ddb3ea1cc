# The Debian package of the kiosk, made by CPack:
#   cmake --build build --target package   ->  build/learning-kiosk_VERSION_ARCH.deb
# Installed by the top CMakeLists.txt with include(); paths follow Debian 12
# (units in /lib/systemd/system, sysusers.d and tmpfiles.d under /usr/lib).

set(KIOSK_DEB_DIR ${CMAKE_CURRENT_LIST_DIR})
set(KIOSK_DEB_BUILD ${CMAKE_BINARY_DIR}/debian)
file(MAKE_DIRECTORY ${KIOSK_DEB_BUILD})

# A umask of 002 would otherwise give 0775 folders, which lintian refuses.
set(CMAKE_INSTALL_DEFAULT_DIRECTORY_PERMISSIONS OWNER_READ OWNER_WRITE OWNER_EXECUTE GROUP_READ
                                                GROUP_EXECUTE WORLD_READ WORLD_EXECUTE)

# The compiled default pack, made by the program itself as a content author would.
file(GLOB KIOSK_DEFAULT_CONTENT CONFIGURE_DEPENDS ${CMAKE_SOURCE_DIR}/content/*)
add_custom_command(OUTPUT ${KIOSK_DEB_BUILD}/content.db
                   COMMAND kiosk content build ${CMAKE_SOURCE_DIR}/content -o
                           ${KIOSK_DEB_BUILD}/content.db
                   DEPENDS kiosk ${KIOSK_DEFAULT_CONTENT}
                   COMMENT "Compiling the default content pack for the package")
add_custom_target(kiosk_default_pack ALL DEPENDS ${KIOSK_DEB_BUILD}/content.db)

# /etc/kiosk/kiosk.toml: the example, with the logo where the package puts it.
set_property(DIRECTORY APPEND PROPERTY CMAKE_CONFIGURE_DEPENDS
                                       ${CMAKE_SOURCE_DIR}/deploy/config/kiosk.example.toml)
file(READ ${CMAKE_SOURCE_DIR}/deploy/config/kiosk.example.toml KIOSK_EXAMPLE_CONFIG)
string(REPLACE "logo = \"../../assets/logo.png\"" "logo = \"/usr/share/kiosk/assets/logo.png\""
               KIOSK_PACKAGED_CONFIG "${KIOSK_EXAMPLE_CONFIG}")
string(REPLACE "textfile_dir = \"/var/lib/prometheus/node-exporter\""
               "textfile_dir = \"/var/lib/kiosk/health\"" KIOSK_PACKAGED_CONFIG2
               "${KIOSK_PACKAGED_CONFIG}")
if(KIOSK_PACKAGED_CONFIG STREQUAL KIOSK_EXAMPLE_CONFIG OR KIOSK_PACKAGED_CONFIG2 STREQUAL
                                                          KIOSK_PACKAGED_CONFIG)
  message(FATAL_ERROR "kiosk.example.toml no longer names ../../assets/logo.png or the "
                      "node exporter folder; update deploy/debian/packaging.cmake")
endif()
set(KIOSK_PACKAGED_CONFIG "${KIOSK_PACKAGED_CONFIG2}")
file(WRITE ${KIOSK_DEB_BUILD}/kiosk.toml "${KIOSK_PACKAGED_CONFIG}")

# copyright: the machine-readable header, then the EUPL's full text, which
# is not among /usr/share/common-licenses.
set_property(DIRECTORY APPEND PROPERTY CMAKE_CONFIGURE_DEPENDS ${KIOSK_DEB_DIR}/copyright.in
                                                              ${CMAKE_SOURCE_DIR}/LICENSE)
file(READ ${KIOSK_DEB_DIR}/copyright.in KIOSK_COPYRIGHT)
file(STRINGS ${CMAKE_SOURCE_DIR}/LICENSE KIOSK_LICENSE_LINES)
foreach(line IN LISTS KIOSK_LICENSE_LINES)
  string(STRIP "${line}" stripped)
  if(stripped STREQUAL "")
    string(APPEND KIOSK_COPYRIGHT " .\n")
  else()
    string(APPEND KIOSK_COPYRIGHT " ${line}\n")
  endif()
endforeach()
file(WRITE ${KIOSK_DEB_BUILD}/copyright "${KIOSK_COPYRIGHT}")

# changelog.gz, compressed without a name or time stamp so builds repeat.
add_custom_command(OUTPUT ${KIOSK_DEB_BUILD}/changelog.gz
                   COMMAND gzip -9nc ${KIOSK_DEB_DIR}/changelog > ${KIOSK_DEB_BUILD}/changelog.gz
                   DEPENDS ${KIOSK_DEB_DIR}/changelog)
add_custom_command(OUTPUT ${KIOSK_DEB_BUILD}/kiosk.1.gz
                   COMMAND gzip -9nc ${KIOSK_DEB_DIR}/kiosk.1 > ${KIOSK_DEB_BUILD}/kiosk.1.gz
                   DEPENDS ${KIOSK_DEB_DIR}/kiosk.1)
add_custom_target(kiosk_deb_docs ALL DEPENDS ${KIOSK_DEB_BUILD}/changelog.gz
                                             ${KIOSK_DEB_BUILD}/kiosk.1.gz)

install(TARGETS kiosk RUNTIME DESTINATION bin)
install(FILES ${KIOSK_DEB_BUILD}/content.db DESTINATION share/kiosk)
install(FILES ${CMAKE_SOURCE_DIR}/assets/logo.png DESTINATION share/kiosk/assets)
install(FILES ${KIOSK_DEB_BUILD}/kiosk.toml DESTINATION /etc/kiosk)
install(FILES ${KIOSK_DEB_BUILD}/copyright ${KIOSK_DEB_BUILD}/changelog.gz
        DESTINATION share/doc/learning-kiosk)
install(FILES ${KIOSK_DEB_BUILD}/kiosk.1.gz DESTINATION share/man/man1)
install(FILES ${CMAKE_SOURCE_DIR}/deploy/config/kiosk.example.toml
              ${CMAKE_SOURCE_DIR}/deploy/prometheus/kiosk-alerts.yml
        DESTINATION share/doc/learning-kiosk/examples)
install(FILES ${CMAKE_SOURCE_DIR}/deploy/systemd/kiosk.service DESTINATION /lib/systemd/system)
# Signed content packs picked up every hour over https, or from a USB stick
# labelled KIOSKPACK (deploy/README.md, section 5).
install(FILES ${CMAKE_SOURCE_DIR}/deploy/systemd/kiosk-pack-fetch.service
              ${CMAKE_SOURCE_DIR}/deploy/systemd/kiosk-pack-fetch.timer
              ${CMAKE_SOURCE_DIR}/deploy/systemd/kiosk-pack-usb@.service
        DESTINATION /lib/systemd/system)
install(PROGRAMS ${CMAKE_SOURCE_DIR}/deploy/systemd/kiosk-pack-fetch
                 ${CMAKE_SOURCE_DIR}/deploy/systemd/kiosk-pack-usb DESTINATION lib/kiosk)
install(FILES ${CMAKE_SOURCE_DIR}/deploy/udev/90-kiosk-pack.rules DESTINATION /lib/udev/rules.d)
install(FILES ${KIOSK_DEB_DIR}/kiosk.sysusers DESTINATION lib/sysusers.d RENAME kiosk.conf)
install(FILES ${KIOSK_DEB_DIR}/kiosk.tmpfiles DESTINATION lib/tmpfiles.d RENAME kiosk.conf)
install(FILES ${KIOSK_DEB_DIR}/lintian-overrides DESTINATION share/lintian/overrides
        RENAME learning-kiosk)

set(CPACK_GENERATOR DEB)
set(CPACK_PACKAGE_NAME learning-kiosk)
set(CPACK_PACKAGING_INSTALL_PREFIX /usr)
set(CPACK_STRIP_FILES TRUE)
set(CPACK_PACKAGE_VERSION ${PROJECT_VERSION})
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
set(CPACK_DEBIAN_PACKAGE_MAINTAINER "Learning-and-work kiosk team <kiosk@example.nl>")
set(CPACK_DEBIAN_PACKAGE_SECTION misc)
set(CPACK_DEBIAN_PACKAGE_PRIORITY optional)
set(CPACK_DEBIAN_PACKAGE_DESCRIPTION
    "self-service kiosk for learning-and-work counters
The touch kiosk of a learning-and-work counter (leerwerkloket) in a library,
job centre or town hall: a visitor answers a short questionnaire in their own
language, without giving anything about themselves, and takes home a QR code
that opens the courses in their region that fit them.
.
This package runs the kiosk fullscreen under the cage compositor on tty1 as
the unprivileged kiosk user, restarts it when it crashes or hangs, and writes
its health for prometheus-node-exporter.")
# Depends: the libraries really linked (dpkg-shlibdeps), and what the program
# opens or runs without linking it: the fonts it draws with, the compositor,
# Xwayland (Debian's cage exits without it), seatd (the session has no logind
# seat), systemd-sysusers for the user, pkill for the reload, espeak-ng's
# voices (libespeak-ng1 pulls them in today; the kiosk opens them itself), and
# curl for the pack fetch timer (libsodium, which verifies packs, is linked).
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
set(CPACK_DEBIAN_PACKAGE_DEPENDS
    "cage, xwayland, seatd, fonts-dejavu-core, fonts-font-awesome, systemd, procps, espeak-ng-data, curl")
set(CPACK_DEBIAN_PACKAGE_CONTROL_STRICT_PERMISSION TRUE)
set(CPACK_DEBIAN_PACKAGE_CONTROL_EXTRA
    ${KIOSK_DEB_DIR}/conffiles ${KIOSK_DEB_DIR}/postinst ${KIOSK_DEB_DIR}/prerm
    ${KIOSK_DEB_DIR}/postrm)
include(CPack)
