using System.Reflection;
using System.Text.Json;
using System.Text.RegularExpressions;
using PublishPipeline.Site;
using PublishPipeline.Storage;
using PublishPipeline.Tests.Settings;

namespace PublishPipeline.Tests.Infra;

/// <summary>
/// infra/ compiled and linted by the real Bicep CLI (offline), and the compiled ARM template checked against what
/// the app needs: the storage names in code, every setting in local.settings.sample.json, identity-only access.
/// </summary>
public sealed class BicepTests(BuiltInfra infra) : IClassFixture<BuiltInfra>
{
    /// <summary>The settings the Bicep leaves out on purpose, as the README lists them with their reasons.</summary>
    private static IReadOnlyList<string> AppOnlySettingsNotInAzure => OptionSettings.DocumentedAsNotInAzure();

    [Theory]
    [InlineData(BuiltInfra.MainFile)]
    [InlineData(BuiltInfra.SubscriptionFile)]
    public void Builds_with_no_errors_or_warnings(string file)
    {
        var run = file == BuiltInfra.MainFile ? infra.MainBuild : infra.SubscriptionBuild;
        Assert.True(run.ExitCode == 0, run.Describe());
        Assert.Empty(run.Diagnostics("Error"));
        Assert.Empty(run.Diagnostics("Warning"));
        Assert.StartsWith("{", run.Output.TrimStart(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(BuiltInfra.MainFile)]
    [InlineData(BuiltInfra.SubscriptionFile)]
    public void Lint_reports_no_errors_or_warnings(string file)
    {
        var run = BicepCli.Run("lint", BicepCli.InfraPath(file.Split('/')));
        Assert.True(run.ExitCode == 0, run.Describe());
        Assert.Empty(run.Diagnostics("Error"));
        Assert.Empty(run.Diagnostics("Warning"));
    }

    [Theory]
    [InlineData("no-hardcoded-env-urls")]
    [InlineData("outputs-should-not-contain-secrets")]
    [InlineData("secure-secrets-in-params")]
    [InlineData("use-secure-value-for-secure-inputs")]
    [InlineData("secure-parameter-default")]
    [InlineData("what-if-short-circuiting")]
    [InlineData("no-unused-params")]
    public void Bicepconfig_makes_the_rules_the_template_relies_on_errors(string rule)
    {
        using var config = JsonDocument.Parse(File.ReadAllText(BicepCli.InfraPath("bicepconfig.json")));
        var level = config.RootElement.GetProperty("analyzers").GetProperty("core").GetProperty("rules").GetProperty(rule).GetProperty("level").GetString();
        Assert.Equal("error", level);
    }

    [Fact]
    public void Storage_account_takes_no_shared_keys_and_serves_the_site()
    {
        var storage = infra.Main.Module("storage");
        var properties = storage.Single("Microsoft.Storage/storageAccounts").GetProperty("properties");
        Assert.False(properties.GetProperty("allowSharedKeyAccess").GetBoolean());
        Assert.Equal("TLS1_2", properties.GetProperty("minimumTlsVersion").GetString());
        Assert.False(properties.GetProperty("allowBlobPublicAccess").GetBoolean());
        Assert.True(properties.GetProperty("supportsHttpsTrafficOnly").GetBoolean());

        var website = storage.Single("Microsoft.Storage/storageAccounts/blobServices").GetProperty("properties").GetProperty("staticWebsite");
        Assert.True(website.GetProperty("enabled").GetBoolean());
        var indexParameter = ArmTemplate.ParameterReference(website.GetProperty("indexDocument").GetString()!);
        Assert.NotNull(indexParameter);
        Assert.Equal(SitePaths.Home, storage.Parameter(indexParameter).GetProperty("defaultValue").GetString());
    }

    [Fact]
    public void Every_container_queue_and_table_in_StorageNames_is_created()
    {
        var names = typeof(StorageNames).GetFields(BindingFlags.Public | BindingFlags.Static)
            .Where(f => f.IsLiteral && f.FieldType == typeof(string))
            .ToDictionary(f => f.Name, f => (string)f.GetRawConstantValue()!);
        string[] Named(string suffix) => names.Where(n => n.Key.EndsWith(suffix, StringComparison.Ordinal)).Select(n => n.Value).ToArray();
        var containers = Named("Container");
        // Poison queues are made by the runtime (and, for the pipeline's own queues, by the '-poison' map below).
        var queues = Named("Queue").Where(q => !q.EndsWith("-poison", StringComparison.Ordinal)).ToArray();
        Assert.All(Named("PoisonQueue"), q => Assert.EndsWith("-poison", q, StringComparison.Ordinal));
        var tables = Named("Table");
        Assert.Contains("$web", containers);
        Assert.NotEmpty(queues);
        Assert.NotEmpty(tables);

        var main = infra.Main;
        var storage = main.Module("storage");
        AssertCreated(containers, "pipelineContainers", "containerNames", "Microsoft.Storage/storageAccounts/blobServices/containers");
        AssertCreated(queues, "pipelineQueues", "queueNames", "Microsoft.Storage/storageAccounts/queueServices/queues");
        AssertCreated(tables, "pipelineTables", "tableNames", "Microsoft.Storage/storageAccounts/tableServices/tables");

        // host.json's maxDequeueCount moves failures to <queue>-poison: each queue's poison queue is created too.
        Assert.Contains("format('{0}-poison'", main.ModuleArgument("storage", "queueNames"), StringComparison.Ordinal);

        void AssertCreated(string[] expected, string variable, string moduleParameter, string resourceType)
        {
            var declared = main.Variable(variable).EnumerateArray().Select(e => e.GetString()).ToList();
            foreach (var name in expected)
            {
                Assert.True(declared.Contains(name), $"main.bicep's {variable} lacks '{name}' (StorageNames)");
            }

            Assert.Contains($"variables('{variable}')", main.ModuleArgument("storage", moduleParameter), StringComparison.Ordinal);
            var loop = Assert.Single(storage.OfType(resourceType), r => r.TryGetProperty("copy", out _));
            Assert.Contains($"parameters('{moduleParameter}')[copyIndex()]", loop.GetProperty("name").GetString(), StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Function_app_runs_on_flex_consumption_with_the_apps_dotnet_version()
    {
        var app = infra.Main.Module("functionapp");
        var plan = app.Single("Microsoft.Web/serverfarms");
        Assert.Equal("FC1", plan.GetProperty("sku").GetProperty("name").GetString());
        Assert.Equal("FlexConsumption", plan.GetProperty("sku").GetProperty("tier").GetString());

        var site = app.Single("Microsoft.Web/sites");
        Assert.Equal("functionapp,linux", site.GetProperty("kind").GetString());
        Assert.Equal("UserAssigned", site.GetProperty("identity").GetProperty("type").GetString());
        var config = site.GetProperty("properties").GetProperty("functionAppConfig");
        var runtime = config.GetProperty("runtime");
        Assert.Equal("dotnet-isolated", runtime.GetProperty("name").GetString());
        var versionParameter = ArmTemplate.ParameterReference(runtime.GetProperty("version").GetString()!)!;
        var targetFramework = Regex.Match(File.ReadAllText(Path.Combine(Corpus.RepoRoot, "Directory.Build.props")), "<TargetFramework>net([0-9.]+)</TargetFramework>").Groups[1].Value;
        Assert.Equal(targetFramework, app.Parameter(versionParameter).GetProperty("defaultValue").GetString());
        Assert.Equal("UserAssignedIdentity", config.GetProperty("deployment").GetProperty("storage").GetProperty("authentication").GetProperty("type").GetString());
    }

    [Fact]
    public void App_settings_cover_every_setting_of_local_settings_sample()
    {
        var settings = AppSettings();
        foreach (var key in SampleSettingKeys().Except(AppOnlySettingsNotInAzure))
        {
            Assert.True(settings.ContainsKey(key), $"the Function App's app settings lack {key} (local.settings.sample.json has it)");
        }

        foreach (var key in AppOnlySettingsNotInAzure)
        {
            Assert.False(settings.ContainsKey(key), $"{key} must not be set in Azure");
        }
    }

    [Fact]
    public void Every_setting_of_every_options_class_is_an_app_setting_or_documented_as_not_in_azure()
    {
        var settings = AppSettings();
        var sample = OptionSettings.Sample();
        foreach (var key in OptionSettings.Names())
        {
            Assert.True(
                settings.ContainsKey(key) ^ AppOnlySettingsNotInAzure.Contains(key),
                settings.ContainsKey(key)
                    ? $"{key} is an app setting in the Bicep but the README lists it as not in Azure"
                    : $"{key} is neither in the Function App's app settings (infra/modules/functionapp.bicep) nor in the README's \"Settings that are not in Azure\"");
        }

        // Storage: the identity form in Azure, the connection string only locally.
        var (local, azure) = OptionSettings.StorageForms();
        Assert.All(azure, key => Assert.True(settings.ContainsKey(key), $"the app settings lack {key}"));
        Assert.All(local, key => Assert.Contains(key, AppOnlySettingsNotInAzure));

        // What the README says is not in Azure is a setting the code or the host reads (not a stale row).
        Assert.NotEmpty(AppOnlySettingsNotInAzure);
        Assert.All(AppOnlySettingsNotInAzure, key => Assert.True(sample.ContainsKey(key), $"the README lists {key}, which local.settings.sample.json does not"));
    }

    [Fact]
    public void The_app_sends_telemetry_to_workspace_based_application_insights_with_its_identity()
    {
        var settings = AppSettings();
        var connection = ArmTemplate.ParameterReference(settings["APPLICATIONINSIGHTS_CONNECTION_STRING"])!;
        Assert.Contains("outputs.applicationInsightsConnectionString.value", infra.Main.ModuleArgument("functionapp", connection), StringComparison.Ordinal);
        // Local auth is off on the resource: the worker's SDK reads this to authenticate with the app's identity.
        Assert.Equal("[format('ClientId={0};Authorization=AAD', parameters('identityClientId'))]", settings["APPLICATIONINSIGHTS_AUTHENTICATION_STRING"]);

        var monitoring = infra.Main.Module("monitoring");
        var properties = monitoring.Single("Microsoft.Insights/components").GetProperty("properties");
        Assert.True(properties.GetProperty("DisableLocalAuth").GetBoolean());
        Assert.Contains("Microsoft.OperationalInsights/workspaces", properties.GetProperty("WorkspaceResourceId").GetString(), StringComparison.Ordinal);

        var roles = infra.Main.Module("roles");
        Assert.Equal("3913510d-42f4-4e42-8a64-420c390055eb", roles.Variable("roles").GetProperty("monitoringMetricsPublisher").GetString());
        Assert.Contains(roles.OfType("Microsoft.Authorization/roleAssignments"),
            r => r.GetProperty("properties").GetProperty("roleDefinitionId").GetString()!.Contains("variables('roles').monitoringMetricsPublisher", StringComparison.Ordinal));
    }

    [Fact]
    public void Storage_is_reached_with_the_user_assigned_identity()
    {
        var settings = AppSettings();
        Assert.Equal("managedidentity", settings["AzureWebJobsStorage__credential"]);
        foreach (var service in new[] { "blob", "queue", "table" })
        {
            var parameter = ArmTemplate.ParameterReference(settings[$"AzureWebJobsStorage__{service}ServiceUri"]);
            Assert.Equal($"{service}Endpoint", parameter);
            Assert.Contains($"outputs.{service}Endpoint.value", infra.Main.ModuleArgument("functionapp", parameter!), StringComparison.Ordinal);
        }

        Assert.Equal("identityClientId", ArmTemplate.ParameterReference(settings["AzureWebJobsStorage__clientId"]));
        Assert.Contains("outputs.clientId.value", infra.Main.ModuleArgument("functionapp", "identityClientId"), StringComparison.Ordinal);

        // The public site's links point at the static website endpoint unless an operator names a CDN/custom domain.
        Assert.Equal("siteBaseUrl", ArmTemplate.ParameterReference(settings["Pipeline__SiteBaseUrl"]));
        Assert.Contains("outputs.webEndpoint.value", infra.Main.ModuleArgument("functionapp", "siteBaseUrl"), StringComparison.Ordinal);
    }

    [Fact]
    public void SendGrid_key_is_a_key_vault_reference_to_a_secret_written_from_a_secure_parameter()
    {
        var reference = AppSettings()["Notices__SendGridApiKey"];
        Assert.Contains("@Microsoft.KeyVault(VaultName=", reference, StringComparison.Ordinal);
        Assert.Contains("SecretName=", reference, StringComparison.Ordinal);
        var site = infra.Main.Module("functionapp").Single("Microsoft.Web/sites");
        Assert.Equal("[parameters('identityId')]", site.GetProperty("properties").GetProperty("keyVaultReferenceIdentity").GetString());

        var keyVault = infra.Main.Module("keyvault");
        Assert.True(keyVault.Single("Microsoft.KeyVault/vaults").GetProperty("properties").GetProperty("enableRbacAuthorization").GetBoolean());
        var secret = keyVault.Single("Microsoft.KeyVault/vaults/secrets");
        var valueParameter = ArmTemplate.ParameterReference(secret.GetProperty("properties").GetProperty("value").GetString()!);
        Assert.NotNull(valueParameter);
        Assert.Equal("securestring", keyVault.Parameter(valueParameter).GetProperty("type").GetString());

        var mainParameter = ArmTemplate.ParameterReference(infra.Main.ModuleArgument("keyvault", valueParameter))!;
        Assert.Equal("securestring", infra.Main.Parameter(mainParameter).GetProperty("type").GetString());
        Assert.Equal("", infra.Main.Parameter(mainParameter).GetProperty("defaultValue").GetString());
        using var parameters = JsonDocument.Parse(File.ReadAllText(BicepCli.InfraPath("main.parameters.json")));
        var supplied = parameters.RootElement.GetProperty("parameters").GetProperty(mainParameter).GetProperty("value").GetString();
        Assert.Matches("^\\$\\{[A-Z_]+\\}$", supplied); // an azd environment variable, never a literal key
    }

    [Theory]
    [InlineData(BuiltInfra.MainFile)]
    [InlineData(BuiltInfra.SubscriptionFile)]
    public void No_key_or_connection_string_appears_in_the_template(string file)
    {
        var json = (file == BuiltInfra.MainFile ? infra.Main : infra.Subscription).Root.GetRawText();
        foreach (var forbidden in new[] { "listKeys", "listAccountSas", "listServiceSas", "AccountKey=", "SharedAccessKey", "connectionStrings", "UseDevelopmentStorage" })
        {
            Assert.DoesNotContain(forbidden, json, StringComparison.OrdinalIgnoreCase);
        }
    }

    [Fact]
    public void App_identity_gets_the_storage_key_vault_and_telemetry_roles()
    {
        var roles = infra.Main.Module("roles");
        var catalogue = roles.Variable("roles");
        var appStorageRoles = roles.Variable("appStorageRoles").EnumerateArray()
            .Select(e => catalogue.GetProperty(Regex.Match(e.GetString()!, @"^\[variables\('roles'\)\.(\w+)\]$").Groups[1].Value).GetString())
            .ToList();
        Assert.Contains("b7e6dc6d-f1e8-4753-8033-0f276bb0955b", appStorageRoles); // Storage Blob Data Owner (host, blob trigger receipts)
        Assert.Contains("974c5e8b-45b9-4653-ba55-5f855dd0fb88", appStorageRoles); // Storage Queue Data Contributor (queues, blob trigger poison queue)
        Assert.Contains("0a9a7e1f-b9d0-4cc4-a60d-0319b160aaa3", appStorageRoles); // Storage Table Data Contributor (the pipeline's state)
        Assert.Equal("4633458b-17de-408a-b874-0445c86b69e6", catalogue.GetProperty("keyVaultSecretsUser").GetString());
        Assert.Contains(roles.OfType("Microsoft.Authorization/roleAssignments"),
            r => r.GetProperty("properties").GetProperty("roleDefinitionId").GetString()!.Contains("variables('roles').keyVaultSecretsUser", StringComparison.Ordinal));
    }

    [Fact]
    public void Drafts_subscription_delivers_blob_created_in_drafts_to_the_webhook_and_dead_letters_with_identity()
    {
        var template = infra.Subscription;
        var properties = template.Single("Microsoft.EventGrid/systemTopics/eventSubscriptions").GetProperty("properties");
        var filter = properties.GetProperty("filter");
        Assert.Equal(["Microsoft.Storage.BlobCreated"], filter.GetProperty("includedEventTypes").EnumerateArray().Select(e => e.GetString()));
        Assert.Equal("[format('/blobServices/default/containers/{0}/blobs/', parameters('draftsContainerName'))]", filter.GetProperty("subjectBeginsWith").GetString());

        var destination = properties.GetProperty("destination");
        Assert.Equal("WebHook", destination.GetProperty("endpointType").GetString());
        var endpoint = ArmTemplate.ParameterReference(destination.GetProperty("properties").GetProperty("endpointUrl").GetString()!)!;
        Assert.Equal("securestring", template.Parameter(endpoint).GetProperty("type").GetString());

        var deadLetter = properties.GetProperty("deadLetterWithResourceIdentity");
        Assert.Equal("SystemAssigned", deadLetter.GetProperty("identity").GetProperty("type").GetString());
        Assert.Equal("StorageBlob", deadLetter.GetProperty("deadLetterDestination").GetProperty("endpointType").GetString());

        // The hook fills draftsContainerName from main.bicep's DRAFTS_CONTAINER output: the container OnDraftUploaded binds.
        var draftsOutput = infra.Main.Root.GetProperty("outputs").GetProperty("DRAFTS_CONTAINER").GetProperty("value").GetString()!;
        var variable = Regex.Match(draftsOutput, @"^\[variables\('(\w+)'\)\]$").Groups[1].Value;
        Assert.Equal(StorageNames.DraftsContainer, infra.Main.Variable(variable).GetString());
    }

    [Fact]
    public void Postdeploy_hook_needs_only_what_azd_and_main_bicep_provide()
    {
        var azureYaml = File.ReadAllText(Path.Combine(Corpus.RepoRoot, "azure.yaml"));
        Assert.Contains("run: ./infra/hooks/postdeploy.sh", azureYaml, StringComparison.Ordinal);
        var hook = BicepCli.InfraPath("hooks", "postdeploy.sh");
        Assert.True(OperatingSystem.IsWindows() || File.GetUnixFileMode(hook).HasFlag(UnixFileMode.UserExecute), "postdeploy.sh is not executable");

        var script = File.ReadAllText(hook);
        var required = Regex.Match(script, @"for name in ([A-Z_\s\\]+?); do").Groups[1].Value
            .Split([' ', '\n', '\\'], StringSplitOptions.RemoveEmptyEntries);
        Assert.Contains("AZURE_FUNCTION_APP_NAME", required);
        var provided = infra.Main.Outputs.Append("AZURE_SUBSCRIPTION_ID").ToHashSet(); // azd sets AZURE_SUBSCRIPTION_ID itself
        foreach (var name in required)
        {
            Assert.True(provided.Contains(name), $"postdeploy.sh needs {name}, which neither azd nor main.bicep's outputs provide");
        }

        Assert.Contains("functionName=Host.Functions.OnDraftUploaded", script, StringComparison.Ordinal);
        Assert.Contains(BuiltInfra.SubscriptionFile, script, StringComparison.Ordinal);
    }

    [Fact]
    public void Every_api_call_needs_an_entra_id_token_except_the_blob_and_email_event_webhooks()
    {
        var app = infra.Main.Module("functionapp");
        var auth = SiteConfig(app, "authsettingsV2");
        Assert.True(auth.GetProperty("platform").GetProperty("enabled").GetBoolean());
        var validation = auth.GetProperty("globalValidation");
        Assert.True(validation.GetProperty("requireAuthentication").GetBoolean());
        // People follow the status and preview links from their emails: they are sent to sign in, not shown a 401.
        Assert.Equal("RedirectToLoginPage", validation.GetProperty("unauthenticatedClientAction").GetString());
        Assert.Equal("azureactivedirectory", validation.GetProperty("redirectToProvider").GetString());
        // Event Grid delivers blob events to the extension's webhook with the host's system key, not a token, and
        // SendGrid posts delivery events signed with its ECDSA key, which the app checks: those paths, and nothing else,
        // are left to the host and the app to check.
        Assert.Equal(
            ["/runtime/webhooks/blobs", "/api/" + PublishPipeline.Api.EmailEventsApi.Route],
            validation.GetProperty("excludedPaths").EnumerateArray().Select(p => p.GetString()));
        Assert.True(auth.GetProperty("httpSettings").GetProperty("requireHttps").GetBoolean());

        var entra = auth.GetProperty("identityProviders").GetProperty("azureActiveDirectory");
        Assert.True(entra.GetProperty("enabled").GetBoolean());
        var registration = entra.GetProperty("registration");
        var clientIdParameter = ArmTemplate.ParameterReference(registration.GetProperty("clientId").GetString()!)!;
        Assert.Equal("[format('{0}{1}/v2.0', environment().authentication.loginEndpoint, parameters('authTenantId'))]",
            registration.GetProperty("openIdIssuer").GetString());
        Assert.Contains($"[parameters('{clientIdParameter}')]", entra.GetProperty("validation").GetProperty("allowedAudiences").EnumerateArray().Select(a => a.GetString()));

        // The client id is required (no default, not empty) and comes from the azd environment, never a literal.
        var mainParameter = ArmTemplate.ParameterReference(infra.Main.ModuleArgument("functionapp", clientIdParameter))!;
        var declared = infra.Main.Parameter(mainParameter);
        Assert.False(declared.TryGetProperty("defaultValue", out _), $"{mainParameter} must have no default: without it the API would be open");
        Assert.Equal(1, declared.GetProperty("minLength").GetInt32());
        using var parameters = JsonDocument.Parse(File.ReadAllText(BicepCli.InfraPath("main.parameters.json")));
        Assert.Matches("^\\$\\{[A-Z_]+\\}$", parameters.RootElement.GetProperty("parameters").GetProperty(mainParameter).GetProperty("value").GetString());
        Assert.Equal("[tenant().tenantId]", infra.Main.Parameter(ArmTemplate.ParameterReference(infra.Main.ModuleArgument("functionapp", "authTenantId"))!).GetProperty("defaultValue").GetString());

        // A token-validating API needs no secret, and keeps no tokens.
        Assert.DoesNotContain("clientSecret", infra.Main.Root.GetRawText(), StringComparison.OrdinalIgnoreCase);
        Assert.False(auth.GetProperty("login").GetProperty("tokenStore").GetProperty("enabled").GetBoolean());
    }

    [Fact]
    public void The_app_trusts_the_app_service_principal_and_runs_the_deadline_timer_at_nine_beijing_time()
    {
        var settings = AppSettings();
        Assert.Equal("AppService", settings["Pipeline__Authentication"]);

        string MainDefault(string setting) =>
            infra.Main.Parameter(ArmTemplate.ParameterReference(infra.Main.ModuleArgument("functionapp", ArmTemplate.ParameterReference(settings[setting])!))!)
                .GetProperty("defaultValue").GetString()!;
        Assert.Equal("0 0 1 * * *", MainDefault("DeadlineSchedule")); // the Linux host runs timers in UTC: 01:00 UTC is 09:00 in Beijing
        Assert.Equal([14, 7, 3, 1], MainDefault("Deadlines__ReminderDaysBefore").Split(',').Select(int.Parse));
    }

    [Fact]
    public void Agency_import_hook_runs_the_cli_against_the_deployed_table_endpoint()
    {
        var hook = BicepCli.InfraPath("hooks", "import-agencies.sh");
        Assert.True(OperatingSystem.IsWindows() || File.GetUnixFileMode(hook).HasFlag(UnixFileMode.UserExecute), "import-agencies.sh is not executable");
        var script = File.ReadAllText(hook);
        Assert.Contains("tools/PublishPipeline.Cli", script, StringComparison.Ordinal);
        // agencies by default, the supervised regions with --regions: both through the CLI's own import, which checks the file.
        Assert.Contains("what=agencies", script, StringComparison.Ordinal);
        Assert.Contains("if [ \"${1:-}\" = \"--regions\" ]; then\n  what=regions", script, StringComparison.Ordinal);
        Assert.Contains("\"$what\" import \"$csv\" --table-endpoint", script, StringComparison.Ordinal);
        Assert.True(Directory.Exists(Path.Combine(Corpus.RepoRoot, "tools", "PublishPipeline.Cli")));
        foreach (var output in new[] { "AZURE_STORAGE_TABLE_ENDPOINT", "AZURE_STORAGE_ACCOUNT_NAME" })
        {
            Assert.Contains(output, script, StringComparison.Ordinal);
            Assert.Contains(output, infra.Main.Outputs);
        }

        Assert.Contains("outputs.tableEndpoint.value", infra.Main.Root.GetProperty("outputs").GetProperty("AZURE_STORAGE_TABLE_ENDPOINT").GetProperty("value").GetString(), StringComparison.Ordinal);
    }

    private Dictionary<string, string> AppSettings() =>
        SiteConfig(infra.Main.Module("functionapp"), "appsettings")
            .EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetString() ?? "");

    private static JsonElement SiteConfig(ArmTemplate app, string name) =>
        Assert.Single(app.OfType("Microsoft.Web/sites/config"), c => c.GetProperty("name").GetString()!.EndsWith($"'{name}')]", StringComparison.Ordinal))
            .GetProperty("properties");

    private static IEnumerable<string> SampleSettingKeys()
    {
        using var sample = JsonDocument.Parse(File.ReadAllText(Path.Combine(Corpus.RepoRoot, "local.settings.sample.json")));
        return sample.RootElement.GetProperty("Values").EnumerateObject().Select(p => p.Name).ToList();
    }
}
