#!/usr/bin/env bash
# systemctl reload, end to end: the real windowed kiosk on an Xvfb display of
# its own gets SIGHUP (what the unit's ExecReload sends). On the attract
# screen it takes the changed configuration at once; asked mid-visit, it
# waits until the visit is wiped; a configuration with errors is refused and
# the kiosk goes on as before.
#
#   tests/e2e/reload.sh [KIOSK_BINARY]      (default: build/bin/kiosk)
set -euo pipefail

source_dir=$(cd "$(dirname "$0")/../.." && pwd)
kiosk=$(realpath "${1:-$source_dir/build/bin/kiosk}")
size=1280x800
for tool in Xvfb xdotool; do
    command -v "$tool" >/dev/null || { echo "reload: '$tool' is missing (deploy/dev/install-deps.sh)" >&2; exit 1; }
done

work=$(mktemp -d /tmp/kiosk-reload.XXXXXX)
xvfb_pid="" kiosk_pid=""
cleanup() {
    local status=$?
    [ -n "$kiosk_pid" ] && kill -KILL "$kiosk_pid" 2>/dev/null
    [ -n "$xvfb_pid" ] && { kill -TERM "$xvfb_pid" 2>/dev/null; wait "$xvfb_pid" 2>/dev/null; }
    if [ "$status" -eq 0 ]; then rm -rf "$work"; else echo "reload: FAILED; files kept in $work" >&2; fi
    exit "$status"
}
trap cleanup EXIT
fail() { echo "reload: $*" >&2; [ -f "$work/kiosk.log" ] && sed 's/^/  | /' "$work/kiosk.log" >&2; exit 1; }

# A configuration named $1, with the shortest idle time the kiosk allows
# (15 s, then a 5 s countdown), so that an abandoned visit is wiped soon.
write_config() {
    sed -e "s/^name = .*/name = \"$1\"/" -e '/^logo = /d' -e '/^target = /d' \
        -e 's/^idle_s = 90 .*/idle_s = 15/' -e 's/^warning_s = 30 .*/warning_s = 5/' \
        "$source_dir/deploy/config/kiosk.example.toml" >"$work/kiosk.toml.new"
    mv "$work/kiosk.toml.new" "$work/kiosk.toml"
}
# Waits up to $2 seconds for the log to contain $1.
wait_for_log() {
    for _ in $(seq $(($2 * 10))); do
        grep -qF -- "$1" "$work/kiosk.log" && return 0
        kill -0 "$kiosk_pid" 2>/dev/null || fail "the kiosk ended while waiting for '$1'"
        sleep 0.1
    done
    return 1
}

"$kiosk" content build "$source_dir/content" -o "$work/content.db" >"$work/build.log" 2>&1 ||
    fail "content build failed: $(cat "$work/build.log")"
write_config "Loket Een"
printf 'locate "Beginnen"\n' >"$work/locate.script"
start_point=$(env -u DISPLAY "$kiosk" --headless --size "$size" --content "$work/content.db" \
    --config "$work/kiosk.toml" --script "$work/locate.script" 2>"$work/headless.log") ||
    fail "the headless run found no start button: $(cat "$work/headless.log")"

unset DISPLAY WAYLAND_DISPLAY SDL_VIDEODRIVER XAUTHORITY
Xvfb -displayfd 3 -screen 0 "${size}x24" -nolisten tcp -br 3>"$work/display" 2>"$work/xvfb.log" &
xvfb_pid=$!
for _ in $(seq 100); do [ -s "$work/display" ] && break; sleep 0.1; done
[ -s "$work/display" ] || fail "Xvfb named no display within 10 s"
export DISPLAY=":$(tr -d '[:space:]' <"$work/display")"

ASAN_OPTIONS="${ASAN_OPTIONS:+$ASAN_OPTIONS:}detect_leaks=0" "$kiosk" --windowed "$size" \
    --content "$work/content.db" --config "$work/kiosk.toml" >"$work/kiosk.log" 2>&1 &
kiosk_pid=$!
wait_for_log "(Loket Een)" 15 || fail "the kiosk did not start with its configuration"
window=$(timeout 15 xdotool search --sync --onlyvisible --name "Learning and work kiosk" | head -n 1) ||
    fail "no kiosk window was mapped"
eval "$(xdotool getwindowgeometry --shell "$window")"

# ---- between visits: at once
write_config "Loket Twee"
kill -HUP "$kiosk_pid"
wait_for_log "(Loket Twee)" 5 || fail "a reload on the attract screen did not happen within 5 s"
echo "reload: on the attract screen the new configuration was taken at once"

# ---- mid-visit: after the wipe
sleep 1
read -r x y <<<"$start_point"
xdotool mousemove "$((X + x))" "$((Y + y))"; sleep 0.15; xdotool click 1; sleep 0.5
write_config "Loket Drie"
asked=$(date +%s)
kill -HUP "$kiosk_pid"
wait_for_log "waits until the visit in progress has ended" 5 ||
    fail "a reload asked mid-visit did not say it waits (did the click start a visit?)"
sleep 5
! grep -qF "(Loket Drie)" "$work/kiosk.log" || fail "the reload happened mid-visit"
wait_for_log "(Loket Drie)" 40 || fail "the reload did not happen after the visit was wiped"
waited=$(($(date +%s) - asked))
[ "$waited" -ge 14 ] || fail "the reload came $waited s after it was asked, before the idle wipe (15 s + 5 s)"
echo "reload: asked mid-visit, it happened ${waited} s later, after the idle wipe"

# ---- a configuration with errors: refused, the kiosk goes on
printf '[kiosk]\nname = "Loket Vier"\n[timeouts]\nidle_s = 3\n' >"$work/kiosk.toml"
kill -HUP "$kiosk_pid"
wait_for_log "reload refused" 5 || fail "a broken configuration was not refused"
grep -qF "kiosk.toml:4: timeouts.idle_s: must be a whole number" "$work/kiosk.log" ||
    fail "the refusal did not name the line and key"
sleep 0.5
kill -0 "$kiosk_pid" 2>/dev/null || fail "the kiosk ended after a refused reload"
echo "reload: a broken configuration was refused with file:line: key and the kiosk went on"

kill -TERM "$kiosk_pid"
status=0
wait "$kiosk_pid" || status=$?
kiosk_pid=""
[ "$status" -eq 0 ] || fail "the kiosk exited with $status after SIGTERM"
