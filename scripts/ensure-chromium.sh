#!/usr/bin/env bash
# Browser tests use Debian's chromium (Playwright cannot download its own browser here).
set -euo pipefail
if [ -x /usr/bin/chromium ]; then exit 0; fi
if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
  echo "installing Debian's chromium for the browser tests"
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium fonts-wqy-microhei >/dev/null
  exit 0
fi
echo "chromium is missing: install Debian's 'chromium' package (sudo apt-get install chromium)" >&2
[ "${CI:-}" = "true" ] && exit 1
exit 0
