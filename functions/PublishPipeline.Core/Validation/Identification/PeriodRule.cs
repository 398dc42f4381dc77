using PublishPipeline.Reports;

namespace PublishPipeline.Validation.Identification;

/// <summary>
/// A3: the statistical period is the report year's 1月1日 to 12月31日 (DB51/T 2660 §2.1); a wrong period is an error.
/// A period not stated at all is a warning: the national format prints no period sentence, and published reports
/// (the seed) leave it to the title's year.
/// </summary>
public sealed class PeriodRule : IValidationRule
{
    public string Id => "A3";

    public IEnumerable<Finding> Check(ValidationContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var report = context.Report;
        var period = report.Period;
        if (period is null)
        {
            var year = report.Year is { } y ? $"{y}" : "××××";
            yield return new Finding
            {
                Rule = Id,
                Severity = Severity.Warning,
                Location = new FindingLocation { Section = "preamble" },
                Message = $"未找到统计期限：请在导语中写明“本报告中所列数据的统计期限自{year}年1月1日起至{year}年12月31日止”（日期须含年、月、日）",
            };
            yield break;
        }

        var reportYear = report.Year ?? int.Parse(period.From.AsSpan(0, 4), System.Globalization.CultureInfo.InvariantCulture);
        var from = $"{reportYear}-01-01";
        var to = $"{reportYear}-12-31";
        if (period.From != from || period.To != to)
        {
            yield return new Finding
            {
                Rule = Id,
                Severity = Severity.Error,
                Location = new FindingLocation { Section = "preamble" },
                Message = $"统计期限为 {Show(period.From)}至{Show(period.To)}，应为 {reportYear}年1月1日至{reportYear}年12月31日（整个报告年度）",
            };
        }
    }

    internal static string Show(string iso) =>
        DateOnly.TryParseExact(iso, "yyyy-MM-dd", out var date) ? $"{date.Year}年{date.Month}月{date.Day}日" : iso;
}
