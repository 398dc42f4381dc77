using PublishPipeline.Rollups;
using PublishPipeline.Site.Live;
using PublishPipeline.Storage;
using PublishPipeline.Submissions;

namespace PublishPipeline.Pipeline;

/// <summary>
/// Loads what a regional roll-up is made of — the agencies the region covers, the live version of each for the year
/// (the version the public site shows, from the site index: the publish stage writes it before it records the version
/// Published, so a roll-up rebuilt at any moment agrees with the report pages it links to), its stored report — and
/// hands them to the core's <see cref="RollupCalculator"/>. Used by the site's roll-up job and by <c>pubpipe rollup</c>.
/// </summary>
public sealed class RegionRollups(RegionDirectory regions, AgencyDirectory agencies, LiveSitePublisher site, PipelineStorage storage)
{
    private const int Parallelism = 8;

    /// <summary>A supervised region by its id (<c>lanxi</c>), its path (<c>浙江省/金华市/兰溪市</c>) or its name (<c>兰溪市</c>, when only one region has it).</summary>
    public async Task<SupervisedRegion?> FindAsync(string idOrPath, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(idOrPath);
        var wanted = idOrPath.Trim().Trim('/');
        if (await regions.GetAsync(wanted, cancellationToken) is { } byId)
        {
            return byId;
        }

        var all = await regions.ListAsync(cancellationToken);
        return all.FirstOrDefault(r => r.Region == wanted)
            ?? (all.Where(r => r.Name == wanted).ToList() is [var only] ? only : null);
    }

    /// <summary>
    /// The region's roll-up for <paramref name="year"/>. Reads the agency directory once and, for each agency of the
    /// region, one table row and its published report (up to eight at a time); never any other region's reports.
    /// </summary>
    public async Task<RegionRollup> ComputeAsync(SupervisedRegion region, int year, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(region);
        var covered = (await agencies.ListAsync(cancellationToken)).Where(region.Covers).ToList();
        var found = new RollupSource?[covered.Count];
        await Parallel.ForEachAsync(
            Enumerable.Range(0, covered.Count),
            new ParallelOptions { MaxDegreeOfParallelism = Parallelism, CancellationToken = cancellationToken },
            async (i, ct) => found[i] = await LiveReportAsync(covered[i], year, ct));

        var published = found.OfType<RollupSource>().ToList();
        var notPublished = covered.Where((_, i) => found[i] is null).Select(a => new RollupAgency(a.Id, a.Name));
        return RollupCalculator.Compute(region.Name, year, published, notPublished);
    }

    private async Task<RollupSource?> LiveReportAsync(Agency agency, int year, CancellationToken cancellationToken)
    {
        if (await site.GetRecordAsync(agency.Id, year, cancellationToken) is not { } live)
        {
            return null;
        }

        var document = await storage.LoadReportDocumentAsync(live.SubmissionId, cancellationToken)
            ?? throw new InvalidOperationException($"the live version {live.SubmissionId} has no stored report");
        document.Report.Year = year;
        return new RollupSource(agency.Id, agency.Name, live.SubmissionId, live.Version, document.Report);
    }
}
