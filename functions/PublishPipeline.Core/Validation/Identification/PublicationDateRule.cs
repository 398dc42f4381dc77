using System.Globalization;
using PublishPipeline.Reports;

namespace PublishPipeline.Validation.Identification;

/// <summary>A4: the 落款 / 发布日期 is after the statistical period ends; a report dated inside its own year cannot report the whole year.</summary>
public sealed class PublicationDateRule : IValidationRule
{
    public string Id => "A4";

    public IEnumerable<Finding> Check(ValidationContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var report = context.Report;
        var (date, source) = PublicationDate.Of(context);
        if (date is not { } published)
        {
            yield return NotChecked.For(Id, "落款日期或发布日期", "无法核对报告是否在统计年度结束后发布", new FindingLocation { Section = "other" });
            yield break;
        }

        if (report.Year is { } year && published <= new DateOnly(year, 12, 31))
        {
            yield return new Finding
            {
                Rule = Id,
                Severity = Severity.Warning,
                Location = new FindingLocation { Section = source == "report" ? "other" : "published_at" },
                Message = $"{(source == "report" ? "报告的落款/发布日期" : "发布日期")}为 {published.Year}年{published.Month}月{published.Day}日，早于统计年度结束（{year}年12月31日）：年度报告应在统计年度结束后编制发布，请核对日期",
            };
        }
    }
}
