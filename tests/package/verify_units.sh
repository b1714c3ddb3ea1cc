#!/usr/bin/env bash
# systemd-analyze verify on the kiosk's units, in a root of their own laid
# out as the package installs them: systemd's own units, the kiosk binary,
# cage and pkill. verify exits 0 even on an unknown value (it only warns), so
# any output at all fails the test.
# usage: verify_units.sh KIOSK_BINARY
set -euo pipefail
source_dir=$(cd "$(dirname "$0")/../.." && pwd)
kiosk=$(realpath "$1")
fail() { echo "FAIL: $*" >&2; exit 1; }
for tool in systemd-analyze /usr/bin/cage /usr/bin/pkill /usr/bin/curl; do
  command -v "$tool" >/dev/null || fail "$tool is missing: run deploy/dev/install-deps.sh"
done

root=$(mktemp -d)
trap 'rm -rf "$root"' EXIT
mkdir -p "$root/lib/systemd/system" "$root/usr/bin" "$root/usr/lib/kiosk"
cp -a /lib/systemd/system/. "$root/lib/systemd/system/"
cp "$source_dir"/deploy/systemd/*.service "$source_dir"/deploy/systemd/*.timer "$root/lib/systemd/system/"
cp "$kiosk" "$root/usr/bin/kiosk"
cp /usr/bin/cage /usr/bin/pkill /usr/bin/curl "$root/usr/bin/"
cp "$source_dir"/deploy/systemd/kiosk-pack-fetch "$source_dir"/deploy/systemd/kiosk-pack-usb \
   "$root/usr/lib/kiosk/"

# The USB stick's unit is a template: verified as the instance udev starts.
for unit in "$source_dir"/deploy/systemd/*.service "$source_dir"/deploy/systemd/*.timer; do
  name=$(basename "$unit")
  [ "$name" != kiosk-pack-usb@.service ] || name=kiosk-pack-usb@sdb1.service
  out=$(systemd-analyze verify --root="$root" --man=no "/lib/systemd/system/$name" 2>&1) ||
    fail "systemd-analyze verify $name: $out"
  [ -z "$out" ] || fail "systemd-analyze verify $name has remarks: $out"
  echo "$name: verified"
done

# What the issue asks of the session, read back from the unit as systemd parses it.
unit="$source_dir/deploy/systemd/kiosk.service"
for line in Type=notify NotifyAccess=all Restart=always User=kiosk NoNewPrivileges=yes \
            ProtectSystem=strict ReadWritePaths=/var/lib/kiosk PrivateTmp=yes ProtectHome=yes \
            DevicePolicy=closed TTYPath=/dev/tty1 StandardInput=tty-fail; do
  grep -qx "$line" "$unit" || fail "kiosk.service lacks $line"
done
grep -q '^WatchdogSec=' "$unit" || fail "kiosk.service has no WatchdogSec="
grep -q '^StartLimitBurst=' "$unit" || fail "kiosk.service has no start limit"
# The pack fetch goes through the install, and the udev rule starts the USB unit.
grep -qx 'ExecStart=/usr/lib/kiosk/kiosk-pack-fetch' "$source_dir/deploy/systemd/kiosk-pack-fetch.service" ||
  fail "kiosk-pack-fetch.service does not run the fetch script"
grep -q 'content install' "$source_dir/deploy/systemd/kiosk-pack-fetch" || fail "the fetch does not use content install"
grep -q 'ENV{ID_FS_LABEL}=="KIOSKPACK".*SYSTEMD_WANTS.*kiosk-pack-usb@%k.service' \
  "$source_dir/deploy/udev/90-kiosk-pack.rules" || fail "the udev rule does not start kiosk-pack-usb@"
sh -n "$source_dir/deploy/systemd/kiosk-pack-fetch" && sh -n "$source_dir/deploy/systemd/kiosk-pack-usb" ||
  fail "a pack script has a syntax error"
grep -q '^ExecReload=.*--signal HUP' "$unit" || fail "reload does not send SIGHUP to the kiosk"
# PAMName= would move cage and the kiosk into a session scope, where their
# READY=1 and WATCHDOG=1 no longer count for the service.
! grep -q '^PAMName=' "$unit" || fail "kiosk.service has PAMName=, which breaks the watchdog"
