using Microsoft.Extensions.Logging;
using PublishPipeline.Site.Live;
using PublishPipeline.Site.Model;
using PublishPipeline.Submissions;

namespace PublishPipeline.Pipeline;

/// <summary>
/// The site queue's stage. A rebuild (<c>pubpipe site rebuild</c>, after a layout change) puts one message per agency
/// on the queue, so a national rebuild runs on the Functions scale-out: each re-derives its agency's rows and files
/// from the versions stored for it; files whose bytes did not change are not written. The search job re-indexes
/// the site when it changed (debounced, see <see cref="SearchIndexJob"/>), and the roll-ups of the agency's regions are
/// rebuilt the same way (<see cref="RollupJob"/>).
/// </summary>
public sealed class SiteHandler(
    SubmissionStore submissions,
    AgencyDirectory agencies,
    LiveSitePublisher site,
    SearchIndexJob search,
    RollupJob rollups,
    Storage.PipelineStorage storage,
    ILogger<SiteHandler> logger)
{
    public async Task HandleAsync(SiteMessage message, CancellationToken cancellationToken = default)
    {
        switch (message.Work)
        {
            case SiteWork.RebuildAgency:
                await RebuildAgencyAsync(message.AgencyId ?? throw new InvalidOperationException("a rebuild message names no agency"), cancellationToken);
                break;
            case SiteWork.IndexSearch:
                await search.RunAsync(force: true, cancellationToken);
                break;
            case SiteWork.RebuildRollup:
                await rollups.RunAsync(
                    message.RegionId ?? throw new InvalidOperationException("a roll-up message names no region"),
                    message.Year ?? throw new InvalidOperationException("a roll-up message names no year"),
                    message.Change,
                    cancellationToken);
                break;
        }
    }

    /// <summary>
    /// Re-derives one agency's part of the site from its stored versions: for each year, the version in state Published
    /// is live, and the versions it replaced that had been published are its earlier versions.
    /// </summary>
    public async Task RebuildAgencyAsync(string agencyId, CancellationToken cancellationToken)
    {
        var agency = await agencies.GetAsync(agencyId, cancellationToken);
        if (agency is null)
        {
            logger.LogWarning("Rebuild: agency {Agency} is not in the directory: skipped", agencyId);
            return;
        }

        var siteAgency = new SiteAgency(agency.Id, agency.Name, RegionPath.Parse(agency.Region), agency.Level);
        await site.RefreshAgencyAsync(siteAgency, cancellationToken);
        var versions = await submissions.ListForAgencyAsync(agencyId, cancellationToken);
        var years = versions.Select(v => v.Year).Distinct().Order().ToList();
        foreach (var year in years)
        {
            var published = versions
                .Where(v => v.Year == year && v.PublishedAt is not null && v.CurrentState is SubmissionState.Published or SubmissionState.Superseded)
                .OrderBy(v => v.Version)
                .ToList();
            var live = published.LastOrDefault(v => v.CurrentState == SubmissionState.Published);
            if (live is null)
            {
                var stale = await site.GetRecordAsync(agencyId, year, cancellationToken);
                if (stale is not null)
                {
                    await site.WithdrawAsync(agencyId, year, stale.SubmissionId, cancellationToken);
                }

                continue;
            }

            var document = await storage.LoadReportDocumentAsync(live.Id, cancellationToken)
                ?? throw new InvalidOperationException($"the published version {live.Id} has no stored report");
            document.Report.Year = year;
            await site.RebuildAsync(
                new LivePublication(document, siteAgency, year, live.Id, live.Version, live.PublishedAt!.Value, live.Comments),
                published.Where(v => v.Version < live.Version).Select(v => (v.Id, v.Version, v.PublishedAt!.Value)).ToList(),
                cancellationToken);
        }

        foreach (var year in years)
        {
            await rollups.MarkChangedAsync(agency, year, cancellationToken);
        }

        logger.LogInformation("Rebuild: agency {Agency} done ({Years} years)", agencyId, years.Count);
    }
}
