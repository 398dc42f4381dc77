using System.Text;
using PublishPipeline.Checking;
using PublishPipeline.Reports;

namespace PublishPipeline.Tests.Reading.Forms;

/// <summary>
/// Issue 10, tables with labels and no values (corpus 2019-xiongxian-xiang, printed as a list of labels): a table of
/// blanks, not "no table", so the template is still known from its labels.
/// </summary>
public class LabelListTableTests
{
    private static string Xiongxian => File.ReadAllText(Corpus.File("2019-xiongxian-xiang.txt"));

    [Fact]
    public void A_table_of_labels_without_values_is_a_table_of_blanks()
    {
        var check = new DraftChecker().Check("report.txt", Encoding.UTF8.GetBytes(Xiongxian));
        var tables = check.Document.Report!.Tables;

        Assert.Equal("2019", check.Document.Report.Template);
        Assert.All(tables.Proactive!["art20_5"]["licensing"], c => Assert.True(c.IsBlank));
        Assert.All(tables.Requests!["r6"], c => Assert.True(c.IsBlank));
        Assert.All(tables.Requests["total"], c => Assert.True(c.IsBlank));
        Assert.DoesNotContain(check.Findings, f => f.Rule == "B2" && f.Location?.Table is "proactive" or "requests");
        Assert.Contains(check.Findings, f => f.Rule == "C1" && f.Location?.Table == "requests");
    }

    [Fact]
    public void A_2022_report_printed_as_the_2019_label_list_gets_b3()
    {
        var text = "2022年某乡人民政府政府信息公开工作年度报告\n" + Xiongxian.Replace("2019年", "2022年", StringComparison.Ordinal);

        var check = new DraftChecker().Check("report.txt", Encoding.UTF8.GetBytes(text));

        Assert.Equal(2022, check.Document.Report!.Year);
        Assert.Contains(check.Findings, f => f.Rule == "B3" && f.Severity == Severity.Error);
    }
}
