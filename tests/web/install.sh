#!/usr/bin/env bash
# Installs the npm packages pinned in tests/web/package-lock.json into
# NODE_DIR (a folder of the build), and does nothing when they are there
# already for this lock file: after the first run the web tests need no network.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
dir=${1:?usage: install.sh NODE_DIR}
mkdir -p "$dir"
if [ -d "$dir/node_modules/puppeteer-core" ] && cmp -s "$here/package-lock.json" "$dir/.installed-lock"; then
  echo "tests/web: npm packages already installed in $dir"
  exit 0
fi
command -v npm >/dev/null || { echo "tests/web: npm is missing; run deploy/dev/install-deps.sh" >&2; exit 1; }
cp "$here/package.json" "$here/package-lock.json" "$dir/"
rm -f "$dir/.installed-lock"
(cd "$dir" && npm ci --no-audit --no-fund --prefer-offline --loglevel=error)
cp "$here/package-lock.json" "$dir/.installed-lock"
echo "tests/web: installed $(cd "$dir" && node -p 'require("puppeteer-core/package.json").version' 2>/dev/null || echo '?') of puppeteer-core in $dir"
