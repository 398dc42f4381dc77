#!/usr/bin/env bash
# One incremental publication at several site sizes (issue 9): starts a throwaway Azurite on ports 20000-20002,
# seeds the live site's index with N reports for each N given (default 1000 100000), publishes fresh reports into a
# busy city and prints wall time, blobs written and storage requests per publication. Nothing of the dev site is touched.
set -euo pipefail
cd "$(dirname "$0")/.."
[ -f node_modules/azurite/dist/src/azurite.js ] || npm ci --ignore-scripts --no-audit --no-fund
data=$(mktemp -d)
node node_modules/azurite/dist/src/azurite.js --silent --inMemoryPersistence \
  --blobHost 127.0.0.1 --blobPort 20000 --queueHost 127.0.0.1 --queuePort 20001 --tableHost 127.0.0.1 --tablePort 20002 \
  --skipApiVersionCheck --disableTelemetry --loose >"$data.log" 2>&1 &
azurite=$!
trap 'kill "$azurite" 2>/dev/null; wait "$azurite" 2>/dev/null; rm -rf "$data" "$data.log"' EXIT
for _ in $(seq 1 100); do (exec 3<>/dev/tcp/127.0.0.1/20002) 2>/dev/null && break; sleep 0.2; done
key="Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw=="
export BENCH_STORAGE="DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey=$key;BlobEndpoint=http://127.0.0.1:20000/devstoreaccount1;QueueEndpoint=http://127.0.0.1:20001/devstoreaccount1;TableEndpoint=http://127.0.0.1:20002/devstoreaccount1;"
[ $# -gt 0 ] || set -- 1000 100000
dotnet run -c Release --project tests/PublishPipeline.LiveBenchmarks -- "$@"
