using PublishPipeline.Reading;
using PublishPipeline.Reports;
using PublishPipeline.Validation;

namespace PublishPipeline.Tests.Reading.RealForms;

/// <summary>
/// tests/data/forms/2020-pingtan-gwh-crawltxt.txt: the year the corpus's Pingtan series lacks, in the same crawled form
/// (whitespace collapsed, cells run together), and the only one in the 2019 template, whose 本年增/减 can be negative
/// inside a run ("行政处罚2648-18538"). Its table 三 does not add up: every row has one split under its own total, and
/// D2 must say the results (27) are not the total (21) instead of the reader calling the table unreadable.
/// </summary>
public class Pingtan2020CrawledTests
{
    private const string Name = "2020-pingtan-gwh-crawltxt.txt";

    private static (Report Report, IReadOnlyList<Finding> Findings) Check()
    {
        var read = new DraftReader().Read(Name, RepoData.Bytes(Name));
        Assert.False(read.Unreadable, string.Join("；", read.Findings.Select(f => f.Message)));
        return (read.Report!, new ReportValidator().Validate(read.Report!));
    }

    private static decimal?[] Row(Report report, string key) => report.Tables.Requests![key].Select(c => c.AsNumber).ToArray();

    [Fact]
    public void It_reads_as_a_2019_template_report_with_its_six_parts()
    {
        var (report, _) = Check();

        Assert.Equal("2019", report.Template);
        Assert.Equal(2020, report.Year);
        Assert.Equal("平潭综合实验区", report.Agency);
        Assert.Equal("2021-03-05", report.PublishedOn);
        Assert.Equal(["overview", "proactive", "requests", "review_litigation", "problems", "other"], report.Sections.Select(s => s.Key));
    }

    [Fact]
    public void Table_three_reads_row_by_row_and_D2_reports_what_does_not_add_up()
    {
        var (report, findings) = Check();

        Assert.Equal([20m, 0, 0, 0, 0, 1, 21], Row(report, "new"));
        Assert.Equal([6m, 0, 0, 0, 0, 1, 7], Row(report, "r1"));
        Assert.Equal([4m, 0, 0, 0, 0, 0, 4], Row(report, "r6"));
        Assert.Equal([20m, 0, 0, 0, 0, 1, 21], Row(report, "total"));
        Assert.Null(report.Tables.Unread?.FirstOrDefault(u => u.Table == "requests"));

        var d2 = findings.Where(f => f.Rule == "D2").ToList();
        Assert.Contains(d2, f => f.Message.Contains("应为 27", StringComparison.Ordinal) && f.Message.Contains("实为 21", StringComparison.Ordinal));
        Assert.Contains(d2, f => f.Message.Contains("应为 26", StringComparison.Ordinal) && f.Message.Contains("实为 20", StringComparison.Ordinal));
    }

    [Fact]
    public void A_negative_change_inside_a_run_is_part_of_the_row_and_the_row_is_not_guessed()
    {
        var (report, findings) = Check();

        // 行政处罚 "2648-18538": the minus starts the 本年增/减 cell, but 2648 and 18538 still split several ways.
        var penalty = Assert.Single(report.Tables.Unread!, u => u.Row == "art20_6/penalty");
        Assert.Equal("2648-18538", penalty.Printed);
        Assert.Contains(findings, f => f.Rule == "C7" && f.Message.Contains("2648-18538", StringComparison.Ordinal));

        // 行政事业性收费 "35-15" has one split: 35 last year, −15 this year.
        Assert.Equal([35m, -15m], report.Tables.Proactive!["art20_8"]["fees"].Select(c => c.AsNumber));
        Assert.DoesNotContain(findings, f => f.Rule is "C1" or "B4" && f.Message.Contains("行政处罚", StringComparison.Ordinal));
    }
}
