using PublishPipeline.Checking;
using PublishPipeline.Documents;
using PublishPipeline.Reports;
using PublishPipeline.Rollups;

namespace PublishPipeline.Tests.Rollups;

/// <summary>
/// A county's roll-up made of real reports: the corpus's complete 2021-template reports and the sample 街道 report as
/// its agencies' 2021 reports, a 2021 report with a blank cell and rows cut off, and the seed (2019 template), which
/// must be named and not summed. Every sum is checked against the reports it names, recomputed here from the
/// template, not from the roll-up.
/// </summary>
public sealed class RollupCalculatorTests
{
    private static readonly DraftChecker Checker = new();

    private static Report Read(string path)
    {
        var check = Checker.Check(Path.GetFileName(path), File.ReadAllBytes(path));
        Assert.False(check.IsUnreadable, path);
        return check.Document.Report;
    }

    private static readonly Lazy<List<RollupSource>> Agencies = new(() =>
    [
        new("qingshan", "青山街道办事处", "sub-qingshan", 1, Read(Corpus.Sample("2021-qingshan-jiedao.txt"))),
        new("kewei", "科学技术委员会", "sub-kewei", 2, Read(Corpus.File("2024-shanghai-kewei-pdfmd.txt"))),
        new("bgt", "办公厅", "sub-bgt", 1, Read(Corpus.File("2025-shanghai-bgt-pdfmd.txt"))),
        new("baokang", "农业农村局", "sub-baokang", 1, Read(Corpus.File("2021-baokang-nyncj.txt"))),
        new("fuyang", "区政府办公室", "sub-fuyang", 1, Read(Corpus.File(Corpus.SeedName))),
    ]);

    private static RegionRollup Rollup() =>
        RollupCalculator.Compute("兰溪市", 2021, Agencies.Value, [new RollupAgency("late", "迟交局")]);

    [Fact]
    public void The_corpus_reports_are_what_the_test_says_they_are()
    {
        var reports = Agencies.Value.ToDictionary(a => a.AgencyId, a => a.Report);
        Assert.All(["qingshan", "kewei", "bgt", "baokang"], id => Assert.Equal("2021", reports[id].Template));
        Assert.Equal("2019", reports["fuyang"].Template);
        Assert.True(reports["baokang"].Tables.Proactive!["art20_5"]["licensing"][0].IsBlank);
        Assert.Null(reports["baokang"].Tables.ReviewLitigation);
    }

    [Fact]
    public void Every_sum_is_the_sum_of_the_named_reports_numbers_recomputed_from_the_template()
    {
        var rollup = Rollup();
        var template = TemplateCatalog.Template2021;
        // Ordinal order of the names: deterministic, and the same on the page, in the CSV and in the Word document.
        Assert.Equal(["农业农村局", "办公厅", "科学技术委员会", "青山街道办事处"], rollup.Summed.Select(s => s.AgencyName));
        var checkedCells = 0;
        foreach (var item in template.Proactive)
        {
            foreach (var row in item.Rows)
            {
                for (var c = 0; c < item.Columns.Count; c++)
                {
                    var expected = rollup.Summed.Select(s => s.Report.Tables.Proactive?.GetValueOrDefault(item.Key)?.GetValueOrDefault(row.Key)?.ElementAtOrDefault(c).AsNumber ?? 0).Sum();
                    Assert.Equal(expected, rollup.Cell(new RollupCellKey(RollupTable.Proactive, item.Key, row.Key, c)).Sum);
                    checkedCells++;
                }
            }
        }

        foreach (var row in template.Requests.Rows)
        {
            for (var c = 0; c < 7; c++)
            {
                var expected = rollup.Summed.Select(s => s.Report.Tables.Requests?.GetValueOrDefault(row.Key)?.ElementAtOrDefault(c).AsNumber ?? 0).Sum();
                Assert.Equal(expected, rollup.Cell(new RollupCellKey(RollupTable.Requests, null, row.Key, c)).Sum);
                checkedCells++;
            }
        }

        foreach (var group in template.ReviewLitigation.Groups)
        {
            for (var c = 0; c < 5; c++)
            {
                var expected = rollup.Summed.Select(s => s.Report.Tables.ReviewLitigation?.GetValueOrDefault(group.Key)?.ElementAtOrDefault(c).AsNumber ?? 0).Sum();
                Assert.Equal(expected, rollup.Cell(new RollupCellKey(RollupTable.ReviewLitigation, null, group.Key, c)).Sum);
                checkedCells++;
            }
        }

        Assert.Equal(rollup.Cells.Count, checkedCells);

        // Real numbers went in: 表三 新收 总计 is the four reports' 新收 总计 added up, and not 0.
        var newTotal = rollup.Cell(new RollupCellKey(RollupTable.Requests, null, "new", 6));
        Assert.True(newTotal.Sum > 0);
        Assert.Equal(
            Agencies.Value.Where(a => a.Report.Template == "2021").Sum(a => a.Report.Tables.Requests?.GetValueOrDefault("new")?[6].AsNumber ?? 0),
            newTotal.Sum);
    }

    [Fact]
    public void Provenance_is_complete_each_cell_names_every_summed_report_once_and_its_contributions_add_up_to_the_sum()
    {
        var rollup = Rollup();
        foreach (var cell in rollup.Cells)
        {
            Assert.Equal(cell.Sum, cell.Contributions.Sum(c => c.Value));
            var named = cell.Contributions.Select(c => c.Source).Concat(cell.Gaps.Select(g => g.Source)).Order().ToList();
            Assert.Equal(Enumerable.Range(0, rollup.Summed.Count), named);
            foreach (var contribution in cell.Contributions)
            {
                Assert.Equal(ValueIn(rollup.Summed[contribution.Source].Report, cell.Key), contribution.Value);
            }
        }
    }

    [Fact]
    public void A_report_in_the_other_template_is_named_and_not_summed()
    {
        var rollup = Rollup();
        var other = Assert.Single(rollup.OtherTemplate);
        Assert.Equal("fuyang", other.AgencyId);
        Assert.DoesNotContain(rollup.Summed, s => s.AgencyId == "fuyang");
        Assert.Contains("区政府办公室（2019年试行格式）", string.Join("\n", rollup.Statement()));

        // The seed's 新收 总计 is 57: had it been summed, the cell would be 57 more than the 2021 reports' sum.
        Assert.Equal(57, other.Report.Tables.Requests!["new"][6].Number);
        Assert.DoesNotContain(rollup.Cell(new RollupCellKey(RollupTable.Requests, null, "new", 6)).Contributions, c => c.Value == 57 && rollup.Summed[c.Source].AgencyId == "fuyang");
    }

    [Fact]
    public void A_report_with_blanks_is_named_and_only_the_affected_cells_are_incomplete()
    {
        var rollup = Rollup();
        var baokang = rollup.Summed.ToList().FindIndex(s => s.AgencyId == "baokang");
        var licensing = rollup.Cell(new RollupCellKey(RollupTable.Proactive, "art20_5", "licensing", 0));
        Assert.False(licensing.IsComplete);
        var gap = Assert.Single(licensing.Gaps, g => g.Source == baokang);
        Assert.Equal(RollupGapKind.Blank, gap.Kind);
        Assert.Equal("空白", gap.Reason);

        // Its 行政处罚 (5) is in the sum: the report's good cells still count.
        var penalty = rollup.Cell(new RollupCellKey(RollupTable.Proactive, "art20_6", "penalty", 0));
        Assert.Contains(penalty.Contributions, c => c.Source == baokang && c.Value == 5);

        // Its table 四 was cut off: missing, named in every cell of it.
        Assert.All(rollup.Cells.Where(c => c.Key.Table == RollupTable.ReviewLitigation), c => Assert.Contains(c.Gaps, g => g.Source == baokang && g.Kind == RollupGapKind.Missing));
        Assert.False(rollup.IsComplete);
        Assert.Contains(rollup.GapsBySource.Keys, k => k == baokang);
        Assert.Contains(rollup.Statement(), line => line.StartsWith("以下报告有单元格空白", StringComparison.Ordinal) && line.Contains("农业农村局（", StringComparison.Ordinal));

        // The complete sample report has no gap anywhere; the converted Shanghai report lost rows (PDF→markdown),
        // and those cells, not the whole report, are left out and named.
        var qingshan = rollup.Summed.ToList().FindIndex(s => s.AgencyId == "qingshan");
        Assert.DoesNotContain(rollup.Cells.SelectMany(c => c.Gaps), g => g.Source == qingshan);
        var kewei = rollup.Summed.ToList().FindIndex(s => s.AgencyId == "kewei");
        Assert.Equal(RollupGapKind.Missing, Assert.Single(rollup.Cell(new RollupCellKey(RollupTable.Requests, null, "r2", 0)).Gaps, g => g.Source == kewei).Kind);
        Assert.Contains(rollup.Cell(new RollupCellKey(RollupTable.Requests, null, "r1", 0)).Contributions, c => c.Source == kewei);
    }

    [Fact]
    public void An_unread_row_and_a_text_cell_are_gaps_not_zeros()
    {
        var clean = TestReports.Full("2021").Report;
        var faulty = TestReports.Full("2021").Report;
        faulty.Tables.Requests!.Remove("r1");
        faulty.Tables.Unread = [new UnreadRow("requests", "r1", "1234567", 0)];
        faulty.Tables.Proactive!["art20_1"]["rules"][0] = CellValue.OfText("/");

        var rollup = RollupCalculator.Compute("测试区", 2021, [new("a", "甲", "s-a", 1, clean), new("b", "乙", "s-b", 1, faulty)], []);

        var r1 = rollup.Cell(new RollupCellKey(RollupTable.Requests, null, "r1", 0));
        Assert.Equal(TestReports.RequestsValue(TemplateCatalog.Template2021, "r1", 0), r1.Sum);
        Assert.Equal(RollupGapKind.Unread, Assert.Single(r1.Gaps).Kind);
        var rules = rollup.Cell(new RollupCellKey(RollupTable.Proactive, "art20_1", "rules", 0));
        var text = Assert.Single(rules.Gaps);
        Assert.Equal("填写为「/」，不是数字", text.Reason);
        Assert.Equal("b", rollup.Summed[text.Source].AgencyId);

        // A cell without any gap sums both.
        var newTotal = rollup.Cell(new RollupCellKey(RollupTable.Requests, null, "new", 6));
        Assert.True(newTotal.IsComplete);
        Assert.Equal(2 * TestReports.RequestsValue(TemplateCatalog.Template2021, "new", 6), newTotal.Sum);
    }

    [Fact]
    public void Agencies_without_a_published_report_are_listed_as_not_included()
    {
        var rollup = Rollup();
        Assert.Equal("迟交局", Assert.Single(rollup.NotPublished).Name);
        Assert.Contains("尚未发布本年度报告、未计入汇总的机关：迟交局。", rollup.Statement());
    }

    [Fact]
    public void A_year_before_the_national_templates_is_refused_in_Chinese()
    {
        var error = Assert.Throws<ArgumentException>(() => RollupCalculator.Compute("兰溪市", 2018, [], []));
        Assert.StartsWith("2018年没有适用的国家统一报告格式", error.Message);
    }

    [Fact]
    public void The_2019_template_year_sums_the_2019_reports_and_names_the_2021_ones()
    {
        var rollup = RollupCalculator.Compute("兰溪市", 2020, Agencies.Value, []);
        Assert.Equal("2019", rollup.Template.Id);
        Assert.Equal("fuyang", Assert.Single(rollup.Summed).AgencyId);
        Assert.Equal(4, rollup.OtherTemplate.Count);
        Assert.Equal(57, rollup.Cell(new RollupCellKey(RollupTable.Requests, null, "new", 6)).Sum);

        // The seed writes "/" in the 本年增/减 column: those cells are gaps, named, not zeros.
        var change = rollup.Cell(new RollupCellKey(RollupTable.Proactive, "art20_5", "licensing", 1));
        Assert.Equal(RollupGapKind.Text, Assert.Single(change.Gaps).Kind);
    }

    [Theory]
    [InlineData(2021)]
    [InlineData(2020)]
    public void The_Word_document_in_the_official_template_reads_back_to_exactly_the_summed_cells(int year)
    {
        var rollup = RollupCalculator.Compute("兰溪市", year, Agencies.Value, [new RollupAgency("late", "迟交局")]);

        var docx = RollupWordDocument.Create(rollup);
        var read = Checker.Check("rollup.docx", docx);

        Assert.False(read.IsUnreadable);
        var report = read.Document.Report;
        Assert.Equal(rollup.Template.Id, report.Template);
        Assert.Equal($"{year}年兰溪市政府信息公开工作年度报告（统计汇总）", report.Title);
        Assert.Null(report.Tables.Unread);
        foreach (var cell in rollup.Cells)
        {
            Assert.Equal(cell.Sum, ValueIn(report, cell.Key));
        }

        var overview = report.Sections.First(s => s.Key == "overview").Text;
        Assert.Contains("区政府办公室", overview);
        Assert.Contains("迟交局", overview);
    }

    private static decimal? ValueIn(Report report, RollupCellKey key) => key.Table switch
    {
        RollupTable.Proactive => report.Tables.Proactive?.GetValueOrDefault(key.Item!)?.GetValueOrDefault(key.Row)?[key.Column].AsNumber,
        RollupTable.Requests => report.Tables.Requests?.GetValueOrDefault(key.Row)?[key.Column].AsNumber,
        _ => report.Tables.ReviewLitigation?.GetValueOrDefault(key.Row)?[key.Column].AsNumber,
    };
}
