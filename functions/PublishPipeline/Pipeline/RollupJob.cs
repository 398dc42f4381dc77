using Azure;
using Azure.Data.Tables;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using PublishPipeline.Addresses;
using PublishPipeline.Rollups;
using PublishPipeline.Site;
using PublishPipeline.Site.Live;
using PublishPipeline.Site.Model;
using PublishPipeline.Site.OpenData;
using PublishPipeline.Storage;
using PublishPipeline.Submissions;

namespace PublishPipeline.Pipeline;

/// <summary>
/// Keeps the public roll-ups (<see cref="SitePaths.RollupPage"/>) current, debounced like search: a publication,
/// correction or withdrawal only counts a change on the roll-ups of the regions covering its agency (one small row
/// each) and queues a rebuild message for that change, which surfaces after <see cref="PipelineOptions.SearchQuietPeriod"/>.
/// Only the message of the latest change builds (an earlier one finds a later change counted and stops: that change's
/// message comes after it), so a burst of publications in a region builds its roll-up once, a quiet period after the
/// last one; a region that never goes quiet is built by the first message after <see cref="PipelineOptions.SearchMaxDelay"/>.
/// The work is off the publication's path, each rebuild reads only its own region's reports, and regions rebuild in
/// parallel on the site queue. No clock is compared to decide which message is latest: the change count is.
/// </summary>
public sealed class RollupJob(
    RegionDirectory regions,
    RegionRollups rollups,
    PipelineStorage storage,
    LiveSiteWriter writer,
    LiveSitePublisher site,
    SitePages pages,
    PublicUrls urls,
    MessageQueue queue,
    IOptions<PipelineOptions> options,
    TimeProvider clock,
    ILogger<RollupJob> logger)
{
    private const int MaxAttempts = 8;

    private TableClient Index => storage.SiteIndex;

    /// <summary>Marks the year's roll-up of every supervised region covering <paramref name="agency"/> changed, and queues its rebuild.</summary>
    public async Task MarkChangedAsync(Agency agency, int year, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(agency);
        foreach (var region in await regions.CoveringAsync(agency, cancellationToken))
        {
            var now = clock.GetUtcNow();
            var marked = await UpdateStateAsync(
                region,
                year,
                state => state is null
                    ? new RollupStateRecord(region.Id, 1, 0, now, now, false, 0)
                    : state with { Change = state.Change + 1, ChangedAt = now, PendingSince = state.IsBuilt ? now : state.PendingSince ?? now },
                cancellationToken);
            await queue.SendSiteAsync(new SiteMessage(SiteWork.RebuildRollup, RegionId: region.Id, Year: year, Change: marked.Change), options.Value.SearchQuietPeriod, cancellationToken);
        }
    }

    /// <summary>
    /// Rebuilds the region's roll-up of the year unless it already reflects the latest change, or a later change's
    /// message is still to come (<paramref name="change"/> is the change this message was sent for; null builds
    /// whenever something is unbuilt); returns whether it built.
    /// </summary>
    public async Task<bool> RunAsync(string regionId, int year, int? change = null, CancellationToken cancellationToken = default)
    {
        var region = await regions.GetAsync(regionId, cancellationToken);
        if (region is null)
        {
            logger.LogWarning("Roll-up: region {Region} is not in the directory: skipped", regionId);
            return false;
        }

        var path = RegionPath.Parse(region.Region);
        var row = await Index.GetEntityIfExistsAsync<SiteIndexRow>(SiteIndexKeys.Rollups(path), SiteIndexKeys.YearRow(year), cancellationToken: cancellationToken);
        var state = row.HasValue ? SiteIndexJson.Read<RollupStateRecord>(row.Value!.Json) : null;
        if (state is { IsBuilt: true })
        {
            return false;
        }

        var overdue = state?.PendingSince is { } since && clock.GetUtcNow() - since >= options.Value.SearchMaxDelay;
        if (state is not null && change is { } mine && mine < state.Change && !overdue)
        {
            // A later change was counted after this message was sent: its own message, still to come, builds.
            return false;
        }

        var started = System.Diagnostics.Stopwatch.GetTimestamp();
        var upTo = state?.Change ?? 0;
        var rollup = await rollups.ComputeAsync(region, year, cancellationToken);
        var live = await WriteAsync(rollup, path, cancellationToken);
        await UpdateStateAsync(
            region,
            year,
            current => current is null
                ? new RollupStateRecord(region.Id, 0, 0, clock.GetUtcNow(), null, live, 1)
                : current with { Built = Math.Max(current.Built, upTo), PendingSince = current.Change > upTo ? current.PendingSince : null, Live = live, Builds = current.Builds + 1 },
            cancellationToken);

        // The pages that link it: its region page, and the year page it is listed on.
        var listedAt = SitePaths.RollupListedAt(path);
        if (live)
        {
            await Index.UpsertEntityAsync(
                new SiteIndexRow { PartitionKey = SiteIndexKeys.YearRollups(year, listedAt), RowKey = SiteIndexKeys.Encode(path.Key), Json = "{}" },
                TableUpdateMode.Replace,
                cancellationToken);
        }
        else
        {
            try
            {
                await Index.DeleteEntityAsync(SiteIndexKeys.YearRollups(year, listedAt), SiteIndexKeys.Encode(path.Key), ETag.All, cancellationToken);
            }
            catch (RequestFailedException e) when (e.Status == 404)
            {
                // Never listed.
            }
        }

        await site.RefreshRegionPageAsync(path, cancellationToken);
        await site.RefreshYearPageAsync(year, listedAt, cancellationToken);
        logger.LogInformation(
            "Roll-up: {Region} {Year}: {Summed} summed, {Other} other template, {Missing} not published; {Elapsed} ms",
            region.Id, year, rollup.Summed.Count, rollup.OtherTemplate.Count, rollup.NotPublished.Count, (int)System.Diagnostics.Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        return true;
    }

    /// <summary>
    /// Writes the roll-up's files (downloads first, the page that links them last), or removes them when no report of
    /// the region is published for the year; returns whether the roll-up is on the site.
    /// </summary>
    private async Task<bool> WriteAsync(RegionRollup rollup, RegionPath path, CancellationToken cancellationToken)
    {
        if (rollup.Summed.Count + rollup.OtherTemplate.Count == 0)
        {
            await writer.DeletePrefixAsync(SitePaths.RollupDirectory(rollup.Year, path), cancellationToken);
            return false;
        }

        await writer.WriteAsync(RollupCsv.Sums(rollup, path), cancellationToken);
        await writer.WriteAsync(RollupCsv.Detail(rollup, path, urls.SiteRoot), cancellationToken);
        await writer.WriteAsync(new SiteFile(SitePaths.RollupDocx(rollup.Year, path), RollupWordDocument.Create(rollup), SiteFile.Docx), cancellationToken);
        await writer.WriteAsync(await pages.RollupAsync(new RollupPageModel(rollup, path), cancellationToken), cancellationToken);
        return true;
    }

    private async Task<RollupStateRecord> UpdateStateAsync(SupervisedRegion region, int year, Func<RollupStateRecord?, RollupStateRecord> change, CancellationToken cancellationToken)
    {
        var partition = SiteIndexKeys.Rollups(RegionPath.Parse(region.Region));
        var rowKey = SiteIndexKeys.YearRow(year);
        for (var attempt = 1; ; attempt++)
        {
            var row = await Index.GetEntityIfExistsAsync<SiteIndexRow>(partition, rowKey, cancellationToken: cancellationToken);
            var current = row.HasValue ? SiteIndexJson.Read<RollupStateRecord>(row.Value!.Json) : null;
            var next = change(current);
            var entity = new SiteIndexRow { PartitionKey = partition, RowKey = rowKey, Json = SiteIndexJson.Write(next) };
            try
            {
                if (row.HasValue)
                {
                    await Index.UpdateEntityAsync(entity, row.Value!.ETag, TableUpdateMode.Replace, cancellationToken);
                }
                else
                {
                    await Index.AddEntityAsync(entity, cancellationToken);
                }

                return next;
            }
            catch (RequestFailedException e) when (e.Status is 409 or 412 && attempt < MaxAttempts)
            {
                // A publication or another rebuild changed the row meanwhile: apply the change to what is there now.
            }
        }
    }
}
