using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace PublishPipeline.Tests.Settings;

/// <summary>
/// The app refuses to start without its required settings, naming them: a host built as the Functions app's
/// Program.cs builds it (a generic host, <c>AddPublishPipeline</c> on its configuration) is started, and starting runs
/// the options validation (<c>ValidateOnStart</c>), before any trigger could run.
/// </summary>
public class StartupValidationTests
{
    private static IHost Host(Dictionary<string, string?> settings)
    {
        var builder = Microsoft.Extensions.Hosting.Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Configuration.AddInMemoryCollection(settings);
        builder.Services.AddPublishPipeline(builder.Configuration);
        return builder.Build();
    }

    private static async Task<Exception> StartFailsAsync(Dictionary<string, string?> settings)
    {
        using var host = Host(settings);
        return await Assert.ThrowsAnyAsync<Exception>(() => host.StartAsync());
    }

    [Fact]
    public async Task Without_its_required_settings_the_app_does_not_start_and_names_each_one()
    {
        var error = await StartFailsAsync(new() { ["AzureWebJobsStorage"] = "UseDevelopmentStorage=true" });

        var message = Flatten(error);
        foreach (var setting in new[] { "Pipeline__SiteBaseUrl", "Pipeline__ApiBaseUrl", "Notices__FromEmail", "Notices__SendGridApiKey" })
        {
            Assert.Contains($"{setting} is not set", message, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task With_the_required_settings_it_starts()
    {
        using var host = Host(PipelineServiceCollectionExtensionsTests.RequiredSettings());
        await host.StartAsync();
        Assert.Equal("https://reports.example.gov.cn", host.Services.GetRequiredService<IOptions<PublishPipeline.Pipeline.PipelineOptions>>().Value.SiteBaseUrl);
        await host.StopAsync();
    }

    [Theory]
    [InlineData("Pipeline:SiteBaseUrl", "reports.example.gov.cn", "Pipeline__SiteBaseUrl 'reports.example.gov.cn' is not an absolute http(s) URL")]
    [InlineData("Pipeline:ApiBaseUrl", "ftp://api.example.gov.cn", "Pipeline__ApiBaseUrl 'ftp://api.example.gov.cn' is not an absolute http(s) URL")]
    [InlineData("Pipeline:MaxDraftBytes", "0", "Pipeline__MaxDraftBytes is 0")]
    [InlineData("Pipeline:MaxDraftBytes", "209715200", "Pipeline__MaxDraftBytes is 209715200")]
    [InlineData("Pipeline:SweepLookBack", "00:00:00", "Pipeline__SweepLookBack is 00:00:00")]
    [InlineData("Pipeline:SearchMaxDelay", "00:01:00", "Pipeline__SearchMaxDelay (00:01:00) is shorter than Pipeline__SearchQuietPeriod")]
    [InlineData("Pipeline:OperatorEmails", "ops@example.gov.cn; 值班室", "Pipeline__OperatorEmails has entries that are not email addresses: '值班室'")]
    [InlineData("Notices:FromEmail", "Reports <noreply@example.gov.cn>", "Notices__FromEmail 'Reports <noreply@example.gov.cn>' is not an email address")]
    [InlineData("Notices:SendGridApiKey", "@Microsoft.KeyVault(VaultName=kv-x;SecretName=SendGridApiKey)", "Notices__SendGridApiKey is an unresolved Key Vault reference")]
    [InlineData("Notices:SendGridHost", "127.0.0.1:7071", "Notices__SendGridHost '127.0.0.1:7071' is not an absolute http(s) URL")]
    [InlineData("Deadlines:OverdueWeeks", "eight", "Deadlines__OverdueWeeks: 'eight' is not a whole number")]
    [InlineData("Deadlines:OverdueWeeks", "60", "Deadlines__OverdueWeeks: at most 52")]
    [InlineData("Deadlines:ReminderDaysBefore", "400,7", "Deadlines__ReminderDaysBefore: a reminder more than 90 days")]
    [InlineData("Deadlines:LocalDeadlines", "部门=2-30x", "Deadlines__LocalDeadlines: '2-30x' is not a month-day")]
    public async Task A_malformed_setting_stops_the_start_with_its_name(string key, string value, string expected)
    {
        var settings = PipelineServiceCollectionExtensionsTests.RequiredSettings();
        settings[key] = value;

        var error = await StartFailsAsync(settings);

        Assert.Contains(expected, Flatten(error), StringComparison.Ordinal);
    }

    [Fact]
    public void Without_storage_the_wiring_itself_names_the_settings()
    {
        var settings = PipelineServiceCollectionExtensionsTests.RequiredSettings();
        settings.Remove("AzureWebJobsStorage");

        var error = Assert.Throws<InvalidOperationException>(() => Host(settings));

        Assert.Contains("AzureWebJobsStorage__blobServiceUri", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Half_an_identity_based_storage_setting_names_what_is_missing()
    {
        var settings = PipelineServiceCollectionExtensionsTests.RequiredSettings();
        settings.Remove("AzureWebJobsStorage");
        settings["AzureWebJobsStorage:blobServiceUri"] = "https://acct.blob.core.windows.net";

        var error = Assert.Throws<InvalidOperationException>(() => Host(settings));

        Assert.Contains("AzureWebJobsStorage__queueServiceUri is not set", error.Message, StringComparison.Ordinal);
    }

    private static string Flatten(Exception error) =>
        error is AggregateException aggregate
            ? string.Join("\n", aggregate.InnerExceptions.Select(Flatten))
            : error.Message + (error.InnerException is { } inner ? "\n" + Flatten(inner) : "");
}
