#!/usr/bin/env bash
# The kiosk session for real: cage with the pixman renderer (as on a PC
# without a GPU), the kiosk in it over Wayland as an unprivileged user, and a
# screenshot that must show the attract screen (not the black screen the kiosk
# once left under cage). The screenshot is kept for people to look at. Then
# cage ends, and the kiosk must end with it.
#
# cage's output is a window on an Xvfb display (wlroots' x11 backend), and the
# screenshot is taken of that display with xwd. Not headless with grim: when
# the kiosk's fullscreen buffer fills the output, cage 0.1.4 scans it out
# directly, and while grim's screencopy holds the output that commit fails
# ("Basic output test failed") and grim gets a black frame until the kiosk
# draws again; the kiosk idles after its first frames, so the shot was black
# in about one run of three (deploy/README.md).
#
#   tests/e2e/cage_session.sh KIOSK_BINARY SCREENSHOT.png
set -euo pipefail

source_dir=$(cd "$(dirname "$0")/../.." && pwd)
kiosk=$(realpath "$1")
shot=$2
for tool in cage Xwayland Xvfb xwd xwdtopnm ppmtopgm pamsumm pnmtopng; do
    command -v "$tool" >/dev/null || { echo "cage session: '$tool' is missing (deploy/dev/install-deps.sh)" >&2; exit 1; }
done
# cage 0.1.4 refuses to run as root: the session runs as nobody, as the
# package runs it as the kiosk user.
runner=()
if [ "$(id -u)" -eq 0 ]; then runner=(setpriv --reuid=nobody --regid=nogroup --clear-groups); fi

work=$(mktemp -d /tmp/kiosk-cage.XXXXXX)
chmod 755 "$work"
cage_pid=""
xvfb_pid=""
cleanup() {
    local status=$?
    [ -n "$cage_pid" ] && { kill -TERM "$cage_pid" 2>/dev/null || true; }
    # When cage ends first the kiosk spins (deploy/README.md): end it for sure.
    pkill -KILL -f -- "--stats $work/stats.db" 2>/dev/null || true
    # cage 0.1.4 aborts on SIGTERM (exit 134): that is not this test's failure.
    [ -n "$cage_pid" ] && { wait "$cage_pid" 2>/dev/null || true; }
    [ -n "$xvfb_pid" ] && { kill "$xvfb_pid" 2>/dev/null || true; }
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
# wlroots' x11 backend opens a 1024x768 window: the screen is that size.
# Only this machine's sockets reach the display (-nolisten tcp), and -ac lets
# the unprivileged cage in.
Xvfb -displayfd 3 -screen 0 1024x768x24 -nolisten tcp -ac -br 3>"$work/display" 2>"$work/xvfb.log" &
xvfb_pid=$!
for _ in $(seq 1 100); do [ -s "$work/display" ] && break; sleep 0.1; done
[ -s "$work/display" ] || fail "Xvfb named no display within 10 s"
export DISPLAY=":$(tr -d '[:space:]' <"$work/display")"
export XDG_RUNTIME_DIR="$work/run" WLR_BACKENDS=x11 WLR_RENDERER=pixman
export WLR_LIBINPUT_NO_DEVICES=1 SDL_VIDEODRIVER=wayland
"${runner[@]}" cage -d -- "$kiosk" --content "$work/content.db" --config "$work/kiosk.toml" \
    --stats "$work/stats.db" >"$work/session.log" 2>&1 &
cage_pid=$!

# Wait for the kiosk's start line (it comes once the fonts are built), then
# for a screenshot of the attract screen: not black, and not one colour
# either (the window shows the screen's colour before its first frame).
for _ in $(seq 1 60); do
    sleep 1
    kill -0 "$cage_pid" 2>/dev/null || fail "cage ended: $(cat "$work/session.log")"
    [ -S "$work/run/wayland-0" ] || continue
    grep -q "^kiosk: content " "$work/session.log" || continue
    grep -q "on wayland" "$work/session.log" || fail "the kiosk did not run over Wayland: $(cat "$work/session.log")"
    xwd -root -silent | xwdtopnm >"$work/shot.ppm" 2>>"$work/xwd.log" || continue
    ppmtopgm "$work/shot.ppm" >"$work/shot.pgm"
    brightest=$(pamsumm -max -brief "$work/shot.pgm")
    darkest=$(pamsumm -min -brief "$work/shot.pgm")
    if [ "${brightest%.*}" -gt 0 ] && [ "${darkest%.*}" -lt "${brightest%.*}" ]; then
        mkdir -p "$(dirname "$shot")"
        pnmtopng "$work/shot.ppm" >"$shot"
        echo "cage session: the screen shows the kiosk; screenshot in $shot"
        # When cage ends, the kiosk ends too (it once spun on, presenting to
        # the dead display), and says why.
        kill -TERM "$cage_pid"
        for _ in $(seq 1 50); do
            pgrep -f -- "--stats $work/stats.db" >/dev/null || break
            sleep 0.1
        done
        pgrep -f -- "--stats $work/stats.db" >/dev/null && fail "the kiosk still runs 5 s after cage ended"
        grep -q "the display is gone" "$work/session.log" ||
            fail "the kiosk did not say that the display is gone: $(cat "$work/session.log")"
        echo "cage session: the kiosk ended with cage"
        exit 0
    fi
done
fail "no attract screen under cage within 60 s: $(cat "$work/session.log")"
