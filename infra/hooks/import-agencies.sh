#!/usr/bin/env bash
# Loads the agency directory (CSV) into the deployed `agencies` table with your Entra ID sign-in (shared keys are
# disabled on the account; `azd provision` gives the operator Storage Table Data Contributor).
#
#   infra/hooks/import-agencies.sh agencies.csv [--dry-run]
#   infra/hooks/import-agencies.sh --regions regions.csv [--dry-run]    # the supervised regions (pubpipe regions import)
#
# A thin wrapper around `pubpipe agencies import` (tools/PublishPipeline.Cli), built and run with `dotnet run`, so the
# file is checked by the same code as `pubpipe dev --agencies` uses: RFC 4180 CSV in UTF-8, header
# id,name,region,level,supervising_office,submitters,reviewers,auto_publish (samples/agencies.csv shows it). Every row
# is checked before any is written (an error names its line and column, exit 2), a row replaces the agency of the same
# id, agencies not in the file are kept. Mail goes only to the addresses recorded here, so check the file first
# (`--dry-run`). The table endpoint comes from the azd environment (AZURE_STORAGE_TABLE_ENDPOINT, else
# https://$AZURE_STORAGE_ACCOUNT_NAME.table.core.windows.net); the credential is DefaultAzureCredential, which finds
# an `az login` or `azd auth login` session.
set -euo pipefail

what=agencies
if [ "${1:-}" = "--regions" ]; then
  what=regions
  shift
fi
csv=${1:?usage: $0 [--regions] FILE.csv [--dry-run]}
shift
[ -r "$csv" ] || { echo "import-agencies: cannot read $csv" >&2; exit 1; }

endpoint=${AZURE_STORAGE_TABLE_ENDPOINT:-}
if [ -z "$endpoint" ] && [ -z "${AZURE_STORAGE_ACCOUNT_NAME:-}" ] && command -v azd >/dev/null; then
  endpoint=$(azd env get-value AZURE_STORAGE_TABLE_ENDPOINT 2>/dev/null || true)
  [ -n "$endpoint" ] || AZURE_STORAGE_ACCOUNT_NAME=$(azd env get-value AZURE_STORAGE_ACCOUNT_NAME)
fi
if [ -z "$endpoint" ]; then
  account=${AZURE_STORAGE_ACCOUNT_NAME:?set AZURE_STORAGE_ACCOUNT_NAME (azd env get-value AZURE_STORAGE_ACCOUNT_NAME)}
  endpoint="https://$account.table.core.windows.net"
fi

repo=$(cd "$(dirname "$0")/../.." && pwd)
exec dotnet run --project "$repo/tools/PublishPipeline.Cli" -c Release -- \
  "$what" import "$csv" --table-endpoint "${endpoint%/}" "$@"
