# The Debian package of a kiosk PC (`cpack -G DEB`, or deploy/package): the two
# executables (fonts, sounds and translations are compiled into them), their
# camera module, the default configuration, the systemd units, the udev rule,
# the data folder (tmpfiles.d), the kiosk PC's settings against rebooting keys
# (sysctl.d, system.conf.d) and the maintainer scripts that make the kitap user.
# kiosk/ installs the executables; this file installs the rest and describes the package.
#
# The package installs under /usr: the units name /usr/bin/kitap and
# /usr/bin/kitap-kiosk. The system's own places (/etc, /lib/systemd, /lib/udev,
# /usr/lib/tmpfiles.d ...) are absolute, as Debian 12 packages put them.

set(kitap_deploy ${PROJECT_SOURCE_DIR}/deploy)

# The camera module, where the executables look for it (devices/CMakeLists.txt).
install(TARGETS kitap-frames LIBRARY DESTINATION ${CMAKE_INSTALL_LIBDIR}/kitap)
install(FILES ${kitap_deploy}/debian/kitap.toml DESTINATION /etc/kitap)
install(FILES ${kitap_deploy}/systemd/kitap-kiosk.service ${kitap_deploy}/systemd/kitap-backup.service
              ${kitap_deploy}/systemd/kitap-web.service ${kitap_deploy}/systemd/kitap-sync.service
              ${kitap_deploy}/systemd/kitap-sip2.service
              ${kitap_deploy}/systemd/kitap-backup.timer ${kitap_deploy}/systemd/kitap-sync.timer
        DESTINATION /lib/systemd/system)
install(FILES ${kitap_deploy}/udev/70-kitap.rules DESTINATION /lib/udev/rules.d)
install(FILES ${kitap_deploy}/debian/kitap.tmpfiles DESTINATION /usr/lib/tmpfiles.d RENAME kitap.conf)
install(FILES ${kitap_deploy}/debian/kitap-kiosk.sysctl DESTINATION /usr/lib/sysctl.d RENAME 50-kitap-kiosk.conf)
install(FILES ${kitap_deploy}/debian/kitap-kiosk.system.conf DESTINATION /usr/lib/systemd/system.conf.d
        RENAME kitap-kiosk.conf)
# The README (the units' Documentation=) and the licences of what is compiled in.
install(FILES ${PROJECT_SOURCE_DIR}/README.md DESTINATION share/doc/kitap)
install(FILES ${PROJECT_SOURCE_DIR}/assets/fonts/OFL.txt DESTINATION share/doc/kitap/fonts)
install(FILES ${PROJECT_SOURCE_DIR}/assets/sounds/README.md DESTINATION share/doc/kitap/sounds)

set(CPACK_GENERATOR DEB)
set(CPACK_PACKAGE_NAME kitap)
set(CPACK_PACKAGE_VENDOR Kitap)
set(CPACK_PACKAGE_CONTACT "Kitap <dev@kitap.local>")
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "Barcode circulation kiosk for school libraries")
string(CONCAT CPACK_PACKAGE_DESCRIPTION
       "Pupils check books out and in themselves at a touchscreen kiosk; the librarian\n"
       "issues textbooks class by class. Offline, on one local SQLite database, in\n"
       "Kazakh, Russian and English. Starts kitap-kiosk full screen in cage at boot.")
set(CPACK_PACKAGING_INSTALL_PREFIX /usr)
set(CPACK_STRIP_FILES ON)
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)  # kitap_0.1.0_amd64.deb
set(CPACK_DEBIAN_PACKAGE_SECTION misc)
# Libraries from dpkg-shlibdeps; then what is run or loaded rather than linked:
# the compositor and XWayland, Mesa's drivers, the fonts of printed documents,
# adduser and systemd (systemd-tmpfiles) for the postinst.
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
set(CPACK_DEBIAN_PACKAGE_DEPENDS "cage, xwayland, libgl1-mesa-dri, fonts-noto-core, fonts-dejavu-core, adduser, systemd")
set(CPACK_DEBIAN_PACKAGE_CONTROL_EXTRA
    "${kitap_deploy}/debian/conffiles;${kitap_deploy}/debian/postinst;${kitap_deploy}/debian/prerm;${kitap_deploy}/debian/postrm")
set(CPACK_DEBIAN_PACKAGE_CONTROL_STRICT_PERMISSION ON)
include(CPack)
