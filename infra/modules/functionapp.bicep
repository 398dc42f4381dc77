// The Azure Functions app on the Flex Consumption plan (Linux, .NET isolated worker). Flex Consumption rejects the
// classic FUNCTIONS_WORKER_RUNTIME / FUNCTIONS_EXTENSION_VERSION / WEBSITE_RUN_FROM_PACKAGE settings: the runtime
// and the deployment package live in functionAppConfig instead.

param name string
param planName string

@description('Azure region.')
param location string

param tags object

@description('Resource id of the user-assigned identity the app runs as.')
param identityId string

@description('Client id of that identity (AzureWebJobsStorage__clientId and friends).')
param identityClientId string

param blobEndpoint string
param queueEndpoint string
param tableEndpoint string

@description('Blob container that holds the deployment package (Flex Consumption deploys from there).')
param deploymentContainerName string

param applicationInsightsConnectionString string

param keyVaultName string
param sendGridSecretName string

@description('The public site\'s base URL (the static website endpoint, or a CDN/custom domain in front of it).')
param siteBaseUrl string

@description('The API\'s base URL for links in emails; empty: the app\'s own https://<name>.azurewebsites.net.')
param apiBaseUrl string

param noticesFromEmail string
param noticesFromName string
param reconcileSchedule string

@description('NCRONTAB schedule of DispatchOutbox, which sends the messages a crash left in a report\'s outbox.')
param outboxSchedule string

@description('NCRONTAB schedule (UTC) of the deadline reminders and the reviewers\' daily digest.')
param deadlineSchedule string

@description('NCRONTAB schedule of the debounced search index job.')
param searchSchedule string
param searchQuietPeriod string
param searchMaxDelay string

@description('Days before a deadline on which agencies that have not submitted are reminded, comma-separated.')
param deadlineReminderDaysBefore string

param deadlineDigestEnabled bool
param deadlineOverdueReminders bool
param deadlineOverdueWeeks int
param deadlineSupervisorDigestEnabled bool

@description('Beijing weekday of the supervisors\' weekly digest (Monday … Sunday).')
param deadlineSupervisorDigestDay string

@description('Local deadlines by agency level (部门=2-28;乡镇街道=2-20); empty: the national ones.')
param deadlineLocalDeadlines string

@description('Client (application) id of the Entra ID app registration that callers of the API get tokens for.')
param authClientId string

@description('Entra ID tenant of that app registration.')
param authTenantId string
@description('Operators\' addresses for pipeline alerts (a stage that failed on every retry), \';\'-separated; empty: alerts are only recorded in the alerts table.')
param operatorEmails string = ''

@description('SendGrid\'s Signed Event Webhook verification key; empty turns the webhook off.')
param noticesEventWebhookPublicKey string = ''
param maxDraftBytes int
param sweepLookBack string
param sweepGrace string
param publishGrace string

@description('.NET isolated worker version. 10.0 matches the app\'s net10.0 target (functionAppConfig.runtime.version is a free string in the Bicep types, so this is what the platform accepts, not what Bicep checks).')
param runtimeVersion string = '10.0'

@allowed([
  512
  2048
  4096
])
param instanceMemoryMB int = 2048

@minValue(1)
@maxValue(1000)
param maximumInstanceCount int = 40

resource plan 'Microsoft.Web/serverfarms@2024-11-01' = {
  name: planName
  location: location
  tags: tags
  kind: 'functionapp'
  sku: {
    name: 'FC1'
    tier: 'FlexConsumption'
  }
  properties: {
    reserved: true
  }
}

resource site 'Microsoft.Web/sites@2024-11-01' = {
  name: name
  location: location
  tags: union(tags, { 'azd-service-name': 'api' })
  kind: 'functionapp,linux'
  identity: {
    type: 'UserAssigned'
    userAssignedIdentities: {
      '${identityId}': {}
    }
  }
  properties: {
    serverFarmId: plan.id
    httpsOnly: true
    // Key Vault references (Notices__SendGridApiKey) resolve with the user-assigned identity, not a system one.
    keyVaultReferenceIdentity: identityId
    siteConfig: {
      minTlsVersion: '1.2'
      http20Enabled: true
    }
    functionAppConfig: {
      deployment: {
        storage: {
          type: 'blobContainer'
          value: '${blobEndpoint}${deploymentContainerName}'
          authentication: {
            type: 'UserAssignedIdentity'
            userAssignedIdentityResourceId: identityId
          }
        }
      }
      scaleAndConcurrency: {
        instanceMemoryMB: instanceMemoryMB
        maximumInstanceCount: maximumInstanceCount
      }
      runtime: {
        name: 'dotnet-isolated'
        version: runtimeVersion
      }
    }
  }
}

// Every setting the code reads (local.settings.sample.json lists them; a test compares the two), written out
// literally so the built template shows them. Storage is identity-based: no AzureWebJobsStorage connection string.
resource appSettings 'Microsoft.Web/sites/config@2024-11-01' = {
  parent: site
  name: 'appsettings'
  properties: {
    AzureWebJobsStorage__blobServiceUri: blobEndpoint
    AzureWebJobsStorage__queueServiceUri: queueEndpoint
    AzureWebJobsStorage__tableServiceUri: tableEndpoint
    AzureWebJobsStorage__credential: 'managedidentity'
    AzureWebJobsStorage__clientId: identityClientId
    APPLICATIONINSIGHTS_CONNECTION_STRING: applicationInsightsConnectionString
    APPLICATIONINSIGHTS_AUTHENTICATION_STRING: 'ClientId=${identityClientId};Authorization=AAD'
    ReconcileSchedule: reconcileSchedule
    OutboxSchedule: outboxSchedule
    DeadlineSchedule: deadlineSchedule
    SearchSchedule: searchSchedule
    Deadlines__ReminderDaysBefore: deadlineReminderDaysBefore
    Deadlines__DigestEnabled: string(deadlineDigestEnabled)
    Deadlines__OverdueReminders: string(deadlineOverdueReminders)
    Deadlines__OverdueWeeks: string(deadlineOverdueWeeks)
    Deadlines__SupervisorDigestEnabled: string(deadlineSupervisorDigestEnabled)
    Deadlines__SupervisorDigestDay: deadlineSupervisorDigestDay
    Deadlines__LocalDeadlines: deadlineLocalDeadlines
    // The app trusts only the X-MS-CLIENT-PRINCIPAL header App Service authentication (below) sets and strips from
    // incoming requests; the local host's X-Dev-User header is not accepted here.
    Pipeline__Authentication: 'AppService'
    Pipeline__OperatorEmails: operatorEmails
    Pipeline__MaxDraftBytes: string(maxDraftBytes)
    Pipeline__SweepLookBack: sweepLookBack
    Pipeline__SweepGrace: sweepGrace
    Pipeline__PublishGrace: publishGrace
    Pipeline__SearchQuietPeriod: searchQuietPeriod
    Pipeline__SearchMaxDelay: searchMaxDelay
    Pipeline__SiteBaseUrl: siteBaseUrl
    Pipeline__ApiBaseUrl: empty(apiBaseUrl) ? 'https://${site.properties.defaultHostName}' : apiBaseUrl
    Notices__FromEmail: noticesFromEmail
    Notices__FromName: noticesFromName
    // Resolved by the platform with keyVaultReferenceIdentity; no version, so a rotated key is picked up.
    Notices__SendGridApiKey: '@Microsoft.KeyVault(VaultName=${keyVaultName};SecretName=${sendGridSecretName})'
    Notices__EventWebhookPublicKey: noticesEventWebhookPublicKey
  }
}

// App Service authentication in front of every function: a caller needs an Entra ID token for the app registration
// (programs) or a sign-in session (people following the status and preview links in their emails, who are sent to
// the Entra ID sign-in page rather than shown a bare 401), and the app reads who it is from X-MS-CLIENT-PRINCIPAL.
// No client secret: browser sign-in uses ID tokens (enable them on the app registration), and the token store is off. The one path left open is the blob extension's webhook,
// which Event Grid calls with the host's blobs_extension system key (checked by the Functions host, not by Entra ID),
// and SendGrid's Event Webhook, which the app itself authenticates by its ECDSA signature (Notices__EventWebhookPublicKey).
resource authSettings 'Microsoft.Web/sites/config@2024-11-01' = {
  parent: site
  name: 'authsettingsV2'
  properties: {
    platform: {
      enabled: true
    }
    globalValidation: {
      requireAuthentication: true
      unauthenticatedClientAction: 'RedirectToLoginPage'
      redirectToProvider: 'azureactivedirectory'
      excludedPaths: [
        '/runtime/webhooks/blobs'
        '/api/email-events'
      ]
    }
    httpSettings: {
      requireHttps: true
    }
    identityProviders: {
      azureActiveDirectory: {
        enabled: true
        registration: {
          clientId: authClientId
          // environment(): login.microsoftonline.com in the public cloud, the sovereign clouds' own elsewhere.
          openIdIssuer: '${environment().authentication.loginEndpoint}${authTenantId}/v2.0'
        }
        validation: {
          allowedAudiences: [
            authClientId
            'api://${authClientId}'
          ]
        }
      }
    }
    login: {
      tokenStore: {
        enabled: false
      }
    }
  }
}

// No basic (publishing-profile) credentials: azd deploys with an Entra token.
resource ftpCredentials 'Microsoft.Web/sites/basicPublishingCredentialsPolicies@2024-11-01' = {
  parent: site
  name: 'ftp'
  properties: {
    allow: false
  }
}

resource scmCredentials 'Microsoft.Web/sites/basicPublishingCredentialsPolicies@2024-11-01' = {
  parent: site
  name: 'scm'
  properties: {
    allow: false
  }
}

output name string = site.name
output defaultHostName string = site.properties.defaultHostName
