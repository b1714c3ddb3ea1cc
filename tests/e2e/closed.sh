#!/usr/bin/env bash
# Opening hours: a kiosk started while it is closed shows a black screen and
# draws nothing, a click starts no visit, the health file says it is closed
# and has drawn no frame, and its main loop still turns (the watchdog's
# pings go on while it is dark).
#
#   tests/e2e/closed.sh KIOSK_BINARY NOTIFY_LISTENER
set -euo pipefail

source_dir=$(cd "$(dirname "$0")/../.." && pwd)
kiosk=$(realpath "$1")
listener=$(realpath "$2")
for tool in Xvfb xdotool xwd xwdtopnm ppmhist; do
    command -v "$tool" >/dev/null || { echo "closed: '$tool' is missing (deploy/dev/install-deps.sh)" >&2; exit 1; }
done
work=$(mktemp -d /tmp/kiosk-closed.XXXXXX)
xvfb_pid="" kiosk_pid="" listener_pid=""
cleanup() {
    local status=$?
    for pid in "$kiosk_pid" "$listener_pid"; do [ -n "$pid" ] && kill -KILL "$pid" 2>/dev/null; done
    [ -n "$xvfb_pid" ] && { kill -TERM "$xvfb_pid" 2>/dev/null; wait "$xvfb_pid" 2>/dev/null; }
    if [ "$status" -eq 0 ]; then rm -rf "$work"; else echo "closed: FAILED; files kept in $work" >&2; fi
    exit "$status"
}
trap cleanup EXIT
fail() { echo "closed: $*" >&2; exit 1; }

"$kiosk" content build "$source_dir/content" -o "$work/content.db" >"$work/build.log" 2>&1 ||
    fail "content build failed"
mkdir "$work/textfile"
{
    sed -e '/^logo = /d' -e '/^target = /d' -e "s|^textfile_dir = .*|textfile_dir = \"$work/textfile\"|" \
        -e '/^# \[hours\]/,$d' "$source_dir/deploy/config/kiosk.example.toml"
    # Closed every day.
    printf '[hours]\nmonday = ""\ntuesday = ""\nwednesday = ""\nthursday = ""\nfriday = ""\nsaturday = ""\nsunday = ""\n'
} >"$work/kiosk.toml"
"$kiosk" config check "$work/kiosk.toml" >/dev/null || fail "the closed configuration does not pass its check"

unset DISPLAY WAYLAND_DISPLAY SDL_VIDEODRIVER XAUTHORITY NOTIFY_SOCKET WATCHDOG_USEC
Xvfb -displayfd 3 -screen 0 1280x800x24 -nolisten tcp -br 3>"$work/display" 2>"$work/xvfb.log" &
xvfb_pid=$!
for _ in $(seq 100); do [ -s "$work/display" ] && break; sleep 0.1; done
[ -s "$work/display" ] || fail "Xvfb named no display within 10 s"
export DISPLAY=":$(tr -d '[:space:]' <"$work/display")"

"$listener" "$work/notify.sock" 7 >"$work/notify.messages" &
listener_pid=$!
for _ in $(seq 50); do [ -S "$work/notify.sock" ] && break; sleep 0.1; done
NOTIFY_SOCKET="$work/notify.sock" WATCHDOG_USEC=3000000 \
    ASAN_OPTIONS="${ASAN_OPTIONS:+$ASAN_OPTIONS:}detect_leaks=0" "$kiosk" --windowed 1280x800 \
    --content "$work/content.db" --config "$work/kiosk.toml" >"$work/kiosk.log" 2>&1 &
kiosk_pid=$!
sleep 3
grep -q "opening hours: closed" "$work/kiosk.log" || fail "the kiosk did not say it is closed: $(cat "$work/kiosk.log")"
colours=$(xwd -root -silent | xwdtopnm 2>/dev/null | ppmhist -noheader | wc -l)
[ "$colours" -eq 1 ] || fail "the closed kiosk's screen has $colours colours, not black alone"
xdotool mousemove 640 400 click 1
sleep 1
colours=$(xwd -root -silent | xwdtopnm 2>/dev/null | ppmhist -noheader | wc -l)
[ "$colours" -eq 1 ] || fail "a click on the closed kiosk drew something ($colours colours)"
grep -q '^kiosk_open 0$' "$work/textfile/kiosk.prom" || fail "health does not say closed"
grep -q '^kiosk_frames_drawn_total 0$' "$work/textfile/kiosk.prom" || fail "the closed kiosk drew frames"
wait "$listener_pid"; listener_pid=""
grep -q ' READY=1$' "$work/notify.messages" ||
    fail "a kiosk started while closed never said READY=1: systemd would time out its start"
pings=$(grep -c ' WATCHDOG=1$' "$work/notify.messages" || true)
[ "$pings" -ge 4 ] || fail "only $pings watchdog pings in 7 s while dark: the loop must go on turning"
echo "closed: black screen, a click drew nothing, kiosk_open 0, $pings watchdog pings in 7 s while dark"
kill -TERM "$kiosk_pid"; wait "$kiosk_pid" || fail "the kiosk did not end cleanly"; kiosk_pid=""
