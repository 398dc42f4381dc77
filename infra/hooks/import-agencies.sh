#!/usr/bin/env bash
# Loads the agency directory (CSV) into the deployed `agencies` table, through the Azure CLI with your Entra sign-in
# (shared keys are disabled on the account; `azd provision` gives the operator Storage Table Data Contributor).
#
#   infra/hooks/import-agencies.sh agencies.csv
#
# The CSV is the one `pubpipe dev --agencies` reads (samples/agencies.csv shows it): UTF-8, header
# id,name,region,level,supervising_office,submitters,reviewers,auto_publish, emails ';'-separated, no quoted commas.
# Like AgencyDirectory.ImportCsvAsync, every row is checked before any is written, and a row replaces the agency of
# the same id. Mail goes only to the addresses recorded here, so check the file before importing it.
set -euo pipefail

csv=${1:?usage: $0 agencies.csv}
[ -r "$csv" ] || { echo "import-agencies: cannot read $csv" >&2; exit 1; }
if [ -z "${AZURE_STORAGE_ACCOUNT_NAME:-}" ] && command -v azd >/dev/null; then
  AZURE_STORAGE_ACCOUNT_NAME=$(azd env get-value AZURE_STORAGE_ACCOUNT_NAME)
fi
account=${AZURE_STORAGE_ACCOUNT_NAME:?set AZURE_STORAGE_ACCOUNT_NAME (azd env get-value AZURE_STORAGE_ACCOUNT_NAME)}
table=agencies
partition=agency   # Agency.PartitionKeyValue

columns=(id name region level supervising_office submitters reviewers auto_publish)
id_pattern='^[a-z0-9][a-z0-9-]{0,62}[a-z0-9]$'
email_pattern='^[^@[:space:];,<>"]+@[^@[:space:];,<>"]+\.[^@[:space:];,<>"]+$'

trim() { local s=$1; s=${s#"${s%%[![:space:]]*}"}; s=${s%"${s##*[![:space:]]}"}; printf '%s' "$s"; }

declare -A at
rows=()
line_number=0
while IFS= read -r line || [ -n "$line" ]; do
  line_number=$((line_number + 1))
  line=${line%$'\r'}
  if [ "$line_number" -eq 1 ]; then
    IFS=',' read -ra header <<<"${line#$'\xEF\xBB\xBF'}"
    for i in "${!header[@]}"; do at[$(trim "${header[$i]}" | tr '[:upper:]' '[:lower:]')]=$i; done
    for column in "${columns[@]}"; do
      [ -n "${at[$column]:-}" ] || { echo "import-agencies: line 1 lacks the column '$column'" >&2; exit 1; }
    done
    continue
  fi
  [ -n "$(trim "$line")" ] || continue
  IFS=',' read -ra cells <<<"$line"
  id=$(trim "${cells[${at[id]}]:-}")
  [[ $id =~ $id_pattern ]] || { echo "import-agencies: line $line_number: invalid agency id '$id' (lowercase letters, digits, hyphens)" >&2; exit 1; }
  IFS=';' read -ra emails <<<"${cells[${at[submitters]}]:-};${cells[${at[reviewers]}]:-}"
  for email in "${emails[@]}"; do
    email=$(trim "$email")
    [ -z "$email" ] || [[ $email =~ $email_pattern ]] || { echo "import-agencies: line $line_number: invalid email '$email'" >&2; exit 1; }
  done
  rows+=("$line")
done <"$csv"

for line in "${rows[@]}"; do
  IFS=',' read -ra cells <<<"$line"
  cell() { trim "${cells[${at[$1]}]:-}"; }
  auto_publish=false
  case "$(cell auto_publish | tr '[:upper:]' '[:lower:]')" in true | 1) auto_publish=true ;; esac
  # Every property typed explicitly: the CLI would otherwise turn digit-only strings into numbers.
  az storage entity insert --auth-mode login --account-name "$account" --table-name "$table" --if-exists replace --output none \
    --entity "PartitionKey=$partition" "RowKey=$(cell id)" \
      "Name=$(cell name)" "Name@odata.type=Edm.String" \
      "Region=$(cell region)" "Region@odata.type=Edm.String" \
      "Level=$(cell level)" "Level@odata.type=Edm.String" \
      "SupervisingOffice=$(cell supervising_office)" "SupervisingOffice@odata.type=Edm.String" \
      "Submitters=$(cell submitters)" "Submitters@odata.type=Edm.String" \
      "Reviewers=$(cell reviewers)" "Reviewers@odata.type=Edm.String" \
      "AutoPublish=$auto_publish" "AutoPublish@odata.type=Edm.Boolean"
  echo "import-agencies: $(cell id) $(cell name)"
done
echo "import-agencies: ${#rows[@]} agencies written to $account/$table"
