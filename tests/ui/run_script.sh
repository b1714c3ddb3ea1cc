#!/usr/bin/env bash
# Plays one scripted visit (tests/ui/README.md) against the headless kiosk on
# the bundled content pack, compiled afresh into a temporary folder, and
# checks what the script itself cannot see:
#
#   run_script.sh [checks] KIOSK SCRIPT SHOTS
#
#   KIOSK    the kiosk binary
#   SCRIPT   the script to play (its steps must all be met, unless --fails-at)
#   SHOTS    screenshots go here, emptied first and kept for people to look at
#
# checks, each may be given more than once:
#   --differ A B         screenshots A.png and B.png must not be the same picture
#   --same A B           screenshots A.png and B.png must be the same picture
#   --list-qr SHOT ANSWERS
#                        the QR code in SHOT.png must hold the payload that
#                        `kiosk match --answers ANSWERS` gives (same --today)
#   --course-qr SHOT LIST
#                        the QR code in SHOT.png must be the https:// URL of a
#                        course in content/courses.csv whose id is in the list
#                        that the QR code of LIST.png holds
#   --located-near X Y   every point a `locate` step printed must lie within
#                        50 px of X Y (so a drag from X Y starts on that target)
#   --fails-at LINE      the script must stop with exit status 1 and say so
#                        as "SCRIPT_NAME:LINE:" on standard error
set -euo pipefail

readonly size=1920x1080
readonly today=2026-12-01
readonly config=deploy/config/kiosk.example.toml

fail() {
    echo "FAIL: $*" >&2
    exit 1
}

differ=() same=() list_qr=() course_qr=() located_near=() fails_at=""
while [[ $# -gt 0 && $1 == --* ]]; do
    case $1 in
    --differ) differ+=("$2" "$3") && shift 3 ;;
    --same) same+=("$2" "$3") && shift 3 ;;
    --list-qr) list_qr+=("$2" "$3") && shift 3 ;;
    --course-qr) course_qr+=("$2" "$3") && shift 3 ;;
    --located-near) located_near+=("$2" "$3") && shift 3 ;;
    --fails-at) fails_at=$2 && shift 2 ;;
    *) fail "run_script.sh: unknown check '$1'" ;;
    esac
done
[[ $# -eq 3 ]] || fail "usage: run_script.sh [checks] KIOSK SCRIPT SHOTS"
kiosk=$1 script=$2 shots=$3
[[ -f content/pack.toml && -f $config ]] || fail "run from the repository's top folder (no content/ or $config here)"
[[ -n $shots ]] || fail "no folder for the screenshots"
[[ -x $kiosk ]] || fail "no kiosk binary at $kiosk (build the 'kiosk' target first)"
[[ -f $script ]] || fail "no script at $script"
if [[ ${#list_qr[@]} -gt 0 || ${#course_qr[@]} -gt 0 ]]; then
    command -v zbarimg >/dev/null || fail "zbarimg is missing (apt-get install zbar-tools)"
fi

work=$(mktemp -d "${TMPDIR:-/tmp}/kiosk-ui.XXXXXX")
trap 'rm -rf "$work"' EXIT
"$kiosk" content build content -o "$work/content.db" >"$work/build.log" 2>&1 ||
    fail "the content pack does not build: $(cat "$work/build.log")"
rm -rf "$shots"
mkdir -p "$shots"

status=0
"$kiosk" --headless --size "$size" --content "$work/content.db" --config "$config" \
    --today "$today" --script "$script" --screenshots "$shots" \
    >"$work/stdout" 2>"$work/stderr" || status=$?
cat "$work/stdout"
cat "$work/stderr" >&2

if [[ -n $fails_at ]]; then
    [[ $status -eq 1 ]] || fail "$script: exit status $status, expected 1 (a step not met)"
    where="$(basename "$script"):$fails_at:"
    grep -qF "$where" "$work/stderr" || fail "$script: standard error does not name '$where'"
    exit 0
fi
[[ $status -eq 0 ]] || fail "$script: exit status $status (a step was not met, see above)"

shot() {
    [[ -f $shots/$1.png ]] || fail "$script made no screenshot '$1'"
    echo "$shots/$1.png"
}

# The one QR code in a screenshot, or a failure that says what was there.
decode() {
    local png codes
    png=$(shot "$1")
    # zbarimg also complains on standard error when there is no D-Bus.
    codes=$(zbarimg --raw -q "$png" 2>/dev/null) || fail "no QR code found in $png"
    [[ $(wc -l <<<"$codes") -eq 1 ]] || fail "more than one code in $png: $codes"
    echo "$codes"
}

for ((i = 0; i < ${#differ[@]}; i += 2)); do
    a=$(shot "${differ[i]}") b=$(shot "${differ[i + 1]}")
    if cmp -s "$a" "$b"; then
        fail "screenshots ${differ[i]} and ${differ[i + 1]} are the same picture"
    fi
done

for ((i = 0; i < ${#located_near[@]}; i += 2)); do
    x=${located_near[i]} y=${located_near[i + 1]}
    [[ -s $work/stdout ]] || fail "$script located nothing to compare with $x $y"
    while read -r lx ly; do
        ((dx = lx - x, dy = ly - y, dx * dx + dy * dy <= 50 * 50)) ||
            fail "$script located its target at $lx $ly, more than 50 px from $x $y: move the point"
    done <"$work/stdout"
done

for ((i = 0; i < ${#same[@]}; i += 2)); do
    a=$(shot "${same[i]}") b=$(shot "${same[i + 1]}")
    cmp -s "$a" "$b" || fail "screenshots ${same[i]} and ${same[i + 1]} are not the same picture"
done

for ((i = 0; i < ${#list_qr[@]}; i += 2)); do
    name=${list_qr[i]} answers=${list_qr[i + 1]}
    shown=$(decode "$name")
    expected=$("$kiosk" match --content "$work/content.db" --answers "$answers" --today "$today" |
        sed -n 's/^QR payload: //p')
    [[ -n $expected ]] || fail "kiosk match --answers \"$answers\" printed no 'QR payload: ' line"
    [[ $shown == "$expected" ]] ||
        fail "the QR code in $name.png holds '$shown'; kiosk match for \"$answers\" gives '$expected'"
    echo "ok: $name.png holds $shown"
done

for ((i = 0; i < ${#course_qr[@]}; i += 2)); do
    name=${course_qr[i]} list=${course_qr[i + 1]}
    course=$(decode "$name") whole=$(decode "$list")
    [[ $course == https://* ]] || fail "the QR code in $name.png is not an https:// URL: '$course'"
    [[ $course != "$whole" ]] ||
        fail "the QR code in $name.png holds the whole list ('$whole'), not the course's own URL"
    id=$(grep -F ",$course," content/courses.csv | cut -d, -f1) ||
        fail "the QR code in $name.png holds '$course', which is no course's url in content/courses.csv"
    [[ ".${whole#*#}." == *".$id."* ]] ||
        fail "the QR code in $name.png is the url of $id, which is not in the list '$whole'"
    echo "ok: $name.png holds $course"
done
