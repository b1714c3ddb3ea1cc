#!/usr/bin/env bash
# A visit in every language a content pack declares, played by the headless
# kiosk: start, choose the language, turn on "also in Dutch", skip every
# question, see the results, take the QR code away. For each language it
# checks what a script alone cannot:
#
#   visit_each_language.sh KIOSK PACK_DIR SHOTS
#
#   - every text drawn on the way has all its glyphs in the font atlas (the
#     headless kiosk stops with "missing glyph U+XXXX in ..." otherwise);
#   - the QR code on the take-away screen (read with zbar) holds what
#     `kiosk match --lang LANG` gives for a visit that skipped everything;
#   - the layout is mirrored for a right-to-left language: the back button lies
#     in the right half and skip in the left half; the other way round for a
#     left-to-right language.
#
# The script for a language is written from the compiled pack's own texts
# (sqlite3), so the test follows the pack: once it declares six languages,
# the visit is played in six. Screenshots of each language's question,
# results and take-away screens stay in SHOTS/LANG/.
set -euo pipefail

readonly size=1920x1080 width=1920
readonly today=2026-12-01
readonly config=deploy/config/kiosk.example.toml

fail() {
    echo "FAIL: $*" >&2
    exit 1
}

[[ $# -eq 3 ]] || fail "usage: visit_each_language.sh KIOSK PACK_DIR SHOTS"
kiosk=$1 pack=$2 shots=$3
[[ -x $kiosk ]] || fail "no kiosk binary at $kiosk"
[[ -f $pack/pack.toml ]] || fail "no content pack in $pack"
[[ -f $config ]] || fail "run from the repository's top folder (no $config here)"
for tool in zbarimg sqlite3; do
    command -v "$tool" >/dev/null || fail "$tool is missing (deploy/dev/install-deps.sh)"
done

work=$(mktemp -d "${TMPDIR:-/tmp}/kiosk-languages.XXXXXX")
trap 'rm -rf "$work"' EXIT
db=$work/content.db
"$kiosk" content build "$pack" -o "$db" >"$work/build.log" 2>&1 ||
    fail "the content pack $pack does not build: $(cat "$work/build.log")"
# Every language of the pack on offer, Dutch first; the logo found from anywhere.
while IFS= read -r line; do
    case $line in
    'languages = '*) ;;
    'logo = '*) echo "logo = \"$PWD/assets/logo.png\"" ;;
    *) echo "$line" ;;
    esac
done <"$config" >"$work/kiosk.toml"
rm -rf "$shots"
mkdir -p "$shots"

# A pack text in a language, Dutch when the pack has none in that language;
# quotes and backslashes escaped for the script.
text() {
    local value
    value=$(sqlite3 -readonly "$db" \
        "SELECT value FROM text WHERE key = '$1' AND lang IN ('$2', 'nl')
         ORDER BY lang = 'nl' LIMIT 1")
    [[ -n $value ]] || fail "the pack has no text '$1'"
    value=${value//\\/\\\\}
    echo "${value//\"/\\\"}"
}

# How many questions a visit that skips everything is asked: those whose
# every condition accepts "skipped".
asked=$(sqlite3 -readonly "$db" \
    "SELECT count(*) FROM question q WHERE NOT EXISTS (
       SELECT 1 FROM condition c WHERE c.question = q.id AND NOT EXISTS (
         SELECT 1 FROM condition s WHERE s.question = q.id
           AND s.on_question = c.on_question AND s.option = 'skipped'))")
[[ $asked -gt 0 ]] || fail "the pack asks no question when all are skipped"

mapfile -t languages < <(sqlite3 -readonly "$db" "SELECT code FROM language ORDER BY position")
[[ ${#languages[@]} -gt 0 ]] || fail "the pack declares no languages"
rtl_languages=" ar he fa ur yi ps ckb dv "  # as kiosk/core/content/text_direction.cpp

for lang in "${languages[@]}"; do
    name=$(sqlite3 -readonly "$db" "SELECT name FROM language WHERE code = '$lang'")
    script=$work/visit-$lang.script
    {
        echo "expect screen attract"
        echo "tap \"$(text ui.screen.start nl)\""
        echo "expect screen language"
        echo "tap \"$name\""
        echo "expect screen question"
        echo "expect text \"$(text ui.screen.skip "$lang")\""
        if [[ $lang != nl ]]; then
            echo "tap \"$(text ui.screen.dutch_beside "$lang")\""
            first=$(sqlite3 -readonly "$db" "SELECT id FROM question ORDER BY position LIMIT 1")
            echo "expect text \"$(text "question.$first" nl)\""
        fi
        echo "screenshot question"
        echo "locate \"$(text ui.screen.back "$lang")\""
        echo "locate \"$(text ui.screen.skip "$lang")\""
        for ((i = 0; i < asked; ++i)); do
            echo "tap \"$(text ui.screen.skip "$lang")\""
        done
        echo "expect screen results"
        echo "expect text \"$(text ui.screen.results_title "$lang")\""
        echo "screenshot results"
        echo "tap \"$(text ui.screen.take_away "$lang")\""
        echo "expect screen takeaway"
        echo "screenshot takeaway"
    } >"$script"
    mkdir -p "$shots/$lang"
    status=0
    "$kiosk" --headless --size "$size" --content "$db" --config "$work/kiosk.toml" \
        --today "$today" --script "$script" --screenshots "$shots/$lang" \
        >"$work/stdout" 2>"$work/stderr" || status=$?
    if [[ $status -ne 0 ]]; then
        cat "$work/stderr" >&2
        echo "--- the script played ($lang):" >&2
        cat "$script" >&2
        fail "the visit in '$lang' stopped (exit status $status)"
    fi

    mapfile -t points <"$work/stdout"
    [[ ${#points[@]} -eq 2 ]] || fail "$lang: expected two located points, got: ${points[*]}"
    side=left other=right
    [[ $rtl_languages == *" $lang "* ]] && side=right other=left
    in_half() {  # POINT HALF
        local x=${1%% *}
        x=${x%.*}
        [[ $2 == right && $x -gt $((width / 2)) || $2 == left && $x -lt $((width / 2)) ]]
    }
    in_half "${points[0]}" "$side" ||
        fail "$lang: the back button is at ${points[0]}, not in the $side half (mirroring)"
    in_half "${points[1]}" "$other" ||
        fail "$lang: the skip button is at ${points[1]}, not in the $other half (mirroring)"

    shown=$(zbarimg --raw -q "$shots/$lang/takeaway.png" 2>/dev/null) ||
        fail "$lang: no QR code found in $shots/$lang/takeaway.png"
    expected=$("$kiosk" match --content "$db" --answers "" --lang "$lang" --today "$today" 2>/dev/null |
        sed -n 's/^QR payload: //p')
    [[ $expected == *"#"* ]] || fail "$lang: kiosk match printed no 'QR payload: ' line with '#'"
    # The address before '#' is the deployment's (its configuration), not the pack's.
    [[ $shown == *"#${expected#*#}" ]] ||
        fail "$lang: the QR code holds '$shown'; kiosk match gives '$expected'"
    echo "ok: $lang ($name): $asked questions skipped, results, QR $shown, layout from the $side"
done
