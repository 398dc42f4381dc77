using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Azure.Data.Tables;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Specialized;
using Azure.Storage.Queues;
using PublishPipeline.Cli.Dev;
using PublishPipeline.Site;
using PublishPipeline.Storage;
using PublishPipeline.Submissions;
using Xunit.Abstractions;

namespace PublishPipeline.IntegrationTests.Faults;

/// <summary>
/// The host process killed (SIGKILL, no goodbye) in the middle of a publication, then started again: the publication
/// completes, once. The host is a real <c>pubpipe dev</c> process on storage the test owns. To be sure the kill lands
/// mid-publication, the test holds a lease on the site's home page, which the publication rewrites after the report's
/// own page and the agency's index row: the publication is then stuck half done, exactly where a crash leaves it.
/// </summary>
[Collection(FaultCollection.Name)]
public sealed class HostCrashTests(ITestOutputHelper output) : IAsyncLifetime
{
    private readonly string data = Path.Combine(Path.GetTempPath(), "pubpipe-crash-" + Guid.NewGuid().ToString("N")[..8]);
    private readonly HttpClient http = new() { Timeout = TimeSpan.FromSeconds(10) };
    private readonly List<Process> hosts = [];
    private AzuriteProcess? azurite;

    public async Task InitializeAsync()
    {
        azurite = await AzuriteProcess.StartAsync(
            DevHostFixture.RepoRoot, Path.Combine(data, "azurite"), AzuriteProcess.ChoosePorts(0, TextWriter.Null), TextWriter.Null);
    }

    public async Task DisposeAsync()
    {
        foreach (var host in hosts)
        {
            Kill(host);
            host.Dispose();
        }

        http.Dispose();
        if (azurite is not null)
        {
            await azurite.DisposeAsync();
        }

        try
        {
            Directory.Delete(data, recursive: true);
        }
        catch (IOException)
        {
        }
    }

    [Fact(Timeout = 5 * 60 * 1000)]
    public async Task A_host_killed_while_publishing_completes_the_publication_after_restart()
    {
        var connection = azurite!.ConnectionString;
        var storage = new PipelineStorage(new BlobServiceClient(connection), new QueueServiceClient(connection), new TableServiceClient(connection));
        var submissions = new SubmissionStore(storage, TimeProvider.System);
        var suffix = Guid.NewGuid().ToString("N")[..8];
        var agencyId = "crash-" + suffix;
        var agencyName = "宕机测试市统计局";
        var submitter = $"submitter-{suffix}@agency.example";
        var csv = Path.Combine(data, "agencies.csv");
        Directory.CreateDirectory(data);
        await File.WriteAllTextAsync(
            csv,
            "id,name,region,level,supervising_office,submitters,reviewers,auto_publish\n" +
            $"{agencyId},{agencyName},宕机省/宕机市,部门,宕机市人民政府办公室,{submitter},reviewer-{suffix}@office.example,true\n");
        var (apiPort, sitePort) = (AzuriteProcess.FreePort(), AzuriteProcess.FreePort());
        var api = $"http://127.0.0.1:{apiPort}";

        var first = await StartHostAsync(connection, apiPort, sitePort, csv);

        // The home page exists (the host writes the static pages at start, or we put one) and is leased: the
        // publication's last step cannot rewrite it.
        var home = storage.Web.GetBlobClient(SitePaths.Home);
        if (!await home.ExistsAsync())
        {
            await home.UploadAsync(BinaryData.FromString("<!doctype html><title>首页</title>"));
        }

        var lease = home.GetBlobLeaseClient();
        await lease.AcquireAsync(TimeSpan.FromSeconds(-1));

        var id = await UploadAsync(api, agencyId, submitter, TestDrafts.Docx2021(agencyName));
        output.WriteLine($"{DateTime.UtcNow:HH:mm:ss} uploaded {id}");

        // Mid-publication: the report's own page is written, the home page is not, the version is not yet Published.
        var reportPage = storage.Web.GetBlobClient(SitePaths.ReportPage(2021, agencyId));
        await WaitUntilAsync(async () => await reportPage.ExistsAsync(), TimeSpan.FromMinutes(2), "the report's page was never written");
        var before = (await submissions.GetAsync(id))!;
        Assert.Equal(SubmissionState.Approved, before.CurrentState);

        Kill(first);
        output.WriteLine($"{DateTime.UtcNow:HH:mm:ss} host killed mid-publication (pid {first.Id})");
        await lease.BreakAsync(TimeSpan.Zero);
        Assert.Equal(SubmissionState.Approved, (await submissions.GetAsync(id))!.CurrentState);

        // The dead host's queue message stays invisible for as long as its lease (ten minutes in the Functions
        // host): the reconcile sweep of the new host asks for the publication again after Pipeline__PublishGrace.
        await StartHostAsync(connection, apiPort, sitePort, csv);
        output.WriteLine($"{DateTime.UtcNow:HH:mm:ss} host restarted");
        await WaitUntilAsync(
            async () => (await submissions.GetAsync(id))!.CurrentState == SubmissionState.Published,
            TimeSpan.FromMinutes(2),
            "the publication did not complete after the restart");
        output.WriteLine($"{DateTime.UtcNow:HH:mm:ss} published");

        // Complete: the home page lists it, the version is Published once, the publication email went out once.
        var homePage = (await home.DownloadContentAsync()).Value.Content.ToString();
        Assert.Contains(SitePaths.ReportUrl(2021, agencyId), homePage, StringComparison.Ordinal);
        var audit = await submissions.GetAuditTrailAsync(id);
        Assert.Single(audit, a => a.To == nameof(SubmissionState.Published));
        await WaitUntilAsync(
            async () => (await MailAsync(api)).Any(m => m.Notice == $"{id}/published"),
            // Two minutes, the email send lease: when the dead host was killed while sending the validation email, the
            // publication email (sent after it, in audit order) waits until that lease ends, then sends both.
            TimeSpan.FromMinutes(2.5),
            "the publication email never arrived");
        var mails = await MailAsync(api);
        Assert.Single(mails, m => m.Notice == $"{id}/published");
        Assert.Single(mails, m => m.Notice == $"{id}/validation-result");
    }

    private async Task<Process> StartHostAsync(string connection, int apiPort, int sitePort, string agenciesCsv)
    {
        var pubpipe = Path.Combine(AppContext.BaseDirectory, "pubpipe.dll");
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = DevHostFixture.RepoRoot,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in new[]
                 {
                     pubpipe, "dev", "--storage", connection, "--port", $"{apiPort}", "--site-port", $"{sitePort}",
                     "--data", Path.Combine(data, "host"), "--agencies", agenciesCsv,
                 })
        {
            start.ArgumentList.Add(argument);
        }

        // A short grace so the test need not wait the production five minutes; retries quickly, as the tests do.
        start.Environment["Pipeline__PublishGrace"] = "00:00:10";
        var process = Process.Start(start) ?? throw new InvalidOperationException("could not start pubpipe dev");
        hosts.Add(process);
        var log = new StringBuilder();
        process.OutputDataReceived += (_, e) => { lock (log) { log.AppendLine(e.Data); } };
        process.ErrorDataReceived += (_, e) => { lock (log) { log.AppendLine(e.Data); } };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        await WaitUntilAsync(
            async () =>
            {
                Assert.False(process.HasExited, $"pubpipe dev exited with {(process.HasExited ? process.ExitCode : 0)}: {log}");
                try
                {
                    using var response = await http.GetAsync($"http://127.0.0.1:{apiPort}/_dev/mail");
                    return response.StatusCode == HttpStatusCode.OK;
                }
                catch (HttpRequestException)
                {
                    return false;
                }
            },
            TimeSpan.FromMinutes(1),
            "pubpipe dev did not start");
        return process;
    }

    private async Task<string> UploadAsync(string api, string agencyId, string submitter, byte[] docx)
    {
        using var form = DevHostFixture.DraftForm(agencyId, 2021, "年报.docx", new ByteArrayContent(docx));
        using var request = new HttpRequestMessage(HttpMethod.Post, api + "/api/drafts") { Content = form };
        request.Headers.Add("X-Dev-User", submitter);
        using var response = await http.SendAsync(request);
        Assert.True(response.IsSuccessStatusCode, $"upload refused: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        return (await response.Content.ReadFromJsonAsync<Api.SubmissionAccepted>(JsonSerializerOptions.Web))!.Id;
    }

    private async Task<List<MailView>> MailAsync(string api) =>
        (await http.GetFromJsonAsync<List<MailView>>(api + "/_dev/mail", JsonSerializerOptions.Web))!;

    private static void Kill(Process process)
    {
        try
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
                process.WaitForExit(10_000);
            }
        }
        catch (InvalidOperationException)
        {
        }
    }

    private static async Task WaitUntilAsync(Func<Task<bool>> condition, TimeSpan timeout, string failure)
    {
        var until = DateTime.UtcNow + timeout;
        while (!await condition())
        {
            if (DateTime.UtcNow > until)
            {
                throw new TimeoutException($"{failure} within {timeout}");
            }

            await Task.Delay(250);
        }
    }
}
