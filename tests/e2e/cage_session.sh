#!/usr/bin/env bash
# The kiosk session for real: cage on wlroots' headless backend (pixman
# renderer, as on a PC without a GPU), the kiosk in it over Wayland as an
# unprivileged user, and a screenshot taken with grim, which must show the
# attract screen (not the black screen the kiosk once left under cage). The
# screenshot is kept for people to look at.
#
#   tests/e2e/cage_session.sh KIOSK_BINARY SCREENSHOT.png
set -euo pipefail

source_dir=$(cd "$(dirname "$0")/../.." && pwd)
kiosk=$(realpath "$1")
shot=$2
for tool in cage grim Xwayland pngtopam pamsumm; do
    command -v "$tool" >/dev/null || { echo "cage session: '$tool' is missing (deploy/dev/install-deps.sh)" >&2; exit 1; }
done
# cage 0.1.4 refuses to run as root: the session runs as nobody, as the
# package runs it as the kiosk user.
runner=()
if [ "$(id -u)" -eq 0 ]; then runner=(setpriv --reuid=nobody --regid=nogroup --clear-groups); fi

work=$(mktemp -d /tmp/kiosk-cage.XXXXXX)
chmod 755 "$work"
cage_pid=""
cleanup() {
    local status=$?
    [ -n "$cage_pid" ] && { kill -TERM "$cage_pid" 2>/dev/null || true; }
    # When cage ends first the kiosk spins (deploy/README.md): end it for sure.
    pkill -KILL -f -- "--stats $work/stats.db" 2>/dev/null || true
    # cage 0.1.4 aborts on SIGTERM (exit 134): that is not this test's failure.
    [ -n "$cage_pid" ] && { wait "$cage_pid" 2>/dev/null || true; }
    if [ "$status" -eq 0 ]; then rm -rf "$work"; else echo "cage session: FAILED; files kept in $work" >&2; fi
    exit "$status"
}
trap cleanup EXIT
fail() { echo "cage session: $*" >&2; exit 1; }

"$kiosk" content build "$source_dir/content" -o "$work/content.db" >"$work/build.log" 2>&1 ||
    fail "content build failed: $(cat "$work/build.log")"
sed -e "s|^logo = .*|logo = \"$source_dir/assets/logo.png\"|" -e '/^target = /d' \
    -e 's|^textfile_dir = .*|textfile_dir = ""|' \
    "$source_dir/deploy/config/kiosk.example.toml" >"$work/kiosk.toml"
mkdir -m 700 "$work/run"
[ "$(id -u)" -eq 0 ] && chown nobody:nogroup "$work/run" && chmod 777 "$work"

unset DISPLAY WAYLAND_DISPLAY XAUTHORITY NOTIFY_SOCKET WATCHDOG_USEC
export XDG_RUNTIME_DIR="$work/run" WLR_BACKENDS=headless WLR_RENDERER=pixman
export WLR_LIBINPUT_NO_DEVICES=1 SDL_VIDEODRIVER=wayland
"${runner[@]}" cage -d -- "$kiosk" --content "$work/content.db" --config "$work/kiosk.toml" \
    --stats "$work/stats.db" >"$work/session.log" 2>&1 &
cage_pid=$!

# The attract screen is light: wait for a screenshot that is not all black.
for _ in $(seq 1 60); do
    sleep 1
    kill -0 "$cage_pid" 2>/dev/null || fail "cage ended: $(cat "$work/session.log")"
    [ -S "$work/run/wayland-0" ] || continue
    WAYLAND_DISPLAY=wayland-0 "${runner[@]}" grim "$work/shot.png" 2>>"$work/grim.log" || continue
    brightest=$(pngtopam "$work/shot.png" | pamsumm -max -brief)
    if [ "${brightest%.*}" -gt 0 ]; then
        mkdir -p "$(dirname "$shot")"
        cp "$work/shot.png" "$shot"
        grep -q "on wayland" "$work/session.log" || fail "the kiosk did not run over Wayland: $(cat "$work/session.log")"
        echo "cage session: the screen shows the kiosk; screenshot in $shot"
        exit 0
    fi
done
fail "the screen under cage stayed black for 60 s: $(cat "$work/session.log")"
