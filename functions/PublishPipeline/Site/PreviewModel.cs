using PublishPipeline.Reports;

namespace PublishPipeline.Site;

/// <summary>
/// What the private preview of a submitted version shows: its parsed report, rendered as the public page will be,
/// under a banner naming the agency, year, version and state. <paramref name="State"/> is the state's enum name
/// ("AwaitingReview"); <paramref name="Year"/> is the submission's, which a draft may not state itself.
/// </summary>
public sealed record PreviewModel(
    ReportDocument Document,
    string AgencyId,
    string AgencyName,
    int Year,
    int Version,
    string State,
    string SubmissionId,
    DateTimeOffset ReceivedAt);
