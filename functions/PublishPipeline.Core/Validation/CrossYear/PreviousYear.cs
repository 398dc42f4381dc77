using PublishPipeline.Reports;

namespace PublishPipeline.Validation.CrossYear;

/// <summary>The previous report when it is usable for cross-year checks: given, and for the year before this one.</summary>
internal static class PreviousYear
{
    public static Report? Of(ValidationContext context)
    {
        var previous = context.Inputs.PreviousReport;
        if (previous is null)
        {
            return null;
        }

        return context.Report.Year is { } year && previous.Year is { } previousYear && previousYear != year - 1 ? null : previous;
    }

    public static string Text(Report report, string sectionKey) =>
        string.Concat(report.Sections.Where(s => s.Key == sectionKey).Select(s => s.Text));
}
