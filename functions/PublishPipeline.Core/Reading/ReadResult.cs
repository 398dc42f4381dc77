using PublishPipeline.Reports;

namespace PublishPipeline.Reading;

/// <summary>
/// What reading a draft gave: the report (null when unreadable), the source format (text, json, docx, html, pdf,
/// unknown), reader findings (A0 when the input is not a readable report), and whether the input was unreadable.
/// </summary>
public sealed record ReadResult(Report? Report, string Format, IReadOnlyList<Finding> Findings, bool Unreadable)
{
    public static ReadResult Readable(Report report, string format) => new(report, format, [], false);

    public static ReadResult Refused(string format, string message, Report? report = null) =>
        new(report, format, [new Finding { Rule = "A0", Severity = Severity.Error, Message = message }], true);
}
