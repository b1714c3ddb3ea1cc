#!/usr/bin/env bash
# deploy/ansible/site.yml, run for real against a fresh Debian 12 root made
# by debootstrap, through Ansible's chroot connection (community.general):
# it installs Python where it is missing, then the package with apt, places
# the configuration from inventory variables and pushes a signed pack. Then
# the package, configuration, logo and pack are there, `kiosk config check`
# passes as the kiosk user, a second run changes nothing, and a run with
# opening hours the program refuses fails and leaves the configuration as it
# was. The debootstrap root and downloaded packages come from the same cache
# as install_in_debootstrap.sh ($KIOSK_TEST_CACHE, default
# /var/cache/kiosk-tests).
#
#   ansible_in_chroot.sh BUILD_DIR SOURCE_DIR      (as root)
set -euo pipefail
build=$(cd "$1" && pwd)
source_dir=$(cd "$2" && pwd)
cache=${KIOSK_TEST_CACHE:-/var/cache/kiosk-tests}
kiosk=$build/bin/kiosk
fail() { echo "FAIL: $*" >&2; exit 1; }
step() { echo "--- $* ($(date +%T))"; }

[ "$(id -u)" -eq 0 ] || fail "needs root (chroot, mounts); CI runs as root"
for tool in ansible-playbook minisign debootstrap; do
  command -v "$tool" >/dev/null || fail "$tool is missing: run deploy/dev/install-deps.sh"
done
deb=$(ls "$build"/learning-kiosk_*_*.deb 2>/dev/null | head -1)
[ -n "$deb" ] || fail "no package in $build: the package test (cpack) must run first"
tarball="$cache/bookworm-minbase.tar.gz"
if [ ! -s "$tarball" ]; then
  mirror=$(grep -h '^URIs:' /etc/apt/sources.list.d/*.sources 2>/dev/null | awk '{print $2}' | grep -v security | head -1)
  [ -n "$mirror" ] || mirror=$(awk '$1 == "deb" && $3 == "bookworm" {print $2; exit}' /etc/apt/sources.list)
  step "debootstrap bookworm (minbase) from $mirror, once; kept in $tarball"
  mkdir -p "$cache"
  fresh=$(mktemp -d "$cache/debootstrap.XXXXXX")
  debootstrap --variant=minbase bookworm "$fresh" "$mirror" >"$cache/debootstrap.log" 2>&1 ||
    { tail -20 "$cache/debootstrap.log"; rm -rf "$fresh"; fail "debootstrap failed"; }
  tar -C "$fresh" -czf "$tarball.new" . && mv "$tarball.new" "$tarball"
  rm -rf "$fresh"
fi
mkdir -p "$cache/archives/partial"

work=$(mktemp -d /tmp/kiosk-ansible.XXXXXX)
root=$work/root
mounted=()
cleanup() {
  local status=$?
  for ((i = ${#mounted[@]} - 1; i >= 0; i--)); do umount -l "${mounted[$i]}" 2>/dev/null || true; done
  if [ "$status" -eq 0 ]; then rm -rf "$work"; else echo "kept $work (root, inventory, logs)" >&2; fi
  exit "$status"
}
trap cleanup EXIT
step "a fresh root from the cached debootstrap"
mkdir "$root"
tar -C "$root" -xzf "$tarball"
chmod 0755 "$root"
mount -t proc proc "$root/proc" && mounted+=("$root/proc")
mount --bind /dev "$root/dev" && mounted+=("$root/dev")
mount --bind "$cache/archives" "$root/var/cache/apt/archives" && mounted+=("$root/var/cache/apt/archives")
cp /etc/resolv.conf "$root/etc/resolv.conf"
in_root() { chroot "$root" env -i PATH=/usr/sbin:/usr/bin:/sbin:/bin LANG=C.UTF-8 "$@"; }
[ ! -e "$root/usr/bin/python3" ] || fail "the debootstrap root already has python3: the raw bootstrap goes untested"

# The pack's half (kiosk content install, [content] in the configuration)
# comes with the signed packs; a build without them gets no pack pushed.
with_packs=false
content_usage=$("$kiosk" content 2>&1 || true)
grep -q "kiosk content install" <<<"$content_usage" && with_packs=true
step "a region's key, and a signed pack (with_packs=$with_packs)"
minisign -G -W -p "$work/region.pub" -s "$work/region.key" >/dev/null
public_key=$(sed -n 2p "$work/region.pub")
"$kiosk" content build "$source_dir/content" -o "$work/pack.db" >"$work/pack.log" 2>&1 || { tail "$work/pack.log"; fail "kiosk content build failed"; }
meta() { sqlite3 "$work/pack.db" "SELECT value FROM meta WHERE key = '$1'"; }
region=$(meta region)
minisign -S -s "$work/region.key" -m "$work/pack.db" \
  -t "pack=$(meta id) version=$(meta version) region=$region" >/dev/null
content_vars=""
if $with_packs; then
  content_vars="kiosk_content_public_keys: [\"$public_key\"]
        kiosk_content_region: \"$region\"
        kiosk_content_fetch_url: https://leren.example.nl/$region/pack.db
        kiosk_pack: $work/pack.db"
fi

cat >"$work/inventory.yml" <<EOF
all:
  children:
    kiosks:
      hosts:
        test-kiosk:
          ansible_connection: community.general.chroot
          ansible_host: $root
          ansible_python_interpreter: /usr/bin/python3
      vars:
        kiosk_deb: $deb
        kiosk_name: Leerwerkloket Proefstad
        kiosk_place: "Bibliotheek Proefstad, Markt 1"
        kiosk_coordinates: [50.8882, 5.9795]
        kiosk_contact: "ma-vr 10-17 uur"
        kiosk_logo: $source_dir/assets/logo.png
        kiosk_printer_target: tcp:192.0.2.21:9100
        kiosk_printer_paper_mm: 58
        kiosk_opening_hours:
          monday: "09:00-17:00"
          thursday: "09:00-12:00,13:00-20:00"
          saturday: "10:00-14:00"
        $content_vars
EOF
playbook() {
  ANSIBLE_CONFIG="$source_dir/deploy/ansible/ansible.cfg" ANSIBLE_NOCOLOR=1 ANSIBLE_LOCAL_TEMP="$work/ansible-tmp" \
    ansible-playbook -i "$work/inventory.yml" "$source_dir/deploy/ansible/site.yml" "$@"
}

step "ansible-playbook site.yml through the chroot connection"
start=$(date +%s)
playbook >"$work/run1.log" 2>&1 || { tail -40 "$work/run1.log"; fail "site.yml failed"; }
echo "first run: $(($(date +%s) - start)) s; $(grep -A1 '^PLAY RECAP' "$work/run1.log" | tail -1)"

step "the package, configuration, logo and pack are there"
version=$(dpkg-deb -f "$deb" Version)
[ "$(in_root dpkg-query -W -f='${Status} ${Version}' learning-kiosk)" = "install ok installed $version" ] ||
  fail "learning-kiosk $version is not installed: $(in_root dpkg-query -W learning-kiosk 2>&1)"
[ "$(in_root stat -c '%a %U %G' /etc/kiosk/kiosk.toml)" = "640 root kiosk" ] ||
  fail "/etc/kiosk/kiosk.toml is $(in_root stat -c '%a %U %G' /etc/kiosk/kiosk.toml), not 640 root kiosk"
config=$root/etc/kiosk/kiosk.toml
for line in 'name = "Leerwerkloket Proefstad"' 'contact = "Bibliotheek Proefstad, Markt 1\nma-vr 10-17 uur"' \
            'target = "tcp:192.0.2.21:9100"' 'paper_mm = 58' 'logo = "/etc/kiosk/logo.png"' \
            'monday = "09:00-17:00"' 'tuesday = ""' 'thursday = "09:00-12:00,13:00-20:00"' 'sunday = ""'; do
  grep -qxF "$line" "$config" || fail "kiosk.toml lacks the line: $line"
done
cmp -s "$source_dir/assets/logo.png" "$root/etc/kiosk/logo.png" || fail "/etc/kiosk/logo.png is not the inventory's logo"
[ -L "$root/etc/systemd/system/multi-user.target.wants/seatd.service" ] || fail "seatd.service is not enabled"
[ -L "$root/etc/systemd/system/graphical.target.wants/kiosk.service" ] || fail "kiosk.service is not enabled"
in_root runuser -u kiosk -- kiosk config check /etc/kiosk/kiosk.toml --content /var/lib/kiosk/content.db ||
  fail "kiosk config check refuses the placed configuration"
if $with_packs; then
  grep -qxF "public_keys = [\"$public_key\"]" "$config" || fail "kiosk.toml lacks the region's public key"
  cmp -s "$work/pack.db" "$root$(in_root readlink -f /var/lib/kiosk/content.db)" ||
    fail "/var/lib/kiosk/content.db is not the pushed pack"
else
  [ "$(in_root readlink /var/lib/kiosk/content.db)" = /usr/share/kiosk/content.db ] ||
    fail "/var/lib/kiosk/content.db changed without a pack pushed"
fi

step "a second run changes nothing"
playbook >"$work/run2.log" 2>&1 || { tail -40 "$work/run2.log"; fail "the second run of site.yml failed"; }
recap=$(grep -A1 '^PLAY RECAP' "$work/run2.log" | tail -1)
grep -q "changed=0 .*failed=0" <<<"$recap" || { grep -B3 '^changed' "$work/run2.log" | head -30; fail "the second run changed something: $recap"; }

step "opening hours the program refuses stop the run and leave the configuration alone"
before=$(sha256sum <"$config")
if playbook -e '{"kiosk_opening_hours": {"monday": "25:00-26:00"}}' >"$work/run3.log" 2>&1; then
  fail "site.yml placed a configuration with monday = 25:00-26:00"
fi
grep -q "hours.monday" "$work/run3.log" || { tail -20 "$work/run3.log"; fail "the failed run does not name hours.monday"; }
[ "$(sha256sum <"$config")" = "$before" ] || fail "the refused configuration replaced the placed one"
echo "site.yml installed and configured a Debian 12 root through the chroot connection, twice, and refused a bad configuration"
