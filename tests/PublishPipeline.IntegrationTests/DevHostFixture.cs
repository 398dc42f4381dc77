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
/// One local host for all integration tests: its own real Azurite (started from the repo's node_modules on free
/// ports, with a temporary data folder), the WebJobs triggers running the stage handlers, the API, the site and the
/// mail sink.
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

    /// <summary>The connection string of the host's own Azurite, for pubpipe commands run against the same storage.</summary>
    public string StorageConnectionString => Host.StorageConnectionString;

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

            // Its own Azurite on free ports: several test runs (and a pubpipe dev) can share the machine.
            AzuriteBlobPort = 0,
            LogLevel = Microsoft.Extensions.Logging.LogLevel.Warning,

            // A handler that always fails reaches the poison queue after host.json's 5 deliveries in seconds.
            QueueVisibilityTimeout = TimeSpan.FromSeconds(1),
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
    public async Task<Agency> RegisterAgencyAsync(string name, string level = "部门", bool autoPublish = true, int reviewers = 1, string region = "测试省/测试市")
    {
        var suffix = Guid.NewGuid().ToString("N")[..10];
        var agency = new Agency
        {
            RowKey = "it-" + suffix,
            Name = name,
            Region = region,
            Level = level,
            SupervisingOffice = "测试市政务公开办",
            Submitters = $"submitter-{suffix}@agency.example",
            Reviewers = string.Join(";", Enumerable.Range(1, reviewers).Select(i => $"reviewer{(i == 1 ? "" : i)}-{suffix}@office.example")),
            AutoPublish = autoPublish,
        };
        await Host.Services.GetRequiredService<AgencyDirectory>().UpsertAsync(agency);
        return agency;
    }

    /// <summary>
    /// Drops a draft straight into the drafts container, as an agency's own tool with storage access would; the
    /// uploader it names in the blob metadata (none: an unknown uploader) decides whether it is accepted.
    /// </summary>
    public async Task UploadDraftBlobAsync(string agencyId, int year, string fileName, byte[] content, string? uploadedBy = null)
    {
        BlobClient blob = Storage.Drafts.GetBlobClient($"{agencyId}/{year}/{fileName}");
        await blob.UploadAsync(
            BinaryData.FromBytes(content),
            new Azure.Storage.Blobs.Models.BlobUploadOptions { Metadata = uploadedBy is null ? null : PublishPipeline.Pipeline.DraftMetadata.Create(fileName, uploadedBy) });
    }

    /// <summary>Sends a request as <paramref name="user"/> (the dev host's X-Dev-User), or anonymously when null.</summary>
    public async Task<HttpResponseMessage> SendAsync(HttpMethod method, string path, string? user, HttpContent? content = null)
    {
        using var request = new HttpRequestMessage(method, ApiUrl + path) { Content = content };
        if (user is not null)
        {
            request.Headers.Add("X-Dev-User", user);
        }

        return await Http.SendAsync(request);
    }

    /// <summary>Uploads a draft through <c>POST /api/drafts</c> as <paramref name="user"/> (the agency's first submitter by default).</summary>
    public async Task<HttpResponseMessage> SubmitDraftAsync(Agency agency, int year, string fileName, byte[] content, string? user = null)
    {
        return await SendAsync(HttpMethod.Post, "/api/drafts", user ?? agency.SubmitterEmails[0], DraftForm(agency.Id, year, fileName, new ByteArrayContent(content)));
    }

    /// <summary>The form of <c>POST /api/drafts</c>: the file (any content: bytes, a stream), the agency and the year.</summary>
    public static MultipartFormDataContent DraftForm(string agencyId, int year, string fileName, HttpContent file)
    {
        var form = new MultipartFormDataContent();
        file.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/octet-stream");
        form.Add(file, "file", fileName);
        form.Add(new StringContent(agencyId), "agency");
        form.Add(new StringContent(year.ToString(System.Globalization.CultureInfo.InvariantCulture)), "year");
        return form;
    }

    /// <summary>Uploads and reads the answer; fails the test unless the upload was accepted (202) or a duplicate (200).</summary>
    public async Task<SubmissionAccepted> SubmitDraftOkAsync(Agency agency, int year, string fileName, byte[] content, string? user = null)
    {
        using var response = await SubmitDraftAsync(agency, year, fileName, content, user);
        Assert.True(response.IsSuccessStatusCode, $"upload refused: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        return (await response.Content.ReadFromJsonAsync<SubmissionAccepted>(JsonSerializerOptions.Web))!;
    }

    /// <summary>Posts a review action (approve, return, withdraw, publish) with a JSON body as <paramref name="user"/>.</summary>
    public Task<HttpResponseMessage> ActAsync(string submissionId, string action, string? user, object? body = null) =>
        SendAsync(HttpMethod.Post, $"/api/submissions/{submissionId}/{action}", user, body is null ? null : JsonContent.Create(body));

    /// <summary>Waits until one version is in one of the given states.</summary>
    public async Task<Submission> WaitForStateAsync(string submissionId, params SubmissionState[] states)
    {
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (true)
        {
            var submission = await Submissions.GetAsync(submissionId);
            if (submission is not null && states.Contains(submission.CurrentState))
            {
                return submission;
            }

            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"{submissionId} did not reach {string.Join("/", states)} within 60 s (now {submission?.State ?? "missing"})");
            }

            await Task.Delay(200);
        }
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

    /// <summary>The JSON view of a version, read as <paramref name="user"/>.</summary>
    public async Task<SubmissionView> GetSubmissionViewAsync(string id, string user)
    {
        using var response = await SendAsync(HttpMethod.Get, $"/api/submissions/{id}", user);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<SubmissionView>(ReportJson.CompactOptions))!;
    }

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

    /// <summary>Waits for the email <paramref name="notice"/> (<c>{submission}/{kind}</c>) to reach <paramref name="address"/>; returns every copy received.</summary>
    public async Task<IReadOnlyList<MailView>> WaitForNoticeAsync(string address, string notice)
    {
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (true)
        {
            var mails = (await WaitForMailAsync(address, 0)).Where(m => m.Notice == notice).ToList();
            if (mails.Count > 0)
            {
                return mails;
            }

            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"the email {notice} did not reach {address} within 60 s");
            }

            await Task.Delay(200);
        }
    }

    /// <summary>
    /// A report's outbox: every message its state changes caused, in order. Every email about a version comes from
    /// a row here, so a test that sees no new row knows no new email is on its way.
    /// </summary>
    public Task<IReadOnlyList<OutboxMessage>> OutboxAsync(ReportKey report) => Submissions.ListOutboxAsync(report);

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}

public sealed record MailView(int Id, string From, List<string> To, string Subject, string Text, string Html, string? Notice, DateTimeOffset ReceivedAt = default);

[CollectionDefinition(Name)]
public sealed class DevHostCollection : ICollectionFixture<DevHostFixture>
{
    public const string Name = "dev host";
}
