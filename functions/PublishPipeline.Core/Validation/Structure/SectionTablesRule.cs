using PublishPipeline.Reports;

namespace PublishPipeline.Validation.Structure;

/// <summary>
/// B2: parts 二, 三 and 四 contain their tables as text, not just a heading (a table pasted as an image reads as nothing).
/// </summary>
public sealed class SectionTablesRule : IValidationRule
{
    public string Id => "B2";

    public IEnumerable<Finding> Check(ValidationContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var tables = context.Report.Tables;
        var present = new Dictionary<string, bool>
        {
            [ValidationContext.Proactive] = tables.Proactive is { Count: > 0 } || tables.HasUnread(ValidationContext.Proactive),
            [ValidationContext.Requests] = tables.Requests is { Count: > 0 } || tables.HasUnread(ValidationContext.Requests),
            [ValidationContext.ReviewLitigation] = tables.ReviewLitigation is { Count: > 0 } || tables.HasUnread(ValidationContext.ReviewLitigation),
        };
        foreach (var section in context.Report.Sections)
        {
            if (section.Key is { } key && present.TryGetValue(key, out var hasTable) && !hasTable)
            {
                present[key] = true; // one finding per part, even if the heading repeats
                yield return new Finding
                {
                    Rule = Id,
                    Severity = Severity.Error,
                    Location = new FindingLocation { Section = key, Table = key },
                    Message = $"{context.SectionName(key)}只有标题，没有{ValidationContext.TableName(key)}：请按格式以文字表格填写（表格不能是图片），没有数据的单元格填 0",
                };
            }
        }
    }
}
