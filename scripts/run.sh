#!/usr/bin/env bash
# The main job, locally: installs what is missing, starts Azurite and the pipeline (pubpipe dev), submits the
# drafts in samples/, waits until they are processed, prints where to look, and runs until Ctrl-C.
set -euo pipefail
cd "$(dirname "$0")/.."

# --ignore-scripts: vnu-jar's postinstall downloads a JDK (we run its jar on the system Java); the other tools need none.
if [ ! -f node_modules/azurite/dist/src/azurite.js ] || ! compgen -G 'node_modules/@pagefind/*/bin/pagefind_extended*' >/dev/null \
  || [ ! -f node_modules/vnu-jar/build/dist/vnu.jar ]; then
  echo "Installing the pinned npm tools (azurite, pagefind, vnu-jar)…"
  npm ci --ignore-scripts --no-audit --no-fund
fi

dotnet build tools/PublishPipeline.Cli --configuration Release -nologo -v quiet
exec dotnet tools/PublishPipeline.Cli/bin/Release/net10.0/pubpipe.dll dev --submit samples "$@"
