using System.Net;
using System.Net.Http.Json;
using System.Net.Sockets;
using System.Text.Json;
using Azure.Storage.Blobs;
using Microsoft.Extensions.DependencyInjection;
using PublishPipeline.Api;
using PublishPipeline.Cli.Dev;
using PublishPipeline.Reports;
using PublishPipeline.Storage;
using PublishPipeline.Submissions;

namespace PublishPipeline.IntegrationTests;

/// <summary>
/// One local host for all integration tests: the real Azurite (reused when CI started it, else started from the
/// repo's node_modules), the WebJobs host running the stage handlers, the API, the site and the mail sink.
/// Every test registers its own agencies (unique ids and addresses), so tests never see each other's data.
/// </summary>
public sealed class DevHostFixture : IAsyncLifetime
{
    private DevHost? host;

    public string ApiUrl => Host.ApiUrl;

    public string SiteUrl => Host.SiteUrl;

    public HttpClient Http { get; } = new() { Timeout = TimeSpan.FromSeconds(30) };

    internal DevHost Host => host ?? throw new InvalidOperationException("the dev host is not started");

    public PipelineStorage Storage => Host.Services.GetRequiredService<PipelineStorage>();

    public SubmissionStore Submissions => Host.Services.GetRequiredService<SubmissionStore>();

    public static string RepoRoot => Cli.Dev.RepoRoot.Find() ?? throw new InvalidOperationException("repository root not found");

    public static string Sample(string name) => Path.Combine(RepoRoot, "samples", name);

    public async Task InitializeAsync()
    {
        var options = new DevHostOptions
        {
            ApiPort = FreePort(),
            SitePort = FreePort(),
            RepoRoot = RepoRoot,
            DataDirectory = Path.Combine(Path.GetTempPath(), "pubpipe-it-" + Guid.NewGuid().ToString("N")[..8]),
            LogLevel = Microsoft.Extensions.Logging.LogLevel.Warning,
        };
        host = await DevHost.StartAsync(options, TextWriter.Null);
    }

    public async Task DisposeAsync()
    {
        Http.Dispose();
        if (host is not null)
        {
            await host.DisposeAsync();
        }
    }

    /// <summary>Registers an agency with a unique id and submitter address for one test (the name as its drafts print it).</summary>
    public async Task<Agency> RegisterAgencyAsync(string name, string level = "部门", bool autoPublish = true)
    {
        var suffix = Guid.NewGuid().ToString("N")[..10];
        var agency = new Agency
        {
            RowKey = "it-" + suffix,
            Name = name,
            Region = "测试省/测试市",
            Level = level,
            SupervisingOffice = "测试市政务公开办",
            Submitters = $"submitter-{suffix}@agency.example",
            Reviewers = $"reviewer-{suffix}@office.example",
            AutoPublish = autoPublish,
        };
        await Host.Services.GetRequiredService<AgencyDirectory>().UpsertAsync(agency);
        return agency;
    }

    public async Task UploadDraftBlobAsync(string agencyId, int year, string fileName, byte[] content)
    {
        BlobClient blob = Storage.Drafts.GetBlobClient($"{agencyId}/{year}/{fileName}");
        await blob.UploadAsync(BinaryData.FromBytes(content), overwrite: true);
    }

    /// <summary>Waits until the agency has a submission in one of the given states (the pipeline is asynchronous).</summary>
    public Task<Submission> WaitForSubmissionAsync(string agencyId, params SubmissionState[] states) =>
        WaitForSubmissionAsync(agencyId, null, states);

    /// <summary>Waits until the agency has a submission for <paramref name="year"/> (any year when null) in one of the states.</summary>
    public async Task<Submission> WaitForSubmissionAsync(string agencyId, int? year, params SubmissionState[] states)
    {
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (true)
        {
            var found = (await Submissions.ListForAgencyAsync(agencyId)).FirstOrDefault(s => states.Contains(s.CurrentState) && (year is null || s.Year == year));
            if (found is not null)
            {
                return found;
            }

            if (DateTime.UtcNow > deadline)
            {
                var seen = string.Join(", ", (await Submissions.ListForAgencyAsync(agencyId)).Select(s => s.State));
                throw new TimeoutException($"no submission of {agencyId} reached {string.Join("/", states)} within 60 s (seen: {seen})");
            }

            await Task.Delay(200);
        }
    }

    public async Task<SubmissionView> GetSubmissionViewAsync(string id) =>
        (await Http.GetFromJsonAsync<SubmissionView>($"{ApiUrl}/api/submissions/{id}", ReportJson.CompactOptions))!;

    /// <summary>The emails the mail sink received for one address, read through its HTTP API, waiting for <paramref name="count"/>.</summary>
    public async Task<IReadOnlyList<MailView>> WaitForMailAsync(string address, int count)
    {
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (true)
        {
            var all = await Http.GetFromJsonAsync<List<MailView>>($"{ApiUrl}/_dev/mail", JsonSerializerOptions.Web);
            var mine = all!.Where(m => m.To.Contains(address)).ToList();
            if (mine.Count >= count || DateTime.UtcNow > deadline)
            {
                return mine;
            }

            await Task.Delay(200);
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}

public sealed record MailView(int Id, string From, List<string> To, string Subject, string Text, string Html, string? Notice);

[CollectionDefinition(Name)]
public sealed class DevHostCollection : ICollectionFixture<DevHostFixture>
{
    public const string Name = "dev host";
}
