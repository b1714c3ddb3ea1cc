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
#   --list-qr SHOT ANSWERS[@LANG]
#                        the QR code in SHOT.png must hold the payload that
#                        `kiosk match --answers ANSWERS --lang LANG` gives (same
#                        --today; LANG, the language the visit ends in, is nl
#                        unless given)
#   --course-qr SHOT LIST
#                        the QR code in SHOT.png must be the https:// URL of a
#                        course in content/courses.csv whose id is in the list
#                        that the QR code of LIST.png holds
#   --located-near X Y   every point a `locate` step printed must lie within
#                        50 px of X Y (so a drag from X Y starts on that target)
#   --fails-at LINE      the script must stop with exit status 1 and say so
#                        as "SCRIPT_NAME:LINE:" on standard error
#
# configuration, each at most once:
#   --adviser-pin PIN    play with a copy of the example configuration whose
#                        pin_hash is what `kiosk adviser-pin` prints for PIN
#                        (adviser mode on) and whose logo path is absolute
#   --check-redraw       the kiosk draws every frame where it changed and again
#                        in full, and stops at the first frame where the two
#                        differ by a bit (kiosk --check-redraw)
#   --privacy SHOT ANSWERS
#                        keep usage figures (--stats) in the temporary folder;
#                        afterwards nothing of the visit that answered ANSWERS
#                        (as for --list-qr) and took away the QR code in
#                        SHOT.png may be in the log (standard error) beyond the
#                        start-up line, the configuration must be unchanged,
#                        and the figures must be one table of day counters of
#                        the --today day only, counting the visit
set -euo pipefail

readonly size=1920x1080
readonly today=2026-12-01
readonly config=deploy/config/kiosk.example.toml

fail() {
    echo "FAIL: $*" >&2
    exit 1
}

differ=() same=() list_qr=() course_qr=() located_near=() fails_at="" adviser_pin="" privacy=()
check_redraw=()
while [[ $# -gt 0 && $1 == --* ]]; do
    case $1 in
    --differ) differ+=("$2" "$3") && shift 3 ;;
    --same) same+=("$2" "$3") && shift 3 ;;
    --list-qr) list_qr+=("$2" "$3") && shift 3 ;;
    --course-qr) course_qr+=("$2" "$3") && shift 3 ;;
    --located-near) located_near+=("$2" "$3") && shift 3 ;;
    --fails-at) fails_at=$2 && shift 2 ;;
    --adviser-pin) adviser_pin=$2 && shift 2 ;;
    --privacy) privacy=("$2" "$3") && shift 3 ;;
    --check-redraw) check_redraw=(--check-redraw) && shift ;;
    *) fail "run_script.sh: unknown check '$1'" ;;
    esac
done
[[ $# -eq 3 ]] || fail "usage: run_script.sh [checks] KIOSK SCRIPT SHOTS"
kiosk=$1 script=$2 shots=$3
[[ -f content/pack.toml && -f $config ]] || fail "run from the repository's top folder (no content/ or $config here)"
[[ -n $shots ]] || fail "no folder for the screenshots"
[[ -x $kiosk ]] || fail "no kiosk binary at $kiosk (build the 'kiosk' target first)"
[[ -f $script ]] || fail "no script at $script"
if [[ ${#list_qr[@]} -gt 0 || ${#course_qr[@]} -gt 0 || ${#privacy[@]} -gt 0 ]]; then
    command -v zbarimg >/dev/null || fail "zbarimg is missing (apt-get install zbar-tools)"
fi
if [[ ${#privacy[@]} -gt 0 ]]; then
    command -v sqlite3 >/dev/null || fail "sqlite3 is missing (deploy/dev/install-deps.sh)"
fi

work=$(mktemp -d "${TMPDIR:-/tmp}/kiosk-ui.XXXXXX")
trap 'rm -rf "$work"' EXIT
"$kiosk" content build content -o "$work/content.db" >"$work/build.log" 2>&1 ||
    fail "the content pack does not build: $(cat "$work/build.log")"
rm -rf "$shots"
mkdir -p "$shots"

config_used=$config
if [[ -n $adviser_pin ]]; then
    hash_line=$(printf '%s\n%s\n' "$adviser_pin" "$adviser_pin" | "$kiosk" adviser-pin 2>"$work/pin.log") ||
        fail "kiosk adviser-pin refused the PIN: $(cat "$work/pin.log")"
    [[ $hash_line == 'pin_hash = "$argon2id$'* ]] || fail "kiosk adviser-pin printed '$hash_line'"
    config_used=$work/kiosk.toml
    # Written into the temporary folder, so the logo's path must not be relative.
    while IFS= read -r line; do
        case $line in
        'logo = '*) echo "logo = \"$PWD/assets/logo.png\"" ;;
        '# pin_hash = '*) echo "$hash_line" ;;
        *) echo "$line" ;;
        esac
    done <"$config" >"$config_used"
    grep -qxF "$hash_line" "$config_used" || fail "$config has no '# pin_hash = ' line to replace"
fi
stats_args=()
if [[ ${#privacy[@]} -gt 0 ]]; then
    stats_args=(--stats "$work/stats.db")
    cp "$config_used" "$work/config-before"
fi

status=0
"$kiosk" --headless --size "$size" --content "$work/content.db" --config "$config_used" \
    --today "$today" --script "$script" --screenshots "$shots" "${stats_args[@]}" "${check_redraw[@]}" \
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
    language=nl
    [[ $answers == *@* ]] && language=${answers#*@} answers=${answers%@*}
    expected=$("$kiosk" match --content "$work/content.db" --answers "$answers" --lang "$language" \
        --today "$today" | sed -n 's/^QR payload: //p')
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

if [[ ${#privacy[@]} -gt 0 ]]; then
    name=${privacy[0]} answers=${privacy[1]%@*}
    payload=$(decode "$name")
    [[ $payload == *"#"* ]] || fail "the QR code in $name.png holds no course ids after '#': '$payload'"
    ids=${payload#*#}
    # The language code before the ids ("en.") is looked for below, as a language.
    [[ $ids =~ ^[a-z]{2}\. ]] && ids=${ids:3}
    IFS=. read -r -a courses <<<"$ids"
    [[ ${#courses[@]} -gt 0 && -n ${courses[0]} ]] || fail "no course ids in '$payload'"
    IFS=, read -r -a pairs <<<"$answers"
    # What the visit was, word by word: each must be absent from the log.
    traces=("$ids" "${courses[@]}")
    for pair in "${pairs[@]}"; do
        traces+=("$pair" "${pair%%=*}" "${pair#*=}")
    done
    startup=$(grep -c '^kiosk: content ' "$work/stderr" || true)
    [[ $startup -eq 1 ]] || fail "the log has $startup start-up lines, expected 1: $(cat "$work/stderr")"
    grep -v '^kiosk: content ' "$work/stderr" >"$work/log-after-start" || true
    for trace in "${traces[@]}"; do
        if grep -qwF -- "$trace" "$work/stderr"; then
            fail "the log names '$trace' of the visit: $(grep -wF -- "$trace" "$work/stderr")"
        fi
    done
    if grep -qE '[a-z_]+=[a-z_]+' "$work/log-after-start"; then
        fail "the log holds a question=option pair: $(grep -E '[a-z_]+=[a-z_]+' "$work/log-after-start")"
    fi
    # The language chosen: its code, its name in any language on the screen.
    language_words='en|english|engels|language|languages|taal'
    if grep -qwiE "$language_words" "$work/log-after-start"; then
        fail "the log names a language after start-up: $(grep -wiE "$language_words" "$work/log-after-start")"
    fi
    cmp -s "$config_used" "$work/config-before" || fail "the kiosk changed its configuration $config_used"

    db=$work/stats.db
    [[ -f $db ]] || fail "the kiosk wrote no usage figures to $db"
    tables=$(sqlite3 -readonly "$db" "SELECT type || ' ' || name FROM sqlite_master ORDER BY name")
    [[ $tables == "table counters" ]] || fail "the figures file holds more than one table: $tables"
    columns=$(sqlite3 -readonly "$db" "SELECT group_concat(name, ',') FROM pragma_table_info('counters')")
    [[ $columns == "day,metric,key,count" ]] || fail "the counters table has the columns $columns"
    # A wide range, so a counter of any other day would show.
    "$kiosk" stats export --stats "$db" --from 1970-01-01 --to 2999-12-31 >"$work/export.csv" \
        2>"$work/export.log" || fail "kiosk stats export failed: $(cat "$work/export.log")"
    tr -d '\r' <"$work/export.csv" >"$work/export.txt"
    [[ $(head -n 1 "$work/export.txt") == "day,metric,key,count" ]] ||
        fail "the export does not start with its header: $(head -n 1 "$work/export.txt")"
    while IFS= read -r row; do
        [[ $row =~ ^$today,[a-z_]+,[A-Za-z0-9_=-]*,([0-9]+|\<5)$ ]] ||
            fail "the export has a row that is not a day counter of $today: '$row'"
    done < <(tail -n +2 "$work/export.txt")
    grep -qxF "$today,visit_started,,<5" "$work/export.txt" ||
        fail "the export does not count the visit: $(cat "$work/export.txt")"
    echo "ok: nothing of the visit in the log, the configuration or the figures but day counters"
fi
