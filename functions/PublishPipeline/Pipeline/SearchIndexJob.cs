using System.Text.RegularExpressions;
using Azure;
using Azure.Data.Tables;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using PublishPipeline.Site;
using PublishPipeline.Site.Live;
using PublishPipeline.Site.Search;
using PublishPipeline.Storage;

namespace PublishPipeline.Pipeline;

/// <summary>
/// Re-indexes the site's search (Pagefind) after publications, debounced: a publication only marks the site changed;
/// this job, run on a schedule, indexes once the site has been quiet for <see cref="PipelineOptions.SearchQuietPeriod"/>
/// or a change has waited <see cref="PipelineOptions.SearchMaxDelay"/>. Pagefind has no incremental mode, so a run copies
/// the live report pages into a temporary folder, indexes them, uploads the new bundle (chunks first, the entry files
/// last, so a reader never meets an entry whose chunks are missing), then removes the old bundle's files. The other
/// file that grows with a whole year, the national year CSV (<c>/reports/{year}/reports.csv</c>), is rewritten on the
/// same schedule; the city CSVs are kept up to date by each publication.
/// </summary>
public sealed partial class SearchIndexJob(
    PipelineStorage storage,
    LiveSiteWriter writer,
    IOptions<PipelineOptions> options,
    TimeProvider clock,
    ILogger<SearchIndexJob> logger)
{
    /// <summary>Runs the index if it is due (or <paramref name="force"/>); returns whether it ran.</summary>
    public async Task<bool> RunAsync(bool force = false, CancellationToken cancellationToken = default)
    {
        var row = await storage.SiteIndex.GetEntityIfExistsAsync<SiteIndexRow>(SiteIndexKeys.SearchPartition, SiteIndexKeys.SearchRow, cancellationToken: cancellationToken);
        var state = row.HasValue ? SiteIndexJson.Read<SearchStateRecord>(row.Value!.Json) : null;
        var now = clock.GetUtcNow();
        var stale = state is not null && (state.IndexedAt is null || state.ChangedAt > state.IndexedAt);
        var due = stale && (now - state!.ChangedAt >= options.Value.SearchQuietPeriod
            || now - (state.PendingSince ?? state.ChangedAt) >= options.Value.SearchMaxDelay);
        if (!force && !due)
        {
            return false;
        }

        var upTo = state?.ChangedAt ?? now;
        var folder = Directory.CreateTempSubdirectory("pubpipe-search-");
        try
        {
            var pagesCopied = await CopyReportPagesAsync(folder.FullName, cancellationToken);
            if (pagesCopied == 0)
            {
                // Nothing is live (Pagefind refuses an empty site): no bundle, so the search page finds nothing.
                Directory.CreateDirectory(Path.Combine(folder.FullName, SitePaths.SearchBundle));
                await UploadBundleAsync(folder.FullName, cancellationToken);
                logger.LogInformation("Search: no live report pages; the search bundle is removed");
            }
            else
            {
                var result = await new PagefindIndexer().IndexAsync(folder.FullName, cancellationToken);
                var uploaded = await UploadBundleAsync(folder.FullName, cancellationToken);
                logger.LogInformation("Search: indexed {Pages} report pages; {Result}; {Uploaded} bundle files uploaded", pagesCopied, result, uploaded);
            }
        }
        finally
        {
            folder.Delete(recursive: true);
        }

        await WriteNationalYearCsvsAsync(cancellationToken);
        if (row.HasValue)
        {
            try
            {
                await storage.SiteIndex.UpdateEntityAsync(
                    new SiteIndexRow
                    {
                        PartitionKey = SiteIndexKeys.SearchPartition,
                        RowKey = SiteIndexKeys.SearchRow,
                        Json = SiteIndexJson.Write(state! with { IndexedAt = upTo }),
                    },
                    row.Value!.ETag,
                    TableUpdateMode.Replace,
                    cancellationToken);
            }
            catch (RequestFailedException e) when (e.Status is 412)
            {
                // Changed again while we indexed: it stays stale and the next run takes it.
            }
        }

        return true;
    }

    private async Task WriteNationalYearCsvsAsync(CancellationToken cancellationToken)
    {
        var years = new List<int>();
        await foreach (var row in storage.SiteIndex.QueryAsync<SiteIndexRow>(r => r.PartitionKey == SiteIndexKeys.YearsPartition, cancellationToken: cancellationToken))
        {
            years.Add(int.Parse(row.RowKey, System.Globalization.CultureInfo.InvariantCulture));
        }

        foreach (var year in years)
        {
            // Every listing partition of the year: "y~{year}~{city}" sorts below "y~{year}" + ('~' + 1).
            var prefix = SiteIndexKeys.Listing(year, Site.Model.RegionPath.Root);
            var filter = TableClient.CreateQueryFilter($"PartitionKey ge {prefix} and PartitionKey lt {prefix[..^1] + (char)('~' + 1)}");
            var reports = new List<Site.Model.SiteReport>();
            await foreach (var row in storage.SiteIndex.QueryAsync<SiteIndexRow>(filter, cancellationToken: cancellationToken))
            {
                reports.Add(SiteIndexJson.Read<SiteReportRecord>(row.Json).ToSiteReport());
            }

            await writer.WriteDerivedAsync(
                SitePaths.YearCsv(year, Site.Model.RegionPath.Root),
                _ => Task.FromResult(reports.Count == 0 ? null : Site.OpenData.YearCsv.For(year, Site.Model.RegionPath.Root, reports.Order(Site.Build.SiteComposer.ReportOrder))),
                cancellationToken);
        }
    }

    /// <summary>The live report pages only (<c>reports/{year}/{agency}/index.html</c>): earlier versions and lists are not searched.</summary>
    [GeneratedRegex(@"^reports/\d{4}/[a-z0-9-]+/index\.html$", RegexOptions.CultureInvariant)]
    private static partial Regex ReportPagePath();

    private async Task<int> CopyReportPagesAsync(string folder, CancellationToken cancellationToken)
    {
        var names = new List<string>();
        await foreach (var item in storage.Web.GetBlobsAsync(Azure.Storage.Blobs.Models.BlobTraits.None, Azure.Storage.Blobs.Models.BlobStates.None, prefix: "reports/", cancellationToken: cancellationToken))
        {
            if (ReportPagePath().IsMatch(item.Name))
            {
                names.Add(item.Name);
            }
        }

        await Parallel.ForEachAsync(
            names,
            new ParallelOptions { MaxDegreeOfParallelism = 8, CancellationToken = cancellationToken },
            async (name, ct) =>
            {
                var path = Path.Combine(folder, name);
                Directory.CreateDirectory(Path.GetDirectoryName(path)!);
                await storage.Web.GetBlobClient(name).DownloadToAsync(path, ct);
            });
        return names.Count;
    }

    private async Task<int> UploadBundleAsync(string folder, CancellationToken cancellationToken)
    {
        var bundle = Path.Combine(folder, SitePaths.SearchBundle.TrimEnd('/'));
        var files = Directory.EnumerateFiles(bundle, "*", SearchOption.AllDirectories)
            .Select(f => SitePaths.SearchBundle + Path.GetRelativePath(bundle, f).Replace('\\', '/'))
            .ToList();

        // Chunks, fragments and filters first; the files a reader starts from last.
        static bool IsEntry(string path) => path.EndsWith("pagefind-entry.json", StringComparison.Ordinal) || path.EndsWith("pagefind.js", StringComparison.Ordinal);
        var uploaded = 0;
        foreach (var path in files.Where(p => !IsEntry(p)).Concat(files.Where(IsEntry)))
        {
            var content = await File.ReadAllBytesAsync(Path.Combine(folder, path), cancellationToken);
            if (await writer.WriteAsync(new SiteFile(path, content, ContentType(path)), cancellationToken))
            {
                uploaded++;
            }
        }

        var keep = files.ToHashSet(StringComparer.Ordinal);
        await foreach (var item in storage.Web.GetBlobsAsync(Azure.Storage.Blobs.Models.BlobTraits.None, Azure.Storage.Blobs.Models.BlobStates.None, prefix: SitePaths.SearchBundle, cancellationToken: cancellationToken))
        {
            if (!keep.Contains(item.Name))
            {
                await storage.Web.GetBlobClient(item.Name).DeleteIfExistsAsync(cancellationToken: cancellationToken);
            }
        }

        return uploaded;
    }

    private static string ContentType(string path) => Path.GetExtension(path) switch
    {
        ".js" => "text/javascript; charset=utf-8",
        ".css" => SiteFile.Css,
        ".json" => SiteFile.Json,
        ".wasm" => "application/wasm",
        ".html" => SiteFile.Html,
        _ => "application/octet-stream",
    };
}
