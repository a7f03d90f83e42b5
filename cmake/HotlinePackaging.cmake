# CPack: `cpack` in the build directory (or `cmake --build BUILD --target package`) makes
# hotline-console_VERSION_ARCH.deb of everything installed (the binaries, installer/ and the guides).
# tests/package checks its file list and dependencies; tools/run-tests.sh installs it and starts it.
set(CPACK_PACKAGE_NAME "hotline-console")
set(CPACK_PACKAGE_VENDOR "Hotline Console developers")
set(CPACK_PACKAGE_CONTACT "Hotline Console developers <hotline-console@localhost>")
set(CPACK_PACKAGE_VERSION ${PROJECT_VERSION})
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "Operator console for a citizen service hotline")
set(CPACK_PACKAGE_DESCRIPTION
    "Registers every request of a citizen service hotline once, dispatches it to the responsible department and \
counts down its working-time limit. Includes the desktop console (hotline-console) and the headless tool \
hotlinectl (calendar import, reports, sync with the shared server, reminders and escalation).")
set(CPACK_PACKAGE_INSTALL_DIRECTORY "Hotline Console")
set(CPACK_PACKAGE_EXECUTABLES "hotline-console;Hotline Console")
set(CPACK_STRIP_FILES ON) # RelWithDebInfo binaries, but an operator's machine needs no debug info

if(WIN32)
    # Windows: WiX (MSI). Not built or tested on this project's Debian CI; see docs/WINDOWS.md for the deploy step
    # (windeployqt / qt_generate_deploy_app_script) that must copy the Qt DLLs, plugins and fonts next to the .exe.
    set(CPACK_GENERATOR "WIX")
    set(CPACK_WIX_UPGRADE_GUID "6B0C1E0A-5D7B-4B8E-9A57-3C1F2E9D4A21") # never change: lets an MSI replace an older one
    set(CPACK_WIX_PRODUCT_ICON "${PROJECT_SOURCE_DIR}/installer/icons/hotline-console.ico")
    set(CPACK_WIX_CULTURES "zh-CN;en-US")
    set(CPACK_WIX_PROGRAM_MENU_FOLDER "Hotline Console")
    set(CPACK_NSIS_DISPLAY_NAME "Hotline Console") # used when someone runs cpack -G NSIS instead
    set(CPACK_NSIS_MUI_ICON "${PROJECT_SOURCE_DIR}/installer/icons/hotline-console.ico")
else()
    set(CPACK_GENERATOR "DEB")
    set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT) # hotline-console_0.3.0_amd64.deb
    set(CPACK_DEBIAN_PACKAGE_SECTION "misc")
    set(CPACK_DEBIAN_PACKAGE_PRIORITY "optional")
    # The shared libraries the binaries link come from dpkg-shlibdeps (with the right minimum versions); these are
    # what it cannot see: plugins Qt loads at run time, the font the Chinese interface needs, Qt's own catalogues.
    set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
    set(CPACK_DEBIAN_PACKAGE_DEPENDS
        "libqt6sql6-sqlite, qt6-qpa-plugins, fonts-noto-cjk, qt6-translations-l10n")
    # The shared server and the SMS gateway are optional; a standalone console needs neither.
    set(CPACK_DEBIAN_PACKAGE_SUGGESTS "postgresql")
endif()

include(CPack)
