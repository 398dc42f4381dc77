using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Azure.Storage.Blobs;
using PublishPipeline.Cli.Dev;

namespace PublishPipeline.IntegrationTests.Dev;

/// <summary>
/// <c>pubpipe dev</c> owns its storage: its own Azurite, data folder and ports, never one that merely listens on the
/// default ports (two runs sharing one took each other's queue messages and showed each other's mail), and
/// <c>--reset</c> clears what earlier runs left.
/// </summary>
public sealed class DevStorageTests : IDisposable
{
    private readonly string data = Directory.CreateTempSubdirectory("pubpipe-dev-storage-").FullName;

    [Fact]
    public async Task StartsItsOwnAzuriteOnOtherPorts_WhenAnotherAzuriteListensOnTheDefaults()
    {
        // Another run's Azurite on the defaults (unless something already holds them: the same situation).
        var defaults = AzuritePorts.From(AzuriteProcess.DefaultBlobPort);
        await using var other = defaults.All().All(AzuriteProcess.IsFree)
            ? await AzuriteProcess.StartAsync(DevHostFixture.RepoRoot, Path.Combine(data, "other"), defaults, TextWriter.Null)
            : null;
        Assert.All(defaults.All(), port => Assert.False(AzuriteProcess.IsFree(port)));
        if (other is not null)
        {
            await new BlobServiceClient(other.ConnectionString).CreateBlobContainerAsync("another-runs-data");
        }

        using var log = new StringWriter();
        await using var host = await DevHost.StartAsync(Options(Path.Combine(data, "mine")), log);

        Assert.NotNull(host.Azurite);
        Assert.Empty(host.Azurite.Ports.All().Intersect(defaults.All()));
        Assert.Contains($"BlobEndpoint=http://127.0.0.1:{host.Azurite.Ports.Blob}/", host.StorageConnectionString, StringComparison.Ordinal);
        Assert.Contains("taken by another process", log.ToString(), StringComparison.Ordinal);
        Assert.Contains($"Storage: this run's own Azurite (pid {host.Azurite.ProcessId}) on {host.Azurite.Ports}, data in {Path.Combine(data, "mine", "azurite")}", log.ToString(), StringComparison.Ordinal);
        if (other is not null)
        {
            Assert.False(await new BlobServiceClient(host.StorageConnectionString).GetBlobContainerClient("another-runs-data").ExistsAsync());
        }
    }

    [Fact]
    public async Task AnAzuritePortThatIsTaken_StopsTheStartWithAMessageNamingTheOption()
    {
        using var taken = new System.Net.Sockets.TcpListener(IPAddress.Loopback, 0);
        taken.Start();
        var port = ((IPEndPoint)taken.LocalEndpoint).Port;
        var options = Options(data);
        options.AzuriteBlobPort = port;

        var error = await Assert.ThrowsAsync<DevHostException>(() => StartAndStopAsync(options));

        Assert.Contains($"port {port} is in use", error.Message, StringComparison.Ordinal);
        Assert.Contains("--azurite-port", error.Message, StringComparison.Ordinal);
        Assert.Contains("--storage", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Reset_ClearsTheMailAndTheStorageThatEarlierRunsLeft()
    {
        await using (var first = await DevHost.StartAsync(Options(data), TextWriter.Null))
        {
            await SendMailAsync(first, "earlier@agency.example");
            await new BlobServiceClient(first.StorageConnectionString).CreateBlobContainerAsync("earlier-run");
        }

        // Without --reset a run finds what the earlier one left (so the reset below has something to clear).
        await using (var kept = await DevHost.StartAsync(Options(data), TextWriter.Null))
        {
            Assert.Contains(await MailboxAsync(kept), m => m.To.Contains("earlier@agency.example"));
            Assert.True(await new BlobServiceClient(kept.StorageConnectionString).GetBlobContainerClient("earlier-run").ExistsAsync());
        }

        using var log = new StringWriter();
        var options = Options(data);
        options.Reset = true;
        await using var reset = await DevHost.StartAsync(options, log);

        Assert.Contains("Reset: cleared", log.ToString(), StringComparison.Ordinal);
        Assert.Contains("1 received email(s)", log.ToString(), StringComparison.Ordinal);
        Assert.Contains("Azurite's blobs, queues and tables", log.ToString(), StringComparison.Ordinal);
        Assert.Empty(await MailboxAsync(reset));
        Assert.False(await new BlobServiceClient(reset.StorageConnectionString).GetBlobContainerClient("earlier-run").ExistsAsync());
    }

    [Fact]
    public async Task ASecondRunOnTheSameDataFolderIsRefused()
    {
        await using var first = await DevHost.StartAsync(Options(data), TextWriter.Null);

        var error = await Assert.ThrowsAsync<DevHostException>(() => StartAndStopAsync(Options(data)));

        Assert.Contains("in use by another pubpipe dev", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ASharedStorageIsUsedAsGiven_AndPrintedWithoutItsKey()
    {
        await using var own = await DevHost.StartAsync(Options(Path.Combine(data, "own")), TextWriter.Null);
        var options = Options(Path.Combine(data, "sharing"));
        options.StorageConnectionString = own.StorageConnectionString;
        using var log = new StringWriter();

        await using var sharing = await DevHost.StartAsync(options, log);

        Assert.Null(sharing.Azurite);
        Assert.Equal(own.StorageConnectionString, sharing.StorageConnectionString);
        Assert.Contains("Storage: shared on purpose (--storage)", log.ToString(), StringComparison.Ordinal);
        Assert.Contains($"BlobEndpoint=http://127.0.0.1:{own.Azurite!.Ports.Blob}/devstoreaccount1", log.ToString(), StringComparison.Ordinal);
        Assert.Contains("AccountKey=***", log.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain("Eby8vdM02", log.ToString(), StringComparison.Ordinal);
    }

    public void Dispose() => Directory.Delete(data, recursive: true);

    private static DevHostOptions Options(string dataDirectory) => new()
    {
        ApiPort = AzuriteProcess.FreePort(),
        SitePort = AzuriteProcess.FreePort(),
        RepoRoot = DevHostFixture.RepoRoot,
        DataDirectory = dataDirectory,
        LogLevel = Microsoft.Extensions.Logging.LogLevel.Warning,
    };

    /// <summary>A start that should fail: if it does not, the host (and its Azurite) is stopped all the same.</summary>
    private static async Task StartAndStopAsync(DevHostOptions options)
    {
        await using var host = await DevHost.StartAsync(options, TextWriter.Null);
    }

    /// <summary>Sends one email to the host's mail sink as SendGrid's API is called.</summary>
    private static async Task SendMailAsync(DevHost host, string to)
    {
        using var http = new HttpClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, host.ApiUrl + "/v3/mail/send")
        {
            Content = JsonContent.Create(new
            {
                personalizations = new[] { new { to = new[] { new { email = to } }, subject = "测试" } },
                from = new { email = "noreply@publishpipeline.example" },
                content = new[] { new { type = "text/plain", value = "测试" } },
            }),
        };
        request.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", "SG.test");
        using var response = await http.SendAsync(request);
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
    }

    private static async Task<List<MailView>> MailboxAsync(DevHost host)
    {
        using var http = new HttpClient();
        return (await http.GetFromJsonAsync<List<MailView>>(host.ApiUrl + "/_dev/mail", JsonSerializerOptions.Web))!;
    }
}
