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
for tool in systemd-analyze /usr/bin/cage /usr/bin/pkill; do
  command -v "$tool" >/dev/null || fail "$tool is missing: run deploy/dev/install-deps.sh"
done

root=$(mktemp -d)
trap 'rm -rf "$root"' EXIT
mkdir -p "$root/lib/systemd/system" "$root/usr/bin"
cp -a /lib/systemd/system/. "$root/lib/systemd/system/"
cp "$source_dir"/deploy/systemd/*.service "$root/lib/systemd/system/"
cp "$kiosk" "$root/usr/bin/kiosk"
cp /usr/bin/cage /usr/bin/pkill "$root/usr/bin/"

for unit in "$source_dir"/deploy/systemd/*.service; do
  name=$(basename "$unit")
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
grep -q '^ExecReload=.*--signal HUP' "$unit" || fail "reload does not send SIGHUP to the kiosk"
# PAMName= would move cage and the kiosk into a session scope, where their
# READY=1 and WATCHDOG=1 no longer count for the service.
! grep -q '^PAMName=' "$unit" || fail "kiosk.service has PAMName=, which breaks the watchdog"
