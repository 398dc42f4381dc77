using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using PublishPipeline.Checking;
using PublishPipeline.Pipeline;
using PublishPipeline.Reading;
using PublishPipeline.Validation;

namespace PublishPipeline.Tests;

/// <summary>The wiring both hosts use gives the pipeline the whole rule catalogue, not an empty one.</summary>
public class PipelineServiceCollectionExtensionsTests
{
    /// <summary>The settings a host must give: the ones without a default (README, "Settings").</summary>
    internal static Dictionary<string, string?> RequiredSettings() => new()
    {
        ["AzureWebJobsStorage"] = "UseDevelopmentStorage=true",
        ["Pipeline:SiteBaseUrl"] = "https://reports.example.gov.cn",
        ["Pipeline:ApiBaseUrl"] = "https://api.example.gov.cn",
        ["Notices:FromEmail"] = "noreply@example.gov.cn",
        ["Notices:SendGridApiKey"] = "SG.test-key",
    };

    private static ServiceProvider Build(Dictionary<string, string?>? settings = null)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings ?? RequiredSettings()).Build();
        return new ServiceCollection()
            .AddLogging()
            .AddSingleton<IConfiguration>(configuration)
            .AddPublishPipeline(configuration)
            .BuildServiceProvider();
    }

    [Fact]
    public void The_validator_from_the_container_runs_every_rule()
    {
        using var services = Build();

        Assert.Equal(
            new ReportValidator().Rules.Select(r => r.Id),
            services.GetRequiredService<ReportValidator>().Rules.Select(r => r.Id));
        Assert.NotEmpty(services.GetRequiredService<ReportValidator>().Rules);
    }

    [Fact]
    public void The_checker_from_the_container_finds_the_samples_error()
    {
        using var services = Build();

        var check = services.GetRequiredService<DraftChecker>()
            .Check("2021-qingshan-jiedao.txt", File.ReadAllBytes(Corpus.Sample("2021-qingshan-jiedao.txt")));

        Assert.Equal(DraftCheck.HasErrorsCode, check.ExitCode);
        Assert.Contains(check.Findings, f => f.Rule == "D1");
    }

    [Fact]
    public void Storage_settings_are_read_as_the_functions_host_reads_them()
    {
        var identity = PipelineServiceCollectionExtensions.ReadStorageOptions(new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["AzureWebJobsStorage:blobServiceUri"] = "https://acct.blob.core.windows.net",
                ["AzureWebJobsStorage:queueServiceUri"] = "https://acct.queue.core.windows.net",
                ["AzureWebJobsStorage:tableServiceUri"] = "https://acct.table.core.windows.net",
                ["AzureWebJobsStorage:clientId"] = "00000000-0000-0000-0000-000000000001",
            })
            .Build());
        Assert.False(identity.UsesConnectionString);
        Assert.Equal(new Uri("https://acct.table.core.windows.net"), identity.TableServiceUri);
        Assert.Equal("00000000-0000-0000-0000-000000000001", identity.ClientId);

        Assert.Throws<InvalidOperationException>(() =>
            PipelineServiceCollectionExtensions.ReadStorageOptions(new ConfigurationBuilder().Build()));
    }

    [Fact]
    public void The_reader_refuses_what_Pipeline_MaxDraftBytes_refuses()
    {
        var settings = RequiredSettings();
        settings["Pipeline:MaxDraftBytes"] = "1000";
        using var services = Build(settings);
        var reader = services.GetRequiredService<DraftReader>();
        var text = File.ReadAllBytes(Corpus.Sample("2021-qingshan-jiedao.txt"));
        Assert.True(text.Length > 1000);

        var read = reader.Read("2021-qingshan-jiedao.txt", text);
        Assert.True(read.Unreadable);
        Assert.Contains(read.Findings, f => f.Rule == "A0" && f.Message.StartsWith("文件超过 1 MB", StringComparison.Ordinal));

        // The default reader accepts it, so the refusal above comes from the setting.
        Assert.False(new DraftReader().Read("2021-qingshan-jiedao.txt", text).Unreadable);
    }
}
