using PublishPipeline.Reading;
using PublishPipeline.Reading.Flattened;
using PublishPipeline.Reports;
using PublishPipeline.Validation;

namespace PublishPipeline.Tests.Reading.Flattened;

/// <summary>
/// corpus/forms/: one agency's reports (平潭综合实验区, 2018–2025) as a site archive crawled them, whitespace collapsed
/// and table cells run together. Each reads to the figures INDEX.md's forms section gives; where a row has no unique
/// split, C7 says so and no other rule speaks of its cells.
/// </summary>
public class PingtanOutcomeTests
{
    private static readonly ReportValidator Validator = new();

    private static string Name(int year) => year == 2018 ? "forms/2018-pingtan-gwh-old-crawltxt.txt" : $"forms/{year}-pingtan-gwh-crawltxt.txt";

    private static ReadResult Read(int year) => new DraftReader().Read(Path.GetFileName(Name(year)), Corpus.Bytes(Name(year)));

    private static (Report Report, IReadOnlyList<Finding> Findings) Check(int year)
    {
        var read = Read(year);
        Assert.False(read.Unreadable, string.Join("；", read.Findings.Select(f => f.Message)));
        return (read.Report!, Validator.Validate(read.Report!));
    }

    private static decimal[] Row(Report report, string key) => report.Tables.Requests![key].Select(c => c.AsNumber ?? -1).ToArray();

    private static decimal[] Totals(Report report) =>
        new[] { "review", "suit_direct", "suit_after_review" }.Select(g => report.Tables.ReviewLitigation![g][4].AsNumber ?? -1).ToArray();

    [Theory]
    [InlineData(2019)]
    [InlineData(2022)]
    [InlineData(2023)]
    [InlineData(2024)]
    [InlineData(2025)]
    public void Every_report_has_its_header_title_six_parts_and_no_error(int year)
    {
        var (report, findings) = Check(year);

        Assert.Equal($"平潭综合实验区{year}年度政府信息公开工作年度报告", report.Title);
        Assert.Equal("平潭综合实验区", report.Agency);
        Assert.Equal(year, report.Year);
        Assert.StartsWith($"{year + 1}-", report.PublishedOn, StringComparison.Ordinal);
        Assert.Equal(["overview", "proactive", "requests", "review_litigation", "problems", "other"], report.Sections.Select(s => s.Key));
        Assert.Equal(25 - (year == 2019 ? 2 : 0), report.Tables.Requests!.Count);
        Assert.Equal(3, report.Tables.ReviewLitigation!.Count);
        Assert.DoesNotContain(findings, f => f.Severity == Severity.Error);
    }

    [Fact]
    public void Report_2019_reads_23_new_requests_and_an_all_zero_table_four()
    {
        var (report, findings) = Check(2019);

        Assert.Equal("2019", report.Template);
        Assert.Equal([23m, 0, 0, 0, 0, 0, 23], Row(report, "new"));
        Assert.Equal([23m, 0, 0, 0, 0, 0, 23], Row(report, "total"));
        Assert.All(report.Tables.ReviewLitigation!.Values.SelectMany(v => v), c => Assert.Equal(0m, c.AsNumber));

        // Table 二's multi-column runs (行政许可3960181 …) have several splits and no arithmetic: unread, never guessed.
        Assert.Contains(report.Tables.Unread!, u => u.Row == "art20_5/licensing" && u.Printed == "3960181" && u.Candidates > 1);
        Assert.DoesNotContain(report.Tables.Unread!, u => u.Table != "proactive");
        Assert.Equal(report.Tables.Unread!.Count, findings.Count(f => f.Rule == "C7"));
        Assert.DoesNotContain(findings, f => f.Rule is "B4" or "B2" or "C1" && f.Location?.Table == "proactive");
    }

    [Fact]
    public void Report_2022_reads_75_requests_one_carried_in_and_its_misprinted_heading_of_part_four()
    {
        var (report, findings) = Check(2022);

        Assert.Equal([71m, 3, 0, 0, 0, 0, 74], Row(report, "new"));
        Assert.Equal([1m, 0, 0, 0, 0, 0, 1], Row(report, "carried_in"));
        Assert.Equal(75m, Row(report, "total")[6]);
        Assert.Equal([2m, 1, 0], Totals(report));
        Assert.Contains("行政法复议", report.Sections.Single(s => s.Key == "review_litigation").Heading, StringComparison.Ordinal);
        Assert.Contains(findings, f => f.Rule == "C7" && f.Location?.Row == "art20_1/normative_docs" && f.Message.Contains("8855698", StringComparison.Ordinal));
    }

    [Fact]
    public void Report_2023_reads_81_requests_and_its_narrative_393_contradicts_every_split_of_the_table_two_run()
    {
        var (report, findings) = Check(2023);

        Assert.Equal([80m, 1, 0, 0, 0, 0, 81], Row(report, "new"));
        Assert.Equal([80m, 1, 0, 0, 0, 0, 81], Row(report, "total"));
        Assert.Equal([2m, 5, 2], Totals(report));
        Assert.DoesNotContain(report.Tables.Unread!, u => u.Table == "requests");
        Assert.Contains(findings, f => f.Rule == "F5" && f.Message.Contains("393", StringComparison.Ordinal) && f.Message.Contains("77132470", StringComparison.Ordinal));
        Assert.Contains(findings, f => f.Rule == "C4" && f.Location?.Row == "art20_8/fees");
    }

    [Fact]
    public void Report_2023_has_rows_that_only_the_column_identities_settle()
    {
        // Their own totals leave two rows open; reading them exactly is the whole-table solve's doing.
        var text = File.ReadAllText(Corpus.File(Name(2023)));
        var runs = new[] { "191000020", "801000081" }.Where(r => text.Contains(r, StringComparison.Ordinal)).ToList();
        Assert.NotEmpty(runs);
        Assert.Contains(runs, r => RunSplitter.Split(r, new bool[7], (v, n) => n == 7 && v[..6].Sum() == v[6]).Candidates.Count > 1);
    }

    [Fact]
    public void Report_2024_reads_218_requests_and_table_four_7_0_19()
    {
        var (report, _) = Check(2024);

        Assert.Equal([217m, 1, 0, 0, 0, 0, 218], Row(report, "new"));
        Assert.Equal(218m, Row(report, "total")[6]);
        Assert.Equal([7m, 0, 19], Totals(report));
    }

    [Fact]
    public void Report_2025_reads_154_requests_148_handled_6_carried_out_and_its_six_decimal_fee()
    {
        var (report, findings) = Check(2025);

        Assert.Equal([151m, 3, 0, 0, 0, 0, 154], Row(report, "new"));
        Assert.Equal([147m, 1, 0, 0, 0, 0, 148], Row(report, "total"));
        Assert.Equal([4m, 2, 0, 0, 0, 0, 6], Row(report, "carried_out"));
        Assert.Equal([36m, 6, 3], Totals(report));
        Assert.Equal(4166.241619m, report.Tables.Proactive!["art20_8"]["fees"][0].AsNumber);
        Assert.Contains(findings, f => f.Rule == "C4" && f.Location?.Row == "art20_8/fees");
    }

    [Fact]
    public void Carried_over_requests_follow_from_year_to_year()
    {
        Assert.Equal(Row(Check(2023).Report, "carried_in"), Row(Check(2022).Report, "carried_out"));
    }

    // Needs the structural old-format recognition another branch adds to OldFormat: the flattened layout gives it the
    // old parts as lines (一、概述 … 六、…统计表), but OldFormat today counts "一、概述" as its only marker here.
    [Fact]
    public void The_old_2018_report_is_refused_as_old_format()
    {
        var read = Read(2018);

        Assert.True(read.Unreadable, "2018 (old format) should be A0");
        var finding = Assert.Single(read.Findings);
        Assert.Equal("A0", finding.Rule);
        Assert.Contains("旧格式", finding.Message, StringComparison.Ordinal);
    }
}
