#!/usr/bin/env bash
# Compiles the bundled pack to OUT/content.db and publishes the site from it
# to OUT/site, as a municipality would: the web tests open that site.
set -euo pipefail
kiosk=${1:?usage: publish_site.sh KIOSK OUT}
out=${2:?usage: publish_site.sh KIOSK OUT}
cd "$(dirname "$0")/../.."
mkdir -p "$out"
"$kiosk" content build content -o "$out/content.db"
"$kiosk" content publish "$out/content.db" -o "$out/site"
