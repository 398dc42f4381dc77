using AngleSharp.Dom;
using PublishPipeline.Reports;
using PublishPipeline.Site;

namespace PublishPipeline.Tests.Site;

public sealed class ReportPageTests
{
    private static readonly DateTimeOffset PublishedAt = new(2022, 1, 20, 2, 0, 0, TimeSpan.Zero);

    private readonly SiteRenderer renderer = new();

    public static TheoryData<string> Templates => new() { "2019", "2021" };

    [Theory]
    [MemberData(nameof(Templates))]
    public async Task Page_is_a_chinese_html_document_with_the_report_facts(string templateId)
    {
        var document = TestReports.Full(templateId);
        var dom = await RenderAsync(document);
        var template = TemplateCatalog.Get(templateId);

        Assert.Equal("zh-CN", dom.DocumentElement.GetAttribute("lang"));
        Assert.Equal("html", dom.Doctype?.Name);
        Assert.Contains(document.Report.Title!, dom.Title, StringComparison.Ordinal);
        Assert.NotNull(dom.QuerySelector("meta[charset]"));
        Assert.NotNull(dom.QuerySelector("meta[name=viewport]"));
        Assert.NotNull(dom.QuerySelector("link[rel=stylesheet][href='/assets/site.css']"));
        Assert.NotNull(dom.QuerySelector("header a[href='/']"));
        Assert.Equal(document.Report.Title, Html.Text(dom.QuerySelector("h1")!));

        var meta = Html.Text(dom.QuerySelector(".report-meta")!);
        Assert.Contains("青山街道办事处", meta, StringComparison.Ordinal);
        Assert.Contains($"{document.Report.Year}年", meta, StringComparison.Ordinal);
        Assert.Contains($"{document.Report.Year}年1月1日", meta, StringComparison.Ordinal);
        Assert.Contains($"{document.Report.Year}年12月31日", meta, StringComparison.Ordinal);
        Assert.Contains(template.Name, meta, StringComparison.Ordinal);
        Assert.Contains(template.IssuedBy, meta, StringComparison.Ordinal);
        Assert.Contains("2022年1月20日", meta, StringComparison.Ordinal);

        Assert.NotEmpty(dom.QuerySelectorAll("a[href='/reports/" + document.Report.Year + "/qingshan-jd/report.json']"));
        Assert.NotNull(dom.QuerySelector("footer"));
    }

    [Theory]
    [MemberData(nameof(Templates))]
    public async Task Sections_appear_in_order_with_a_table_of_contents_and_paragraphs(string templateId)
    {
        var dom = await RenderAsync(TestReports.Full(templateId));
        var template = TemplateCatalog.Get(templateId);

        var headings = dom.QuerySelectorAll("section.report-section > h2").Select(Html.Text).ToList();
        Assert.Equal(template.Sections.Select(s => $"{s.Number}、{s.Label}"), headings);
        var tocLinks = dom.QuerySelectorAll("nav.toc a").Select(a => a.GetAttribute("href")).ToList();
        Assert.Equal(template.Sections.Select(s => $"#{s.Key}"), tocLinks);
        foreach (var link in tocLinks)
        {
            Assert.NotNull(dom.GetElementById(link![1..]));
        }

        var overview = dom.GetElementById("overview")!;
        Assert.Equal("（一）总体情况概述", Html.Text(overview.QuerySelector("h3")!));
        Assert.Equal(2, overview.QuerySelectorAll("p").Length);
    }

    [Theory]
    [MemberData(nameof(Templates))]
    public async Task Tables_sit_in_their_sections(string templateId)
    {
        var dom = await RenderAsync(TestReports.Full(templateId));

        Assert.Equal(TemplateCatalog.Get(templateId).Proactive.Count, dom.QuerySelectorAll("#proactive table").Length);
        Assert.Single(dom.QuerySelectorAll("#requests table"));
        Assert.Single(dom.QuerySelectorAll("#review_litigation table"));
        Assert.Empty(dom.QuerySelectorAll("#overview table, #problems table, #other table"));
    }

    [Theory]
    [MemberData(nameof(Templates))]
    public async Task Table_3_has_the_official_merged_header(string templateId)
    {
        var dom = await RenderAsync(TestReports.Full(templateId));
        var template = TemplateCatalog.Get(templateId);
        var rows = dom.QuerySelectorAll("#requests table thead tr");

        Assert.Equal(3, rows.Length);
        var note = rows[0].Children[0];
        Assert.Equal(template.Requests.HeaderNote, Html.Text(note));
        Assert.Equal("3", note.GetAttribute("rowspan"));
        Assert.Equal("3", note.GetAttribute("colspan"));
        Assert.Equal("申请人情况", Html.Text(rows[0].Children[1]));
        Assert.Equal("7", rows[0].Children[1].GetAttribute("colspan"));

        Assert.Equal(["自然人", "法人或其他组织", "总计"], rows[1].Children.Select(Html.Text));
        Assert.Equal("2", rows[1].Children[0].GetAttribute("rowspan"));
        Assert.Equal("5", rows[1].Children[1].GetAttribute("colspan"));
        Assert.Equal("2", rows[1].Children[2].GetAttribute("rowspan"));
        Assert.Equal(["商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他"], rows[2].Children.Select(Html.Text));
        Assert.All(dom.QuerySelectorAll("#requests table thead th"), th => Assert.True(th.HasAttribute("scope")));
    }

    [Theory]
    [MemberData(nameof(Templates))]
    public async Task Every_table_3_cell_is_in_its_row_and_column(string templateId)
    {
        var dom = await RenderAsync(TestReports.Full(templateId));
        var template = TemplateCatalog.Get(templateId);
        var bodyRows = dom.QuerySelectorAll("#requests table tbody tr");

        Assert.Equal(template.Requests.Rows.Count, bodyRows.Length);
        for (var r = 0; r < template.Requests.Rows.Count; r++)
        {
            var row = template.Requests.Rows[r];
            var tr = bodyRows[r];
            var rowHeader = tr.QuerySelectorAll("th[scope=row]");
            Assert.Single(rowHeader);
            Assert.Equal(row.Label.Split('/')[^1], Html.Text(rowHeader[0]));

            var cells = tr.QuerySelectorAll("td").Select(Html.Text).ToList();
            var expected = Enumerable.Range(0, 7).Select(c => TestReports.RequestsValue(template, row.Key, c).ToString(System.Globalization.CultureInfo.InvariantCulture));
            Assert.Equal(expected, cells);
        }
    }

    [Theory]
    [InlineData("2019", 20, new[] { 8, 3, 5 })]
    [InlineData("2021", 22, new[] { 8, 3, 5, 3 })]
    public async Task Table_3_row_groups_span_their_rows(string templateId, int resultsRows, int[] groupSizes)
    {
        var dom = await RenderAsync(TestReports.Full(templateId));
        var groups = dom.QuerySelectorAll("#requests table tbody th[scope=rowgroup]").ToList();

        var results = groups.Single(th => Html.Text(th) == "三、本年度办理结果");
        Assert.Equal(resultsRows, int.Parse(results.GetAttribute("rowspan")!, System.Globalization.CultureInfo.InvariantCulture));
        var subGroups = groups.Where(th => th != results).ToList();
        string[] groupLabels = ["（三）不予公开", "（四）无法提供", "（五）不予处理", "（六）其他处理"];
        Assert.Equal(groupLabels[..groupSizes.Length], subGroups.Select(Html.Text));
        Assert.Equal(groupSizes.Select(n => n.ToString(System.Globalization.CultureInfo.InvariantCulture)), subGroups.Select(th => th.GetAttribute("rowspan")));

        // The grid is rectangular: every body row covers 3 header columns + 7 values, counting spans from above.
        AssertRectangular(dom.QuerySelector("#requests table")!, 10);
    }

    [Theory]
    [MemberData(nameof(Templates))]
    public async Task Table_4_has_the_official_header_and_15_cells_in_order(string templateId)
    {
        var dom = await RenderAsync(TestReports.Full(templateId));
        var template = TemplateCatalog.Get(templateId);
        var head = dom.QuerySelectorAll("#review_litigation table thead tr");

        Assert.Equal(["行政复议", "行政诉讼"], head[0].Children.Select(Html.Text));
        Assert.Equal(["5", "10"], head[0].Children.Select(th => th.GetAttribute("colspan")));
        Assert.Equal(["结果维持", "结果纠正", "其他结果", "尚未审结", "总计", "未经复议直接起诉", "复议后起诉"], head[1].Children.Select(Html.Text));
        Assert.Equal(10, head[2].Children.Length);

        var cells = dom.QuerySelectorAll("#review_litigation table tbody td").Select(Html.Text).ToList();
        var expected = template.ReviewLitigation.Groups
            .SelectMany(g => Enumerable.Range(0, 5).Select(c => TestReports.ReviewValue(template, g.Key, c).ToString(System.Globalization.CultureInfo.InvariantCulture)));
        Assert.Equal(expected, cells);
        AssertRectangular(dom.QuerySelector("#review_litigation table")!, 15);
    }

    [Fact]
    public async Task Table_2_follows_each_template()
    {
        var dom2019 = await RenderAsync(TestReports.Full("2019"));
        var dom2021 = await RenderAsync(TestReports.Full("2021"));

        var captions2019 = dom2019.QuerySelectorAll("#proactive table caption").Select(Html.Text).ToList();
        var captions2021 = dom2021.QuerySelectorAll("#proactive table caption").Select(Html.Text).ToList();
        Assert.Contains("第二十条第（九）项", captions2019);
        Assert.DoesNotContain("第二十条第（九）项", captions2021);
        Assert.Equal(["第二十条第（一）项", "第二十条第（五）项", "第二十条第（六）项", "第二十条第（八）项"], captions2021);

        foreach (var (templateId, dom) in new[] { ("2019", dom2019), ("2021", dom2021) })
        {
            var template = TemplateCatalog.Get(templateId);
            var tables = dom.QuerySelectorAll("#proactive table");
            for (var i = 0; i < template.Proactive.Count; i++)
            {
                var item = template.Proactive[i];
                var table = tables[i];
                Assert.Equal(["信息内容", .. item.Columns.Select(c => c.Label)], table.QuerySelectorAll("thead th").Select(Html.Text));
                var rows = table.QuerySelectorAll("tbody tr");
                Assert.Equal(item.Rows.Select(r => r.Label), rows.Select(tr => Html.Text(tr.QuerySelector("th[scope=row]")!)));
                for (var r = 0; r < item.Rows.Count; r++)
                {
                    var expected = Enumerable.Range(0, item.Columns.Count)
                        .Select(c => TestReports.ProactiveValue(template, item.Key, item.Rows[r].Key, c).ToString(System.Globalization.CultureInfo.InvariantCulture));
                    Assert.Equal(expected, rows[r].QuerySelectorAll("td").Select(Html.Text));
                }
            }
        }
    }

    [Fact]
    public async Task Blank_and_raw_cells_are_written_as_the_author_left_them()
    {
        var document = TestReports.Full("2021");
        document.Report.Tables.Requests!["new"][0] = CellValue.Blank;
        document.Report.Tables.Requests!["new"][1] = CellValue.OfText("减4");
        document.Report.Tables.Proactive!["art20_8"]["fees"][0] = CellValue.Of(190.457379m);

        var dom = await RenderAsync(document);
        var cells = dom.QuerySelectorAll("#requests table tbody tr")[0].QuerySelectorAll("td");

        Assert.Equal("", cells[0].TextContent);
        Assert.Equal("blank", cells[0].ClassName);
        Assert.Equal("减4", cells[1].TextContent);
        Assert.Equal("1002", cells[2].TextContent);
        Assert.Equal("190.457379", Html.Text(dom.QuerySelectorAll("#proactive table").Last().QuerySelector("td")!));
    }

    [Fact]
    public async Task Missing_tables_render_no_empty_table()
    {
        var document = TestReports.Full("2021");
        document.Report.Tables = new ReportTables();

        var dom = await RenderAsync(document);

        Assert.Empty(dom.QuerySelectorAll("table"));
        Assert.Equal(3, dom.QuerySelectorAll("p.table-missing").Length);
        Assert.Equal(6, dom.QuerySelectorAll("section.report-section").Length);
    }

    [Fact]
    public async Task A_truncated_report_keeps_a_consistent_table_3()
    {
        var document = TestReports.Full("2021");
        var requests = document.Report.Tables.Requests!;
        foreach (var key in new[] { "r3_5", "r3_6", "r3_7", "r3_8", "r6_1", "r6_2", "r6_3", "total", "carried_out" })
        {
            requests.Remove(key);
        }

        document.Report.Tables.ReviewLitigation = null;
        document.Report.Tables.Proactive!.Remove("art20_5");
        document.Report.Sections.RemoveAll(s => s.Key is "problems" or "other");

        var dom = await RenderAsync(document);
        var table = dom.QuerySelector("#requests table")!;

        Assert.Equal(16, table.QuerySelectorAll("tbody tr").Length);
        var groups = table.QuerySelectorAll("tbody th[scope=rowgroup]");
        Assert.Equal(["三、本年度办理结果", "（三）不予公开", "（四）无法提供", "（五）不予处理"], groups.Select(Html.Text));
        Assert.Equal(["14", "4", "3", "5"], groups.Select(th => th.GetAttribute("rowspan")));
        Assert.DoesNotContain(table.QuerySelectorAll("th"), th => Html.Text(th).Contains("（六）", StringComparison.Ordinal));
        AssertRectangular(table, 10);
        Assert.Empty(dom.QuerySelectorAll("#review_litigation table"));
        Assert.Equal(3, dom.QuerySelectorAll("#proactive table").Length);
    }

    [Fact]
    public async Task A_table_whose_section_is_missing_still_appears()
    {
        var document = TestReports.Full("2019");
        document.Report.Sections.RemoveAll(s => s.Key == "requests");

        var dom = await RenderAsync(document);

        var section = dom.GetElementById("requests");
        Assert.NotNull(section);
        Assert.Equal("三、收到和处理政府信息公开申请情况", Html.Text(section.QuerySelector("h2")!));
        Assert.Single(section.QuerySelectorAll("table"));
    }

    [Fact]
    public async Task A_report_with_no_sections_and_no_template_still_renders()
    {
        var document = new ReportDocument { Report = new Report { Agency = "某机关" } };

        var dom = await RenderAsync(document);

        Assert.Equal("青山街道办事处政府信息公开工作年度报告", Html.Text(dom.QuerySelector("h1")!));
        Assert.Empty(dom.QuerySelectorAll("table"));
        Assert.Null(dom.QuerySelector("nav.toc"));
    }

    [Fact]
    public async Task Chinese_is_written_as_characters_not_entities()
    {
        var html = await renderer.RenderReportAsync(Model(TestReports.Full("2021")));

        Assert.Contains("收到和处理政府信息公开申请情况", html, StringComparison.Ordinal);
        Assert.Contains("青山街道办事处", html, StringComparison.Ordinal);
        Assert.DoesNotContain("&#x", html, StringComparison.Ordinal);
        Assert.StartsWith("<!doctype html>", html, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Hostile_draft_text_never_becomes_markup()
    {
        const string Script = "<script>alert(1)</script>";
        const string Img = "\"><img src=x onerror=alert(1)>";
        const string Js = "javascript:alert(1)";
        var document = TestReports.Full("2021");
        var report = document.Report;
        report.Title = $"{Script}{Img}{Js}";
        report.Agency = Img;
        report.Sections[0].Text = $"{Script}\n{Img}\n{Js}";
        report.Sections[1].Heading = Img;
        report.Sections[1].Key = Img;
        report.Tables.Requests!["new"][0] = CellValue.OfText(Script + Img);
        report.Tables.Proactive!["art20_1"]["rules"][0] = CellValue.OfText(Js);
        var model = new ReportPageModel(document, "qingshan-jd", $"{Script}{Img}", PublishedAt, "sub-1");

        var html = await renderer.RenderReportAsync(model);
        var dom = Html.Parse(html);

        Assert.Empty(dom.QuerySelectorAll("script"));
        Assert.Empty(dom.QuerySelectorAll("img"));
        Assert.DoesNotContain(dom.All, e => e.Attributes.Any(a => a.Name.StartsWith("on", StringComparison.OrdinalIgnoreCase)));
        Assert.DoesNotContain(dom.All, e => e.Attributes.Any(a => a.Value.Contains("javascript:", StringComparison.OrdinalIgnoreCase)));
        Assert.Equal(report.Title, Html.Text(dom.QuerySelector("h1")!));
        Assert.Contains(Script + Img, Html.Text(dom.QuerySelector(".report-meta")!), StringComparison.Ordinal);
        var overview = dom.GetElementById("overview")!;
        Assert.Equal([Script, Img, Js], overview.QuerySelectorAll("p").Select(Html.Text));
        Assert.Equal(Script + Img, Html.Text(dom.QuerySelector("#requests table tbody td")!));
        Assert.Equal(Js, Html.Text(dom.QuerySelector("#proactive table tbody td")!));
        Assert.Contains(dom.QuerySelectorAll("section.report-section > h2"), h2 => Html.Text(h2) == $"二、{Img}");
    }

    [Fact]
    public async Task Rendering_twice_gives_the_same_page()
    {
        var model = Model(TestReports.Full("2019"));

        Assert.Equal(await renderer.RenderReportAsync(model), await renderer.RenderReportAsync(model));
    }

    [Fact]
    public async Task A_cancelled_render_does_not_start()
    {
        using var cancellation = new CancellationTokenSource();
        await cancellation.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => renderer.RenderReportAsync(Model(TestReports.Full("2021")), cancellation.Token));
    }

    [Fact]
    public async Task A_correction_keeps_the_first_publication_date_and_says_when_it_was_corrected()
    {
        var firstPublished = new DateTimeOffset(2022, 1, 10, 2, 0, 0, TimeSpan.Zero);
        var corrected = Html.Parse(await renderer.RenderReportAsync(Model(TestReports.Full("2021")) with { FirstPublishedAt = firstPublished }));
        var original = await RenderAsync(TestReports.Full("2021"));

        string? Term(IDocument dom, string term) =>
            dom.QuerySelectorAll("dt").FirstOrDefault(dt => dt.TextContent == term)?.NextElementSibling?.TextContent;
        Assert.Equal("2022年1月10日", Term(corrected, "发布日期"));
        Assert.Equal("2022年1月20日（本页为更正后的版本）", Term(corrected, "更正日期"));
        Assert.Equal("2022年1月20日", Term(original, "发布日期"));
        Assert.Null(Term(original, "更正日期"));
    }

    private async Task<IDocument> RenderAsync(ReportDocument document) =>
        Html.Parse(await renderer.RenderReportAsync(Model(document)));

    private static ReportPageModel Model(ReportDocument document) =>
        new(document, "qingshan-jd", "青山街道办事处", PublishedAt, "sub-1");

    /// <summary>Every row of the table, header and body, covers exactly <paramref name="width"/> columns, counting cells spanned from rows above.</summary>
    private static void AssertRectangular(IElement table, int width)
    {
        foreach (var section in table.QuerySelectorAll("thead, tbody"))
        {
            var carried = new List<int>(); // remaining rowspan per column position
            foreach (var tr in section.QuerySelectorAll("tr"))
            {
                var occupied = carried.Count(n => n > 0);
                var own = tr.Children.Sum(c => int.Parse(c.GetAttribute("colspan") ?? "1", System.Globalization.CultureInfo.InvariantCulture));
                Assert.Equal(width, occupied + own);
                carried = carried.Select(n => n - 1).Where(n => n > 0).ToList();
                foreach (var cell in tr.Children)
                {
                    var rowspan = int.Parse(cell.GetAttribute("rowspan") ?? "1", System.Globalization.CultureInfo.InvariantCulture);
                    var colspan = int.Parse(cell.GetAttribute("colspan") ?? "1", System.Globalization.CultureInfo.InvariantCulture);
                    if (rowspan > 1)
                    {
                        carried.AddRange(Enumerable.Repeat(rowspan - 1, colspan));
                    }
                }
            }
        }
    }
}
