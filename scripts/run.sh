#!/usr/bin/env bash
# The main job, locally: installs what is missing, starts the pipeline with its own Azurite (pubpipe dev), submits the
# drafts in samples/, waits until they are processed, prints where to look, and runs until Ctrl-C.
# Options go to `pubpipe dev`: scripts/run.sh --reset clears earlier runs' data and mail first (see ./pubpipe dev --help).
set -euo pipefail
cd "$(dirname "$0")/.."

# --ignore-scripts: vnu-jar's postinstall downloads a JDK (we run its jar on the system Java); the other tools need none.
if [ ! -f node_modules/azurite/dist/src/azurite.js ] || ! compgen -G 'node_modules/@pagefind/*/bin/pagefind_extended*' >/dev/null \
  || [ ! -f node_modules/vnu-jar/build/dist/vnu.jar ]; then
  echo "Installing the pinned npm tools (azurite, pagefind, vnu-jar)…"
  npm ci --ignore-scripts --no-audit --no-fund
fi

# ./pubpipe builds the CLI when its sources changed, then runs it: the same command a person types afterwards.
exec ./pubpipe dev --submit samples "$@"
