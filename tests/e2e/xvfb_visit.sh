#!/usr/bin/env bash
# End to end: the real windowed kiosk on an Xvfb display, clicked through a
# visit with real X pointer events (xdotool, through XTEST), to the take-away
# screen. The QR code read back from the X screen must decode to what
# `kiosk match` gives for the same answers, and SIGTERM must end the kiosk
# cleanly. The click points come from the headless mode's `locate` at the
# same size, so the test follows the layout instead of hard-coding it.
#
#   tests/e2e/xvfb_visit.sh [KIOSK_BINARY]      (default: build/bin/kiosk)
#
# Needs Xvfb, xdotool, xwd, netpbm and zbarimg (deploy/dev/install-deps.sh).
# Uses a display of its own, whatever DISPLAY says. Keeps its files in a
# temporary folder that is removed on success and named on failure.
set -euo pipefail

source_dir=$(cd "$(dirname "$0")/../.." && pwd)
kiosk=$(realpath "${1:-$source_dir/build/bin/kiosk}")
config=$source_dir/deploy/config/kiosk.example.toml
today=2026-12-01
size=1280x800
# The visit the clicks make (in English), as `kiosk match` takes it; skipped questions are not answered.
answers="situation=looking,goal=job_soon"

for tool in Xvfb xdotool xwd xwdtopnm pnmtopng ppmhist zbarimg; do
    command -v "$tool" >/dev/null || {
        echo "xvfb_visit: '$tool' is missing (deploy/dev/install-deps.sh installs it)" >&2
        exit 1
    }
done
[ -x "$kiosk" ] || {
    echo "xvfb_visit: no kiosk binary at $kiosk" >&2
    exit 1
}

work=$(mktemp -d /tmp/kiosk-e2e.XXXXXX)
xvfb_pid=""
kiosk_pid=""
cleanup() {
    local status=$?
    if [ -n "$kiosk_pid" ]; then kill -KILL "$kiosk_pid" 2>/dev/null || true; fi
    if [ -n "$xvfb_pid" ]; then
        kill -TERM "$xvfb_pid" 2>/dev/null || true
        wait "$xvfb_pid" 2>/dev/null || true
    fi
    if [ "$status" -eq 0 ]; then
        rm -rf "$work"
    else
        echo "xvfb_visit: FAILED; files kept in $work (kiosk.log, xvfb.log, takeaway.png)" >&2
    fi
    exit "$status"
}
trap cleanup EXIT

fail() {
    echo "xvfb_visit: $*" >&2
    exit 1
}

# The example configuration, its health file kept in the temporary folder
# (not in a node exporter folder this machine may have).
sed -e "s|^logo = \"../../assets/logo.png\"|logo = \"$source_dir/assets/logo.png\"|" \
    -e "s|^textfile_dir = .*|textfile_dir = \"$work\"|" "$config" >"$work/kiosk.toml"
config=$work/kiosk.toml

# ---- the pack, and the points to click, from a headless run at the same size
"$kiosk" content build "$source_dir/content" -o "$work/content.db" >"$work/build.log" 2>&1 ||
    fail "kiosk content build failed: $(cat "$work/build.log")"

# Each label is located (printed as "x y") and then tapped, so the headless
# run walks the same screens the clicks will.
labels=("Beginnen" "English" "I am looking for work" "Find a job soon")
for _ in 1 2 3 4 5 6 7 8 9; do labels+=("Skip"); done
after_visit=("Take it with you" "Just the code")
{
    echo "expect screen attract"
    for label in "${labels[@]}"; do
        printf 'locate "%s"\ntap "%s"\n' "$label" "$label"
    done
    echo "expect screen results"
    for label in "${after_visit[@]}"; do
        printf 'locate "%s"\ntap "%s"\n' "$label" "$label"
    done
    echo "expect screen takeaway"
    echo "screenshot takeaway-headless"
} >"$work/visit.script"

env -u DISPLAY "$kiosk" --headless --size "$size" --content "$work/content.db" --config "$config" \
    --today "$today" --script "$work/visit.script" --screenshots "$work" \
    >"$work/clicks.txt" 2>"$work/headless.log" ||
    fail "the headless run did not reach the take-away screen: $(cat "$work/headless.log")"
expected_clicks=$((${#labels[@]} + ${#after_visit[@]}))
[ "$(wc -l <"$work/clicks.txt")" -eq "$expected_clicks" ] ||
    fail "expected $expected_clicks points from the headless run, got: $(cat "$work/clicks.txt")"

# ---- an X server of our own; -displayfd makes it pick a free display number
unset DISPLAY WAYLAND_DISPLAY SDL_VIDEODRIVER XAUTHORITY
Xvfb -displayfd 3 -screen 0 "${size}x24" -nolisten tcp -br 3>"$work/display" 2>"$work/xvfb.log" &
xvfb_pid=$!
for _ in $(seq 100); do
    [ -s "$work/display" ] && break
    kill -0 "$xvfb_pid" 2>/dev/null || fail "Xvfb did not start: $(cat "$work/xvfb.log")"
    sleep 0.1
done
[ -s "$work/display" ] || fail "Xvfb named no display within 10 s"
DISPLAY=":$(tr -d '[:space:]' <"$work/display")"
export DISPLAY

# ---- the real kiosk in a window
# Built with the sanitizers, the kiosk still has its memory checked here, but
# not its leaks: D-Bus and Mesa's GL driver (unloaded at exit, so unnamed in
# the report) leave allocations behind at exit that are not the kiosk's. The
# headless runs and the unit tests check the kiosk's own code for leaks.
ASAN_OPTIONS="${ASAN_OPTIONS:+$ASAN_OPTIONS:}detect_leaks=0" "$kiosk" --windowed "$size" --content "$work/content.db" --config "$config" --today "$today" \
    >"$work/kiosk.log" 2>&1 &
kiosk_pid=$!

window=$(timeout 15 xdotool search --sync --onlyvisible --name "Learning and work kiosk" | head -n 1) ||
    fail "no kiosk window was mapped within 15 s: $(cat "$work/kiosk.log")"
eval "$(xdotool getwindowgeometry --shell "$window")" # sets X, Y, WIDTH, HEIGHT
origin_x=$X origin_y=$Y
if [ "$WIDTH" -ne "${size%x*}" ] || [ "$HEIGHT" -ne "${size#*x}" ]; then
    fail "the window is ${WIDTH}x${HEIGHT}, not $size"
fi

# Drawn: the screen has text and pictures, not just a background fill.
colours_on_screen() { xwd -root -silent | xwdtopnm 2>/dev/null | ppmhist -noheader | wc -l; }
for _ in $(seq 100); do
    [ "$(colours_on_screen)" -ge 8 ] && break
    sleep 0.1
done
[ "$(colours_on_screen)" -ge 8 ] || fail "the kiosk drew nothing within 10 s: $(cat "$work/kiosk.log")"
sleep 0.5

# ---- a person's clicks: move, rest, press and release, look at the new screen
while read -r x y; do
    kill -0 "$kiosk_pid" 2>/dev/null || fail "the kiosk ended during the visit: $(cat "$work/kiosk.log")"
    xdotool mousemove "$((origin_x + x))" "$((origin_y + y))"
    sleep 0.15
    xdotool click 1
    sleep 0.5
done <"$work/clicks.txt"

# ---- the take-away screen's QR code, read from the X screen
expected=$("$kiosk" match --content "$work/content.db" --answers "$answers" --lang en --today "$today" |
    sed -n 's/^QR payload: //p')
[ -n "$expected" ] || fail "kiosk match printed no QR payload for $answers"
decoded=""
for _ in $(seq 10); do # the last screen may still be on its way
    xwd -root -silent >"$work/takeaway.xwd"
    xwdtopnm "$work/takeaway.xwd" 2>/dev/null | pnmtopng >"$work/takeaway.png" 2>/dev/null
    decoded=$(zbarimg --nodbus --raw -q "$work/takeaway.png" || true)
    [ -n "$decoded" ] && break
    sleep 0.3
done
[ -n "$decoded" ] || fail "no QR code on the X screen (see takeaway.png)"
[ "$decoded" = "$expected" ] ||
    fail "the QR code on screen says '$decoded'; kiosk match says '$expected' for $answers"
echo "xvfb_visit: the window's QR code decodes to $decoded"

# ---- SIGTERM ends the kiosk with status 0 within 3 s
kill -TERM "$kiosk_pid"
stopped_in_time=0
for _ in $(seq 30); do
    state=$(awk '{print $3}' "/proc/$kiosk_pid/stat" 2>/dev/null || echo gone)
    if [ "$state" = Z ] || [ "$state" = gone ]; then
        stopped_in_time=1
        break
    fi
    sleep 0.1
done
[ "$stopped_in_time" -eq 1 ] || fail "the kiosk was still running 3 s after SIGTERM"
status=0
wait "$kiosk_pid" || status=$?
kiosk_pid=""
[ "$status" -eq 0 ] || fail "the kiosk exited with status $status after SIGTERM: $(cat "$work/kiosk.log")"
grep -q "stopping (SIGTERM)" "$work/kiosk.log" ||
    fail "the kiosk did not say it stopped for SIGTERM: $(cat "$work/kiosk.log")"
echo "xvfb_visit: SIGTERM ended the kiosk with status 0"
