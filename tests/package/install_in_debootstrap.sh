#!/usr/bin/env bash
# The package installs with apt into a fresh Debian 12 root made by
# debootstrap, its dependencies resolved from the registry the host's apt
# uses; there `kiosk --version`, `kiosk config check` and `kiosk content
# validate` run as the kiosk user; the user, modes, links and the enabled
# unit are as the package promises; remove and purge leave nothing of the
# kiosk behind but its user. Slow the first time (debootstrap, downloads):
# the minimal root and the downloaded packages are kept in a cache folder
# ($KIOSK_TEST_CACHE, default /var/cache/kiosk-tests), so later runs only
# unpack and install.
#
#   install_in_debootstrap.sh BUILD_DIR SOURCE_DIR      (as root)
set -euo pipefail
build=$(cd "$1" && pwd)
source_dir=$(cd "$2" && pwd)
cache=${KIOSK_TEST_CACHE:-/var/cache/kiosk-tests}
fail() { echo "FAIL: $*" >&2; exit 1; }
step() { echo "--- $* ($(date +%T))"; }

[ "$(id -u)" -eq 0 ] || fail "needs root (debootstrap, chroot, mounts); CI runs as root"
command -v debootstrap >/dev/null || fail "debootstrap is missing: run deploy/dev/install-deps.sh"
deb=$(ls "$build"/learning-kiosk_*_*.deb 2>/dev/null | head -1)
[ -n "$deb" ] || fail "no package in $build: the package test (cpack) must run first"

# The mirror the host's apt uses (so the test reaches the same registry).
mirror=$(grep -h '^URIs:' /etc/apt/sources.list.d/*.sources 2>/dev/null | awk '{print $2}' |
    grep -v security | head -1)
[ -n "$mirror" ] || mirror=$(awk '$1 == "deb" && $3 == "bookworm" {print $2; exit}' /etc/apt/sources.list 2>/dev/null)
[ -n "$mirror" ] || fail "cannot tell the host's Debian mirror from /etc/apt"

mkdir -p "$cache/archives/partial"
tarball="$cache/bookworm-minbase.tar.gz"
if [ ! -s "$tarball" ]; then
  step "debootstrap bookworm (minbase) from $mirror, once; kept in $tarball"
  fresh=$(mktemp -d "$cache/debootstrap.XXXXXX")
  debootstrap --variant=minbase bookworm "$fresh" "$mirror" >"$cache/debootstrap.log" 2>&1 ||
    { tail -20 "$cache/debootstrap.log"; rm -rf "$fresh"; fail "debootstrap failed (log: $cache/debootstrap.log)"; }
  tar -C "$fresh" -czf "$tarball.new" . && mv "$tarball.new" "$tarball"
  rm -rf "$fresh"
fi

root=$(mktemp -d /tmp/kiosk-debootstrap.XXXXXX)
mounted=()
cleanup() {
  local status=$?
  for ((i = ${#mounted[@]} - 1; i >= 0; i--)); do umount -l "${mounted[$i]}" 2>/dev/null || true; done
  if [ "$status" -eq 0 ]; then rm -rf "$root"; else echo "kept the root in $root" >&2; fi
  exit "$status"
}
trap cleanup EXIT
step "a fresh root from the cached debootstrap"
tar -C "$root" -xzf "$tarball"
chmod 0755 "$root"  # mktemp's 0700 (kept in the tarball too) would shut the kiosk user out of /
mount -t proc proc "$root/proc" && mounted+=("$root/proc")
mount --bind /dev "$root/dev" && mounted+=("$root/dev")
mount --bind "$cache/archives" "$root/var/cache/apt/archives" && mounted+=("$root/var/cache/apt/archives")
cp /etc/resolv.conf "$root/etc/resolv.conf"
in_root() { chroot "$root" env -i PATH=/usr/sbin:/usr/bin:/sbin:/bin DEBIAN_FRONTEND=noninteractive LANG=C.UTF-8 "$@"; }
as_kiosk() { in_root runuser -u kiosk -- "$@"; }
before=$(in_root find / -xdev -name '*kiosk*' -not -path '/var/cache/*' -not -path '/var/lib/apt/*' | sort)

step "apt install the package; apt fetches its dependencies"
cp "$deb" "$root/tmp/"
in_root apt-get update -qq >"$root/tmp/apt.log" 2>&1 || { cat "$root/tmp/apt.log"; fail "apt-get update failed"; }
in_root apt-get install -y -q --no-install-recommends "/tmp/$(basename "$deb")" >>"$root/tmp/apt.log" 2>&1 ||
  { tail -40 "$root/tmp/apt.log"; fail "apt-get install of the package failed"; }
grep -i "warning\|error" "$root/tmp/apt.log" | grep -v "^W: Download is performed unsandboxed" || true

step "the kiosk user runs the program's checks"
as_kiosk kiosk --version | tee /dev/stderr | grep -qx "kiosk $(dpkg-deb -f "$deb" Version)" ||
  fail "kiosk --version as the kiosk user"
as_kiosk kiosk config check /etc/kiosk/kiosk.toml --content /var/lib/kiosk/content.db ||
  fail "the packaged configuration does not pass kiosk config check as the kiosk user"
cp -r "$source_dir/content" "$root/tmp/content" && chmod -R a+rX "$root/tmp/content"
as_kiosk kiosk content validate /tmp/content || fail "kiosk content validate as the kiosk user"
printf '[kiosk]\nname = "x"\n[timeouts]\nidle_s = 3\n' >"$root/tmp/bad.toml" && chmod a+r "$root/tmp/bad.toml"
out=$(as_kiosk kiosk config check /tmp/bad.toml 2>&1) && fail "config check passed a bad file"
grep -q "^/tmp/bad.toml:4: timeouts.idle_s: " <<<"$out" || fail "config check did not say file:line: key: $out"
as_kiosk sh -c 'touch /var/lib/kiosk/probe && rm /var/lib/kiosk/probe' || fail "the kiosk user cannot write /var/lib/kiosk"

step "what the package set up"
in_root id kiosk | grep -q "(video)" || fail "kiosk is not in video: $(in_root id kiosk)"
in_root id kiosk | grep -q "(render)" || fail "kiosk is not in render: $(in_root id kiosk)"
in_root id kiosk | grep -q "(lp)" || fail "kiosk is not in lp: $(in_root id kiosk)"
[ "$(in_root stat -c '%a %U %G' /etc/kiosk/kiosk.toml)" = "640 root kiosk" ] ||
  fail "/etc/kiosk/kiosk.toml is $(in_root stat -c '%a %U %G' /etc/kiosk/kiosk.toml), not 640 root kiosk"
[ "$(in_root stat -c '%a %U' /var/lib/kiosk)" = "711 kiosk" ] || fail "/var/lib/kiosk is $(in_root stat -c '%a %U' /var/lib/kiosk)"
[ "$(in_root readlink /var/lib/kiosk/content.db)" = /usr/share/kiosk/content.db ] || fail "/var/lib/kiosk/content.db is not the packaged pack"
[ "$(in_root readlink /var/lib/prometheus/node-exporter/kiosk.prom)" = /var/lib/kiosk/health/kiosk.prom ] ||
  fail "no link to the health file in node exporter's folder"
[ -L "$root/etc/systemd/system/graphical.target.wants/kiosk.service" ] || fail "kiosk.service is not enabled"
[ -L "$root/etc/systemd/system/timers.target.wants/kiosk-pack-fetch.timer" ] || fail "the pack fetch timer is not enabled"
[ -x "$root/usr/lib/kiosk/kiosk-pack-fetch" ] && [ -f "$root/lib/udev/rules.d/90-kiosk-pack.rules" ] ||
  fail "the pack fetch script or the USB stick's udev rule is missing"
# Without [content] fetch_url the fetch does nothing and succeeds.
in_root /usr/lib/kiosk/kiosk-pack-fetch || fail "kiosk-pack-fetch fails without a fetch_url"
for dep in cage xwayland seatd fonts-dejavu-core; do
  in_root dpkg-query -W -f='${Status}\n' "$dep" | grep -q "ok installed" || fail "$dep was not installed"
done

step "apt remove: the program goes, the configuration and state stay"
in_root apt-get remove -y -q learning-kiosk >>"$root/tmp/apt.log" 2>&1 || fail "apt-get remove failed"
[ ! -e "$root/usr/bin/kiosk" ] || fail "/usr/bin/kiosk is still there after remove"
[ -f "$root/etc/kiosk/kiosk.toml" ] || fail "remove took the conffile"
[ ! -L "$root/var/lib/prometheus/node-exporter/kiosk.prom" ] || fail "remove left a dangling link in node exporter's folder"

step "apt purge: nothing of the kiosk stays but its user"
in_root apt-get purge -y -q learning-kiosk >>"$root/tmp/apt.log" 2>&1 || fail "apt-get purge failed"
after=$(in_root find / -xdev -name '*kiosk*' -not -path '/var/cache/*' -not -path '/var/lib/apt/*' -not -path '/tmp/*' | sort)
left=$(comm -13 <(echo "$before") <(echo "$after") | grep -v '^$' || true)
[ -z "$left" ] || fail "purge left: $left"
[ -z "$(in_root dpkg-statoverride --list '/etc/kiosk/*')" ] || fail "purge left the statoverride"
[ ! -e "$root/var/lib/kiosk" ] || fail "purge left /var/lib/kiosk"
echo "installed, checked as the kiosk user, removed and purged in a fresh Debian 12 root"
