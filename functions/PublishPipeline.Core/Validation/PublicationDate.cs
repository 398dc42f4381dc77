using System.Globalization;

namespace PublishPipeline.Validation;

/// <summary>When the report was published: its own 落款/发布日期 first, then the date the pipeline recorded (A4, H1).</summary>
internal static class PublicationDate
{
    public static (DateOnly? Date, string Source) Of(ValidationContext context)
    {
        if (context.Report.PublishedOn is { } printed
            && DateOnly.TryParseExact(printed, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            return (date, "report");
        }

        return (context.Inputs.PublishedAt, "inputs");
    }
}
