using PublishPipeline.Access;
using PublishPipeline.Addresses;

namespace PublishPipeline.Pipeline;

/// <summary>Pipeline settings (configuration section "Pipeline").</summary>
public sealed class PipelineOptions
{
    public const string Section = "Pipeline";

    /// <summary>
    /// The largest draft accepted, in bytes (default 20 MB): the HTTP API, ingest and the reader all refuse larger
    /// files with this one value. Larger uploads are kept but rejected.
    /// </summary>
    public long MaxDraftBytes { get; set; } = 20 * 1024 * 1024;

    /// <summary>
    /// The public site's base URL, for links in emails (the static website endpoint or CDN in Azure). Required, no
    /// default: a default would be some host's localhost, and a forgotten app setting would mail localhost links.
    /// </summary>
    public string SiteBaseUrl { get; set; } = "";

    /// <summary>The HTTP API's base URL, for status links in emails. Required, no default (see <see cref="SiteBaseUrl"/>).</summary>
    public string ApiBaseUrl { get; set; } = "";

    /// <summary>The public addresses built from <see cref="SiteBaseUrl"/> and <see cref="ApiBaseUrl"/>.</summary>
    public PublicUrls Urls() => new(SiteBaseUrl, ApiBaseUrl);

    /// <summary>The public address of a report page, for links in emails and the submission record.</summary>
    public string ReportPageUrl(int year, string agencyId) => Urls().ReportPage(year, agencyId);

    /// <summary>Where a submitter or reviewer follows a submission (a page for browsers, JSON for programs).</summary>
    public string SubmissionStatusUrl(string submissionId) => Urls().SubmissionStatus(submissionId);

    /// <summary>The private preview of a submission's page.</summary>
    public string SubmissionPreviewUrl(string submissionId) => Urls().SubmissionPreview(submissionId);

    /// <summary>Where an agency uploads (for reminders).</summary>
    public string SubmitUrl() => Urls().Submit();

    /// <summary>
    /// Where the caller's identity comes from: <c>AppService</c> (Azure; the default, so a forgotten setting never
    /// trusts a header anyone can send) or <c>DevHeader</c> (the local dev host only).
    /// </summary>
    public AuthenticationMode Authentication { get; set; } = AuthenticationMode.AppService;

    /// <summary>Operators' addresses for pipeline alerts (';'-separated; configured, never taken from an upload).</summary>
    public string OperatorEmails { get; set; } = "";

    /// <summary>How far back the sweeper looks for drafts whose blob event was missed.</summary>
    public TimeSpan SweepLookBack { get; set; } = TimeSpan.FromDays(2);

    /// <summary>How long the blob trigger gets before the sweeper steps in.</summary>
    public TimeSpan SweepGrace { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>
    /// How long a due publication may take before the reconcile sweep asks for it again (a host that died while
    /// publishing holds its queue message for ten minutes). Longer than a publication under load takes: a slow one
    /// costs a redundant delivery, not a second page or email.
    /// </summary>
    public TimeSpan PublishGrace { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>
    /// Search is re-indexed after publications, debounced: once the site has been quiet this long after a change
    /// (a burst of publications in the last days of January makes one index, not one per publication)...
    /// A regional roll-up is rebuilt one quiet period after a publication of its region marked it changed (see
    /// <see cref="RollupJob"/>): the same burst makes about one rebuild per region.
    /// </summary>
    public TimeSpan SearchQuietPeriod { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>...or once a change has waited this long, however busy the site is.</summary>
    public TimeSpan SearchMaxDelay { get; set; } = TimeSpan.FromMinutes(15);
}
