// The Event Grid subscription that starts ingest: BlobCreated in the drafts container → the Functions host's blob
// extension webhook for OnDraftUploaded (an Event Grid-sourced blob trigger, the only blob trigger Flex
// Consumption supports).
//
// Deployed by infra/hooks/postdeploy.sh after `azd deploy`, not by main.bicep: the webhook URL carries the host's
// blobs_extension system key, which exists only once the deployed code has started, and Event Grid validates the
// endpoint (a handshake the running host answers) when the subscription is created.

@description('The Event Grid system topic of the storage account (main.bicep output AZURE_EVENTGRID_SYSTEM_TOPIC_NAME).')
param systemTopicName string

@description('The storage account the topic publishes for (AZURE_STORAGE_ACCOUNT_NAME).')
param storageAccountName string

@description('The container whose new blobs start ingest (DRAFTS_CONTAINER).')
param draftsContainerName string

@description('Where undeliverable events go (EVENTGRID_DEADLETTER_CONTAINER); the topic\'s identity may write there.')
param deadLetterContainerName string

@secure()
@description('https://<app>.azurewebsites.net/runtime/webhooks/blobs?functionName=Host.Functions.OnDraftUploaded&code=<blobs_extension key>')
param webhookEndpoint string

@description('Name of the event subscription.')
param subscriptionName string = 'drafts-to-ondraftuploaded'

resource systemTopic 'Microsoft.EventGrid/systemTopics@2025-02-15' existing = {
  name: systemTopicName
}

resource storage 'Microsoft.Storage/storageAccounts@2025-08-01' existing = {
  name: storageAccountName
}

resource draftsToIngest 'Microsoft.EventGrid/systemTopics/eventSubscriptions@2025-02-15' = {
  parent: systemTopic
  name: subscriptionName
  properties: {
    destination: {
      endpointType: 'WebHook'
      properties: {
        endpointUrl: webhookEndpoint
        maxEventsPerBatch: 1
        preferredBatchSizeInKilobytes: 64
      }
    }
    eventDeliverySchema: 'EventGridSchema'
    filter: {
      includedEventTypes: [
        'Microsoft.Storage.BlobCreated'
      ]
      subjectBeginsWith: '/blobServices/default/containers/${draftsContainerName}/blobs/'
    }
    retryPolicy: {
      maxDeliveryAttempts: 30
      eventTimeToLiveInMinutes: 1440
    }
    // Shared keys are off, so dead-lettering goes through the system topic's managed identity (granted Storage
    // Blob Data Contributor on this one container in modules/storage.bicep). ReconcileDrafts also sweeps drafts
    // whose event never arrived, so a dead-lettered event delays a draft but does not lose it.
    deadLetterWithResourceIdentity: {
      identity: {
        type: 'SystemAssigned'
      }
      deadLetterDestination: {
        endpointType: 'StorageBlob'
        properties: {
          resourceId: storage.id
          blobContainerName: deadLetterContainerName
        }
      }
    }
  }
}

output subscriptionName string = draftsToIngest.name
