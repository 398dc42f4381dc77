// Key Vault in RBAC mode (no access policies) for the app's secrets: today the SendGrid API key.

param name string

@description('Azure region.')
param location string

param tags object

@description('Name of the secret that holds the SendGrid API key.')
param sendGridSecretName string

@secure()
@description('The SendGrid API key. Empty: the secret is not written, so a key set out of band (az keyvault secret set) survives re-provisioning.')
param sendGridApiKey string

resource vault 'Microsoft.KeyVault/vaults@2024-11-01' = {
  name: name
  location: location
  tags: tags
  properties: {
    tenantId: subscription().tenantId
    sku: {
      family: 'A'
      name: 'standard'
    }
    enableRbacAuthorization: true
    enableSoftDelete: true
    softDeleteRetentionInDays: 7
    publicNetworkAccess: 'Enabled'
  }
}

resource sendGridSecret 'Microsoft.KeyVault/vaults/secrets@2024-11-01' = if (!empty(sendGridApiKey)) {
  parent: vault
  name: sendGridSecretName
  properties: {
    value: sendGridApiKey
    contentType: 'SendGrid API key (Mail Send)'
  }
}

output name string = vault.name
output id string = vault.id
