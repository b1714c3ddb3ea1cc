#!/usr/bin/env bash
# A scripted run stops when a text is drawn with a letter the font atlas
# lacks, naming the code point and the text: the six-language test pack with
# a Chinese character (which DejaVu Sans does not have) in its Polish "Start",
# shown on the attract screen.
#
#   missing_glyph.sh KIOSK
set -euo pipefail

fail() {
    echo "FAIL: $*" >&2
    exit 1
}
[[ $# -eq 1 && -x $1 ]] || fail "usage: missing_glyph.sh KIOSK"
kiosk=$1
work=$(mktemp -d "${TMPDIR:-/tmp}/kiosk-glyph.XXXXXX")
trap 'rm -rf "$work"' EXIT
cp -r tests/fixtures/pack_six_languages "$work/pack"
sed -i 's/^start\.pl = "Zacznij"$/start.pl = "Zacznij 漢"/' "$work/pack/texts.toml"
grep -qF 'start.pl = "Zacznij 漢"' "$work/pack/texts.toml" || fail "no Polish start text to change"
"$kiosk" content build "$work/pack" -o "$work/content.db" >"$work/build.log" 2>&1 ||
    fail "the pack does not build: $(cat "$work/build.log")"
sed "s|^logo = .*|logo = \"$PWD/assets/logo.png\"|; /^languages = /d" \
    deploy/config/kiosk.example.toml >"$work/kiosk.toml"
printf 'expect screen attract\nexpect screen attract\n' >"$work/attract.script"
status=0
"$kiosk" --headless --size 1920x1080 --content "$work/content.db" --config "$work/kiosk.toml" \
    --script "$work/attract.script" >"$work/stdout" 2>"$work/stderr" || status=$?
[[ $status -eq 1 ]] || fail "exit status $status, expected 1: $(cat "$work/stderr")"
grep -qF 'attract.script:1: expect screen attract: missing glyph U+6F22 in "Zacznij 漢"' "$work/stderr" ||
    fail "standard error does not name the missing glyph: $(cat "$work/stderr")"
echo "ok: $(grep -F 'missing glyph' "$work/stderr")"
