using System.Globalization;
using PublishPipeline.Agencies;
using PublishPipeline.Calendar;
using PublishPipeline.Reports;
using PublishPipeline.Site;
using PublishPipeline.Storage;
using PublishPipeline.Submissions;
using PublishPipeline.Validation;

namespace PublishPipeline.Pipeline;

/// <summary>
/// What the pipeline knows about a draft that the draft does not say: the year it was submitted for, the agency as
/// registered (name, level, region), when it was submitted, and the agency's published report of the year before
/// (for the G rules).
/// </summary>
public sealed class ValidationInputsFactory(PipelineStorage storage)
{
    /// <param name="year">The year the draft was submitted for: the year of its page, which the draft's own year must equal (A8).</param>
    public async Task<ValidationInputs> CreateAsync(Agency agency, int year, DateTimeOffset submittedAt, CancellationToken cancellationToken = default) =>
        Create(agency, year, submittedAt, await LoadPublishedAsync(agency.Id, year - 1, cancellationToken));

    /// <summary>The inputs for a draft submitted for <paramref name="year"/>, with the agency's report of the year before when there is one.</summary>
    public static ValidationInputs Create(Agency agency, int year, DateTimeOffset submittedAt, Report? previousReport)
    {
        ArgumentNullException.ThrowIfNull(agency);
        return new()
        {
            SubmittedForYear = year,
            ExpectedAgencyName = agency.Name,
            AgencyLevel = AgencyLevels.All.Contains(agency.Level) ? agency.Level : null,
            AgencyRegion = string.IsNullOrWhiteSpace(agency.Region) ? null : agency.Region,
            SubmittedAt = DateOnly.FromDateTime(ChinaTime.ToChina(submittedAt).DateTime),
            PreviousReport = previousReport,
        };
    }

    /// <summary>The live published report of an agency for a year, or null when there is none.</summary>
    public async Task<Report?> LoadPublishedAsync(string agencyId, int year, CancellationToken cancellationToken = default)
    {
        var row = await storage.SiteIndex.GetEntityIfExistsAsync<Site.Live.SiteIndexRow>(
            Site.Live.SiteIndexKeys.Agency(agencyId), Site.Live.SiteIndexKeys.YearRow(year), cancellationToken: cancellationToken);
        if (!row.HasValue)
        {
            return null;
        }

        var live = Site.Live.SiteIndexJson.Read<Site.Live.SiteReportRecord>(row.Value!.Json);
        return (await storage.LoadReportDocumentAsync(live.SubmissionId, cancellationToken))?.Report;
    }
}
