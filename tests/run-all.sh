#!/usr/bin/env bash
# Every test: the normal build (the slow ones too: `ctest -L slow` installs
# the Debian package into a debootstrap root), then the tests again under
# AddressSanitizer and UBSan, less the package's (a sanitized binary is not
# what gets packaged). Installs what is missing first.
set -euo pipefail
cd "$(dirname "$0")/.."
deploy/dev/setup.sh
ctest --test-dir build --output-on-failure -j2

cmake -S . -B build-sanitize -G Ninja -DCMAKE_BUILD_TYPE=Debug -DKIOSK_SANITIZE=ON \
      -DKIOSK_BENCHMARKS=OFF
cmake --build build-sanitize
ASAN_OPTIONS=detect_leaks=1:abort_on_error=1 UBSAN_OPTIONS=print_stacktrace=1 \
  ctest --test-dir build-sanitize --output-on-failure -j2 -LE package
