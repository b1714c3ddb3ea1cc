#!/usr/bin/env bash
# The kiosk image (deploy/image) built with mkosi in its directory form,
# with an overlay made here: a region's key and signed pack, a logo and an
# ssh key. In the tree: the package with cage and fonts, the overlay's
# configuration (passing `kiosk config check` as the kiosk user), logo and
# pack; no password for any account; ssh for keys only, with no host keys
# yet; /etc/machine-id left for the first boot, whose identity script gives
# the machine a host name of its own and new ssh host keys. The bootable
# disk form (gpt_ext4) needs a kernel that mounts FAT for its EFI partition,
# which the CI machine's lacks (no vfat, no modules): for it this checks
# what mkosi would build (`build.sh --summary`). Downloads and mkosi's cached tree are kept in
# $KIOSK_TEST_CACHE/image (default /var/cache/kiosk-tests/image).
#
#   image_directory.sh BUILD_DIR SOURCE_DIR      (as root)
set -euo pipefail
build=$(cd "$1" && pwd)
source_dir=$(cd "$2" && pwd)
cache=${KIOSK_TEST_CACHE:-/var/cache/kiosk-tests}/image
kiosk=$build/bin/kiosk
image_dir=$source_dir/deploy/image
fail() { echo "FAIL: $*" >&2; exit 1; }
step() { echo "--- $* ($(date +%T))"; }

[ "$(id -u)" -eq 0 ] || fail "needs root (mkosi mounts and chroots); CI runs as root"
for tool in mkosi minisign sqlite3; do
  command -v "$tool" >/dev/null || fail "$tool is missing: run deploy/dev/install-deps.sh"
done
deb=$(ls "$build"/learning-kiosk_*_*.deb 2>/dev/null | head -1)
[ -n "$deb" ] || fail "no package in $build: the package test (cpack) must run first"

work=$(mktemp -d /tmp/kiosk-image.XXXXXX)
cleanup() {
  local status=$?
  if [ "$status" -eq 0 ]; then rm -rf "$work"; else echo "kept $work (overlay, build log)" >&2; fi
  exit "$status"
}
trap cleanup EXIT

step "an overlay: configuration, logo, ssh key, and a region's key and signed pack"
overlay=$work/proefstad
mkdir "$overlay"
cp "$image_dir/overlays/example/kiosk.toml" "$overlay/kiosk.toml"
sed -i 's/^name = .*/name = "Leerwerkloket Proefstad"/' "$overlay/kiosk.toml"
cp "$source_dir/assets/logo.png" "$overlay/logo.png"
echo "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIBf5i6nVw8Y2Vt2pXJ0W8bq6v5CwTPdcRaV2bHfRLmHn admin@proefstad" \
  >"$overlay/authorized_keys"
minisign -G -W -p "$overlay/minisign.pub" -s "$work/region.key" >/dev/null
# The pack's half (kiosk content install, [content] in the configuration)
# comes with the signed packs; a build without them gets no pack in the image.
with_packs=false
content_usage=$("$kiosk" content 2>&1 || true)
grep -q "kiosk content install" <<<"$content_usage" && with_packs=true
if $with_packs; then
  "$kiosk" content build "$source_dir/content" -o "$overlay/pack.db" >"$work/pack.log" 2>&1 || { tail "$work/pack.log"; fail "kiosk content build failed"; }
  meta() { sqlite3 "$overlay/pack.db" "SELECT value FROM meta WHERE key = '$1'"; }
  region=$(meta region)
  minisign -S -s "$work/region.key" -m "$overlay/pack.db" \
    -t "pack=$(meta id) version=$(meta version) region=$region" >/dev/null
  printf '\n[content]\npublic_keys = ["%s"]\nregion = "%s"\n' "$(sed -n 2p "$overlay/minisign.pub")" "$region" \
    >>"$overlay/kiosk.toml"
fi

step "what mkosi would build: the bootable disk, and no ssh without a key in the overlay"
summary=$("$image_dir/build.sh" --deb "$deb" --overlay "$overlay" --summary --cache "$cache" --output "$work/unused" 2>&1)
grep -q "Output Format: gpt_ext4" <<<"$summary" || fail "the default format is not gpt_ext4: $summary"
grep -q "Bootable: yes" <<<"$summary" || fail "the disk is not bootable: $summary"
for package in cage xwayland seatd fonts-dejavu-core fonts-font-awesome openssh-server python3; do
  grep -qE "^ +(Packages: +)?$package\$" <<<"$summary" || fail "the image would lack $package"
done
mkdir "$work/no-ssh" && cp "$overlay/kiosk.toml" "$overlay/logo.png" "$overlay/minisign.pub" "$work/no-ssh/"
summary=$("$image_dir/build.sh" --deb "$deb" --overlay "$work/no-ssh" --summary --cache "$cache" --output "$work/unused" 2>&1)
grep -qE "^ +openssh-server\$" <<<"$summary" && fail "an overlay without authorized_keys gives ssh"

step "build.sh --format directory"
out=$cache/output
start=$(date +%s)
"$image_dir/build.sh" --deb "$deb" --overlay "$overlay" --format directory --output "$out" --cache "$cache" \
  >"$work/build.log" 2>&1 || { tail -40 "$work/build.log"; fail "build.sh failed (log kept in $work)"; }
echo "built in $(($(date +%s) - start)) s"
tree=$out/kiosk-proefstad
[ -d "$tree/etc" ] || fail "no image tree at $tree"
in_tree() { chroot "$tree" env -i PATH=/usr/sbin:/usr/bin:/sbin:/bin LANG=C.UTF-8 "$@"; }

step "the package, cage and fonts, and the overlay"
version=$(dpkg-deb -f "$deb" Version)
for package in "learning-kiosk $version" cage xwayland seatd fonts-dejavu-core fonts-font-awesome openssh-server; do
  status=$(in_tree dpkg-query -W -f='${Status} ${Package} ${Version}\n' "${package%% *}" 2>&1 || true)
  [[ "$status" == "install ok installed $package"* ]] ||
    fail "$package is not installed in the image"
done
cmp -s "$overlay/kiosk.toml" "$tree/etc/kiosk/kiosk.toml" || fail "/etc/kiosk/kiosk.toml is not the overlay's"
[ "$(in_tree stat -c '%a %U %G' /etc/kiosk/kiosk.toml)" = "640 root kiosk" ] ||
  fail "/etc/kiosk/kiosk.toml is $(in_tree stat -c '%a %U %G' /etc/kiosk/kiosk.toml), not 640 root kiosk"
cmp -s "$overlay/logo.png" "$tree/etc/kiosk/logo.png" || fail "/etc/kiosk/logo.png is not the overlay's"
cmp -s "$overlay/minisign.pub" "$tree/etc/kiosk/minisign.pub" || fail "/etc/kiosk/minisign.pub is not the overlay's"
[ -f "$tree/etc/systemd/network/80-kiosk-wired.network" ] || fail "the image takes no address on its wired port"
for unit in sysinit.target.wants/kiosk-identity.service graphical.target.wants/kiosk.service \
            multi-user.target.wants/seatd.service multi-user.target.wants/systemd-networkd.service; do
  [ -L "$tree/etc/systemd/system/$unit" ] || fail "$unit is not enabled in the image"
done
mount -t proc proc "$tree/proc"
mount --bind /dev "$tree/dev"
trap 'umount -l "$tree/dev" "$tree/proc" 2>/dev/null || true; cleanup' EXIT
in_tree runuser -u kiosk -- kiosk config check /etc/kiosk/kiosk.toml --content /var/lib/kiosk/content.db ||
  fail "kiosk config check refuses the image's configuration"
if $with_packs; then
  cmp -s "$overlay/pack.db" "$tree$(in_tree readlink -f /var/lib/kiosk/content.db)" ||
    fail "/var/lib/kiosk/content.db is not the overlay's pack"
fi

step "no password login; ssh for keys only"
passwords=$(awk -F: '$2 !~ /^[!*]/ && $2 != "" {print $1}' "$tree/etc/shadow")
[ -z "$passwords" ] || fail "accounts with a password: $passwords"
empty=$(awk -F: '$2 == "" {print $1}' "$tree/etc/shadow")
[ -z "$empty" ] || fail "accounts with an empty password: $empty"
cmp -s "$overlay/authorized_keys" "$tree/root/.ssh/authorized_keys" || fail "/root/.ssh/authorized_keys is not the overlay's"
grep -qx "PasswordAuthentication no" "$tree/etc/ssh/sshd_config.d/kiosk.conf" || fail "sshd still takes passwords"

step "the first boot gives the machine its own identity"
[ "$(cat "$tree/etc/machine-id")" = uninitialized ] || fail "/etc/machine-id is '$(cat "$tree/etc/machine-id")', not uninitialized"
! ls "$tree"/etc/ssh/ssh_host_* >/dev/null 2>&1 || fail "the image ships ssh host keys: every disk would share them"
[ ! -e "$tree/var/lib/systemd/random-seed" ] || fail "the image ships a random seed"
[ ! -e "$tree/etc/hostname" ] || fail "the image ships a host name"
# What systemd does at first boot, then the image's own unit.
id=$(od -An -N16 -tx1 /dev/urandom | tr -d ' \n')
echo "$id" >"$tree/etc/machine-id"
unshare --uts chroot "$tree" /usr/libexec/kiosk/first-boot-identity >/dev/null
[ "$(cat "$tree/etc/hostname")" = "kiosk-${id:0:8}" ] || fail "first boot named the machine '$(cat "$tree/etc/hostname")'"
[ -s "$tree/etc/ssh/ssh_host_ed25519_key" ] || fail "first boot made no ssh host key"
mkdir -p "$tree/run/sshd"
sshd_settings=$(in_tree sshd -T -C user=root,host=x,addr=192.0.2.1) || fail "sshd -T refuses the image's configuration"
grep -qx "passwordauthentication no" <<<"$sshd_settings" || fail "sshd -T: password authentication is on"
grep -qx "permitrootlogin without-password" <<<"$sshd_settings" ||
  fail "sshd -T: root may log in with a password"
# Only mkosi's cached tree is worth keeping (kiosk-proefstad.cache-pre-inst):
# the built tree (about 1 GB) is made again next time anyway.
umount -l "$tree/dev" "$tree/proc" && rm -rf "$tree"
echo "the kiosk image builds as a directory with the package, cage, fonts and the overlay, no passwords, and its own identity at first boot"
