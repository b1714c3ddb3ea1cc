#!/usr/bin/env bash
# Installs the Debian 12 packages the kiosk needs to build, run and test.
# Idempotent: asks apt only when something is missing. Run as root (or with sudo).
set -euo pipefail

packages=(
  cmake g++ ninja-build pkg-config
  libsqlite3-dev libqrencode-dev libtomlplusplus-dev nlohmann-json3-dev libstb-dev
  catch2 libzbar-dev zbar-tools libbenchmark-dev fonts-dejavu-core
  libimgui-dev libsdl2-dev fonts-font-awesome xvfb xdotool x11-apps netpbm
  libsodium-dev sqlite3 libsystemd-dev
  # Arabic shaped into its joined forms and laid out right to left
  libfribidi-dev
  # read-aloud: libespeak-ng and its voices
  libespeak-ng-dev espeak-ng-data
  # the Debian package and its checks (dpkg-shlibdeps and file: CPack's Depends)
  dpkg-dev file lintian bc
  # the kiosk session: systemd-analyze verify, cage (whose ExecStart it checks)
  systemd cage xwayland seatd procps
  # health for the fleet: promtool checks the metrics file and the alert rules
  prometheus
  # the install test: a fresh Debian 12 root
  debootstrap
  # roll-out (deploy/ansible): Ansible with community.general's chroot
  # connection for its test, ansible-lint; the image (deploy/image): mkosi 14;
  # minisign signs the test packs
  ansible ansible-lint mkosi minisign
  # The OOAPI import's --url (libcurl), and its test server on 127.0.0.1.
  libcurl4-openssl-dev python3
  # The page behind the QR code, tested in a real browser (tests/web): Debian's
  # Chromium driven by puppeteer-core from npm, and an iCalendar parser of its
  # own for the calendar file the page makes.
  chromium python3-icalendar
  # msgfmt --check on the PO files of a pack's translations (tests/cli)
  gettext
  # Signed content packs: keys and signatures in the tests (libsodium-dev,
  # above, verifies them in the program); curl for the pack fetch timer.
  minisign curl
)
# Node.js and npm: Debian's, unless a node that brings its own npm (such as
# NodeSource's nodejs package, which conflicts with Debian's npm) is there.
command -v npm >/dev/null 2>&1 || packages+=(nodejs npm)

missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "ok installed" || missing+=("$p")
done
if ((${#missing[@]})); then
  echo "installing: ${missing[*]}"
  sudo_cmd=()
  [ "$(id -u)" -eq 0 ] || sudo_cmd=(sudo)
  "${sudo_cmd[@]}" env DEBIAN_FRONTEND=noninteractive apt-get update -qq
  "${sudo_cmd[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}"
fi
