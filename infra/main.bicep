// PublishPipeline in Azure: the Functions app (Flex Consumption) with a user-assigned managed identity, one storage
// account with shared keys disabled (drafts, reports, the $web static site, queues, tables), Key Vault for the
// SendGrid key, Application Insights, and an Event Grid system topic for the drafts container.
//
// Plain resources, no Azure Verified Modules: `br/public:` modules come from the public registry at build time,
// and this template must build and lint offline (the tests run the Bicep CLI with no network).
//
// Not in this template: the Event Grid subscription that delivers BlobCreated events to OnDraftUploaded. Its
// webhook URL carries the Functions host's blobs_extension key, which exists only after the code is deployed and
// the host has started, and Event Grid validates the endpoint when the subscription is created. So the azd
// postdeploy hook (infra/hooks/postdeploy.sh) creates it on the system topic made here.

targetScope = 'subscription'

@minLength(1)
@maxLength(64)
@description('azd environment name: names the resource group and seeds every resource name.')
param environmentName string

@minLength(1)
@description('Azure region for every resource.')
@metadata({
  azd: {
    type: 'location'
  }
})
param location string

@description('Principal id of the operator running azd (AZURE_PRINCIPAL_ID): gets data access to storage and Key Vault. Empty: none.')
param principalId string = ''

@allowed([
  'User'
  'Group'
  'ServicePrincipal'
])
@description('What principalId is: a person running azd (User) or a CI identity (ServicePrincipal).')
param principalType string = 'User'

@secure()
@description('The SendGrid API key (azd env set SENDGRID_API_KEY …). Empty: no secret is written; set it later with az keyvault secret set.')
param sendGridApiKey string = ''

@description('Sender address of every notice email (a verified SendGrid sender).')
param noticesFromEmail string

@description('Sender display name of notice emails.')
param noticesFromName string = '政府信息公开年报发布平台'

@description('NCRONTAB schedule of ReconcileDrafts, which ingests drafts whose blob event never arrived.')
param reconcileSchedule string = '0 */5 * * * *'

@description('NCRONTAB schedule of DispatchOutbox, which sends the messages a crash left in a report\'s outbox after their state change committed.')
param outboxSchedule string = '0 */1 * * * *'

@description('NCRONTAB schedule (UTC) of the deadline reminders and the reviewers\' daily digest: 01:00 UTC is 09:00 Beijing time.')
param deadlineSchedule string = '0 0 1 * * *'

@description('NCRONTAB schedule of IndexSiteSearch, which re-indexes search once publications have quietened down.')
param searchSchedule string = '0 * * * * *'

@description('Search is re-indexed once the site has been quiet this long after a change (TimeSpan).')
param searchQuietPeriod string = '00:02:00'

@description('...or once a change has waited this long (TimeSpan).')
param searchMaxDelay string = '00:15:00'

@description('Operators\' addresses for pipeline alerts, \';\'-separated; empty: alerts are recorded in the alerts table only.')
param operatorEmails string = ''

@description('SendGrid\'s Signed Event Webhook verification key (base64, as SendGrid shows it; public, not a secret). Empty: POST /api/email-events answers 404 and the status page shows only what sending knows.')
param noticesEventWebhookPublicKey string = ''

@description('Days before a deadline (1月31日, 3月31日) on which agencies that have not submitted are reminded, comma-separated.')
param deadlineReminderDaysBefore string = '14,7,3,1'

@description('Whether reviewers get a daily digest of the reports waiting for them.')
param deadlineDigestEnabled bool = true

@description('Whether agencies still missing their report after the deadline get weekly reminders.')
param deadlineOverdueReminders bool = true

@minValue(0)
@maxValue(52)
@description('How many weekly reminders follow a missed deadline.')
param deadlineOverdueWeeks int = 8

@description('Whether each region\'s supervisors get a weekly digest of its supervisor board.')
param deadlineSupervisorDigestEnabled bool = true

@allowed(['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'])
@description('Beijing weekday on which the supervisors\' weekly digest goes out.')
param deadlineSupervisorDigestDay string = 'Monday'

@description('Local deadlines overriding the national ones by agency level, e.g. 部门=2-28;乡镇街道=2-20; empty: the national deadlines (条例 第四十九条).')
param deadlineLocalDeadlines string = ''

@minLength(1)
@description('Client (application) id of the Entra ID app registration for the API (AZURE_AUTH_CLIENT_ID). App Service authentication requires its tokens on every call.')
param authClientId string

@description('Entra ID tenant of that app registration; default: the tenant deployed into.')
param authTenantId string = tenant().tenantId

@description('The largest draft accepted, in bytes.')
param maxDraftBytes int = 20971520

@description('How far back the reconcile sweep looks (TimeSpan).')
param sweepLookBack string = '2.00:00:00'

@description('How long a new draft is left to its blob event before the sweep ingests it (TimeSpan).')
param sweepGrace string = '00:02:00'

@description('How long an approved version may take to be published before the reconcile sweep asks for its publication again (TimeSpan).')
param publishGrace string = '00:05:00'

@description('Public site base URL when a CDN or custom domain fronts the static website; empty: the static website endpoint.')
param siteBaseUrl string = ''

@description('API base URL when a custom domain fronts the Function App; empty: https://<app>.azurewebsites.net.')
param apiBaseUrl string = ''

@allowed([
  'Standard_LRS'
  'Standard_ZRS'
  'Standard_GRS'
  'Standard_GZRS'
])
param storageSkuName string = 'Standard_LRS'

@minValue(1)
@maxValue(1000)
@description('Upper bound on Flex Consumption instances.')
param maximumInstanceCount int = 40

// The pipeline's containers, queues and tables: the same names as functions/PublishPipeline/Storage/StorageNames.cs
// (a test reads those constants and checks each one is created here).
var pipelineContainers = [
  'drafts'
  'reports'
  '$web'
]
var pipelineQueues = [
  'publish'
  'notices'
  'site'
]
var pipelineTables = [
  'submissions'
  'agencies'
  'siteindex'
  'notices'
  'ingestreceipts'
  'alerts'
]
var draftsContainer = 'drafts'

// Flex Consumption deploys the app package from a blob container; undeliverable blob events are dead-lettered.
var deploymentContainer = 'app-package'
var deadLetterContainer = 'eventgrid-deadletter'
var sendGridSecretName = 'SendGridApiKey'

var resourceToken = toLower(uniqueString(subscription().id, environmentName, location))

// Names are computed here, not read back from module outputs, so they are known before deployment: What-If can
// predict the role assignments (their names and scopes derive from these).
var names = {
  identity: 'id-api-${resourceToken}'
  logAnalytics: 'log-${resourceToken}'
  applicationInsights: 'appi-${resourceToken}'
  storage: 'st${resourceToken}'
  systemTopic: 'evgt-${resourceToken}'
  keyVault: 'kv-${resourceToken}'
  functionApp: 'func-${resourceToken}'
  plan: 'plan-${resourceToken}'
}
var tags = {
  'azd-env-name': environmentName
}

resource resourceGroup 'Microsoft.Resources/resourceGroups@2024-03-01' = {
  name: 'rg-${environmentName}'
  location: location
  tags: tags
}

module identity 'modules/identity.bicep' = {
  name: 'identity'
  scope: resourceGroup
  params: {
    name: names.identity
    location: location
    tags: tags
  }
}

module monitoring 'modules/monitoring.bicep' = {
  name: 'monitoring'
  scope: resourceGroup
  params: {
    logAnalyticsName: names.logAnalytics
    applicationInsightsName: names.applicationInsights
    location: location
    tags: tags
  }
}

module storage 'modules/storage.bicep' = {
  name: 'storage'
  scope: resourceGroup
  params: {
    name: names.storage
    location: location
    tags: tags
    skuName: storageSkuName
    containerNames: concat(pipelineContainers, [deploymentContainer, deadLetterContainer])
    // Every queue's <queue>-poison too: host.json's maxDequeueCount moves failed messages there.
    queueNames: concat(pipelineQueues, map(pipelineQueues, queue => '${queue}-poison'))
    tableNames: pipelineTables
    systemTopicName: names.systemTopic
    deadLetterContainerName: deadLetterContainer
  }
}

module keyVault 'modules/keyvault.bicep' = {
  name: 'keyvault'
  scope: resourceGroup
  params: {
    name: names.keyVault
    location: location
    tags: tags
    sendGridSecretName: sendGridSecretName
    sendGridApiKey: sendGridApiKey
  }
}

module roles 'modules/roles.bicep' = {
  name: 'roles'
  scope: resourceGroup
  params: {
    storageAccountName: names.storage
    keyVaultName: names.keyVault
    applicationInsightsName: names.applicationInsights
    appIdentityName: names.identity
    operatorPrincipalId: principalId
    operatorPrincipalType: principalType
  }
  dependsOn: [
    identity
    storage
    keyVault
    monitoring
  ]
}

module functionApp 'modules/functionapp.bicep' = {
  name: 'functionapp'
  scope: resourceGroup
  params: {
    name: names.functionApp
    planName: names.plan
    location: location
    tags: tags
    identityId: identity.outputs.id
    identityClientId: identity.outputs.clientId
    blobEndpoint: storage.outputs.blobEndpoint
    queueEndpoint: storage.outputs.queueEndpoint
    tableEndpoint: storage.outputs.tableEndpoint
    deploymentContainerName: deploymentContainer
    applicationInsightsConnectionString: monitoring.outputs.applicationInsightsConnectionString
    keyVaultName: keyVault.outputs.name
    sendGridSecretName: sendGridSecretName
    siteBaseUrl: empty(siteBaseUrl) ? storage.outputs.webEndpoint : siteBaseUrl
    apiBaseUrl: apiBaseUrl
    noticesFromEmail: noticesFromEmail
    noticesFromName: noticesFromName
    reconcileSchedule: reconcileSchedule
    outboxSchedule: outboxSchedule
    deadlineSchedule: deadlineSchedule
    searchSchedule: searchSchedule
    searchQuietPeriod: searchQuietPeriod
    searchMaxDelay: searchMaxDelay
    operatorEmails: operatorEmails
    noticesEventWebhookPublicKey: noticesEventWebhookPublicKey
    deadlineReminderDaysBefore: deadlineReminderDaysBefore
    deadlineDigestEnabled: deadlineDigestEnabled
    deadlineOverdueReminders: deadlineOverdueReminders
    deadlineOverdueWeeks: deadlineOverdueWeeks
    deadlineSupervisorDigestEnabled: deadlineSupervisorDigestEnabled
    deadlineSupervisorDigestDay: deadlineSupervisorDigestDay
    deadlineLocalDeadlines: deadlineLocalDeadlines
    authClientId: authClientId
    authTenantId: authTenantId
    maxDraftBytes: maxDraftBytes
    sweepLookBack: sweepLookBack
    sweepGrace: sweepGrace
    publishGrace: publishGrace
    maximumInstanceCount: maximumInstanceCount
  }
  // The host must be able to reach storage and resolve the Key Vault reference on its first start.
  dependsOn: [
    roles
  ]
}

// azd stores these in .azure/<env>/.env; the hooks read them.
output AZURE_LOCATION string = location
output AZURE_TENANT_ID string = tenant().tenantId
output AZURE_RESOURCE_GROUP string = resourceGroup.name
output AZURE_FUNCTION_APP_NAME string = functionApp.outputs.name
output AZURE_STORAGE_ACCOUNT_NAME string = storage.outputs.name
output AZURE_STORAGE_ACCOUNT_ID string = storage.outputs.id
output AZURE_STORAGE_TABLE_ENDPOINT string = storage.outputs.tableEndpoint
output AZURE_KEY_VAULT_NAME string = keyVault.outputs.name
output AZURE_EVENTGRID_SYSTEM_TOPIC_NAME string = storage.outputs.systemTopicName
output SENDGRID_SECRET_NAME string = sendGridSecretName
output DRAFTS_CONTAINER string = draftsContainer
output EVENTGRID_DEADLETTER_CONTAINER string = deadLetterContainer
output SITE_URL string = empty(siteBaseUrl) ? storage.outputs.webEndpoint : siteBaseUrl
output API_URL string = empty(apiBaseUrl) ? 'https://${functionApp.outputs.defaultHostName}' : apiBaseUrl
