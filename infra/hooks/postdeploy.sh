#!/usr/bin/env bash
# azd postdeploy hook: subscribes OnDraftUploaded to BlobCreated events of the drafts container.
#
# Why here and not in main.bicep: the subscription's webhook URL carries the Functions host's blobs_extension system
# key, which the host creates only once the deployed code (with its Event Grid-sourced blob trigger) has started,
# i.e. after `azd deploy`; and Event Grid validates the endpoint by a handshake that the running host answers.
# The subscription itself is declared in infra/postdeploy/drafts-subscription.bicep (checked by the tests like
# main.bicep); this script only fetches the key and deploys that template. Re-running it is harmless: the
# deployment is idempotent and picks up a rotated key.
#
# azd passes main.bicep's outputs as environment variables. Needs the Azure CLI, signed in (`az login`).
# POSIX sh (azd runs hooks with sh).
set -eu

here=$(CDPATH='' cd "$(dirname "$0")" && pwd)
template="$here/../postdeploy/drafts-subscription.bicep"

for name in AZURE_SUBSCRIPTION_ID AZURE_RESOURCE_GROUP AZURE_FUNCTION_APP_NAME AZURE_STORAGE_ACCOUNT_NAME \
            AZURE_EVENTGRID_SYSTEM_TOPIC_NAME DRAFTS_CONTAINER EVENTGRID_DEADLETTER_CONTAINER; do
  eval "value=\${$name:-}"
  if [ -z "$value" ]; then
    echo "postdeploy: $name is not set. Run this through azd (azd up / azd deploy), or first: eval \"\$(azd env get-values)\"" >&2
    exit 1
  fi
done
command -v az >/dev/null || { echo "postdeploy: the Azure CLI (az) is required: https://aka.ms/installazurecli" >&2; exit 1; }

az_app() { az "$@" --subscription "$AZURE_SUBSCRIPTION_ID" --resource-group "$AZURE_RESOURCE_GROUP"; }

# The default host name is read, not built: newer apps get a unique regional name (<app>-<hash>.<region>-01.azurewebsites.net).
host=$(az_app functionapp show --name "$AZURE_FUNCTION_APP_NAME" --query defaultHostName --output tsv)

# Flex Consumption starts the host on demand: wake it, then wait for the blob extension's key (first deploy: a minute or two).
key=""
attempt=0
while [ "$attempt" -lt 36 ]; do
  attempt=$((attempt + 1))
  key=$(az_app functionapp keys list --name "$AZURE_FUNCTION_APP_NAME" --query "systemKeys.blobs_extension" --output tsv 2>/dev/null || true)
  [ -n "$key" ] && break
  echo "postdeploy: waiting for the host's blobs_extension key (attempt $attempt of 36)…"
  curl --silent --output /dev/null --max-time 30 "https://$host/" || true
  sleep 10
done
if [ -z "$key" ]; then
  echo "postdeploy: the Functions host never created its blobs_extension key. Check the app's logs (Application Insights)," >&2
  echo "            then re-run: azd hooks run postdeploy" >&2
  exit 1
fi

# The key goes to the deployment in a private parameters file, not on a command line (visible to other processes).
umask 077
parameters=$(mktemp)
trap 'rm -f "$parameters"' EXIT
cat >"$parameters" <<JSON
{
  "\$schema": "https://schema.management.azure.com/schemas/2019-04-01/deploymentParameters.json#",
  "contentVersion": "1.0.0.0",
  "parameters": {
    "systemTopicName": { "value": "$AZURE_EVENTGRID_SYSTEM_TOPIC_NAME" },
    "storageAccountName": { "value": "$AZURE_STORAGE_ACCOUNT_NAME" },
    "draftsContainerName": { "value": "$DRAFTS_CONTAINER" },
    "deadLetterContainerName": { "value": "$EVENTGRID_DEADLETTER_CONTAINER" },
    "webhookEndpoint": { "value": "https://$host/runtime/webhooks/blobs?functionName=Host.Functions.OnDraftUploaded&code=$key" }
  }
}
JSON

az_app deployment group create --name drafts-subscription --template-file "$template" --parameters @"$parameters" --output none
echo "postdeploy: Event Grid subscription drafts-to-ondraftuploaded delivers BlobCreated in '$DRAFTS_CONTAINER' to OnDraftUploaded."
