namespace PublishPipeline.Reports;

/// <summary>
/// The JSON contract's envelope: what <c>pubpipe validate --json</c> prints, what the pipeline stores for each
/// parsed draft, and the open-data download beside each report page.
/// </summary>
public sealed class ReportDocument
{
    public const string SchemaId = "gov-disclosure-annual-report/1";

    public string Schema { get; set; } = SchemaId;

    public ReportSource Source { get; set; } = new();

    public Report Report { get; set; } = new();

    public List<Finding> Findings { get; set; } = [];

    public FindingSummary Summary { get; set; } = new();

    /// <summary>Recounts <see cref="Summary"/> from <see cref="Findings"/>.</summary>
    public void Summarise() => Summary = FindingSummary.Of(Findings);
}

public sealed class ReportSource
{
    public string? File { get; set; }

    /// <summary>docx, text, html, pdf or json.</summary>
    public string? Format { get; set; }

    public string? Sha256 { get; set; }
}

public sealed class FindingSummary
{
    public int Errors { get; set; }

    public int Warnings { get; set; }

    public int Info { get; set; }

    /// <summary>Rules whose findings were capped (some left out); null when every finding is listed.</summary>
    public List<string>? PartialRules { get; set; }

    public static FindingSummary Of(IEnumerable<Finding> findings)
    {
        var summary = new FindingSummary();
        foreach (var finding in findings)
        {
            switch (finding.Severity)
            {
                case Severity.Error: summary.Errors++; break;
                case Severity.Warning: summary.Warnings++; break;
                default: summary.Info++; break;
            }

            if (finding.Omitted > 0)
            {
                (summary.PartialRules ??= []).Add(finding.Rule);
            }
        }

        return summary;
    }
}
