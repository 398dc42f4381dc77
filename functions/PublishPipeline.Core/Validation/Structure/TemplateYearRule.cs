using PublishPipeline.Reports;

namespace PublishPipeline.Validation.Structure;

/// <summary>
/// B3: the tables follow the template of the report year (FORMAT.md §1): 2021+ reports use 本年制发件数/本年废止件数/
/// 现行有效件数, have no 第二十条第（九）项 and split （六）其他处理 into three rows; 2019/2020 reports use the 试行 tables.
/// </summary>
public sealed class TemplateYearRule : IValidationRule
{
    public string Id => "B3";

    public IEnumerable<Finding> Check(ValidationContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var report = context.Report;
        if (context.RequiredTemplate is not { } required)
        {
            yield break;
        }

        var year = report.Year!.Value;
        if (report.Template is { } used && used != required.Id && TemplateCatalog.Find(used) is { } usedTemplate)
        {
            yield return new Finding
            {
                Rule = Id,
                Severity = Severity.Error,
                Location = new FindingLocation { Section = ValidationContext.Proactive, Table = ValidationContext.Proactive },
                Message = $"{year} 年度报告应使用{required.IssuedBy}印发的《{required.Name}》，但表格是《{usedTemplate.Name}》的格式"
                    + $"（表二第二十条第（一）项的列为“{string.Join("、", usedTemplate.Proactive[0].Columns.Select(c => c.Label))}”，"
                    + $"应为“{string.Join("、", required.Proactive[0].Columns.Select(c => c.Label))}”）：请按{year}年适用的格式重新填写表二、表三",
            };
            yield break;
        }

        // Rows of the other template inside tables otherwise read as this year's.
        var otherItems = report.Tables.Proactive?.Keys.Where(k => required.Proactive.All(p => p.Key != k)).ToList() ?? [];
        foreach (var item in otherItems)
        {
            var label = TemplateCatalog.All.SelectMany(t => t.Proactive).First(p => p.Key == item).Label;
            yield return new Finding
            {
                Rule = Id,
                Severity = Severity.Error,
                Location = new FindingLocation { Table = ValidationContext.Proactive, Row = item },
                Message = $"表二有“{label}”，但{required.Name}没有这一项（{year} 年度报告适用{required.IssuedBy}）：请删去",
            };
        }

        var requests = report.Tables.Requests;
        if (requests is null)
        {
            yield break;
        }

        foreach (var row in requests.Keys.Where(k => k.StartsWith("r6", StringComparison.Ordinal) && required.Requests.Row(k) is null))
        {
            var expected = string.Join("、", required.Requests.Rows.Where(r => r.Key.StartsWith("r6", StringComparison.Ordinal)).Select(r => r.Label.Replace('/', ' ')));
            yield return new Finding
            {
                Rule = Id,
                Severity = Severity.Error,
                Location = new FindingLocation { Table = ValidationContext.Requests, Row = row },
                Message = $"表三「{context.RowLabel(ValidationContext.Requests, row)}」行不符合 {year} 年度适用的格式：应为 {expected}",
            };
        }
    }
}
