using Azure;
using Azure.Data.Tables;
using Microsoft.Extensions.Logging;
using PublishPipeline.Addresses;
using PublishPipeline.Reports;
using PublishPipeline.Site.Build;
using PublishPipeline.Site.Model;
using PublishPipeline.Site.OpenData;
using PublishPipeline.Storage;

namespace PublishPipeline.Site.Live;

/// <summary>
/// Keeps the live site in <c>$web</c> up to date one publication at a time. A publication, correction or withdrawal
/// changes the index table rows of its (agency, year), then re-derives exactly the files that list it: its own files,
/// the next year's page (its comparison), the agency page, the year pages of its city, province and the country,
/// <c>/reports/</c>, the home page, its region pages, the feed and its sitemaps. Each derived row and file is computed
/// from its index partition at write time under an ETag (<see cref="LiveSiteWriter"/>), so concurrent publications
/// never lose an entry; nothing unchanged is written; the work does not grow with the size of the site. The pages come
/// from the same <see cref="SiteComposer"/> and <see cref="SitePages"/> as a full build, so both give the same files.
/// </summary>
public sealed class LiveSitePublisher(
    PipelineStorage storage,
    LiveSiteWriter writer,
    SitePages pages,
    PublicUrls urls,
    TimeProvider clock,
    ILogger<LiveSitePublisher> logger)
{
    private const int MaxAttempts = 12;

    private TableClient Index => storage.SiteIndex;

    private Uri BaseUrl => urls.SiteRoot;

    /// <summary>Makes <paramref name="publication"/> the live version of its (agency, year) and updates every page that lists it.</summary>
    public async Task PublishAsync(LivePublication publication, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(publication);
        var agency = publication.Agency;
        var year = publication.Year;
        SiteReportRecord? previous = null;
        SiteReportRecord record;
        for (var attempt = 1; ; attempt++)
        {
            var row = await GetRowAsync(SiteIndexKeys.Agency(agency.Id), SiteIndexKeys.YearRow(year), cancellationToken);
            previous = row is null ? null : SiteIndexJson.Read<SiteReportRecord>(row.Json);
            if (previous?.SubmissionId == publication.SubmissionId)
            {
                // Re-delivered: the row is in; derive the pages again (idempotent, and it finishes a crashed attempt).
                record = previous;
                previous = null;
                break;
            }

            if (previous is not null)
            {
                // A correction: the version it replaces keeps a page of its own, written before anything links to it.
                await WriteEarlierVersionAsync(previous, publication.PublishedAt, cancellationToken);
            }

            record = Describe(publication, previous);
            try
            {
                await PutRowAsync(SiteIndexKeys.Agency(agency.Id), SiteIndexKeys.YearRow(year), SiteIndexJson.Write(record), row?.ETag, cancellationToken);
                break;
            }
            catch (RequestFailedException e) when (e.Status is 409 or 412 && attempt < MaxAttempts)
            {
                // Another version of the same report went live meanwhile: decide again from what is there now.
            }
        }

        await RefreshAsync(agency.Id, year, previous, record, cancellationToken);
        logger.LogInformation("Site: {Agency} {Year} v{Version} live; {Counts}", agency.Id, year, record.Version, writer.Counts);
    }

    /// <summary>
    /// Rebuilds one (agency, year) from its stored versions (a rebuild after a layout change, or a migration): the row
    /// is set from the facts given — <paramref name="earlier"/> are the versions that were public before the live one,
    /// oldest first — the earlier versions' pages are written again, and everything that lists it is re-derived.
    /// </summary>
    public async Task RebuildAsync(
        LivePublication live,
        IReadOnlyList<(string SubmissionId, int Version, DateTimeOffset PublishedAt)> earlier,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(live);
        ArgumentNullException.ThrowIfNull(earlier);
        var versions = new List<EarlierVersion>();
        var first = Describe(live, null);
        for (var i = 0; i < earlier.Count; i++)
        {
            var replacedAt = i + 1 < earlier.Count ? earlier[i + 1].PublishedAt : live.PublishedAt;
            var old = first with
            {
                SubmissionId = earlier[i].SubmissionId,
                Version = earlier[i].Version,
                PublishedAt = earlier[i].PublishedAt,
                FirstPublishedAt = i == 0 ? null : earlier[0].PublishedAt,
                EarlierVersions = [.. versions],
                CorrectionNote = null,
            };
            await WriteEarlierVersionAsync(old, replacedAt, cancellationToken);
            versions.Add(new EarlierVersion(earlier[i].Version, earlier[i].PublishedAt, replacedAt));
        }

        var record = first with
        {
            FirstPublishedAt = earlier.Count == 0 ? null : earlier[0].PublishedAt,
            EarlierVersions = versions,
            CorrectionNote = earlier.Count == 0 || string.IsNullOrWhiteSpace(live.CorrectionNote) ? null : live.CorrectionNote.Trim(),
        };
        var before = await GetRecordAsync(live.Agency.Id, live.Year, cancellationToken);
        await Index.UpsertEntityAsync(
            new SiteIndexRow { PartitionKey = SiteIndexKeys.Agency(live.Agency.Id), RowKey = SiteIndexKeys.YearRow(live.Year), Json = SiteIndexJson.Write(record) },
            TableUpdateMode.Replace,
            cancellationToken);
        await RefreshAsync(live.Agency.Id, live.Year, before, record, cancellationToken);
    }

    /// <summary>
    /// Takes a report off the site if <paramref name="submissionId"/> is still its live version: its folder (earlier
    /// versions included), and its entries on every page, the feed and the sitemap. Returns whether anything was live.
    /// </summary>
    public async Task<bool> WithdrawAsync(string agencyId, int year, string submissionId, CancellationToken cancellationToken = default)
    {
        var row = await GetRowAsync(SiteIndexKeys.Agency(agencyId), SiteIndexKeys.YearRow(year), cancellationToken);
        if (row is null)
        {
            return false;
        }

        var record = SiteIndexJson.Read<SiteReportRecord>(row.Json);
        if (record.SubmissionId != submissionId)
        {
            return false;
        }

        try
        {
            await Index.DeleteEntityAsync(row.PartitionKey, row.RowKey, row.ETag, cancellationToken);
        }
        catch (RequestFailedException e) when (e.Status is 404 or 412)
        {
            // Replaced by a newer version meanwhile: that one is live now, and its publication derives the pages.
            return false;
        }

        // Every page that listed the report is rewritten first, the report's own folder (earlier versions included)
        // removed last: no page links to a report that is gone.
        await RefreshAsync(agencyId, year, record, null, cancellationToken);
        await writer.DeletePrefixAsync(SitePaths.ReportDirectory(year, agencyId), cancellationToken);
        return true;
    }

    /// <summary>
    /// Derives everything that depends on one (agency, year) from the index as it is now: the rows that sum it up and
    /// every file that lists it. Safe to repeat; <paramref name="before"/> is what was live before (its old listing and
    /// feed entries are removed), <paramref name="after"/> what is live now (null after a withdrawal).
    /// </summary>
    public async Task RefreshAsync(string agencyId, int year, SiteReportRecord? before, SiteReportRecord? after, CancellationToken cancellationToken = default)
    {
        // The agency row is the truth: a racing refresh of an older version must not write its record back.
        after = await GetRecordAsync(agencyId, year, cancellationToken);
        var current = after ?? before ?? throw new ArgumentException("nothing to refresh");
        var region = RegionPath.Parse(current.Region);
        var city = region.Truncate(SitePaths.YearListingDepth);

        // 1. Rows: the listing under its city, the feed order, the region tree, the sitemap registry.
        if (before is not null && before.Region != after?.Region)
        {
            await DeleteRowAsync(SiteIndexKeys.Listing(year, RegionPath.Parse(before.Region).Truncate(SitePaths.YearListingDepth)), agencyId, cancellationToken);
        }

        if (before is not null && (after is null || before.PublishedAt != after.PublishedAt))
        {
            await DeleteRowAsync(SiteIndexKeys.LatestPartition, SiteIndexKeys.Latest(before.PublishedAt, agencyId, year), cancellationToken);
        }

        if (after is not null)
        {
            var json = SiteIndexJson.Write(after);
            await Index.UpsertEntityAsync(new SiteIndexRow { PartitionKey = SiteIndexKeys.Listing(year, city), RowKey = agencyId, Json = json }, TableUpdateMode.Replace, cancellationToken);
            await Index.UpsertEntityAsync(new SiteIndexRow { PartitionKey = SiteIndexKeys.LatestPartition, RowKey = SiteIndexKeys.Latest(after.PublishedAt, agencyId, year), Json = json }, TableUpdateMode.Replace, cancellationToken);
        }
        else
        {
            await DeleteRowAsync(SiteIndexKeys.Listing(year, city), agencyId, cancellationToken);
        }

        await RegisterRegionAsync(new SiteAgency(agencyId, current.AgencyName, region, current.Level), cancellationToken);

        // 2. The sums, from the city up: each from its partitions as they are now.
        for (var scope = city; ; scope = scope.Parent)
        {
            await RefreshSummaryAsync(year, scope, cancellationToken);
            if (scope.IsRoot)
            {
                break;
            }
        }

        // 3. Files.
        if (after is not null)
        {
            await WriteReportFilesAsync(after, cancellationToken);
        }

        var next = await GetRecordAsync(agencyId, year + 1, cancellationToken);
        if (next is not null)
        {
            await WriteReportFilesAsync(next, cancellationToken);
        }

        await WriteAgencyPageAsync(new SiteAgency(agencyId, current.AgencyName, region, current.Level), cancellationToken);
        for (var scope = city; ; scope = scope.Parent)
        {
            await WriteYearPageAsync(year, scope, cancellationToken);
            if (scope.IsRoot)
            {
                break;
            }
        }

        await WriteTopPagesAsync(cancellationToken);
        for (var scope = region; ; scope = scope.Parent)
        {
            await WriteRegionPageAsync(scope, cancellationToken);
            if (scope.IsRoot)
            {
                break;
            }
        }

        await WriteSitemapsAsync(region, cancellationToken);
        await MarkSearchStaleAsync(cancellationToken);
    }

    /// <summary>Enters an agency in the region tree (its region and every ancestor), with the years it has live now.</summary>
    public async Task RegisterRegionAsync(SiteAgency agency, CancellationToken cancellationToken)
    {
        var years = new List<int>();
        await foreach (var row in Index.QueryAsync<SiteIndexRow>(r => r.PartitionKey == SiteIndexKeys.Agency(agency.Id), cancellationToken: cancellationToken))
        {
            years.Add(int.Parse(row.RowKey, System.Globalization.CultureInfo.InvariantCulture));
        }

        years.Sort();
        var listing = new RegionAgencyRecord(agency.Id, agency.Name, agency.Level, years);
        await Index.UpsertEntityAsync(
            new SiteIndexRow { PartitionKey = SiteIndexKeys.RegionAgencies(agency.Region), RowKey = agency.Id, Json = SiteIndexJson.Write(listing) },
            TableUpdateMode.Replace,
            cancellationToken);
        await Index.UpsertEntityAsync(
            new SiteIndexRow
            {
                PartitionKey = SiteIndexKeys.CityAgencies(agency.Region.Truncate(SitePaths.YearListingDepth)),
                RowKey = agency.Id,
                Json = SiteIndexJson.Write(new CityAgencyRecord(agency.Name, agency.Region.Key, agency.Level)),
            },
            TableUpdateMode.Replace,
            cancellationToken);
        for (var child = agency.Region; !child.IsRoot; child = child.Parent)
        {
            await Index.UpsertEntityAsync(
                new SiteIndexRow { PartitionKey = SiteIndexKeys.RegionChildren(child.Parent), RowKey = SiteIndexKeys.Encode(child.Name), Json = "{}" },
                TableUpdateMode.Replace,
                cancellationToken);
        }
    }

    /// <summary>
    /// Puts an agency on the site whatever it has published: its region tree entry, its page, its region pages and
    /// its city's sitemap (a rebuild does this for every agency in the directory, so the region tree shows who has not
    /// published yet).
    /// </summary>
    public async Task RefreshAgencyAsync(SiteAgency agency, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(agency);
        await RegisterRegionAsync(agency, cancellationToken);
        await WriteAgencyPageAsync(agency, cancellationToken);
        for (var scope = agency.Region; ; scope = scope.Parent)
        {
            await WriteRegionPageAsync(scope, cancellationToken);
            if (scope.IsRoot)
            {
                break;
            }
        }

        await WriteSitemapsAsync(agency.Region, cancellationToken);
    }

    /// <summary>The live record of an agency's report of a year, or null.</summary>
    public async Task<SiteReportRecord?> GetRecordAsync(string agencyId, int year, CancellationToken cancellationToken)
    {
        var row = await GetRowAsync(SiteIndexKeys.Agency(agencyId), SiteIndexKeys.YearRow(year), cancellationToken);
        return row is null ? null : SiteIndexJson.Read<SiteReportRecord>(row.Json);
    }

    /// <summary>The files no report owns: stylesheet, 404, search page, robots.txt. Written only when their bytes change.</summary>
    public async Task WriteStaticFilesAsync(CancellationToken cancellationToken)
    {
        foreach (var asset in SitePages.Assets)
        {
            await writer.WriteAsync(asset, cancellationToken);
        }

        await writer.WriteAsync(await pages.NotFoundAsync(cancellationToken), cancellationToken);
        await writer.WriteAsync(await pages.SearchAsync(cancellationToken), cancellationToken);
        await writer.WriteAsync(Robots.For(BaseUrl), cancellationToken);
    }

    // ---------------------------------------------------------------- rows

    private static SiteReportRecord Describe(LivePublication publication, SiteReportRecord? replaced)
    {
        var earlier = replaced is null
            ? []
            : replaced.EarlierVersions.Append(new EarlierVersion(replaced.Version, replaced.PublishedAt, publication.PublishedAt)).ToList();
        var report = SiteComposer.Describe(
            publication.Document,
            publication.Agency,
            publication.Year,
            publication.PublishedAt,
            replaced is null ? null : replaced.FirstPublishedAt ?? replaced.PublishedAt,
            publication.Version,
            earlier,
            replaced is null ? null : publication.CorrectionNote);
        return SiteReportRecord.From(report, publication.SubmissionId, publication.Agency.Level);
    }

    /// <summary>The sum of a scope's reports in a year, from its child sums and its own listing, stored under its parent.</summary>
    private async Task RefreshSummaryAsync(int year, RegionPath scope, CancellationToken cancellationToken)
    {
        var partition = scope.IsRoot ? SiteIndexKeys.YearsPartition : SiteIndexKeys.Summaries(year, scope.Parent);
        var rowKey = scope.IsRoot ? SiteIndexKeys.YearRow(year) : SiteIndexKeys.Encode(scope.Name);
        for (var attempt = 1; ; attempt++)
        {
            var row = await GetRowAsync(partition, rowKey, cancellationToken);
            var (children, reports) = await ReadScopeAsync(year, scope, cancellationToken);
            var corrections = children.Sum(c => c.Corrections) + reports.Count(r => r.IsCorrection);
            var figures = ReportFigures.Sum(children.Select(c => c.Summary.Figures).Concat(reports.Select(r => r.Figures)));
            try
            {
                if (figures.Reports == 0)
                {
                    if (row is not null)
                    {
                        await Index.DeleteEntityAsync(partition, rowKey, row.ETag, cancellationToken);
                    }
                }
                else
                {
                    await PutRowAsync(partition, rowKey, SiteIndexJson.Write(RegionSummaryRecord.Of(figures, corrections)), row?.ETag, cancellationToken);
                }

                return;
            }
            catch (RequestFailedException e) when (e.Status is 404 or 409 or 412 && attempt < MaxAttempts)
            {
                await Task.Delay(TimeSpan.FromMilliseconds(Random.Shared.Next(5, 40) * attempt), cancellationToken);
            }
        }
    }

    /// <summary>A scope's child regions' sums and the reports listed exactly at it (its whole subtree at city level).</summary>
    private async Task<(List<(RegionSummary Summary, int Corrections)> Children, List<SiteReport> Reports)> ReadScopeAsync(
        int year, RegionPath scope, CancellationToken cancellationToken)
    {
        var children = new List<(RegionSummary, int)>();
        if (scope.Depth < SitePaths.YearListingDepth)
        {
            await foreach (var row in Index.QueryAsync<SiteIndexRow>(r => r.PartitionKey == SiteIndexKeys.Summaries(year, scope), cancellationToken: cancellationToken))
            {
                var summary = SiteIndexJson.Read<RegionSummaryRecord>(row.Json);
                children.Add((new RegionSummary(scope.Child(SiteIndexKeys.Decode(row.RowKey)), summary.Figures), summary.Corrections));
            }
        }

        var reports = new List<SiteReport>();
        await foreach (var row in Index.QueryAsync<SiteIndexRow>(r => r.PartitionKey == SiteIndexKeys.Listing(year, scope), cancellationToken: cancellationToken))
        {
            reports.Add(SiteIndexJson.Read<SiteReportRecord>(row.Json).ToSiteReport());
        }

        return (children, reports);
    }

    private async Task<List<YearCount>> ReadYearCountsAsync(CancellationToken cancellationToken)
    {
        var counts = new List<YearCount>();
        await foreach (var row in Index.QueryAsync<SiteIndexRow>(r => r.PartitionKey == SiteIndexKeys.YearsPartition, cancellationToken: cancellationToken))
        {
            var summary = SiteIndexJson.Read<RegionSummaryRecord>(row.Json);
            counts.Add(new YearCount(int.Parse(row.RowKey, System.Globalization.CultureInfo.InvariantCulture), summary.Reports, summary.Corrections));
        }

        return counts;
    }

    private async Task<List<SiteReport>> ReadLatestAsync(int count, CancellationToken cancellationToken)
    {
        var latest = new List<SiteReport>(count);
        await foreach (var row in Index.QueryAsync<SiteIndexRow>(r => r.PartitionKey == SiteIndexKeys.LatestPartition, maxPerPage: count, cancellationToken: cancellationToken))
        {
            latest.Add(SiteIndexJson.Read<SiteReportRecord>(row.Json).ToSiteReport());
            if (latest.Count == count)
            {
                break;
            }
        }

        return latest;
    }

    // ---------------------------------------------------------------- files

    private async Task WriteReportFilesAsync(SiteReportRecord record, CancellationToken cancellationToken)
    {
        var document = await LoadDocumentAsync(record.SubmissionId, record.Year, cancellationToken);
        var previousRecord = await GetRecordAsync(record.AgencyId, record.Year - 1, cancellationToken);
        var previous = previousRecord is null ? null : await LoadDocumentAsync(previousRecord.SubmissionId, previousRecord.Year, cancellationToken);
        var model = new ReportPageModel(document, record.AgencyId, record.AgencyName, record.PublishedAt, record.SubmissionId)
        {
            FirstPublishedAt = record.FirstPublishedAt,
            Region = RegionPath.Parse(record.Region),
            Version = record.Version,
            EarlierVersions = record.EarlierVersions,
            CorrectionNote = record.CorrectionNote,
            Previous = previous,
            NextYearTemplateUrl = urls.AgencyTemplate(record.AgencyId, record.Year + 1),
        };

        // The page is derived under its ETag too: a later version going live meanwhile must win, never an older one.
        await writer.WriteDerivedAsync(
            SitePaths.ReportPage(record.Year, record.AgencyId),
            async ct => await StillLiveAsync(record, ct) ? await pages.ReportAsync(model, ct) : null,
            cancellationToken);
        if (!await StillLiveAsync(record, cancellationToken))
        {
            return;
        }

        await writer.WriteAsync(new SiteFile(SitePaths.ReportData(record.Year, record.AgencyId), ReportJson.SerializeToUtf8(document), SiteFile.Json), cancellationToken);
        var tables = TableCsv.For(document, record.Year, record.AgencyId);
        foreach (var table in new[] { "proactive", "requests", "review_litigation" })
        {
            var path = SitePaths.ReportTableCsv(record.Year, record.AgencyId, table);
            var file = tables.FirstOrDefault(t => t.Path == path);
            await writer.WriteDerivedAsync(path, _ => Task.FromResult(file), cancellationToken);
        }
    }

    private async Task<bool> StillLiveAsync(SiteReportRecord record, CancellationToken cancellationToken) =>
        (await GetRecordAsync(record.AgencyId, record.Year, cancellationToken))?.SubmissionId == record.SubmissionId;

    private async Task WriteEarlierVersionAsync(SiteReportRecord replaced, DateTimeOffset replacedAt, CancellationToken cancellationToken)
    {
        var document = await LoadDocumentAsync(replaced.SubmissionId, replaced.Year, cancellationToken);
        var model = new ReportPageModel(document, replaced.AgencyId, replaced.AgencyName, replaced.PublishedAt, replaced.SubmissionId)
        {
            FirstPublishedAt = replaced.FirstPublishedAt,
            Region = RegionPath.Parse(replaced.Region),
            Version = replaced.Version,
            EarlierVersions = replaced.EarlierVersions,
            CorrectionNote = replaced.CorrectionNote,
            ReplacedAt = replacedAt,
        };
        await writer.WriteAsync(await pages.ReportAsync(model, cancellationToken), cancellationToken);
        await writer.WriteAsync(
            new SiteFile(SitePaths.VersionData(replaced.Year, replaced.AgencyId, replaced.Version), ReportJson.SerializeToUtf8(document), SiteFile.Json),
            cancellationToken);
    }

    private async Task WriteAgencyPageAsync(SiteAgency agency, CancellationToken cancellationToken) =>
        await writer.WriteDerivedAsync(
            SitePaths.AgencyPage(agency.Id),
            async ct =>
            {
                var reports = new List<SiteReport>();
                await foreach (var row in Index.QueryAsync<SiteIndexRow>(r => r.PartitionKey == SiteIndexKeys.Agency(agency.Id), cancellationToken: ct))
                {
                    reports.Add(SiteIndexJson.Read<SiteReportRecord>(row.Json).ToSiteReport());
                }

                // An agency stays on the site (its region page links it) even when it has nothing live.
                return await pages.AgencyAsync(SiteComposer.Agency(agency, reports), ct);
            },
            cancellationToken);

    private async Task WriteYearPageAsync(int year, RegionPath scope, CancellationToken cancellationToken)
    {
        await writer.WriteDerivedAsync(
            SitePaths.YearPage(year, scope),
            async ct =>
            {
                var (children, reports) = await ReadScopeAsync(year, scope, ct);
                if (children.Count == 0 && reports.Count == 0)
                {
                    return null;
                }

                var years = (await ReadYearCountsAsync(ct)).Select(c => c.Year);
                var rollups = new List<RegionPath>();
                await foreach (var row in Index.QueryAsync<SiteIndexRow>(r => r.PartitionKey == SiteIndexKeys.YearRollups(year, scope), cancellationToken: ct))
                {
                    rollups.Add(RegionPath.Parse(SiteIndexKeys.Decode(row.RowKey)));
                }

                return await pages.YearAsync(SiteComposer.Year(year, scope, children.Select(c => c.Summary), reports, years) with { Rollups = rollups }, ct);
            },
            cancellationToken);

        if (scope.Depth == SitePaths.YearListingDepth)
        {
            await writer.WriteDerivedAsync(
                SitePaths.YearCsv(year, scope),
                async ct =>
                {
                    var (_, reports) = await ReadScopeAsync(year, scope, ct);
                    return reports.Count == 0 ? null : YearCsv.For(year, scope, reports);
                },
                cancellationToken);
        }
    }

    /// <summary>Home, /reports/ and the feed: each from the year rows and the latest partition only.</summary>
    private async Task WriteTopPagesAsync(CancellationToken cancellationToken)
    {
        await writer.WriteDerivedAsync(
            SitePaths.Home,
            async ct => await pages.HomeAsync(SiteComposer.Home(await ReadLatestAsync(SiteComposer.LatestCount, ct), await ReadYearCountsAsync(ct)), ct),
            cancellationToken);
        await writer.WriteDerivedAsync(
            SitePaths.YearsPage,
            async ct => await pages.YearsAsync(SiteComposer.Years(await ReadYearCountsAsync(ct)), ct),
            cancellationToken);
        await writer.WriteDerivedAsync(
            SitePaths.Feed,
            async ct => AtomFeed.For(await ReadLatestAsync(SiteComposer.FeedCount, ct), BaseUrl),
            cancellationToken);
    }

    /// <summary>Re-derives one year page (a roll-up it links appeared or went).</summary>
    public Task RefreshYearPageAsync(int year, RegionPath scope, CancellationToken cancellationToken = default) =>
        WriteYearPageAsync(year, scope, cancellationToken);

    /// <summary>Re-derives one region page (a roll-up of the region appeared or went).</summary>
    public Task RefreshRegionPageAsync(RegionPath scope, CancellationToken cancellationToken = default) =>
        WriteRegionPageAsync(scope, cancellationToken);

    private async Task WriteRegionPageAsync(RegionPath scope, CancellationToken cancellationToken) =>
        await writer.WriteDerivedAsync(
            SitePaths.RegionPage(scope),
            async ct =>
            {
                var children = new List<RegionPath>();
                await foreach (var row in Index.QueryAsync<SiteIndexRow>(r => r.PartitionKey == SiteIndexKeys.RegionChildren(scope), cancellationToken: ct))
                {
                    children.Add(scope.Child(SiteIndexKeys.Decode(row.RowKey)));
                }

                var agencies = new List<AgencyListing>();
                await foreach (var row in Index.QueryAsync<SiteIndexRow>(r => r.PartitionKey == SiteIndexKeys.RegionAgencies(scope), cancellationToken: ct))
                {
                    var listing = SiteIndexJson.Read<RegionAgencyRecord>(row.Json);
                    agencies.Add(new AgencyListing(new SiteAgency(listing.Id, listing.Name, scope, listing.Level), listing.Years));
                }

                var rollupYears = new List<int>();
                await foreach (var row in Index.QueryAsync<SiteIndexRow>(r => r.PartitionKey == SiteIndexKeys.Rollups(scope), cancellationToken: ct))
                {
                    if (SiteIndexJson.Read<RollupStateRecord>(row.Json).Live)
                    {
                        rollupYears.Add(int.Parse(row.RowKey, System.Globalization.CultureInfo.InvariantCulture));
                    }
                }

                return await pages.RegionAsync(SiteComposer.Region(scope, children, agencies) with { RollupYears = rollupYears }, ct);
            },
            cancellationToken);

    /// <summary>
    /// The sitemap of the agency's city-level region (SiteComposer decides which URLs each sitemap lists), the top
    /// sitemap, and the index. Each from bounded partitions: the city's agencies, its listings in every year, and for the
    /// top the provinces. A city's sitemap stays (emptied) once everything in it is withdrawn, so the index, read from
    /// the registry of sitemaps, never names a missing file.
    /// </summary>
    private async Task WriteSitemapsAsync(RegionPath region, CancellationToken cancellationToken)
    {
        var city = region.Truncate(SitePaths.YearListingDepth);
        var sitemap = SiteComposer.SitemapOfAgency(region);
        await Index.UpsertEntityAsync(
            new SiteIndexRow { PartitionKey = SiteIndexKeys.SitemapsPartition, RowKey = SiteIndexKeys.Encode(sitemap), Json = "{}" },
            TableUpdateMode.Replace,
            cancellationToken);
        if (sitemap != SitePaths.TopSitemap)
        {
            await writer.WriteDerivedAsync(
                sitemap,
                async ct =>
                {
                    var agencies = await ReadSitemapAgenciesAsync(city, ct);
                    var reports = new List<SiteReport>();
                    var yearPages = new List<YearScopePage>();
                    foreach (var year in (await ReadYearCountsAsync(ct)).Select(c => c.Year))
                    {
                        var listed = (await ReadScopeAsync(year, city, ct)).Reports;
                        reports.AddRange(listed);
                        if (listed.Count > 0)
                        {
                            yearPages.Add(new YearScopePage(year, city));
                        }
                    }

                    var regions = SiteComposer.RegionTree(agencies.Select(a => a.Region));
                    return Sitemaps.UrlSet(sitemap, SiteComposer.SitemapUrls(sitemap, agencies, reports, regions, yearPages), BaseUrl);
                },
                cancellationToken);
        }

        await writer.WriteDerivedAsync(
            SitePaths.TopSitemap,
            async ct =>
            {
                var agencies = await ReadSitemapAgenciesAsync(RegionPath.Root, ct);
                var reports = new List<SiteReport>();
                var yearPages = new List<YearScopePage>();
                foreach (var year in (await ReadYearCountsAsync(ct)).Select(c => c.Year))
                {
                    var (provinces, atRoot) = await ReadScopeAsync(year, RegionPath.Root, ct);
                    reports.AddRange(atRoot);
                    yearPages.Add(new YearScopePage(year, RegionPath.Root));
                    yearPages.AddRange(provinces.Select(p => new YearScopePage(year, p.Summary.Region)));
                }

                var regions = new List<RegionPath> { RegionPath.Root };
                await foreach (var row in Index.QueryAsync<SiteIndexRow>(r => r.PartitionKey == SiteIndexKeys.RegionChildren(RegionPath.Root), cancellationToken: ct))
                {
                    regions.Add(RegionPath.Root.Child(SiteIndexKeys.Decode(row.RowKey)));
                }

                return Sitemaps.UrlSet(SitePaths.TopSitemap, SiteComposer.SitemapUrls(SitePaths.TopSitemap, agencies, reports, regions, yearPages), BaseUrl);
            },
            cancellationToken);
        await writer.WriteDerivedAsync(
            SitePaths.Sitemap,
            async ct =>
            {
                var paths = new List<string> { SitePaths.TopSitemap };
                await foreach (var row in Index.QueryAsync<SiteIndexRow>(r => r.PartitionKey == SiteIndexKeys.SitemapsPartition, cancellationToken: ct))
                {
                    paths.Add(SiteIndexKeys.Decode(row.RowKey));
                }

                return Sitemaps.Index(paths, BaseUrl);
            },
            cancellationToken);
    }

    /// <summary>The agencies whose pages a city-level region's sitemap lists (every agency registered inside it).</summary>
    private async Task<List<SiteAgency>> ReadSitemapAgenciesAsync(RegionPath city, CancellationToken cancellationToken)
    {
        var agencies = new List<SiteAgency>();
        await foreach (var row in Index.QueryAsync<SiteIndexRow>(r => r.PartitionKey == SiteIndexKeys.CityAgencies(city), cancellationToken: cancellationToken))
        {
            var record = SiteIndexJson.Read<CityAgencyRecord>(row.Json);
            agencies.Add(new SiteAgency(row.RowKey, record.Name, RegionPath.Parse(record.Region), record.Level));
        }

        return agencies;
    }

    private async Task MarkSearchStaleAsync(CancellationToken cancellationToken)
    {
        var row = await GetRowAsync(SiteIndexKeys.SearchPartition, SiteIndexKeys.SearchRow, cancellationToken);
        var state = row is null ? null : SiteIndexJson.Read<SearchStateRecord>(row.Json);
        var now = clock.GetUtcNow();
        var pendingSince = state?.PendingSince is { } since && (state.IndexedAt is null || since > state.IndexedAt) ? since : now;
        try
        {
            await PutRowAsync(
                SiteIndexKeys.SearchPartition,
                SiteIndexKeys.SearchRow,
                SiteIndexJson.Write(new SearchStateRecord(now, state?.IndexedAt, pendingSince)),
                row?.ETag,
                cancellationToken);
        }
        catch (RequestFailedException e) when (e.Status is 409 or 412)
        {
            // Another publication marked it stale at the same moment: stale it is.
        }
    }

    // ---------------------------------------------------------------- storage helpers

    private async Task<ReportDocument> LoadDocumentAsync(string submissionId, int year, CancellationToken cancellationToken)
    {
        var document = await storage.LoadReportDocumentAsync(submissionId, cancellationToken)
            ?? throw new InvalidOperationException($"the live report {submissionId} is not stored");
        document.Report.Year ??= year;
        return document;
    }

    private async Task<SiteIndexRow?> GetRowAsync(string partition, string row, CancellationToken cancellationToken)
    {
        var response = await Index.GetEntityIfExistsAsync<SiteIndexRow>(partition, row, cancellationToken: cancellationToken);
        return response.HasValue ? response.Value : null;
    }

    /// <summary>Adds the row if <paramref name="etag"/> is null (409 if someone added it first), else replaces it if unchanged (412).</summary>
    private async Task PutRowAsync(string partition, string row, string json, ETag? etag, CancellationToken cancellationToken)
    {
        var entity = new SiteIndexRow { PartitionKey = partition, RowKey = row, Json = json };
        if (etag is { } match)
        {
            await Index.UpdateEntityAsync(entity, match, TableUpdateMode.Replace, cancellationToken);
        }
        else
        {
            await Index.AddEntityAsync(entity, cancellationToken);
        }
    }

    private async Task DeleteRowAsync(string partition, string row, CancellationToken cancellationToken)
    {
        try
        {
            await Index.DeleteEntityAsync(partition, row, ETag.All, cancellationToken);
        }
        catch (RequestFailedException e) when (e.Status == 404)
        {
        }
    }
}
