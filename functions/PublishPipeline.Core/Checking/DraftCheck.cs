using PublishPipeline.Reports;

namespace PublishPipeline.Checking;

/// <summary>
/// The outcome of checking one draft: the contract document and the verdict as an exit code
/// (REPORT-JSON.md: 0 no errors, 1 the report has errors, 2 not a readable report).
/// </summary>
public sealed record DraftCheck(ReportDocument Document, int ExitCode)
{
    public const int Clean = 0;
    public const int HasErrorsCode = 1;
    public const int UnreadableCode = 2;

    public bool IsUnreadable => ExitCode == UnreadableCode;

    public bool HasErrors => ExitCode != Clean;

    /// <summary>No errors (warnings and info allowed): the draft may go on to review.</summary>
    public bool IsPublishable => ExitCode == Clean;

    public IReadOnlyList<Finding> Findings => Document.Findings;
}
