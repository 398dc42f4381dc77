#!/usr/bin/env bash
# The main job, locally: installs what is missing, starts Azurite and the pipeline (pubpipe dev), submits the
# drafts in samples/, waits until they are processed, prints where to look, and runs until Ctrl-C.
set -euo pipefail
cd "$(dirname "$0")/.."

if [ ! -f node_modules/azurite/dist/src/azurite.js ]; then
  echo "Installing the pinned npm tools (azurite)…"
  npm ci --no-audit --no-fund
fi

dotnet build tools/PublishPipeline.Cli --configuration Release -nologo -v quiet
exec dotnet tools/PublishPipeline.Cli/bin/Release/net10.0/pubpipe.dll dev --submit samples "$@"
