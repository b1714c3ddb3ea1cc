#!/usr/bin/env bash
# From a fresh checkout to a runnable kiosk: packages, build, default content pack.
set -euo pipefail
cd "$(dirname "$0")/../.."
deploy/dev/install-deps.sh
cmake -S . -B build -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo
cmake --build build
build/bin/kiosk content build content -o build/content.db
