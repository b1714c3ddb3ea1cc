#!/usr/bin/env bash
# The Debian package: builds with CPack, says what it needs, marks its
# configuration as a conffile, holds what a kiosk PC needs, and lintian
# finds nothing that is not overridden with a reason.
# usage: check_package.sh BUILD_DIR
set -euo pipefail
build=$(cd "$1" && pwd)
fail() { echo "FAIL: $*" >&2; exit 1; }

for tool in dpkg-shlibdeps file lintian; do
  command -v "$tool" >/dev/null || fail "$tool is missing: run deploy/dev/install-deps.sh"
done

start=$(date +%s.%N)
cmake --build "$build" --target package >"$build/package.log" 2>&1 ||
  { cat "$build/package.log"; fail "cpack did not build the package"; }
deb=$(ls "$build"/learning-kiosk_*_*.deb | head -1)
[ -f "$deb" ] || fail "no learning-kiosk_*.deb in $build"
echo "built $deb ($(stat -c %s "$deb") bytes) in $(echo "$(date +%s.%N) - $start" | bc) s"

depends=$(dpkg-deb -f "$deb" Depends)
echo "Depends: $depends"
# shlibdeps must have run: without dpkg-dev CPack silently leaves these out.
for need in cage xwayland seatd fonts-dejavu-core fonts-font-awesome libsdl2-2.0-0 \
            libsqlite3-0 libsodium23 libsystemd0 libc6 libespeak-ng1 espeak-ng-data curl; do
  [[ ", $depends," == *", $need "* || ", $depends," == *", $need,"* ]] || fail "Depends lacks $need"
done

control=$(mktemp -d)
trap 'rm -rf "$control"' EXIT
dpkg-deb -e "$deb" "$control"
grep -qx /etc/kiosk/kiosk.toml "$control/conffiles" || fail "/etc/kiosk/kiosk.toml is not a conffile"
for script in postinst prerm postrm; do
  [ -x "$control/$script" ] || fail "$script is missing or not executable"
  sh -n "$control/$script" || fail "$script is not valid sh"
done

contents=$(dpkg-deb -c "$deb" | awk '{print $6}')
for path in ./usr/bin/kiosk ./usr/share/kiosk/content.db ./usr/share/kiosk/assets/logo.png \
            ./etc/kiosk/kiosk.toml ./lib/systemd/system/kiosk.service ./usr/lib/sysusers.d/kiosk.conf ./usr/lib/tmpfiles.d/kiosk.conf \
            ./usr/share/doc/learning-kiosk/copyright \
            ./lib/systemd/system/kiosk-pack-fetch.service ./lib/systemd/system/kiosk-pack-fetch.timer \
            ./lib/systemd/system/kiosk-pack-usb@.service ./lib/udev/rules.d/90-kiosk-pack.rules \
            ./usr/lib/kiosk/kiosk-pack-fetch ./usr/lib/kiosk/kiosk-pack-usb \
            ./usr/share/man/man1/kiosk.1.gz; do
  grep -qx -- "$path" <<<"$contents" || fail "the package lacks $path"
done

# The packaged configuration points at the packaged logo and passes its own check.
unpacked="$control/root"
dpkg-deb -x "$deb" "$unpacked"
grep -q 'logo = "/usr/share/kiosk/assets/logo.png"' "$unpacked/etc/kiosk/kiosk.toml" ||
  fail "/etc/kiosk/kiosk.toml does not name the packaged logo"
"$unpacked/usr/bin/kiosk" --version | grep -qx "kiosk $(dpkg-deb -f "$deb" Version)" ||
  fail "kiosk --version does not match the package version"

# lintian as root warns about itself on stderr; the tags go to stdout.
echo "lintian:"
if ! lintian --fail-on error,warning,info,pedantic --pedantic -I "$deb" 2>/dev/null; then
  fail "lintian has remarks that are not overridden (see above)"
fi
echo "lintian: clean (overrides in deploy/debian/lintian-overrides)"
