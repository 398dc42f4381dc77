using PublishPipeline.Reports;
using PublishPipeline.Validation;
using PublishPipeline.Validation.Arithmetic;

namespace PublishPipeline.Tests.Validation.Fixes;

/// <summary>
/// <see cref="TableEquations"/> and the D rules describe the same 勾稽关系: raising any one cell of tables 三 and 四 fires
/// exactly the rules of the equations that contain it, each at that equation's target cell. If a rule and the description
/// ever drift apart, the solver would suggest fixes the rules do not accept; this test says which cell shows it.
/// </summary>
public class TableEquationsTests
{
    [Theory]
    [InlineData("2019")]
    [InlineData("2021")]
    public void Raising_a_cell_fires_exactly_the_rules_of_the_equations_that_contain_it(string templateId)
    {
        var template = TemplateCatalog.Get(templateId);
        var report = FixTables.Build(template, Enumerable.Range(0, 200).Select(i => 1 + (i * 3 % 8)).ToArray());
        var validator = new ReportValidator();
        Assert.Empty(FixTables.ArithmeticFailures(report));

        foreach (var table in FixTables.Tables)
        {
            var equations = TableEquations.For(template, table);
            var context = new ValidationContext(report);
            foreach (var cell in FixTables.Cells(template, table))
            {
                var changed = FixTables.Copy(report);
                FixTables.Set(changed, cell, CellValue.Of(FixTables.Get(changed, cell).Number + 1));

                var expected = equations.Where(e => e.Terms.Any(t => t.Cell == cell))
                    .Select(e => $"{e.Rule} {e.Target.Row} {context.ColumnKey(table, e.Target.Row, e.Target.Column)}")
                    .Order(StringComparer.Ordinal);
                var fired = validator.Validate(changed).Where(f => f.Rule is "D1" or "D2" or "D3" or "D4")
                    .Select(f => $"{f.Rule} {f.Location!.Row} {f.Location.Column}")
                    .Order(StringComparer.Ordinal);
                Assert.True(expected.SequenceEqual(fired), $"{cell}: equations {string.Join(", ", expected)}; rules {string.Join(", ", fired)}");
            }
        }
    }

    [Fact]
    public void Table_three_has_one_identity_and_one_result_sum_per_column_and_one_row_sum_per_row()
    {
        foreach (var template in TemplateCatalog.All)
        {
            var equations = TableEquations.For(template, ValidationContext.Requests);
            var columns = template.Requests.Columns.Count;
            Assert.Equal(columns, equations.Count(e => e.Rule == "D1"));
            Assert.Equal(columns, equations.Count(e => e.Rule == "D2"));
            Assert.Equal(template.Requests.Rows.Count, equations.Count(e => e.Rule == "D3"));
            Assert.Equal(template.ReviewLitigation.Groups.Count, TableEquations.For(template, ValidationContext.ReviewLitigation).Count(e => e.Rule == "D4"));
        }
    }
}
