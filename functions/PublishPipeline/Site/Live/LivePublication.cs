using PublishPipeline.Reports;
using PublishPipeline.Site.Model;

namespace PublishPipeline.Site.Live;

/// <summary>
/// One version going live: its document, its agency as the directory has it, the year it was submitted for (the year
/// of its page), and the facts of the publication.
/// </summary>
public sealed record LivePublication(
    ReportDocument Document,
    SiteAgency Agency,
    int Year,
    string SubmissionId,
    int Version,
    DateTimeOffset PublishedAt,
    string? CorrectionNote);
