#!/usr/bin/env bash
# What the touch kiosk costs on a machine, measured the way the organisation's
# kiosk-cost method measures any kiosk program, side by side with its
# comparison: a ten-question page in Chromium's kiosk mode.
#
#   tests/bench/ui_cost/run_ui_cost.sh [--build DIR] [--reps N] [--out DIR] [--drags N]
#                                      [--config FILE] [--no-chromium] [--swipes-only]
#
# measure.py, xpaintprobe.c, chromium-kiosk.sh, q.html and clicks_q.txt are the
# kiosk-cost tools, copied here unchanged. measure.py starts its own Xvfb at
# 1920x1080 and reports time to the window, to the first drawn frame and to
# "visually complete", memory (PSS/RSS/USS over all the program's processes),
# idle CPU over 60 s and CPU while clicking once a second through a visit.
# Our clicks come from a headless `locate` run at the same size, so they follow
# the layout. Then what swiping through the results costs: CPU per swipe and
# per frame headless, and CPU per swipe in the real window under Xvfb.
# Prints a markdown table on standard output; the raw figures stay in --out.
#
# Installs what it needs with apt-get when missing (gcc, the X headers for
# xpaintprobe, Xvfb, xdotool, xdpyinfo and, unless --no-chromium, chromium).
# It takes a while: 90 to 120 s per repetition per program (less than 15 min
# for 3 repetitions, Chromium's installation aside). --swipes-only measures
# the swipes again and prints the table with the figures already in --out.
set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)
source_dir=$(cd "$here/../../.." && pwd)
build=$source_dir/build
reps=5
out=""
drags=40
with_chromium=1
swipes_only=0
config=$source_dir/deploy/config/kiosk.example.toml
while (($#)); do
    case $1 in
        --build) build=$(realpath "$2"); shift 2 ;;
        --reps) reps=$2; shift 2 ;;
        --out) out=$2; shift 2 ;;
        --drags) drags=$2; shift 2 ;;
        --config) config=$(realpath "$2"); shift 2 ;;
        --no-chromium) with_chromium=0; shift ;;
        --swipes-only) swipes_only=1; shift ;;
        *) echo "run_ui_cost: unknown option '$1'" >&2; exit 2 ;;
    esac
done
out=$(realpath -m "${out:-$build/ui_cost}")
kiosk=$build/bin/kiosk
today=2026-12-01
size=1920x1080
[ -x "$kiosk" ] || { echo "run_ui_cost: no kiosk at $kiosk (build first, or give --build)" >&2; exit 1; }
log() { echo "run_ui_cost: $*" >&2; }
# The load average as each phase starts: the figures mean little when other
# jobs share the machine's cores, so the table says how busy it was.
note_load() { echo "$1 $(cut -d' ' -f1-3 /proc/loadavg)" >>"$out/load.txt"; }

# ---- what the method needs, installed only when missing
apt_install() {
    local missing=()
    for p in "$@"; do
        dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "ok installed" || missing+=("$p")
    done
    ((${#missing[@]})) || return 0
    log "installing ${missing[*]}"
    local sudo_cmd=()
    [ "$(id -u)" -eq 0 ] || sudo_cmd=(sudo)
    # On standard error: standard output is the table alone.
    "${sudo_cmd[@]}" env DEBIAN_FRONTEND=noninteractive apt-get update -qq >&2
    "${sudo_cmd[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >&2
}
apt_install gcc libx11-dev libxext-dev libxdamage-dev xvfb xdotool x11-utils python3
if ((with_chromium && !swipes_only)) && ! command -v chromium >/dev/null; then
    apt_install chromium || { log "chromium cannot be installed; measuring only ours"; with_chromium=0; }
fi

# The tools run from a copy beside their own xpaintprobe, so the source tree stays clean.
tools=$out/tools
mkdir -p "$tools"
cp "$here"/measure.py "$here"/chromium-kiosk.sh "$here"/q.html "$here"/clicks_q.txt "$tools"/
gcc -O2 -o "$tools/xpaintprobe" "$here/xpaintprobe.c" -lX11 -lXext -lXdamage >&2

# A display nobody uses, for measure.py's own Xvfb.
display_number=99
while [ -e "/tmp/.X11-unix/X$display_number" ] || [ -e "/tmp/.X$display_number-lock" ]; do
    display_number=$((display_number + 1))
done
display=":$display_number"

# ---- our clicks: a visit in English to the QR code, located headless at the measured size
"$kiosk" content build "$source_dir/content" -o "$out/content.db" >"$out/content-build.log"
labels=("Beginnen" "English" "I am looking for work" "Find a job soon")
for _ in 1 2 3 4 5 6 7 8 9; do labels+=("Skip"); done
labels+=("Take it with you" "Just the code")
{
    for label in "${labels[@]}"; do printf 'locate "%s"\ntap "%s"\n' "$label" "$label"; done
    echo "expect screen takeaway"
} >"$out/visit.script"
headless=("$kiosk" --headless --size "$size" --content "$out/content.db" --config "$config"
    --today "$today")
env -u DISPLAY "${headless[@]}" --script "$out/visit.script" >"$out/clicks_ours.txt" 2>"$out/locate.log" ||
    { log "the headless visit failed: $(cat "$out/locate.log")"; exit 1; }

# The kiosk's output goes to a file, as chromium-kiosk.sh does with Chromium's:
# measure.py reads the probe's output to its end, which a program that keeps
# the probe's stdout open would hold off until it is killed. Appended, so a
# repetition's complaint is not overwritten by the next one's.
ours_cmd="$kiosk --windowed $size --content $out/content.db --config $config --today $today"
ours_cmd+=" >>$out/ours-kiosk.log 2>&1"
: >"$out/ours-kiosk.log"
: >"$out/load.txt"
measure() { # NAME COMMAND CLICKS
    log "measuring $1 ($reps repetitions)"
    note_load "$1"
    (cd "$tools" && ./measure.py --cmd "$2" --reps "$reps" --clicks "$3" --display "$display" \
        --out "$out/$1") >"$out/$1.log" 2>&1 || { log "measure.py failed for $1: see $out/$1.log"; return 1; }
}
((swipes_only)) || measure ours "$ours_cmd" "$out/clicks_ours.txt"
if ((with_chromium && !swipes_only)); then
    measure chromium "$tools/chromium-kiosk.sh" "$tools/clicks_q.txt" || with_chromium=0
fi

# ---- swiping through the results, headless: the visit to the results with and
# without N swipes, each run three times; the difference is what the swipes cost.
{
    for label in "Beginnen" "English" "I am looking for work" "Find a job soon"; do
        printf 'tap "%s"\n' "$label"
    done
    for _ in 1 2 3 4 5 6 7 8 9; do echo 'tap "Skip"'; done
    echo "expect screen results"
} >"$out/results.script"
cp "$out/results.script" "$out/swipes.script"
for ((i = 0; i < drags; i++)); do
    if ((i % 2)); then echo "drag 960 400 960 850"; else echo "drag 960 850 960 400"; fi
done >>"$out/swipes.script"
echo "expect screen results" >>"$out/swipes.script"
cpu_of() { # SCRIPT -> "wall_s cpu_s maxrss_kb", the median run of three by CPU
    local runs=()
    for i in 1 2 3; do
        if ! /usr/bin/time -f "%e %U %S %M" -o "$out/time.txt" env -u DISPLAY "${headless[@]}" \
            --script "$1" >/dev/null 2>"$out/swipe-run.log"; then
            log "headless run of $1 failed: $(tail -n 3 "$out/swipe-run.log")"
            echo "nan nan 0"
            return
        fi
        runs[i]=$(awk '{printf "%s %.3f %s", $1, $2 + $3, $4}' "$out/time.txt")
    done
    printf '%s\n' "${runs[@]}" | sort -k2 -n | sed -n 2p
}
note_load swipes
read -r base_wall base_cpu base_rss <<<"$(cpu_of "$out/results.script")"
read -r swipe_wall swipe_cpu swipe_rss <<<"$(cpu_of "$out/swipes.script")"
# What one frame of the results costs: each `locate` draws exactly one frame.
cp "$out/results.script" "$out/frames.script"
for ((i = 0; i < 200; i++)); do echo 'locate "Take it with you"'; done >>"$out/frames.script"
read -r _ frames_cpu _ <<<"$(cpu_of "$out/frames.script")"

# The same swipes in the real window under Xvfb (the renderer a kiosk without
# a GPU gets), with X pointer events, counting the kiosk's own CPU ticks.
window_swipes() {
    local xvfb_pid kiosk_pid before after
    Xvfb -displayfd 3 -screen 0 "${size}x24" -nolisten tcp -br 3>"$out/swipe-display" >/dev/null 2>&1 &
    xvfb_pid=$!
    for _ in $(seq 100); do [ -s "$out/swipe-display" ] && break; sleep 0.1; done
    DISPLAY=":$(tr -d '[:space:]' <"$out/swipe-display")"
    export DISPLAY
    "$kiosk" --windowed "$size" --content "$out/content.db" --config "$config" --today "$today" \
        >"$out/swipe-kiosk.log" 2>&1 &
    kiosk_pid=$!
    sleep 3
    head -n 13 "$out/clicks_ours.txt" | while read -r x y; do # to the results
        xdotool mousemove "$x" "$y" click 1
        sleep 0.5
    done
    sleep 1
    ticks() { awk '{print $14 + $15}' "/proc/$kiosk_pid/stat"; }
    before=$(ticks)
    for ((i = 0; i < drags; i++)); do
        local from=850 to=400 step
        if ((i % 2)); then from=400 to=850; fi
        xdotool mousemove 960 "$from" mousedown 1
        for step in 1 2 3 4 5 6 7 8 9 10; do
            xdotool mousemove 960 "$((from + (to - from) * step / 10))"
            sleep 0.03
        done
        xdotool mouseup 1
        sleep 0.4
    done
    after=$(ticks)
    grep -q "stopping" "$out/swipe-kiosk.log" && log "the windowed kiosk ended during the swipes"
    kill -TERM "$kiosk_pid"
    wait "$kiosk_pid" || true
    kill -TERM "$xvfb_pid"
    wait "$xvfb_pid" || true
    unset DISPLAY
    echo $(((after - before) * 1000 / $(getconf CLK_TCK)))
}
window_swipe_ms=$(window_swipes)
note_load end

# ---- the table
python3 - "$out" "$with_chromium" "$drags" "$base_wall" "$base_cpu" "$swipe_wall" "$swipe_cpu" \
    "$base_rss" "$swipe_rss" "$(wc -l <"$out/clicks_ours.txt")" "$(grep -c '^[0-9]' "$tools/clicks_q.txt")" \
    "$frames_cpu" "$window_swipe_ms" "$(nproc)" <<'EOF'
import json, os, sys
out, with_chromium, drags = sys.argv[1], sys.argv[2] == "1", int(sys.argv[3])
base_wall, base_cpu, swipe_wall, swipe_cpu = map(float, sys.argv[4:8])
base_rss, swipe_rss, clicks_ours, clicks_chromium = map(int, sys.argv[8:12])
frames_cpu, window_swipe_ms, cores = float(sys.argv[12]), int(sys.argv[13]), int(sys.argv[14])
def load(name):
    path = os.path.join(out, name, "summary.json")
    return json.load(open(path)) if os.path.exists(path) else {}
ours, chromium = load("ours"), load("chromium") if with_chromium else {}
rows = [("window mapped", "t_map_ms (window mapped)", "ms"),
        ("first non-blank frame", "t_nonblank_ms (first frame >=K colours)", "ms"),
        ("visually complete", "t_complete_ms (last paint before quiet)", "ms"),
        ("processes", "nproc @mem_at", ""),
        ("PSS at 10 s", "PSS sum MiB @mem_at", "MiB"),
        ("RSS at 10 s", "RSS sum MiB @mem_at", "MiB"),
        ("USS at 10 s", "USS sum MiB @mem_at", "MiB"),
        ("PSS after clicking", "PSS sum MiB after active", "MiB"),
        ("idle CPU (60 s)", "idle app CPU % of 1 core", "% of a core"),
        ("Xvfb CPU while idle", "idle Xvfb CPU %", "% of a core"),
        ("CPU while clicking once a second", "active app CPU % of 1 core", "% of a core"),
        ("Xvfb CPU while clicking", "active Xvfb CPU %", "% of a core")]
def cell(summary, key, unit):
    s = summary.get(key)
    if not s:
        return "–"
    fmt = "{:.0f}" if unit in ("ms", "") else "{:.1f}" if unit == "MiB" else "{:.2f}"
    text = fmt.format(s["median"])
    if s["n"] > 1 and s["min"] != s["max"]:
        text += " (" + fmt.format(s["min"]) + "–" + fmt.format(s["max"]) + ")"
    return text + (" " + unit if unit else "")
reps = max((s["n"] for s in ours.values()), default=0)
print(f"Median (min–max) of {reps} runs; ours clicks {clicks_ours} points through a visit, "
      f"Chromium {clicks_chromium} through q.html.\n")
print("| measure | this kiosk | Chromium kiosk (q.html) | Chromium ÷ this kiosk |")
print("|---|---|---|---|")
for name, key, unit in rows:
    ratio = "–"  # only where a program has no such figure
    if key in ours and key in chromium:
        mine, theirs = ours[key]["median"], chromium[key]["median"]
        if mine > 0:
            ratio = "{:.1f}×".format(theirs / mine)
        else:
            ratio = "∞ (this kiosk 0)" if theirs > 0 else "1.0× (both 0)"
    print(f"| {name} | {cell(ours, key, unit)} | {cell(chromium, key, unit)} | {ratio} |")
# measure.py counts only the program's processes (it is their subreaper); a
# repetition that counted more or fewer than the others is still worth a note.
for name, summary in (("this kiosk", ours), ("Chromium", chromium)):
    counts = summary.get("nproc @mem_at", {}).get("values", [])
    usual = sorted(counts)[len(counts) // 2] if counts else 0
    for rep, n in enumerate(counts):
        if n != usual:
            procs = json.load(open(os.path.join(out, "ours" if name == "this kiosk" else "chromium",
                                                f"rep{rep}.json")))["procs_at_mem"]
            print(f"\nWarning: {name}, repetition {rep}, counted {n} processes instead of {usual} "
                  f"({', '.join(p.split(':')[1] for p in procs)}); "
                  f"its figures are in the min–max ranges, the medians are of all repetitions.")
loads = [line.split() for line in open(os.path.join(out, "load.txt"))]
print(f"\nLoad average (1, 5, 15 min) on {cores} cores as each phase began: " +
      "; ".join(f"{phase} {' '.join(avg)}" for phase, *avg in loads) + ".")
# By the end our own headless runs have kept about one core busy for minutes.
if any(float(avg[0]) >= cores / 2 + (phase == "end") for phase, *avg in loads):
    print("Warning: other jobs kept the machine busy during this run; its times and CPU "
          "figures are higher than on a quiet machine.")
if swipe_cpu != swipe_cpu or base_cpu != base_cpu:  # nan: a headless run failed
    print("\nSwiping through the results: not measured, a headless run failed (see above).")
    sys.exit(0)
per_drag_cpu = (swipe_cpu - base_cpu) / drags * 1000
per_drag_wall = (swipe_wall - base_wall) / drags * 1000
per_frame_cpu = (frames_cpu - base_cpu) / 200 * 1000
print(f"\nSwiping through the results, {drags} swipes of 450 px at 1920x1080 (median of 3 runs):\n")
print("| measure | this kiosk |")
print("|---|---|")
print(f"| CPU per swipe, headless (software renderer) | {per_drag_cpu:.0f} ms ({per_drag_wall:.0f} ms wall) |")
# A `locate` draws a frame like the last, which the software renderer no
# longer redraws: this is what an unchanged frame costs, not a swipe's frame.
print(f"| CPU per unchanged frame of the results, headless | {per_frame_cpu:.1f} ms |")
print(f"| CPU per swipe, real window under Xvfb (X pointer events, about 1 s each) | "
      f"{window_swipe_ms / drags:.0f} ms |")
print(f"| peak RSS, headless run with swipes | {swipe_rss / 1024:.0f} MiB (without: {base_rss / 1024:.0f} MiB) |")
EOF
