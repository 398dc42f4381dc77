using System.Text;
using PublishPipeline.Checking;
using PublishPipeline.Reports;
using PublishPipeline.Tests.Validation;
using PublishPipeline.Validation;

namespace PublishPipeline.Tests.Reading.Forms;

/// <summary>
/// Issue 10: one named test per class of failure seen on real reports, each on a real report's form (the seed, the
/// corpus's two PDF→markdown files), so that a class is visible by name and not only as a cell of the forms matrix.
/// </summary>
public class IssueClassTests
{
    private static readonly DraftChecker Checker = new();

    [Fact]
    public void Markdown_headings_give_no_false_B1_and_tables_two_and_four_are_found()
    {
        var seed = SourceReport.Load(Corpus.SeedName);
        var markdown = MarkdownWriter.Write(seed, new MarkdownStyle());
        Assert.Contains("\n## 一、", markdown, StringComparison.Ordinal);
        Assert.Contains("\n### （", markdown, StringComparison.Ordinal);

        var original = Check(Corpus.SeedName, seed.Text);
        var check = Check("report.md", markdown);
        Assert.DoesNotContain(check.Findings, f => f.Rule == "B1");
        Assert.Equal(6, check.Document.Report!.Sections.Count(s => s.Key is not null));
        var tables = check.Document.Report.Tables;
        Assert.NotNull(tables.Proactive);
        Assert.NotNull(tables.ReviewLitigation);
        Assert.Equal(FormComparison.Cells(original.Document.Report!.Tables), FormComparison.Cells(tables));
    }

    [Fact]
    public void Other_handling_rows_of_a_2021_table_are_kept_in_markdown_and_D2_does_not_fire()
    {
        // The project's 2021 seed-form draft: its table 三 adds up ((七)总计 = Σ results, D2 silent) and has the three
        // （六）其他处理 rows; only its 结转 总计 cell is wrong (D1, D3).
        var text = File.ReadAllText(Corpus.Sample("2021-qingshan-jiedao.txt"));
        var source = SourceReport.Parse("2021-qingshan-jiedao.txt", text);
        var expected = Requests(Check("2021-qingshan-jiedao.txt", text));
        Assert.All(new[] { "r6_1", "r6_2", "r6_3" }, key => Assert.True(expected.ContainsKey(key), key));

        foreach (var style in new[] { new MarkdownStyle(), new MarkdownStyle { CentredGroupCells = true }, new MarkdownStyle { HashHeadings = false } })
        {
            var check = Check("report.md", MarkdownWriter.Write(source, style));
            var requests = Requests(check);
            foreach (var key in new[] { "r6_1", "r6_2", "r6_3", "total" })
            {
                Assert.Equal(expected[key], requests.GetValueOrDefault(key));
            }

            Assert.DoesNotContain(check.Findings, f => f.Rule == "D2");
            Assert.Equal(["D1", "D3"], check.Findings.Where(f => f.Severity == Severity.Error).Select(f => f.Rule).Order().ToArray());
        }
    }

    [Fact]
    public void A_row_of_blanks_is_kept_and_C1_names_each_blank_cell()
    {
        var seed = SourceReport.Load(Corpus.SeedName);
        var check = Check("report.md", MarkdownWriter.Write(seed, new MarkdownStyle { BlankRows = true }));
        var cells = FormComparison.Cells(check.Document.Report!.Tables);
        var blank = cells.Where(c => c.Value == CellValue.Blank.Display).Select(c => c.Key).ToList();

        // The first value row of each of tables 二, 三 and 四 is written blank (table 四's one printed row holds its three
        // groups); none of the seed's cells is blank otherwise.
        Assert.DoesNotContain(FormComparison.Cells(Check(Corpus.SeedName, seed.Text).Document.Report!.Tables), c => c.Value == CellValue.Blank.Display);
        var rows = blank.Select(a => a[..a.IndexOf('[', StringComparison.Ordinal)]).Distinct().ToList();
        Assert.Equal(3, seed.Blocks.OfType<SourceTable>().Count(t => !MarkdownWriter.WithBlankRow(t).Rows.SelectMany(r => r).SequenceEqual(t.Rows.SelectMany(r => r))));
        Assert.Equal(["proactive/art20_1/rules", "requests/new", "review/review", "review/suit_after_review", "review/suit_direct"], rows.Order(StringComparer.Ordinal).ToArray());

        // Every cell of each blank row is kept as a blank (not dropped, not 0)...
        Assert.Equal(cells.Keys.Where(k => rows.Any(r => k.StartsWith(r + "[", StringComparison.Ordinal))).Order(), blank.Order());

        // ... and C1 names each one, cell by cell: every blank cell once, and no other cell.
        var named = new ReportValidator { MaxFindingsPerRule = int.MaxValue }.Validate(check.Document.Report)
            .Where(f => f.Rule == "C1")
            .Select(f => Address(f.Location!))
            .ToList();
        Assert.Equal(blank.Order(StringComparer.Ordinal), named.Order(StringComparer.Ordinal));

        // The check as the agency sees it caps a rule at 20 findings and the last one says how many more were left out.
        var shown = check.Findings.Where(f => f.Rule == "C1").ToList();
        Assert.Equal(blank.Count, shown.Count + shown.Sum(f => f.Omitted ?? 0));

        // FormComparison's address of a finding's cell: "requests/new[6]", "proactive/art20_1/rules[0]", "review/review[4]".
        string Address(FindingLocation at)
        {
            var report = check.Document.Report!;
            var template = TemplateCatalog.Find(report.Template)!;
            return at.Table switch
            {
                "proactive" => $"proactive/{at.Row}[{template.Proactive.Single(p => p.Key == at.Row!.Split('/')[0]).Columns.Select(c => c.Key).ToList().IndexOf(at.Column!)}]",
                "requests" => $"requests/{at.Row}[{template.Requests.Columns.Select(c => c.Key).ToList().IndexOf(at.Column!)}]",
                _ => $"review/{at.Row}[{template.ReviewLitigation.Columns.Select(c => c.Key).ToList().IndexOf(at.Column!)}]",
            };
        }
    }

    [Fact]
    public void Table_four_written_with_bars_and_two_header_rows_is_read()
    {
        foreach (var name in new[] { Corpus.SeedName, "2025-shanghai-bgt-pdfmd.txt" })
        {
            var source = SourceReport.Load(name);
            var markdown = MarkdownWriter.Write(source, new MarkdownStyle());
            var at = markdown.IndexOf("| 行政复议 |", StringComparison.Ordinal);
            Assert.True(at >= 0, name);
            var header = markdown[at..].Split('\n');
            Assert.StartsWith("|---", header[1], StringComparison.Ordinal);
            Assert.StartsWith("| 结果维持 |", header[2], StringComparison.Ordinal);

            var expected = Check(name, source.Text).Document.Report!.Tables.ReviewLitigation;
            var actual = Check("report.md", markdown).Document.Report!.Tables.ReviewLitigation;
            Assert.NotNull(actual);
            Assert.Equal(Review(expected), Review(actual));
        }
    }

    [Theory]
    [InlineData("ocr-page-markers")]
    [InlineData("ocr-stacked-headers")]
    [InlineData("ocr-data-headers")]
    [InlineData("ocr-broken-cells")]
    [InlineData("half-width")]
    [InlineData("full-width")]
    public void Conversion_artefacts_and_punctuation_width_leave_the_cells_unchanged(string form)
    {
        foreach (var name in new[] { Corpus.SeedName, "2024-shanghai-kewei-pdfmd.txt", "2025-shanghai-bgt-pdfmd.txt" })
        {
            var source = SourceReport.Load(name);
            var rendered = RepublishedFormsTests.Forms.Single(f => f.Name == form).Render(source)!;
            Assert.NotEqual(source.Text, rendered.Text);
            var expected = FormComparison.Cells(Check(name, source.Text).Document.Report!.Tables);
            var actual = FormComparison.Cells(Check(rendered.FileName, rendered.Text).Document.Report!.Tables);
            Assert.True(expected.Count > 100, $"{name}: {expected.Count} cells");
            Assert.Equal(expected, actual);
        }
    }

    /// <summary>The figures ../shared/corpus/INDEX.md gives for the Shanghai 办公厅 2025 report (PDF→markdown).</summary>
    [Fact]
    public void Shanghai_bgt_pdfmd_reads_its_tables_to_the_index_figures()
    {
        var check = Check("2025-shanghai-bgt-pdfmd.txt", File.ReadAllText(Corpus.File("2025-shanghai-bgt-pdfmd.txt")));
        var requests = Requests(check);
        Assert.Equal("1259,36,0,0,0,0,1295", requests["new"]);
        Assert.Equal("170,15,0,0,4,0,189", requests["carried_in"]);
        Assert.Equal("1139,48,0,0,4,0,1191", requests["total"]);
        Assert.Equal("290,3,0,0,0,0,293", requests["carried_out"]);
        var review = Review(check.Document.Report!.Tables.ReviewLitigation);
        Assert.Equal("40,0,10,5,55", review["review"]);
        Assert.Equal("2,0,4,6,12", review["suit_direct"]);
        Assert.Equal("6,0,9,7,22", review["suit_after_review"]);
    }

    /// <summary>The Shanghai 科委 2024 report: its blank 结转 总计 cell stays blank (C1 names it) and table 四 is 1/0/0/0/1.</summary>
    [Fact]
    public void Shanghai_kewei_pdfmd_reads_its_tables_to_the_index_figures()
    {
        var check = Check("2024-shanghai-kewei-pdfmd.txt", File.ReadAllText(Corpus.File("2024-shanghai-kewei-pdfmd.txt")));
        var requests = Requests(check);
        Assert.Equal("32,2,0,0,0,0,34", requests["new"]);
        Assert.Equal("2,0,0,0,0,0,2", requests["carried_in"]);
        Assert.Equal("33,2,0,0,0,0,35", requests["total"]);
        Assert.Equal("1,0,0,0,0,0,空白", requests["carried_out"]);
        Assert.Contains(check.Findings, f => f.Rule == "C1" && f.Location is { Table: "requests", Row: "carried_out", Column: "total" });
        var review = Review(check.Document.Report!.Tables.ReviewLitigation);
        Assert.Equal("1,0,0,0,1", review["review"]);
        Assert.Equal("0,0,0,0,0", review["suit_direct"]);
        Assert.Equal("0,0,0,0,0", review["suit_after_review"]);
    }

    private static DraftCheck Check(string fileName, string text) =>
        Checker.Check(fileName, Encoding.UTF8.GetBytes(text), CorpusOutcomeTests.Directory.GetValueOrDefault(Path.GetFileName(fileName)) ?? ValidationInputs.None);

    private static Dictionary<string, string> Requests(DraftCheck check) =>
        (check.Document.Report?.Tables.Requests ?? []).ToDictionary(r => r.Key, r => string.Join(",", r.Value.Select(v => v.Display)));

    private static Dictionary<string, string> Review(Dictionary<string, List<CellValue>>? review) =>
        (review ?? []).ToDictionary(r => r.Key, r => string.Join(",", r.Value.Select(v => v.Display)));
}
