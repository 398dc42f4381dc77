using PublishPipeline.Reports;

namespace PublishPipeline.Validation.Structure;

/// <summary>
/// B4: tables 二 and 三 have exactly the rows and columns of the template they use: each missing row, each extra row
/// and each row with the wrong number of cells is one finding (table 四 is D5). A table that is absent is B2's. Rows
/// the reader kept out of the tables because the template has no such row (<see cref="ReportTables.ExtraRows"/>) are
/// reported by their printed label.
/// </summary>
public sealed class TableShapeRule : IValidationRule
{
    public string Id => "B4";

    public IEnumerable<Finding> Check(ValidationContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var template = context.Template;
        if (context.Report.Tables.Proactive is { } proactive && (proactive.Count > 0 || context.Report.Tables.HasUnread(ValidationContext.Proactive)))
        {
            foreach (var item in template.Proactive)
            {
                if (!proactive.TryGetValue(item.Key, out var rows))
                {
                    if (item.Rows.Any(r => TableCells.IsUnread(context, ValidationContext.Proactive, ValidationContext.ProactiveKey(item.Key, r.Key))))
                    {
                        continue; // printed, but not readable: C7, not a missing item
                    }

                    yield return Error(ValidationContext.Proactive, item.Key, $"表二缺少“{item.Label}”（{string.Join("、", item.Rows.Select(r => r.Label))}）：请按格式补齐这一项及其表头行");
                    continue;
                }

                foreach (var row in item.Rows.Where(r => !rows.ContainsKey(r.Key) && !TableCells.IsUnread(context, ValidationContext.Proactive, ValidationContext.ProactiveKey(item.Key, r.Key))))
                {
                    yield return Error(ValidationContext.Proactive, ValidationContext.ProactiveKey(item.Key, row.Key), $"表二“{item.Label}”缺少「{row.Label}」行：没有数据也应保留该行并填 0");
                }

                foreach (var (rowKey, cells) in rows)
                {
                    var key = ValidationContext.ProactiveKey(item.Key, rowKey);
                    if (item.Rows.All(r => r.Key != rowKey))
                    {
                        yield return Error(ValidationContext.Proactive, key, $"表二“{item.Label}”多出「{context.RowLabel(ValidationContext.Proactive, key)}」行：格式中没有这一行，请删去并把内容写入正文");
                    }
                    else if (cells.Count != item.Columns.Count)
                    {
                        yield return Error(ValidationContext.Proactive, key, $"表二「{context.RowLabel(ValidationContext.Proactive, key)}」行有 {cells.Count} 个单元格，应为 {item.Columns.Count} 个（{string.Join("、", item.Columns.Select(c => c.Label))}）", item.Columns.Count, cells.Count);
                    }
                }
            }
        }

        if (context.Report.Tables.Requests is { } requests && (requests.Count > 0 || context.Report.Tables.HasUnread(ValidationContext.Requests)))
        {
            var columns = template.Requests.Columns.Count;
            foreach (var row in template.Requests.Rows.Where(r => !requests.ContainsKey(r.Key) && !TableCells.IsUnread(context, ValidationContext.Requests, r.Key)))
            {
                yield return Error(ValidationContext.Requests, row.Key, $"表三缺少「{row.Label.Replace('/', ' ')}」行：没有数据也应保留该行并填 0");
            }

            foreach (var (rowKey, cells) in requests)
            {
                if (template.Requests.Row(rowKey) is null)
                {
                    // A row of the other template is B3's finding; anything else is extra.
                    if (TemplateCatalog.All.All(t => t.Requests.Row(rowKey) is null))
                    {
                        yield return Error(ValidationContext.Requests, rowKey, $"表三多出「{rowKey}」行：格式中没有这一行，请删去");
                    }
                }
                else if (cells.Count != columns)
                {
                    yield return Error(ValidationContext.Requests, rowKey, $"表三「{context.RowLabel(ValidationContext.Requests, rowKey)}」行有 {cells.Count} 个单元格，应为 {columns} 个（自然人、五类法人或其他组织、总计）", columns, cells.Count);
                }
            }
        }

        foreach (var (table, printed) in context.Report.Tables.ExtraRows ?? [])
        {
            foreach (var label in printed)
            {
                yield return new Finding
                {
                    Rule = Id,
                    Severity = Severity.Error,
                    Location = new FindingLocation { Table = table },
                    Message = $"{ValidationContext.TableName(table)}多出「{label}」行：格式中没有这一行（其数字未计入表格核对），请删去并把内容写入正文",
                };
            }
        }
    }

    private Finding Error(string table, string row, string message, decimal? expected = null, decimal? actual = null) => new()
    {
        Rule = Id,
        Severity = Severity.Error,
        Location = new FindingLocation { Table = table, Row = row },
        Message = message,
        Expected = expected,
        Actual = actual,
    };
}
