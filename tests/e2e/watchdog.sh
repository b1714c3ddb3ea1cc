#!/usr/bin/env bash
# The watchdog protocol against a notify socket of our own (as systemd sets
# NOTIFY_SOCKET and WATCHDOG_USEC for a Type=notify unit): the real windowed
# kiosk on an Xvfb display sends READY=1 once, after its first frame, and
# WATCHDOG=1 at least every half period while nobody touches it; once a test
# hook hangs its main loop, no WATCHDOG=1 comes any more although the process
# lives on (its signal thread still runs): that is what systemd restarts.
#
#   tests/e2e/watchdog.sh KIOSK_BINARY NOTIFY_LISTENER
set -euo pipefail

source_dir=$(cd "$(dirname "$0")/../.." && pwd)
kiosk=$(realpath "$1")
listener=$(realpath "$2")
period_us=3000000 # WatchdogSec=3s: a ping at least every 1500 ms
half_ms=1500
for tool in Xvfb; do
    command -v "$tool" >/dev/null || { echo "watchdog: '$tool' is missing (deploy/dev/install-deps.sh)" >&2; exit 1; }
done

work=$(mktemp -d /tmp/kiosk-watchdog.XXXXXX)
xvfb_pid="" kiosk_pid="" listener_pid=""
cleanup() {
    local status=$?
    for pid in "$kiosk_pid" "$listener_pid"; do [ -n "$pid" ] && kill -KILL "$pid" 2>/dev/null; done
    [ -n "$xvfb_pid" ] && { kill -TERM "$xvfb_pid" 2>/dev/null; wait "$xvfb_pid" 2>/dev/null; }
    if [ "$status" -eq 0 ]; then rm -rf "$work"; else echo "watchdog: FAILED; files kept in $work" >&2; fi
    exit "$status"
}
trap cleanup EXIT
fail() { echo "watchdog: $*" >&2; exit 1; }

"$kiosk" content build "$source_dir/content" -o "$work/content.db" >"$work/build.log" 2>&1 ||
    fail "content build failed: $(cat "$work/build.log")"
sed -e '/^logo = /d' -e '/^target = /d' "$source_dir/deploy/config/kiosk.example.toml" >"$work/kiosk.toml"

unset DISPLAY WAYLAND_DISPLAY SDL_VIDEODRIVER XAUTHORITY NOTIFY_SOCKET WATCHDOG_USEC WATCHDOG_PID
Xvfb -displayfd 3 -screen 0 1280x800x24 -nolisten tcp -br 3>"$work/display" 2>"$work/xvfb.log" &
xvfb_pid=$!
for _ in $(seq 100); do [ -s "$work/display" ] && break; sleep 0.1; done
[ -s "$work/display" ] || fail "Xvfb named no display within 10 s"
export DISPLAY=":$(tr -d '[:space:]' <"$work/display")"

# run NAME SECONDS [ENV...]: the listener for SECONDS and the kiosk beside it;
# leaves the messages in $work/NAME.messages and the log in $work/NAME.log.
run() {
    local name=$1 seconds=$2
    shift 2
    "$listener" "$work/$name.sock" "$seconds" >"$work/$name.messages" &
    listener_pid=$!
    for _ in $(seq 50); do [ -S "$work/$name.sock" ] && break; sleep 0.1; done
    [ -S "$work/$name.sock" ] || fail "the listener did not bind $work/$name.sock"
    env NOTIFY_SOCKET="$work/$name.sock" WATCHDOG_USEC=$period_us "$@" \
        ASAN_OPTIONS="${ASAN_OPTIONS:+$ASAN_OPTIONS:}detect_leaks=0" \
        "$kiosk" --windowed 1280x800 --content "$work/content.db" --config "$work/kiosk.toml" \
        >"$work/$name.log" 2>&1 &
    kiosk_pid=$!
    wait "$listener_pid" || fail "the listener failed"
    listener_pid=""
}
# The times (ms) of the messages equal to $2 in messages file $1.
times_of() { awk -v m="$2" '$2 == m {print $1}' "$1"; }

# ---- idle: READY once, then WATCHDOG at least every half period
run idle 8
kill -0 "$kiosk_pid" 2>/dev/null || fail "the kiosk ended: $(cat "$work/idle.log")"
kill -TERM "$kiosk_pid"; wait "$kiosk_pid" || true; kiosk_pid=""
messages="$work/idle.messages"
[ "$(times_of "$messages" READY=1 | wc -l)" -eq 1 ] || fail "READY=1 not sent exactly once: $(cat "$messages")"
first=$(sed -n 2p "$messages" | awk '{print $2}')
[ "$first" = READY=1 ] || fail "the first message was '$first', not READY=1: $(cat "$messages")"
grep -q "^kiosk: content " "$work/idle.log" || fail "the kiosk did not start: $(cat "$work/idle.log")"
ready_at=$(times_of "$messages" READY=1)
pings=$(times_of "$messages" WATCHDOG=1)
count=$(wc -l <<<"$pings")
[ "$count" -ge 5 ] || fail "only $count WATCHDOG=1 in 8 s: $(cat "$messages")"
longest=$( (echo "$ready_at"; echo "$pings"; echo 8000) | awk 'NR > 1 && $1 - prev > max {max = $1 - prev} {prev = $1} END {print max + 0}')
[ "$longest" -le "$half_ms" ] ||
    fail "the longest time without WATCHDOG=1 was $longest ms, more than half the period ($half_ms ms): $(cat "$messages")"
echo "watchdog: READY=1 once at ${ready_at} ms, then $count WATCHDOG=1 in 8 s, longest gap $longest ms (period $((period_us / 1000)) ms)"

# ---- a hung main loop: no WATCHDOG after it hangs, though the process lives.
# The hook counts from the kiosk's own start, which on a busy machine comes
# seconds after the listener's: what is checked is a silence at the end longer
# than a whole period (systemd would have restarted it), which a turning loop
# never leaves (it pings every half period at most, see above).
listen_ms=12000
quiet_ms=4000
run hung $((listen_ms / 1000)) KIOSK_TEST_HANG_AFTER_MS=2500
grep -q "test hook: the main loop hangs now" "$work/hung.log" || fail "the test hook did not hang the loop: $(cat "$work/hung.log")"
state=$(awk '{print $3}' "/proc/$kiosk_pid/stat" 2>/dev/null || echo gone)
[ "$state" != gone ] && [ "$state" != Z ] || fail "the hung kiosk is gone; it should live on"
kill -KILL "$kiosk_pid"; wait "$kiosk_pid" 2>/dev/null || true; kiosk_pid=""
last=$(times_of "$work/hung.messages" WATCHDOG=1 | tail -1)
[ -n "$last" ] || fail "no WATCHDOG=1 before the hang: $(cat "$work/hung.messages")"
[ $((listen_ms - last)) -ge "$quiet_ms" ] ||
    fail "WATCHDOG=1 at $last ms, less than $quiet_ms ms before the end: the loop did not stop pinging when it hung: $(cat "$work/hung.messages")"
echo "watchdog: the last WATCHDOG=1 of the hung kiosk came at $last ms; none in the $((listen_ms - last)) ms after"
