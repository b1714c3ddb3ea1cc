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
"$kiosk" --headless --size 1920x1080 --content "$work/content.db" --today 2026-12-01 \
    --script "$script" --screenshots "$shots" --speech-wav "$work/speech" 2>"$work/stderr" ||
    fail "$script: not met: $(cat "$work/stderr")"
grep -q '^kiosk: content .*; speech: on (dummy' "$work/stderr" ||
    fail "the start-up line does not say speech is on: $(cat "$work/stderr")"
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
    stopped=$(grep -n ' stopped ' "$work/speech/speech.log" | head -n 1) ||
        fail "no utterance was stopped: the whole screen was read"
    read -r heard_samples _ total <<<"$(echo "$stopped" | awk '{print $3, $4, $5}')"
    ((heard_samples < total)) || fail "the stopped utterance played whole: '$stopped'"
    line=${stopped%%:*}
    [[ $(wc -l <"$work/speech/speech.log") -eq $line ]] ||
        fail "utterances were played after the stop: $(tail -n +"$((line + 1))" "$work/speech/speech.log")"
    ;;
*) fail "unknown check '$check'" ;;
esac
echo "ok"
