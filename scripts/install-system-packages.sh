#!/usr/bin/env bash
# Debian packages the tests need, installed only when missing (one apt-get update): Node for the npm tools; Chromium
# with CJK fonts for the site tests (Playwright drives the system browser, it never downloads one); Java for the Nu
# Html Checker (vnu-jar). Used by scripts/test.sh and .ci/run.
set -euo pipefail
missing=()
command -v node >/dev/null || missing+=(nodejs npm)
command -v chromium >/dev/null || missing+=(chromium)
dpkg -s fonts-noto-cjk >/dev/null 2>&1 || missing+=(fonts-noto-cjk)
# The PDF reader tests write Chinese PDFs with PdfPig, which embeds TrueType (glyf) fonts only: Noto CJK is CFF.
dpkg -s fonts-arphic-gbsn00lp >/dev/null 2>&1 || missing+=(fonts-arphic-gbsn00lp)
command -v java >/dev/null || missing+=(default-jre-headless)
[ "${#missing[@]}" -eq 0 ] && exit 0
if [ "$(id -u)" -ne 0 ] && ! command -v sudo >/dev/null; then
  echo "The tests need these Debian packages: ${missing[*]}. Install them as root (apt-get install ${missing[*]})." >&2
  exit 1
fi
as_root=(); [ "$(id -u)" -eq 0 ] || as_root=(sudo)
echo "Installing Debian packages the tests need: ${missing[*]}…"
"${as_root[@]}" apt-get update
DEBIAN_FRONTEND=noninteractive "${as_root[@]}" apt-get install -y "${missing[@]}"
