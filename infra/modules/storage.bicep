// The pipeline's one storage account: drafts, private reports, the public static website ($web), the Flex
// Consumption deployment package, the queues between stages and the tables that hold the state.
// Shared keys are off: every client (the Functions host, the app, Event Grid, operators' az CLI) uses Entra ID.

param name string

@description('Azure region.')
param location string

param tags object

@allowed([
  'Standard_LRS'
  'Standard_ZRS'
  'Standard_GRS'
  'Standard_GZRS'
])
param skuName string = 'Standard_LRS'

@description('Blob containers to create (the pipeline\'s, the deployment package\'s and the dead-letter one). $web is among them.')
param containerNames string[]

@description('Queues to create, poison queues included.')
param queueNames string[]

@description('Tables to create.')
param tableNames string[]

@description('The document served for a directory of the static website (report pages are …/index.html).')
param indexDocument string = 'index.html'

@description('Name of the Event Grid system topic that publishes this account\'s blob events.')
param systemTopicName string

@description('Container Event Grid dead-letters undeliverable blob events into (one of containerNames).')
param deadLetterContainerName string

resource storage 'Microsoft.Storage/storageAccounts@2025-08-01' = {
  name: name
  location: location
  tags: tags
  kind: 'StorageV2'
  sku: {
    name: skuName
  }
  properties: {
    accessTier: 'Hot'
    allowSharedKeyAccess: false
    defaultToOAuthAuthentication: true
    allowBlobPublicAccess: false
    allowCrossTenantReplication: false
    minimumTlsVersion: 'TLS1_2'
    supportsHttpsTrafficOnly: true
    publicNetworkAccess: 'Enabled'
    networkAcls: {
      bypass: 'AzureServices'
      defaultAction: 'Allow'
    }
  }
}

// Static website in the template itself: API version 2025-08-01 added `staticWebsite` to the blob service
// properties, so no deployment script (which would need a shared-key storage account of its own) and no
// data-plane call from a hook are needed. Enabling it creates $web; the container below only pins its access.
resource blobService 'Microsoft.Storage/storageAccounts/blobServices@2025-08-01' = {
  parent: storage
  name: 'default'
  properties: {
    staticWebsite: {
      enabled: true
      indexDocument: indexDocument
      // The site's own Chinese 404 page (Site/SitePaths.NotFound), served with status 404 for any missing path.
      errorDocument404Path: '404.html'
    }
    deleteRetentionPolicy: {
      enabled: true
      days: 7
    }
    containerDeleteRetentionPolicy: {
      enabled: true
      days: 7
    }
  }
}

resource containers 'Microsoft.Storage/storageAccounts/blobServices/containers@2025-08-01' = [
  for containerName in containerNames: {
    parent: blobService
    name: containerName
    properties: {
      publicAccess: 'None'
    }
  }
]

resource queueService 'Microsoft.Storage/storageAccounts/queueServices@2025-08-01' = {
  parent: storage
  name: 'default'
}

resource queues 'Microsoft.Storage/storageAccounts/queueServices/queues@2025-08-01' = [
  for queueName in queueNames: {
    parent: queueService
    name: queueName
  }
]

resource tableService 'Microsoft.Storage/storageAccounts/tableServices@2025-08-01' = {
  parent: storage
  name: 'default'
}

resource tables 'Microsoft.Storage/storageAccounts/tableServices/tables@2025-08-01' = [
  for tableName in tableNames: {
    parent: tableService
    name: tableName
  }
]

// The system topic is created here; its subscription to the Function App is not (see infra/hooks/postdeploy.sh):
// the webhook URL carries the host's blobs_extension key, which exists only once the deployed code has started.
resource systemTopic 'Microsoft.EventGrid/systemTopics@2025-02-15' = {
  name: systemTopicName
  location: location
  tags: tags
  identity: {
    type: 'SystemAssigned'
  }
  properties: {
    source: storage.id
    topicType: 'Microsoft.Storage.StorageAccounts'
  }
}

resource deadLetterContainer 'Microsoft.Storage/storageAccounts/blobServices/containers@2025-08-01' existing = {
  parent: blobService
  name: deadLetterContainerName
}

// Shared keys are off, so Event Grid dead-letters with the topic's own identity, allowed into that one container.
var storageBlobDataContributor = 'ba92f5b4-2d11-453d-a403-e96b0029c9fe'

resource deadLetterWriter 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(storage.id, deadLetterContainerName, systemTopic.id, storageBlobDataContributor)
  scope: deadLetterContainer
  properties: {
    principalId: systemTopic.identity.principalId
    principalType: 'ServicePrincipal'
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', storageBlobDataContributor)
  }
  dependsOn: [
    containers
  ]
}

output id string = storage.id
output name string = storage.name
output blobEndpoint string = storage.properties.primaryEndpoints.blob
output queueEndpoint string = storage.properties.primaryEndpoints.queue
output tableEndpoint string = storage.properties.primaryEndpoints.table

@description('The static website endpoint (https://<account>.z<n>.web.core.windows.net/): the public site.')
output webEndpoint string = storage.properties.primaryEndpoints.web

output systemTopicName string = systemTopic.name
