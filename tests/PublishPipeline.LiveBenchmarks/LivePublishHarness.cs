using System.Diagnostics;
using System.Globalization;
using Azure.Core;
using Azure.Core.Pipeline;
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

namespace PublishPipeline.LiveBenchmarks;

/// <summary>
/// A timed harness (not BenchmarkDotNet: each publication is a storage round trip of its own) for issue 9's claim that
/// one incremental publication does the same work whatever the size of the site. For each N it seeds the live site's
/// index with N reports (rows only, written in table batches: the index is what a publication reads), then publishes
/// fresh reports into one of the busiest cities through the real <see cref="LiveSitePublisher"/> and prints, per
/// publication, the wall time, the blobs written / left unchanged / deleted and the storage requests made.
/// Run it against a throwaway Azurite (scripts/bench-live-publish.sh starts one): it writes the site's table and $web.
/// </summary>
public static class LivePublishHarness
{
    public static async Task<int> RunAsync(string[] args)
    {
        var connection = Environment.GetEnvironmentVariable("BENCH_STORAGE")
            ?? throw new InvalidOperationException("set BENCH_STORAGE to a throwaway Azurite's connection string (scripts/bench-live-publish.sh does)");
        var sizes = args.Select(a => int.Parse(a, CultureInfo.InvariantCulture)).DefaultIfEmpty(1000).ToList();
        Console.WriteLine("| existing reports | seed time | publication | wall ms | blobs written | unchanged | deleted | storage requests |");
        Console.WriteLine("|---|---|---|---|---|---|---|---|");
        foreach (var size in sizes)
        {
            await RunOneAsync(connection, size);
        }

        return 0;
    }

    private static async Task RunOneAsync(string connection, int size)
    {
        var counter = new RequestCounter();
        var blobOptions = new BlobClientOptions(BlobClientOptions.ServiceVersion.V2025_01_05);
        blobOptions.AddPolicy(counter, HttpPipelinePosition.PerCall);
        var tableOptions = new TableClientOptions();
        tableOptions.AddPolicy(counter, HttpPipelinePosition.PerCall);
        var storage = new PipelineStorage(new BlobServiceClient(connection, blobOptions), new QueueServiceClient(connection), new TableServiceClient(connection, tableOptions));

        // A fresh site for each size: the table and $web emptied first.
        await storage.SiteIndex.DeleteAsync();
        await storage.Web.DeleteIfExistsAsync();
        for (var attempt = 0; ; attempt++)
        {
            try
            {
                await storage.EnsureCreatedAsync();
                break;
            }
            catch (Azure.RequestFailedException) when (attempt < 30)
            {
                await Task.Delay(1000); // a deleted table or container is briefly "being deleted"
            }
        }

        var seed = Stopwatch.StartNew();
        await SeedAsync(storage, size);
        seed.Stop();

        var writer = new LiveSiteWriter(storage);
        var urls = new PublicUrls("https://bench.example", "https://bench.example");
        var publisher = new LiveSitePublisher(storage, writer, new SitePages(), urls, TimeProvider.System, NullLogger<LiveSitePublisher>.Instance);
        await publisher.WriteStaticFilesAsync(default);
        for (var i = 1; i <= 4; i++)
        {
            var id = $"bench-fresh-{i}";
            var document = new ReportDocument { Report = SyntheticReport(id, 2024) };
            var submissionId = $"{id}-2024-v1";
            await storage.SaveReportDocumentAsync(submissionId, document);
            var before = writer.Counts;
            counter.Reset();
            var watch = Stopwatch.StartNew();
            await publisher.PublishAsync(new LivePublication(document, new SiteAgency(id, $"基准市第{i}局", Region(0), "部门"), 2024, submissionId, 1, DateTimeOffset.UtcNow, null));
            watch.Stop();
            var after = writer.Counts;
            Console.WriteLine(string.Create(
                CultureInfo.InvariantCulture,
                $"| {size:N0} | {seed.Elapsed.TotalSeconds:F1} s | {i}{(i == 1 ? " (first: pages made)" : "")} | {watch.Elapsed.TotalMilliseconds:F0} | {after.Written - before.Written} | {after.Unchanged - before.Unchanged} | {after.Deleted - before.Deleted} | {counter.Count} |"));
        }
    }

    /// <summary>Writes the rows N published reports leave in the index, as the publisher would, in batches.</summary>
    private static async Task SeedAsync(PipelineStorage storage, int size)
    {
        var reports = new List<(SiteReport Report, string Level)>(size);
        var agencies = Math.Max(1, size / 4);
        for (var n = 0; reports.Count < size; n++)
        {
            var agency = n % agencies;
            var year = 2019 + (agency % 3) + (n / agencies);
            var id = "bench-" + agency.ToString(CultureInfo.InvariantCulture);
            var name = $"基准第{agency}局";
            var report = SiteComposer.Describe(new ReportDocument { Report = SyntheticReport(name, year) }, new SiteAgency(id, name, Region(agency), "部门"), year, new DateTimeOffset(year + 1, 1, 20, 0, 0, 0, TimeSpan.Zero).AddMinutes(n));
            reports.Add((report, "部门"));
        }

        var rows = new List<SiteIndexRow>();
        foreach (var (report, level) in reports)
        {
            var json = SiteIndexJson.Write(SiteReportRecord.From(report, $"{report.AgencyId}-{report.Year}-v1", level));
            rows.Add(new SiteIndexRow { PartitionKey = SiteIndexKeys.Agency(report.AgencyId), RowKey = SiteIndexKeys.YearRow(report.Year), Json = json });
            rows.Add(new SiteIndexRow { PartitionKey = SiteIndexKeys.Listing(report.Year, report.Region.Truncate(SitePaths.YearListingDepth)), RowKey = report.AgencyId, Json = json });
            rows.Add(new SiteIndexRow { PartitionKey = SiteIndexKeys.LatestPartition, RowKey = SiteIndexKeys.Latest(report.PublishedAt, report.AgencyId, report.Year), Json = json });
        }

        foreach (var byAgency in reports.GroupBy(r => r.Report.AgencyId))
        {
            var first = byAgency.First().Report;
            var years = byAgency.Select(r => r.Report.Year).Order().ToList();
            rows.Add(new SiteIndexRow { PartitionKey = SiteIndexKeys.RegionAgencies(first.Region), RowKey = first.AgencyId, Json = SiteIndexJson.Write(new RegionAgencyRecord(first.AgencyId, first.AgencyName, "部门", years)) });
        }

        foreach (var region in reports.Select(r => r.Report.Region).Distinct())
        {
            for (var child = region; !child.IsRoot; child = child.Parent)
            {
                rows.Add(new SiteIndexRow { PartitionKey = SiteIndexKeys.RegionChildren(child.Parent), RowKey = SiteIndexKeys.Encode(child.Name), Json = "{}" });
            }
        }

        // The sums: cities, provinces, years, each from the level below, as the publisher derives them.
        foreach (var byYear in reports.GroupBy(r => r.Report.Year))
        {
            var cities = byYear.GroupBy(r => r.Report.Region.Truncate(2)).ToDictionary(g => g.Key, g => g.Select(r => r.Report).ToList());
            foreach (var (city, listed) in cities)
            {
                var sum = SiteComposer.Summarise(city, listed).Figures;
                rows.Add(new SiteIndexRow { PartitionKey = SiteIndexKeys.Summaries(byYear.Key, city.Parent), RowKey = SiteIndexKeys.Encode(city.Name), Json = SiteIndexJson.Write(RegionSummaryRecord.Of(sum, 0)) });
            }

            foreach (var province in cities.GroupBy(c => c.Key.Parent))
            {
                var sum = SiteComposer.Summarise(province.Key, province.SelectMany(c => c.Value)).Figures;
                rows.Add(new SiteIndexRow { PartitionKey = SiteIndexKeys.Summaries(byYear.Key, RegionPath.Root), RowKey = SiteIndexKeys.Encode(province.Key.Name), Json = SiteIndexJson.Write(RegionSummaryRecord.Of(sum, 0)) });
            }

            var total = SiteComposer.Summarise(RegionPath.Root, byYear.Select(r => r.Report)).Figures;
            rows.Add(new SiteIndexRow { PartitionKey = SiteIndexKeys.YearsPartition, RowKey = SiteIndexKeys.YearRow(byYear.Key), Json = SiteIndexJson.Write(RegionSummaryRecord.Of(total, 0)) });
        }

        var batches = rows.GroupBy(r => r.PartitionKey).SelectMany(g => g.DistinctBy(r => r.RowKey).Chunk(100)).ToList();
        await Parallel.ForEachAsync(batches, new ParallelOptions { MaxDegreeOfParallelism = 16 }, async (batch, ct) =>
            await storage.SiteIndex.SubmitTransactionAsync(batch.Select(r => new TableTransactionAction(TableTransactionActionType.UpsertReplace, r)), ct));
    }

    /// <summary>31 provinces × 10 cities × 8 counties: the first city (of the first province) is where fresh reports go.</summary>
    private static RegionPath Region(int agency) => RegionPath.Parse(string.Create(
        CultureInfo.InvariantCulture,
        $"基准省{agency % 31}/基准市{agency / 31 % 10}/基准县{agency / 310 % 8}"));

    private static Report SyntheticReport(string agencyName, int year)
    {
        var template = TemplateCatalog.ForYear(year) ?? TemplateCatalog.Template2021;
        var requests = template.Requests.Rows.ToDictionary(r => r.Key, _ => Enumerable.Repeat(CellValue.Of(year % 7), 7).ToList());
        return new Report
        {
            Template = template.Id,
            Year = year,
            Agency = agencyName,
            Title = $"{year}年{agencyName}政府信息公开工作年度报告",
            Sections = template.Sections.Select(s => new ReportSection { Number = s.Number, Key = s.Key, Heading = s.Label, Text = $"{year}年{s.Label}工作情况。" }).ToList(),
            Tables = new ReportTables
            {
                Requests = requests,
                ReviewLitigation = template.ReviewLitigation.Groups.ToDictionary(g => g.Key, _ => Enumerable.Repeat(CellValue.Of(1), 5).ToList()),
            },
        };
    }

    /// <summary>Counts the storage requests a publication makes (tables and blobs).</summary>
    private sealed class RequestCounter : HttpPipelineSynchronousPolicy
    {
        private int count;

        public int Count => Volatile.Read(ref count);

        public void Reset() => Interlocked.Exchange(ref count, 0);

        public override void OnSendingRequest(HttpMessage message) => Interlocked.Increment(ref count);
    }
}
