#!/usr/bin/env bash
# The pack fetch timer's script (deploy/systemd/kiosk-pack-fetch) against
# python3 -m http.server on 127.0.0.1: a signed pack is fetched and
# installed; asked again, the server answers 304 Not Modified and nothing
# happens; a newer pack is installed with the old one kept; a tampered pack
# or a missing signature is refused and the installed pack stays. Then the
# USB stick's script (deploy/systemd/kiosk-pack-usb) on a folder standing in
# for the mounted stick.
#
#   tests/e2e/pack_fetch.sh [KIOSK_BINARY]      (default: build/bin/kiosk)
set -euo pipefail

source_dir=$(cd "$(dirname "$0")/../.." && pwd)
kiosk=$(realpath "${1:-$source_dir/build/bin/kiosk}")
for tool in minisign curl python3 sqlite3; do
    command -v "$tool" >/dev/null || { echo "pack_fetch: '$tool' is missing (deploy/dev/install-deps.sh)" >&2; exit 1; }
done

work=$(mktemp -d /tmp/kiosk-pack-fetch.XXXXXX)
server_pid=""
cleanup() {
    local status=$?
    if [ -n "$server_pid" ]; then kill -TERM "$server_pid" 2>/dev/null; wait "$server_pid" 2>/dev/null || true; fi
    if [ "$status" -eq 0 ]; then rm -rf "$work"; else echo "pack_fetch: FAILED; files kept in $work" >&2; fi
    exit "$status"
}
trap cleanup EXIT
fail() { echo "pack_fetch: $*" >&2; [ -f "$work/server.log" ] && sed 's/^/  server | /' "$work/server.log" >&2; exit 1; }

mkdir -p "$work/served" "$work/state" "$work/staging" "$work/src"
minisign -G -W -p "$work/key.pub" -s "$work/key.key" >/dev/null
# The small test pack at version $1, signed, as $2.
signed_pack() {
    rm -rf "$work/src" && cp -r "$source_dir/tests/fixtures/pack_small" "$work/src"
    sed -i "s/^version = .*/version = \"$1\"/" "$work/src/pack.toml"
    "$kiosk" content build "$work/src" -o "$2" >/dev/null
    minisign -S -s "$work/key.key" -m "$2" -t "$("$kiosk" content comment "$2")" >/dev/null
}
version_of() { sqlite3 "$1" "SELECT value FROM meta WHERE key = 'version'"; }

port=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
python3 -m http.server --bind 127.0.0.1 --directory "$work/served" "$port" >"$work/server.log" 2>&1 &
server_pid=$!
for _ in $(seq 50); do curl -s -o /dev/null "http://127.0.0.1:$port/" && break; sleep 0.1; done

cat >"$work/kiosk.toml" <<TOML
[kiosk]
name = "Testkiosk"

[content]
public_keys = ["$(sed -n 2p "$work/key.pub")"]
region = "Testregio"
fetch_url = "http://127.0.0.1:$port/pack.db"
TOML
"$kiosk" config check "$work/kiosk.toml" >/dev/null || fail "the test configuration is not valid"

fetch() {
    KIOSK="$kiosk" KIOSK_CONFIG="$work/kiosk.toml" KIOSK_STATE="$work/state" \
        KIOSK_STAGING="$work/staging" "$source_dir/deploy/systemd/kiosk-pack-fetch" >"$work/fetch.log" 2>&1
}
requests() { grep -c "GET /pack.db HTTP/1.1\" $1" "$work/server.log" || true; }

# 1. A first pack is fetched and installed.
signed_pack 1.0 "$work/served/pack.db"
touch -d '2026-11-01 10:00' "$work/served/pack.db"
fetch || fail "the first fetch failed: $(cat "$work/fetch.log")"
[ "$(version_of "$work/state/content.db")" = 1.0 ] || fail "pack 1.0 is not installed"
grep -q '^installed: test-small 1.0' "$work/fetch.log" || fail "no 'installed' line: $(cat "$work/fetch.log")"
echo "fetched and installed 1.0"

# 2. Not modified: a 304, and nothing changes.
before=$(stat -c '%i %Y' "$work/state/content.db")
fetch || fail "the second fetch failed: $(cat "$work/fetch.log")"
grep -q 'not modified' "$work/fetch.log" || fail "no 'not modified': $(cat "$work/fetch.log")"
[ "$(requests 304)" = 1 ] || fail "the server did not answer 304 once"
[ "$(stat -c '%i %Y' "$work/state/content.db")" = "$before" ] || fail "content.db changed on a 304"
[ ! -e "$work/state/content.previous.db" ] || fail "a 304 kept a previous pack"
echo "not modified: nothing done"

# 3. A newer pack: installed, the old one kept.
signed_pack 1.2 "$work/served/pack.db"
touch -d '2026-11-20 10:00' "$work/served/pack.db"
fetch || fail "the newer fetch failed: $(cat "$work/fetch.log")"
[ "$(version_of "$work/state/content.db")" = 1.2 ] || fail "pack 1.2 is not installed"
[ "$(version_of "$work/state/content.previous.db")" = 1.0 ] || fail "1.0 was not kept"
echo "newer pack 1.2 installed, 1.0 kept"

# 4. A tampered pack is refused, and fetched again next time (the server may fix it).
signed_pack 1.3 "$work/served/pack.db"
printf 'X' | dd of="$work/served/pack.db" bs=1 seek=5000 conv=notrunc status=none
touch -d '2026-11-25 10:00' "$work/served/pack.db"
! fetch || fail "a tampered pack was accepted"
grep -q 'tampered' "$work/fetch.log" || fail "no 'tampered': $(cat "$work/fetch.log")"
[ "$(version_of "$work/state/content.db")" = 1.2 ] || fail "the tampered pack replaced 1.2"
gets=$(requests 200)
! fetch || fail "the tampered pack was accepted the second time"
[ "$(requests 200)" -gt "$gets" ] || fail "a refused pack was not fetched again"
echo "tampered pack refused, 1.2 stays"

# 5. A pack without its signature on the server is refused.
signed_pack 1.4 "$work/served/pack.db"
rm "$work/served/pack.db.minisig"
touch -d '2026-11-27 10:00' "$work/served/pack.db"
! fetch || fail "a pack without a signature was accepted"
grep -q 'minisig: HTTP 404' "$work/fetch.log" || fail "no 404 for the signature: $(cat "$work/fetch.log")"
[ "$(version_of "$work/state/content.db")" = 1.2 ] || fail "the unsigned pack replaced 1.2"
echo "missing signature refused"

# 6. The USB stick: a folder standing in for the mounted KIOSKPACK stick.
mkdir -p "$work/stick"
signed_pack 1.5 "$work/stick/kiosk-pack.db"
KIOSK="$kiosk" KIOSK_CONFIG="$work/kiosk.toml" KIOSK_STATE="$work/state" KIOSK_PACK_USB_DIR="$work/stick" \
    RUNTIME_DIRECTORY="$work/usb" "$source_dir/deploy/systemd/kiosk-pack-usb" /dev/null >"$work/usb.log" 2>&1 ||
    fail "the USB install failed: $(cat "$work/usb.log")"
[ "$(version_of "$work/state/content.db")" = 1.5 ] || fail "the stick's pack 1.5 is not installed"
rm "$work/stick/kiosk-pack.db.minisig"
signed_pack 1.6 "$work/stick/kiosk-pack.db" && rm "$work/stick/kiosk-pack.db.minisig"
! KIOSK="$kiosk" KIOSK_CONFIG="$work/kiosk.toml" KIOSK_STATE="$work/state" KIOSK_PACK_USB_DIR="$work/stick" \
    RUNTIME_DIRECTORY="$work/usb2" "$source_dir/deploy/systemd/kiosk-pack-usb" /dev/null >"$work/usb.log" 2>&1 ||
    fail "an unsigned pack on the stick was accepted"
grep -q 'unsigned' "$work/usb.log" || fail "no 'unsigned': $(cat "$work/usb.log")"
[ "$(version_of "$work/state/content.db")" = 1.5 ] || fail "the stick's unsigned pack replaced 1.5"
echo "USB stick: signed pack installed, unsigned refused"
