#!/usr/bin/env bash
# Plays a scripted visit with read-aloud on the six-language fixture pack
# (tests/fixtures/pack_speech) and listens to what the kiosk said, from the
# WAV files `--speech-wav` writes (RIFF, 16-bit mono, 22050 Hz) and the
# speech.log beside them:
#
#   run_speech.sh KIOSK SCRIPT SHOTS --heard LANG   the first utterance is in LANG,
#                                                   played to its end, and not silent
#   run_speech.sh KIOSK SCRIPT SHOTS --cut          an utterance was stopped before
#                                                   its end, and none came after it
#   run_speech.sh KIOSK SCRIPT SHOTS --listen       speech mode with the keypad: plays
#       with a configuration of three languages (nl, en, ar) and a quick voice; each
#       line of utterances.log is a WAV file that is not silent; the first three are
#       how to choose a language in nl, en and ar, in that order; one is the chime
set -euo pipefail

fail() {
    echo "FAIL: $*" >&2
    exit 1
}

[[ $# -ge 4 ]] || fail "usage: run_speech.sh KIOSK SCRIPT SHOTS (--heard LANG | --cut)"
kiosk=$1 script=$2 shots=$3 check=$4 lang=${5:-}
work=$(mktemp -d "${TMPDIR:-/tmp}/kiosk-speech.XXXXXX")
trap 'rm -rf "$work"' EXIT
"$kiosk" content build tests/fixtures/pack_speech -o "$work/content.db" >"$work/build.log" 2>&1 ||
    fail "the speech fixture pack does not build: $(cat "$work/build.log")"
rm -rf "$shots"
mkdir -p "$shots"
config=()
if [[ $check == --listen ]]; then
    cat >"$work/kiosk.toml" <<'TOML'
[kiosk]
name = "Speech mode test"
languages = ["nl", "en", "ar"]
[speech]
rate = 300
headphones = ""
TOML
    config=(--config "$work/kiosk.toml")
fi
"$kiosk" --headless --size 1920x1080 --content "$work/content.db" --today 2026-12-01 \
    "${config[@]}" --script "$script" --screenshots "$shots" --speech-wav "$work/speech" 2>"$work/stderr" ||
    fail "$script: not met: $(cat "$work/stderr")"
grep -q '^kiosk: content .*; speech: on (dummy' "$work/stderr" ||
    fail "the start-up line does not say speech is on: $(cat "$work/stderr")"
if [[ $check == --cut && ! -f $work/speech/speech.log ]]; then
    # The answer came before the speaker began the reading at all (the
    # speaker writes its log as it begins): nothing was said, as asked.
    echo "stopped before the reading began"
    echo "ok"
    exit 0
fi
[[ -f $work/speech/speech.log ]] || fail "no speech.log: the kiosk said nothing"
cat "$work/speech/speech.log"
first=$(head -n 1 "$work/speech/speech.log")

# A WAV file's seconds and RMS (0..32767), read with Python's wave module.
measure() {
    python3 - "$1" <<'PY'
import array, math, sys, wave
with wave.open(sys.argv[1]) as w:
    assert w.getnchannels() == 1 and w.getsampwidth() == 2 and w.getframerate() == 22050, "not 16-bit mono 22050 Hz"
    samples = array.array("h", w.readframes(w.getnframes()))
rms = math.sqrt(sum(s * s for s in samples) / len(samples)) if samples else 0
print(f"{len(samples) / 22050:.3f} {rms:.0f}")
PY
}

case $check in
--heard)
    [[ $first == "001-$lang.wav played "* ]] || fail "the first utterance is not $lang played to its end: '$first'"
    read -r seconds rms < <(measure "$work/speech/001-$lang.wav")
    echo "001-$lang.wav: $seconds s, RMS $rms"
    ((rms > 300)) || fail "001-$lang.wav is silent (RMS $rms)"
    [[ $(echo "$seconds > 0.3" | bc) == 1 ]] || fail "001-$lang.wav lasts only $seconds s"
    ;;
--cut)
    if [[ ! -s $work/speech/speech.log ]]; then
        # The reading began (the speaker wrote its log) and was stopped before
        # its first word: on a busy machine the answer can come that soon.
        echo "stopped before the first word"
        echo "ok"
        exit 0
    fi
    stopped=$(grep -n ' stopped ' "$work/speech/speech.log" | head -n 1) ||
        fail "no utterance was stopped: the whole screen was read"
    read -r heard_samples _ total <<<"$(echo "$stopped" | awk '{print $3, $4, $5}')"
    # Stopped part-way, or (on a slow machine) stopped while still being
    # synthesised, before a sample reached the sound device.
    ((heard_samples < total)) || [[ $stopped == *"(synthesis stopped)"* && $total == 0 ]] ||
        fail "the stopped utterance played whole: '$stopped'"
    line=${stopped%%:*}
    [[ $(wc -l <"$work/speech/speech.log") -eq $line ]] ||
        fail "utterances were played after the stop: $(tail -n +"$((line + 1))" "$work/speech/speech.log")"
    ;;
--listen)
    [[ -f $work/speech/utterances.log ]] || fail "no utterances.log"
    cat "$work/speech/utterances.log"
    mapfile -t files < <(cut -f1 "$work/speech/utterances.log")
    [[ ${files[0]} == 001-nl.wav && ${files[1]} == 002-en.wav && ${files[2]} == 003-ar.wav ]] ||
        fail "the language prompt is not nl, en, ar in turn: ${files[*]:0:3}"
    grep -q $'^003-ar.wav\t.*الأَوْسَطَ' "$work/speech/utterances.log" ||
        fail "the Arabic prompt is not its diacritized text"
    grep -q -- '-chime.wav' "$work/speech/utterances.log" || fail "the countdown did not chime"
    for f in "${files[@]}"; do
        read -r seconds rms < <(measure "$work/speech/$f")
        echo "$f: $seconds s, RMS $rms"
        ((rms > 300)) || fail "$f is silent (RMS $rms)"
        [[ $(echo "$seconds > 0.2" | bc) == 1 ]] || fail "$f lasts only $seconds s"
    done
    ;;
*) fail "unknown check '$check'" ;;
esac
echo "ok"
