using CsCheck;
using PublishPipeline.Reports;
using PublishPipeline.Validation;

namespace PublishPipeline.Tests.Validation.Properties;

/// <summary>
/// Generated consistent reports of both templates have no arithmetic (D) finding; changing any one cell of table 三
/// or 四 makes exactly the D rules whose relations contain that cell fire, each on the row or column of that cell.
/// Only D findings are compared: other rules (E1 …) may also react to a changed cell, by design.
/// </summary>
public class DRulePropertyTests
{
    private const int Applicants = 6;

    private static readonly ReportValidator Validator = new();

    public static TheoryData<string> Templates => new() { "2019", "2021" };

    /// <summary>One free integer per degree of freedom; the rest follows from the identities.</summary>
    private static Gen<Report> Consistent(string templateId)
    {
        var template = TemplateCatalog.Get(templateId);
        var results = template.Requests.ResultRows.Select(r => r.Key).ToList();
        var perColumn = results.Count + 2;
        return Gen.Int[0, 40].Array[(Applicants * perColumn) + 12 + 16].Select(values => Build(template, values));
    }

    /// <summary>The consistent tables 三 and 四 of <see cref="Fixes.FixTables.Build"/>, and table 二 from the values after theirs.</summary>
    private static Report Build(ReportTemplate template, int[] values)
    {
        var report = Fixes.FixTables.Build(template, values);
        var next = (Applicants * (template.Requests.ResultRows.Count() + 2)) + (4 * template.ReviewLitigation.Groups.Count);
        var proactive = template.Proactive.ToDictionary(item => item.Key, item => item.Rows.ToDictionary(row => row.Key, row => item.Columns.Select(column => column.Type switch
        {
            "signed_int" => CellValue.Of(values[next++ % values.Length] - 20),
            "decimal_wan_yuan" or "money_unit_unspecified" => CellValue.Of(values[next++ % values.Length] / 4m),
            _ => CellValue.Of(values[next++ % values.Length]),
        }).ToList()));
        report.Tables.Proactive = proactive;
        return report;
    }

    private static List<(string Rule, string Table, string Row, string Column)> DFindings(Report report) =>
        Validator.Validate(report).Where(f => f.Rule[0] == 'D')
            .Select(f => (f.Rule, f.Location!.Table!, f.Location.Row!, f.Location.Column!)).OrderBy(f => f.ToString(), StringComparer.Ordinal).ToList();

    [Theory]
    [MemberData(nameof(Templates))]
    public void Consistent_reports_have_no_arithmetic_finding(string template)
    {
        Consistent(template).Sample(report => Assert.Empty(DFindings(report)), iter: 300);
    }

    [Theory]
    [MemberData(nameof(Templates))]
    public void Changing_one_cell_fires_exactly_the_D_rules_involving_it_at_its_row_or_column(string templateId)
    {
        var template = TemplateCatalog.Get(templateId);
        var requestRows = template.Requests.Rows.Select(r => r.Key).ToList();
        var groups = template.ReviewLitigation.Groups.Select(g => g.Key).ToList();
        var cells = (requestRows.Count * 7) + (groups.Count * 5);
        Gen.Select(Consistent(templateId), Gen.Int[0, cells - 1], Gen.Int[1, 9]).Sample(
            t =>
            {
                var (report, cell, delta) = t;
                List<(string, string, string, string)> expected;
                if (cell < requestRows.Count * 7)
                {
                    var (row, column) = (requestRows[cell / 7], cell % 7);
                    var columnKey = template.Requests.Columns[column].Key;
                    var list = report.Tables.Requests![row];
                    list[column] = CellValue.Of(list[column].Number + delta);
                    expected = [("D3", "requests", row, "total")];
                    if (row is "new" or "carried_in" or "total" or "carried_out")
                    {
                        expected.Add(("D1", "requests", "carried_out", columnKey));
                    }

                    if (row == "total" || row.StartsWith('r'))
                    {
                        expected.Add(("D2", "requests", "total", columnKey));
                    }
                }
                else
                {
                    var index = cell - (requestRows.Count * 7);
                    var group = groups[index / 5];
                    var list = report.Tables.ReviewLitigation![group];
                    list[index % 5] = CellValue.Of(list[index % 5].Number + delta);
                    expected = [("D4", "review_litigation", group, "total")];
                }

                Assert.Equal(expected.OrderBy(f => f.ToString(), StringComparer.Ordinal), DFindings(report));
            },
            iter: 500);
    }
}
