using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Validation;
using DocumentFormat.OpenXml.Wordprocessing;
using PublishPipeline.Checking;
using PublishPipeline.Documents;
using PublishPipeline.Reading;
using PublishPipeline.Reports;
using PublishPipeline.Validation;

namespace PublishPipeline.Tests.Documents;

/// <summary>
/// Next year's draft made from a real published report of the corpus (both formats, and the 2020 → 2021 change of
/// format): the carried cells are last year's, they are marked, and a draft filled in from the document reads back
/// through the real Word reader cell for cell, with the findings of the report it was filled from.
/// </summary>
public class NextYearDraftTests
{
    public static TheoryData<string, string> LastYearReports => new()
    {
        { "2020-hangzhou-fuyang-bgs.txt", "2021" }, // 2019 format → 2021 format
        { "forms/2019-pingtan-gwh-crawltxt.txt", "2019" }, // 2019 → 2020, both 2019 format
        { "forms/2022-pingtan-gwh-crawltxt.txt", "2021" },
        { "forms/2024-pingtan-gwh-crawltxt.txt", "2021" },
    };

    private static Report LastYear(string file)
    {
        var read = new DraftReader().Read(Path.GetFileName(file), Corpus.Bytes(file));
        Assert.False(read.Unreadable);
        Assert.NotNull(read.Report!.Year);
        Assert.NotNull(read.Report.Agency);
        return read.Report;
    }

    [Theory]
    [MemberData(nameof(LastYearReports))]
    public void Carried_cells_are_last_years_and_marked(string file, string expectedTemplate)
    {
        var lastYear = LastYear(file);
        var year = lastYear.Year!.Value + 1;
        var draft = NextYearDraft.For(lastYear.Agency!, year, lastYear);
        var bytes = draft.ToDocx();

        Assert.Equal(expectedTemplate, draft.Template.Id);
        var carriedOut = lastYear.Tables.Requests!["carried_out"];
        Assert.Equal(Enumerable.Range(0, 7).Select(c => TemplateCell.Requests("carried_in", c)), draft.Cells.Where(c => c.Kind == PrefillKind.Carried).Select(c => c.Cell));
        Assert.Equal(carriedOut.Select(c => c.AsNumber), draft.Content.Tables.Requests!["carried_in"].Select(c => c.AsNumber));

        using var document = WordprocessingDocument.Open(new MemoryStream(bytes), false);
        Assert.Empty(new OpenXmlValidator().Validate(document).Select(e => $"{e.Path?.XPath}: {e.Description}"));
        var body = document.MainDocumentPart!.Document!.Body!;
        var tables = body.Elements<Table>().ToList();
        var template = draft.Template;

        // The carried row as printed: last year's 结转 in each value cell, shaded; no other cell of table 三 is.
        var requests = tables[template.Proactive.Count].Elements<TableRow>().Skip(3).ToList();
        var carriedRow = requests[template.Requests.Rows.ToList().FindIndex(r => r.Key == "carried_in")].Elements<TableCell>().TakeLast(7).ToList();
        Assert.Equal(carriedOut.Select(c => c.ToString()), carriedRow.Select(c => c.InnerText));
        Assert.All(carriedRow, c => Assert.Equal(NextYearDraft.CarriedFill, Fill(c)));
        Assert.Equal(7, tables.SelectMany(t => t.Descendants<TableCell>()).Count(c => Fill(c) == NextYearDraft.CarriedFill));

        var header = string.Join("\n", document.MainDocumentPart.HeaderParts.SelectMany(h => h.Header!.Elements<Paragraph>()).Select(p => p.InnerText));
        Assert.Contains($"浅蓝色底纹的数字取自已公开的{year - 1}年度报告", header, StringComparison.Ordinal);
        Assert.Equal($"{year}年{lastYear.Agency}政府信息公开工作年度报告", body.Elements<Paragraph>().First().InnerText);
        Assert.Equal($"本报告中所列数据的统计期限自{year}年1月1日起至{year}年12月31日止。", body.Elements<Paragraph>().ElementAt(1).InnerText);

        if (expectedTemplate == "2021" && lastYear.Template == "2021")
        {
            // 现行有效件数 starts from last year's, marked as a figure to update.
            // 现行有效件数 starts from last year's, marked as a figure to update; a row last year's reading could not
            // read exactly (Pingtan's runs of digits) is left blank and the notes say so.
            var before = new[] { "rules", "normative_docs" }.ToDictionary(r => r, r => lastYear.Tables.Proactive!["art20_1"].GetValueOrDefault(r)?.ElementAtOrDefault(2).AsNumber);
            var inForce = draft.Cells.Where(c => c.Kind == PrefillKind.StartingPoint).ToList();
            Assert.NotEmpty(inForce);
            Assert.Equal(before.Where(b => b.Value is not null).Select(b => ("art20_1/" + b.Key, b.Value)), inForce.Select(c => (c.Cell.Row, c.Value.AsNumber)));
            var first = tables[0].Elements<TableRow>().Skip(2).Select(r => r.Elements<TableCell>().Last()).ToList();
            Assert.Equal(before.Values.Select(b => b is null ? null : NextYearDraft.StartingPointFill), first.Select(Fill));
            Assert.Equal(before.Values.Select(b => b?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? ""), first.Select(c => c.InnerText));
            Assert.Equal(before.Values.Count(b => b is null), draft.NotCarried.Count(n => n.Contains("未能确切读出", StringComparison.Ordinal)));
            Assert.Contains("请加上本年制发件数、减去本年废止件数", header, StringComparison.Ordinal);
        }
        else if (expectedTemplate == "2021")
        {
            Assert.DoesNotContain(draft.Cells, c => c.Kind == PrefillKind.StartingPoint);
            Assert.Contains(draft.NotCarried, n => n.Contains("没有「现行有效件数」", StringComparison.Ordinal));
            Assert.Contains("没有「现行有效件数」", header, StringComparison.Ordinal);
        }
    }

    [Theory]
    [MemberData(nameof(LastYearReports))]
    public void A_draft_filled_in_from_it_reads_back_exactly(string file, string expectedTemplate)
    {
        var lastYear = LastYear(file);
        var year = lastYear.Year!.Value + 1;
        var draft = NextYearDraft.For(lastYear.Agency!, year, lastYear);
        var intended = Filled(draft);
        var inputs = new ValidationInputs { PreviousReport = lastYear, SubmittedForYear = year, ExpectedAgencyName = lastYear.Agency };

        var marked = DraftFilling.Fill(draft.ToDocx(), draft.Template, intended);
        var check = new DraftChecker().Check("draft.docx", marked, inputs);
        var read = check.Document.Report;

        Assert.Equal(expectedTemplate, read.Template);
        Assert.Equal((year, intended.Title, intended.Period), (read.Year, read.Title, read.Period));
        Assert.Equal(Cells(intended), Cells(read));
        Assert.Equal(intended.Sections.Select(s => (s.Key, s.Text)), read.Sections.Select(s => (s.Key, s.Text)));
        Assert.Equal(Describe(new ReportValidator().Validate(intended, inputs)), Describe(check.Document.Findings));
        Assert.DoesNotContain(check.Document.Findings, f => f.Rule is "G1" or "G2");

        // The marks change nothing a reader sees: the same filling of an unmarked template reads the same.
        var unmarked = DraftFilling.Fill(
            ReportTemplateDocument.Create(draft.Template, draft.Content, new TemplateDocumentOptions { IncludePreamble = true }), draft.Template, intended);
        var plain = new DraftChecker().Check("draft.docx", unmarked, inputs).Document;
        Assert.Equal(ReportJson.Serialize(new ReportDocument { Report = plain.Report, Findings = plain.Findings }), ReportJson.Serialize(new ReportDocument { Report = read, Findings = check.Document.Findings }));
    }

    [Fact]
    public void Without_last_years_report_it_is_the_blank_template_with_name_and_period()
    {
        var draft = NextYearDraft.For("青山县农业农村局", 2025, null);

        Assert.Empty(draft.Cells);
        Assert.Equal(["没有已公开的2024年度报告，表格未预填，请全部自行填写。"], draft.NotCarried);
        var read = new DraftReader().Read("draft.docx", draft.ToDocx()).Report!;
        Assert.Equal(("2021", 2025, "青山县农业农村局", new ReportPeriod("2025-01-01", "2025-12-31")), (read.Template, read.Year, read.Agency, read.Period));
        Assert.All(read.Tables.Requests!.Values.SelectMany(r => r), c => Assert.True(c.IsBlank));
    }

    [Fact]
    public void A_report_of_another_year_is_not_carried()
    {
        var lastYear = LastYear("forms/2022-pingtan-gwh-crawltxt.txt");

        var draft = NextYearDraft.For(lastYear.Agency!, 2025, lastYear);

        Assert.Empty(draft.Cells);
        Assert.Null(draft.LastYear);
        Assert.Contains("不是2024年度报告", Assert.Single(draft.NotCarried), StringComparison.Ordinal);
    }

    [Fact]
    public void Years_before_the_national_format_are_refused() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => NextYearDraft.For("青山县农业农村局", 2018, null));

    [Fact]
    public void Existing_callers_get_the_same_document_as_before()
    {
        var report = TestReports.Full("2021").Report;
        report.Preamble = "导语不写入旧的调用方式。";

        using var document = WordprocessingDocument.Open(new MemoryStream(ReportTemplateDocument.Create(TemplateCatalog.Template2021, report)), false);

        Assert.Empty(document.MainDocumentPart!.HeaderParts);
        Assert.DoesNotContain(document.MainDocumentPart.Document!.Body!.Descendants<Shading>(), _ => true);
        Assert.DoesNotContain(document.MainDocumentPart.Document.Body.Elements<Paragraph>(), p => p.InnerText == report.Preamble);
    }

    /// <summary>
    /// The report an agency makes from the draft: every part written, every cell filled with consistent figures that
    /// keep last year's carried cells and update 现行有效件数 by this year's 制发 and 废止.
    /// </summary>
    private static Report Filled(NextYearDraft draft)
    {
        var template = draft.Template;
        var year = draft.Year;
        var carriedIn = draft.Content.Tables.Requests?.GetValueOrDefault("carried_in");
        var requests = new Dictionary<string, List<CellValue>>();
        foreach (var row in template.Requests.Rows)
        {
            requests[row.Key] = [.. Enumerable.Repeat(CellValue.Of(0), 7)];
        }

        var totals = new decimal[4];
        for (var c = 0; c < 6; c++)
        {
            var carried = carriedIn?[c].AsNumber ?? 0;
            var received = (c * 3) + (year % 7) + 1;
            var carriedOut = c == 0 ? 2 : 0;
            var handled = received + carried - carriedOut;
            requests["new"][c] = CellValue.Of(received);
            requests["carried_in"][c] = CellValue.Of(carried);
            requests["r1"][c] = CellValue.Of(handled - 1);
            requests["r2"][c] = CellValue.Of(1);
            requests["total"][c] = CellValue.Of(handled);
            requests["carried_out"][c] = CellValue.Of(carriedOut);
        }

        foreach (var row in requests.Values)
        {
            row[6] = CellValue.Of(row.Take(6).Sum(v => v.Number));
        }

        var proactive = template.Proactive.ToDictionary(
            item => item.Key,
            item => item.Rows.ToDictionary(row => row.Key, row => item.Columns.Select((_, c) => CellValue.Of(c + item.Rows.ToList().IndexOf(row) + 1)).ToList()));
        foreach (var cell in draft.Cells.Where(c => c.Kind == PrefillKind.StartingPoint))
        {
            var row = proactive["art20_1"][cell.Cell.Row.Split('/')[1]];
            row[2] = CellValue.Of(cell.Value.Number + row[0].Number - row[1].Number);
        }

        return new Report
        {
            Template = template.Id,
            Year = year,
            Agency = draft.AgencyName,
            Title = draft.Content.Title,
            Period = draft.Content.Period,
            Preamble = draft.Content.Preamble,
            Sections = template.Sections.Select(s => new ReportSection
            {
                Number = s.Number,
                Key = s.Key,
                Heading = s.Label,
                Text = $"{year}年，本机关{s.Label}方面的工作稳步推进，第{s.Number}部分如实报告。\n下一步将继续完善制度，提高{s.Label}工作质量。",
            }).ToList(),
            Tables = new ReportTables
            {
                Proactive = proactive,
                Requests = requests,
                ReviewLitigation = template.ReviewLitigation.Groups.ToDictionary(
                    g => g.Key,
                    g => new List<CellValue> { CellValue.Of(1), CellValue.Of(0), CellValue.Of(0), CellValue.Of(1), CellValue.Of(2) }),
            },
        };
    }

    private static List<string> Cells(Report report) =>
    [
        .. report.Tables.Proactive!.OrderBy(i => i.Key, StringComparer.Ordinal).SelectMany(i => i.Value.OrderBy(r => r.Key, StringComparer.Ordinal).Select(r => $"proactive/{i.Key}/{r.Key}: {string.Join(",", r.Value)}")),
        .. report.Tables.Requests!.OrderBy(r => r.Key, StringComparer.Ordinal).Select(r => $"requests/{r.Key}: {string.Join(",", r.Value)}"),
        .. report.Tables.ReviewLitigation!.OrderBy(r => r.Key, StringComparer.Ordinal).Select(r => $"review/{r.Key}: {string.Join(",", r.Value)}"),
    ];

    private static List<string> Describe(IEnumerable<Finding> findings) =>
        [.. findings.Select(f => $"{f.Rule} {f.Severity} {f.Location?.Section}/{f.Location?.Table}/{f.Location?.Row}/{f.Location?.Column}: {f.Message}").Order(StringComparer.Ordinal)];

    private static string? Fill(TableCell cell) => cell.TableCellProperties?.Shading?.Fill?.Value;
}
