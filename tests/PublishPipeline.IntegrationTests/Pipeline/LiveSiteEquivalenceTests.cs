using System.Diagnostics;
using System.Net.Sockets;
using System.Text.Json.Nodes;
using Azure.Data.Tables;
using Azure.Storage.Blobs;
using Azure.Storage.Queues;
using Microsoft.Extensions.Logging.Abstractions;
using PublishPipeline.Addresses;
using PublishPipeline.Reports;
using PublishPipeline.Site;
using PublishPipeline.Site.Build;
using PublishPipeline.Site.Live;
using PublishPipeline.Site.Model;
using PublishPipeline.Storage;

namespace PublishPipeline.IntegrationTests.Pipeline;

/// <summary>
/// A full build and the same reports published one by one give identical files. The live site runs against an
/// Azurite of its own (other tests' reports would show on the shared site's year and home pages), publishes, corrects
/// and withdraws reports in order through <see cref="LiveSitePublisher"/>, and every file of <c>$web</c> is compared
/// byte for byte with <c>pubpipe site build</c>'s output for the same facts. Only what runs on the search schedule is
/// left out (the Pagefind bundle and the national year CSVs: the job's own test runs them).
/// </summary>
public sealed class LiveSiteEquivalenceTests : IAsyncLifetime
{
    private const string Key = "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==";
    private static readonly Uri BaseUrl = new("https://site.example/");
    private static readonly DateTimeOffset T0 = new(2022, 1, 20, 9, 0, 0, TimeSpan.FromHours(8));

    private readonly string data = Directory.CreateTempSubdirectory("pubpipe-eq-").FullName;
    private Process? azurite;
    private PipelineStorage storage = null!;

    private static readonly SiteAgency Audit = new("eq-shenji", "东河市审计局", RegionPath.Parse("东江省/东河市"), "部门");
    private static readonly SiteAgency Town = new("eq-qiaotou", "东河市西川县桥头镇人民政府", RegionPath.Parse("东江省/东河市/西川县/桥头镇"), "乡镇街道");
    private static readonly SiteAgency County = new("eq-xichuan", "西川县人民政府办公室", RegionPath.Parse("东江省/东河市/西川县"), "县级");
    private static readonly SiteAgency Province = new("eq-jiaoting", "东江省交通运输厅", RegionPath.Parse("东江省"), "部门");
    private static readonly SiteAgency Other = new("eq-nanhe", "南湖市民政局", RegionPath.Parse("南湖省/南湖市"), "部门");

    public async Task InitializeAsync()
    {
        var ports = new[] { FreePort(), FreePort(), FreePort() };
        var root = DevHostFixture.RepoRoot;
        azurite = Process.Start(new ProcessStartInfo("node")
        {
            ArgumentList =
            {
                Path.Combine(root, "node_modules", "azurite", "dist", "src", "azurite.js"), "--silent", "--location", Path.Combine(data, "azurite"),
                "--blobHost", "127.0.0.1", "--blobPort", $"{ports[0]}", "--queueHost", "127.0.0.1", "--queuePort", $"{ports[1]}",
                "--tableHost", "127.0.0.1", "--tablePort", $"{ports[2]}", "--skipApiVersionCheck", "--disableTelemetry", "--loose",
            },
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        })!;
        var connection = $"DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey={Key};" +
            $"BlobEndpoint=http://127.0.0.1:{ports[0]}/devstoreaccount1;QueueEndpoint=http://127.0.0.1:{ports[1]}/devstoreaccount1;TableEndpoint=http://127.0.0.1:{ports[2]}/devstoreaccount1;";
        storage = new PipelineStorage(new BlobServiceClient(connection), new QueueServiceClient(connection), new TableServiceClient(connection));
        for (var attempt = 0; ; attempt++)
        {
            try
            {
                await storage.EnsureCreatedAsync();
                return;
            }
            catch (Exception) when (attempt < 100)
            {
                await Task.Delay(200);
            }
        }
    }

    public Task DisposeAsync()
    {
        if (azurite is { HasExited: false })
        {
            azurite.Kill(entireProcessTree: true);
            azurite.WaitForExit(5000);
        }

        azurite?.Dispose();
        Directory.Delete(data, recursive: true);
        return Task.CompletedTask;
    }

    [Fact]
    public async Task Reports_published_one_by_one_give_the_files_of_a_full_build()
    {
        var writer = new LiveSiteWriter(storage);
        var live = new LiveSitePublisher(storage, writer, new SitePages(), new PublicUrls(BaseUrl.ToString(), "http://127.0.0.1"), TimeProvider.System, NullLogger<LiveSitePublisher>.Instance);
        await live.WriteStaticFilesAsync(default);
        var input = Directory.CreateDirectory(Path.Combine(data, "input")).FullName;

        // The history: two years of one agency, a correction, agencies at four region depths, a withdrawal.
        var audit2021 = await PublishAsync(live, Audit, 2021, 1, T0, "二〇二一年的工作");
        var audit2022 = await PublishAsync(live, Audit, 2022, 1, T0.AddYears(1), "二〇二二年的工作");
        var town1 = await PublishAsync(live, Town, 2022, 1, T0.AddYears(1).AddHours(1), "第一版");
        var town2 = await PublishAsync(live, Town, 2022, 2, T0.AddYears(1).AddDays(3), "更正后的内容", "更正了表三的数字");
        var county = await PublishAsync(live, County, 2022, 1, T0.AddYears(1).AddHours(2), "县政府办");
        var province = await PublishAsync(live, Province, 2022, 1, T0.AddYears(1).AddHours(3), "省交通运输厅");
        var other = await PublishAsync(live, Other, 2022, 1, T0.AddYears(1).AddHours(4), "南湖市民政局");
        Assert.True(await live.WithdrawAsync(Other.Id, 2022, other.SubmissionId));

        // The same facts as a folder: the live versions with their publication member, earlier versions beside them.
        Write(input, audit2021, null);
        Write(input, audit2022, null);
        Write(input, town2, [(town1, town2.PublishedAt)]);
        WriteEarlier(input, town1);
        Write(input, county, null);
        Write(input, province, null);
        var csv = "id,name,region,level\n" + string.Join("\n", new[] { Audit, Town, County, Province, Other }.Select(a => $"{a.Id},{a.Name},{a.Region.Key},{a.Level}")) + "\n";
        var (directory, problems) = SiteDirectory.Read(System.Text.Encoding.UTF8.GetBytes(csv));
        Assert.Empty(problems);
        var output = Path.Combine(data, "output");
        var result = await new FolderSiteBuilder(new SiteBuildOptions { Directory = directory, BaseUrl = BaseUrl, ApiBaseUrl = new Uri("http://127.0.0.1"), Jobs = 1 })
            .BuildAsync(input, new DirectoryOutput(output));
        Assert.Empty(result.LeftOut);

        var built = Directory.EnumerateFiles(output, "*", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(output, f).Replace('\\', '/'))
            .Where(Compared)
            .ToHashSet(StringComparer.Ordinal);
        var published = new HashSet<string>(StringComparer.Ordinal);
        await foreach (var blob in storage.Web.GetBlobsAsync(Azure.Storage.Blobs.Models.BlobTraits.None, Azure.Storage.Blobs.Models.BlobStates.None, prefix: null, cancellationToken: default))
        {
            if (Compared(blob.Name))
            {
                published.Add(blob.Name);
            }
        }

        Assert.Equal(built.Order(StringComparer.Ordinal), published.Order(StringComparer.Ordinal));
        var differing = new List<string>();
        foreach (var path in built)
        {
            var expected = await File.ReadAllBytesAsync(Path.Combine(output, path));
            var actual = (await storage.Web.GetBlobClient(path).DownloadContentAsync()).Value.Content.ToArray();
            if (!expected.AsSpan().SequenceEqual(actual))
            {
                differing.Add(path);
                var dump = Path.Combine(Path.GetTempPath(), "pubpipe-eq-diff");
                Directory.CreateDirectory(dump);
                var name = path.Replace('/', '_');
                await File.WriteAllBytesAsync(Path.Combine(dump, name + ".built"), expected);
                await File.WriteAllBytesAsync(Path.Combine(dump, name + ".live"), actual);
            }
        }

        Assert.True(differing.Count == 0, "differ: " + string.Join(", ", differing));
        Assert.True(built.Count > 30, $"only {built.Count} files compared");
    }

    /// <summary>Everything but what the search schedule writes (and the sitemap index, compared below it).</summary>
    private static bool Compared(string path) =>
        !path.StartsWith(SitePaths.SearchBundle, StringComparison.Ordinal)
        && !(path.StartsWith("reports/", StringComparison.Ordinal) && path.Count(c => c == '/') == 2 && path.EndsWith("/reports.csv", StringComparison.Ordinal));

    private sealed record Published(SiteAgency Agency, int Year, int Version, DateTimeOffset PublishedAt, string SubmissionId, ReportDocument Document, string? Note);

    private async Task<Published> PublishAsync(LiveSitePublisher live, SiteAgency agency, int year, int version, DateTimeOffset at, string text, string? note = null)
    {
        var document = new ReportDocument { Report = TestDrafts.Report2021(agency.Name, [1, 0, 0, 0, 0, 0, 1], text, year: year) };
        var id = $"{agency.Id}-{year}-v{version}";
        await storage.SaveReportDocumentAsync(id, document);
        await live.PublishAsync(new LivePublication(document, agency, year, id, version, at, note));
        return new Published(agency, year, version, at, id, document, note);
    }

    private static void Write(string input, Published report, IReadOnlyList<(Published Version, DateTimeOffset ReplacedAt)>? earlier)
    {
        var json = JsonNode.Parse(ReportJson.SerializeToUtf8(report.Document))!.AsObject();
        var publication = new JsonObject
        {
            ["agency_id"] = report.Agency.Id,
            ["published_at"] = report.PublishedAt,
            ["version"] = report.Version,
        };
        if (earlier is { Count: > 0 })
        {
            publication["first_published_at"] = earlier[0].Version.PublishedAt;
            publication["earlier_versions"] = new JsonArray(earlier.Select(e => (JsonNode)new JsonObject
            {
                ["version"] = e.Version.Version,
                ["published_at"] = e.Version.PublishedAt,
                ["replaced_at"] = e.ReplacedAt,
            }).ToArray());
            publication["correction_note"] = report.Note;
        }

        json["publication"] = publication;
        var folder = Directory.CreateDirectory(Path.Combine(input, report.Year.ToString(System.Globalization.CultureInfo.InvariantCulture))).FullName;
        File.WriteAllText(Path.Combine(folder, report.Agency.Id + ".json"), json.ToJsonString());
    }

    private static void WriteEarlier(string input, Published report)
    {
        var folder = Path.Combine(input, report.Year.ToString(System.Globalization.CultureInfo.InvariantCulture));
        File.WriteAllBytes(Path.Combine(folder, $"{report.Agency.Id}.v{report.Version}.json"), ReportJson.SerializeToUtf8(report.Document));
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        return ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
    }
}
