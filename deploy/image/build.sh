#!/usr/bin/env bash
# Builds the kiosk image for one municipality with Debian 12's mkosi 14:
#
#   deploy/image/build.sh --deb build/learning-kiosk_0.1.0_amd64.deb \
#       --overlay deploy/image/overlays/example [--format gpt_ext4|directory] \
#       [--output DIR] [--cache DIR] [--summary]
#
# gpt_ext4 (the default) is the bootable disk to write to a kiosk's drive;
# directory is the same system as a folder, for checking it. As root (mkosi
# needs a mount namespace, loop devices for a disk, and Debian's mirror, taken
# from the host's apt sources). --cache keeps downloaded packages and mkosi's
# cached tree between builds (default /var/cache/kiosk-image). --summary
# prints what mkosi would build (`mkosi summary`) and builds nothing.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
usage() { sed -n '2,15p' "$0" | sed 's/^# \{0,1\}//' >&2; exit 2; }
fail() { echo "build.sh: $*" >&2; exit 1; }

deb= overlay= format=gpt_ext4 output= cache=/var/cache/kiosk-image verb=build
while (($#)); do
  case "$1" in
    --deb) deb=$2; shift 2 ;;
    --overlay) overlay=$2; shift 2 ;;
    --format) format=$2; shift 2 ;;
    --output) output=$2; shift 2 ;;
    --cache) cache=$2; shift 2 ;;
    --summary) verb=summary; shift ;;
    *) usage ;;
  esac
done
[ -n "$deb" ] && [ -n "$overlay" ] || usage
[ -f "$deb" ] || fail "--deb $deb: no such file (cmake --build build --target package makes it)"
[ -f "$overlay/kiosk.toml" ] || fail "--overlay $overlay: no kiosk.toml in it (see overlays/README.md)"
case "$format" in gpt_ext4) bootable=yes ;; directory) bootable=no ;; *) fail "--format $format: gpt_ext4 or directory" ;; esac
[ "$verb" = summary ] || [ "$(id -u)" -eq 0 ] || fail "needs root (mkosi mounts, chroots and, for a disk, uses loop devices)"
command -v mkosi >/dev/null || fail "mkosi is missing: run deploy/dev/install-deps.sh"
deb=$(realpath "$deb")
overlay=$(realpath "$overlay")
name=$(basename "$overlay")
output=$(realpath -m "${output:-$PWD/image-$name}")

# The package's own Depends, for mkosi to install from Debian before
# mkosi.finalize puts the package itself in with dpkg (versions and
# alternatives after the first dropped: mkosi's Packages= takes names).
depends=$(dpkg-deb -f "$deb" Depends | tr ',' '\n' | sed 's/|.*//; s/(.*)//; s/[[:space:]]//g' | grep -v '^$' | paste -sd, -)
[ ! -f "$overlay/authorized_keys" ] || depends+=",openssh-server"

# The mirror the host's apt uses.
mirror=$(grep -h '^URIs:' /etc/apt/sources.list.d/*.sources 2>/dev/null | awk '{print $2}' | grep -v security | head -1 || true)
[ -n "$mirror" ] || mirror=$(awk '$1 == "deb" && $3 == "bookworm" {print $2; exit}' /etc/apt/sources.list 2>/dev/null || true)
[ -n "$mirror" ] || mirror=http://deb.debian.org/debian

# --incremental keeps the tree after Debian's packages beside the output
# (kiosk-NAME.cache-*), so a second build only adds the overlay. mkosi 14
# reuses that tree whatever changed since: a different package list or
# mkosi.conf must throw it away (--force twice).
force=(--force)
image=$output/kiosk-$name$([ "$format" = directory ] || echo .raw)
if [ "$verb" = build ]; then
  mkdir -p "$cache/packages" "$output"
  key=$(printf '%s\n' "$depends" "$mirror" "$format" | cat - "$here/mkosi.conf" | sha256sum | cut -c1-16)
  stamp=$output/.kiosk-$name.cache-key
  [ "$(cat "$stamp" 2>/dev/null)" = "$key" ] || force+=(--force)
  echo "$key" >"$stamp"
  # mkosi 14 rebuilds its cached tree unless the build-script stage's cache
  # (.cache-pre-dev) exists too, which it never makes without a build
  # script: an empty one lets it reuse .cache-pre-inst.
  if [ "${#force[@]}" -eq 1 ] && [ -e "$image.cache-pre-inst" ]; then
    if [ "$format" = directory ]; then mkdir -p "$image.cache-pre-dev"; else touch "$image.cache-pre-dev"; fi
  fi
fi
exec mkosi "${force[@]}" --incremental --directory "$here" \
  --format "$format" --bootable "$bootable" \
  --mirror "$mirror" --cache "$cache/packages" \
  --package "$depends" \
  --environment "KIOSK_DEB=$deb" --environment "KIOSK_OVERLAY=$overlay" \
  --output "$image" \
  "$verb"
