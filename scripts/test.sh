#!/usr/bin/env bash
# Runs every test (unit and integration) and ends with the plain line "N passed, N failed".
# Integration tests start their own Azurite (the pinned one, on free ports), whatever else listens on this machine.
set -uo pipefail
cd "$(dirname "$0")/.."

# Chromium, CJK fonts and Java for the site tests (Debian packages), when missing.
bash scripts/install-system-packages.sh || exit 1
export PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1

# --ignore-scripts: vnu-jar's postinstall downloads a JDK (we run its jar on the system Java); the other tools need none.
if [ ! -f node_modules/azurite/dist/src/azurite.js ] || ! compgen -G 'node_modules/@pagefind/*/bin/pagefind_extended*' >/dev/null \
  || [ ! -f node_modules/vnu-jar/build/dist/vnu.jar ]; then
  echo "Installing the pinned npm tools (azurite, pagefind, vnu-jar)…"
  npm ci --ignore-scripts --no-audit --no-fund || exit 1
fi

rm -rf TestResults
dotnet test PublishPipeline.sln --configuration Release \
  --logger "trx" --logger "console;verbosity=normal" --results-directory TestResults "$@"
status=$?

passed=0; failed=0
for trx in TestResults/*.trx; do
  [ -f "$trx" ] || continue
  counters=$(grep -o '<Counters [^>]*>' "$trx" | head -1)
  p=$(sed -n 's/.* passed="\([0-9]*\)".*/\1/p' <<<"$counters")
  f=$(sed -n 's/.* failed="\([0-9]*\)".*/\1/p' <<<"$counters")
  passed=$((passed + ${p:-0})); failed=$((failed + ${f:-0}))
done
if [ "$status" -ne 0 ] && [ "$failed" -eq 0 ]; then
  echo "dotnet test exited with $status (a build error or a crashed test host?)"
  failed=1
fi
echo "$passed passed, $failed failed"
exit "$status"
