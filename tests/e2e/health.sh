#!/usr/bin/env bash
# Health for the fleet: the real windowed kiosk on an Xvfb display writes
# kiosk.prom into its textfile folder at once and then every minute, renamed
# into place (no temporary file stays, and node exporter reads only *.prom);
# `promtool check metrics` finds nothing to say; only kiosk_* counts and
# times are in it. A usage-figures file that cannot be opened is moved aside,
# a new one is started, and the health file says so. The installed pack is
# damaged too: the kiosk shows content.previous.db beside it and says so.
#
#   tests/e2e/health.sh KIOSK_BINARY
set -euo pipefail

source_dir=$(cd "$(dirname "$0")/../.." && pwd)
kiosk=$(realpath "$1")
for tool in Xvfb promtool; do
    command -v "$tool" >/dev/null || { echo "health: '$tool' is missing (deploy/dev/install-deps.sh)" >&2; exit 1; }
done

work=$(mktemp -d /tmp/kiosk-health.XXXXXX)
xvfb_pid="" kiosk_pid=""
cleanup() {
    local status=$?
    [ -n "$kiosk_pid" ] && kill -KILL "$kiosk_pid" 2>/dev/null
    [ -n "$xvfb_pid" ] && { kill -TERM "$xvfb_pid" 2>/dev/null; wait "$xvfb_pid" 2>/dev/null; }
    if [ "$status" -eq 0 ]; then rm -rf "$work"; else echo "health: FAILED; files kept in $work" >&2; fi
    exit "$status"
}
trap cleanup EXIT
fail() { echo "health: $*" >&2; exit 1; }

"$kiosk" content build "$source_dir/content" -o "$work/content.previous.db" >"$work/build.log" 2>&1 ||
    fail "content build failed: $(cat "$work/build.log")"
head -c 20000 "$work/content.previous.db" >"$work/content.db"
mkdir "$work/textfile"
sed -e '/^logo = /d' -e '/^target = /d' \
    -e "s|^textfile_dir = .*|textfile_dir = \"$work/textfile\"|" \
    "$source_dir/deploy/config/kiosk.example.toml" >"$work/kiosk.toml"
grep -q "textfile_dir = \"$work/textfile\"" "$work/kiosk.toml" || fail "could not set textfile_dir"
printf 'this is not a SQLite file\n' >"$work/stats.db"

unset DISPLAY WAYLAND_DISPLAY SDL_VIDEODRIVER XAUTHORITY NOTIFY_SOCKET WATCHDOG_USEC
Xvfb -displayfd 3 -screen 0 1280x800x24 -nolisten tcp -br 3>"$work/display" 2>"$work/xvfb.log" &
xvfb_pid=$!
for _ in $(seq 100); do [ -s "$work/display" ] && break; sleep 0.1; done
[ -s "$work/display" ] || fail "Xvfb named no display within 10 s"
export DISPLAY=":$(tr -d '[:space:]' <"$work/display")"

ASAN_OPTIONS="${ASAN_OPTIONS:+$ASAN_OPTIONS:}detect_leaks=0" "$kiosk" --windowed 1280x800 \
    --content "$work/content.db" --config "$work/kiosk.toml" --stats "$work/stats.db" \
    >"$work/kiosk.log" 2>&1 &
kiosk_pid=$!
prom="$work/textfile/kiosk.prom"
for _ in $(seq 150); do
    [ -f "$prom" ] && grep -q "^kiosk_frames_drawn_total [1-9]" "$prom" && break
    sleep 0.1
done
[ -f "$prom" ] || fail "no kiosk.prom within 15 s: $(cat "$work/kiosk.log")"
# The first file may come before the first frame; the next comes a minute later.
cp "$prom" "$work/first.prom"

kill -TERM "$kiosk_pid"
wait "$kiosk_pid" || fail "the kiosk did not end cleanly: $(cat "$work/kiosk.log")"
kiosk_pid=""

leftovers=$(ls -A "$work/textfile" | grep -vx kiosk.prom || true)
[ -z "$leftovers" ] || fail "the textfile folder holds more than kiosk.prom: $leftovers"

out=$(promtool check metrics <"$prom" 2>&1) || fail "promtool check metrics: $out"
[ -z "$out" ] || fail "promtool check metrics has remarks: $out"
echo "health: promtool check metrics: clean ($(grep -vc '^#' "$prom") samples)"

# Only the kiosk's own metrics, and only these labels: nothing of a visitor.
names=$(grep -v '^#' "$prom" | sed 's/[{ ].*//' | sort -u)
! grep -v '^kiosk_' <<<"$names" || fail "metrics not named kiosk_*"
labels=$(grep -v '^#' "$prom" | grep -o '[a-z_]*="' | sort -u | tr -d '="' | tr '\n' ' ')
[ "$labels" = "pack_id pack_version reason source state version " ] ||
    [ "$labels" = "pack_id pack_version reason source version " ] ||
    fail "unexpected labels: $labels"
for metric in kiosk_start_time_seconds kiosk_frames_drawn_total kiosk_last_frame_time_seconds \
              kiosk_content_pack_date_seconds kiosk_printer_faulty kiosk_printer_last_fault_time_seconds \
              kiosk_printer_paper_low kiosk_visits_started_today kiosk_last_visit_time_seconds \
              kiosk_disk_free_bytes kiosk_open; do
    grep -q "^$metric " "$prom" || fail "kiosk.prom lacks $metric"
done
grep -q '^kiosk_info{version="[0-9.]*",pack_id="' "$prom" || fail "kiosk.prom lacks kiosk_info"
grep -q '^kiosk_disk_free_bytes [1-9]' "$prom" || fail "free disk unknown"

# The damaged installed pack: the previous one is shown, and health and log say why.
grep -q "^kiosk_content_pack_source{source=\"previous\",reason=\"$work/content.db: .*\"} 1$" "$prom" ||
    fail "health does not say the previous pack is shown: $(grep pack_source "$prom")"
grep -q "showing the previous pack $work/content.previous.db instead" "$work/kiosk.log" ||
    fail "the log does not say the previous pack is shown"
echo "health: a damaged installed pack: the previous one is shown, and health says why"

# The unreadable usage figures: moved aside, a new file, and health says so.
grep -q "^kiosk_usage_figures_moved_aside_total 1$" "$prom" || fail "health does not count the file moved aside"
grep -q "^kiosk_usage_figures_ok 1$" "$prom" || fail "health says the new figures file is not open"
aside=$(ls "$work"/stats.db.unreadable-* 2>/dev/null | head -1)
[ -n "$aside" ] || fail "the unreadable figures file was not moved aside: $(cat "$work/kiosk.log")"
[ "$(cat "$aside")" = "this is not a SQLite file" ] || fail "the file moved aside is not the old one"
"$kiosk" stats export --stats "$work/stats.db" --from 2026-01-01 --to 2026-01-02 >/dev/null ||
    fail "the new figures file is not a figures file"
grep -q "moved aside to $aside and started anew" "$work/kiosk.log" || fail "the log does not say where the old file went"
echo "health: an unreadable figures file went to $(basename "$aside"); a new one was started"
