using System.Text;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using PublishPipeline.Agencies;
using PublishPipeline.Documents;
using PublishPipeline.Reading;
using PublishPipeline.Reports;
using PublishPipeline.Validation;

namespace PublishPipeline.Tests.Reading;

/// <summary>
/// The fields around the six parts and the tables' printed labels, as every reader fills them through the shared
/// layout → Report step: <see cref="Report.Preamble"/>, <see cref="Report.PublishedOn"/> (落款 or 发布日期),
/// <see cref="ReportTables.Labels"/> and <see cref="ReportTables.ExtraRows"/>; and the rules that read them.
/// </summary>
public class ReportMetadataTests
{
    private static readonly ReportValidator Validator = new();

    private static readonly DraftFixture Signed = new()
    {
        Signature = [DraftFixture.Agency, "2022年1月20日"],
        NormativeLabel = "规范性文件",
        ExtraRow = "其他主动公开文件 | 3 | 0 | 3",
    };

    private static Report Read(string name, byte[] bytes)
    {
        var result = new DraftReader().Read(name, bytes);
        Assert.False(result.Unreadable, string.Join("；", result.Findings.Select(f => f.Message)));
        return result.Report!;
    }

    private static Report ReadText(DraftFixture draft) => Read("draft.txt", Encoding.UTF8.GetBytes(draft.Text()));

    private static Report ReadHtml(DraftFixture draft) => Read("draft.html", Encoding.UTF8.GetBytes(draft.Html()));

    private static Report ReadCorpus(string name) => Read(name, Corpus.Bytes(name));

    private static List<Finding> Findings(Report report, string rule, ValidationInputs? inputs = null) =>
        Validator.Validate(report, inputs).Where(f => f.Rule == rule).ToList();

    public static TheoryData<string> Formats() => new() { "text", "html" };

    private static Report ReadAs(string format, DraftFixture draft) => format == "html" ? ReadHtml(draft) : ReadText(draft);

    [Theory]
    [MemberData(nameof(Formats))]
    public void Preamble_is_the_text_between_title_and_first_part(string format)
    {
        var report = ReadAs(format, Signed with { Preamble = [DraftFixture.DefaultPreamble, "本报告中所列数据的统计期限自2021年1月1日起至2021年12月31日止。"] });

        Assert.Equal(DraftFixture.DefaultPreamble + "\n本报告中所列数据的统计期限自2021年1月1日起至2021年12月31日止。", report.Preamble);
        Assert.Equal("2021年，我局认真贯彻落实政府信息公开条例，全年主动公开政府信息120条。", report.Sections[0].Text);
    }

    [Theory]
    [MemberData(nameof(Formats))]
    public void Signature_date_is_published_on_and_leaves_part_six(string format)
    {
        var report = ReadAs(format, Signed);

        Assert.Equal("2022-01-20", report.PublishedOn);
        var other = report.Sections.Single(s => s.Key == "other");
        Assert.Equal("本年度未收取信息处理费。", other.Text);
    }

    [Theory]
    [MemberData(nameof(Formats))]
    public void Portal_date_line_is_published_on_and_not_part_of_the_preamble(string format)
    {
        var report = ReadAs(format, Signed with { PortalLine = "发布日期：2022-01-25  点击数：12" });

        // The portal's date is when the report went public; the 落款 (1月20日) is when it was signed.
        Assert.Equal("2022-01-25", report.PublishedOn);
        Assert.Equal(DraftFixture.DefaultPreamble, report.Preamble);
    }

    [Theory]
    [InlineData("二〇二二年一月二十日", "2022-01-20")]
    [InlineData("二○二一年十二月三十一日", "2021-12-31")]
    [InlineData("2022-02-08", "2022-02-08")]
    [InlineData("２０２２年３月１日", "2022-03-01")]
    public void Signature_date_forms(string printed, string iso)
    {
        Assert.Equal(iso, ReadText(Signed with { Signature = [DraftFixture.Agency, printed] }).PublishedOn);
    }

    [Fact]
    public void Agency_and_date_on_one_line()
    {
        var report = ReadText(Signed with { Signature = [DraftFixture.Agency + "　2022年1月20日"] });

        Assert.Equal("2022-01-20", report.PublishedOn);
        Assert.Equal("本年度未收取信息处理费。", report.Sections[^1].Text);
    }

    [Fact]
    public void Signature_names_the_agency_when_the_title_does_not()
    {
        var report = ReadText(Signed with { Title = "政府信息公开工作年度报告" });

        Assert.Equal(DraftFixture.Agency, report.Agency);
        Assert.Empty(Findings(report, "A2", new ValidationInputs { ExpectedAgencyName = DraftFixture.Agency }));
    }

    [Theory]
    [InlineData("截至2021年12月31日")]
    [InlineData("2022年1月20日，本局召开政务公开工作会议。")]
    [InlineData("本年度未收取信息处理费，2022年1月20日")]
    public void A_date_inside_the_narrative_is_never_taken(string lastLine)
    {
        var report = ReadText(Signed with { Signature = [lastLine] });

        Assert.Null(report.PublishedOn);
        Assert.EndsWith(lastLine, report.Sections[^1].Text, StringComparison.Ordinal);
    }

    [Fact]
    public void A_date_line_before_part_six_is_not_a_signature()
    {
        var report = ReadText(new DraftFixture { Overview = "2022年1月20日" });

        Assert.Null(report.PublishedOn);
        Assert.Equal("2022年1月20日", report.Sections[0].Text);
    }

    [Theory]
    [MemberData(nameof(Formats))]
    public void Printed_labels_and_extra_rows_are_recorded(string format)
    {
        var report = ReadAs(format, Signed with { RulesLabel = "规章(县级无此项)" });

        var labels = report.Tables.Labels!;
        Assert.Equal("规章(县级无此项)", labels["proactive/art20_1/rules"]);
        Assert.Equal("规范性文件", labels["proactive/art20_1/normative_docs"]);
        Assert.Equal(["其他主动公开文件"], report.Tables.ExtraRows!["proactive"]);

        // The extra row's numbers are kept out of the table: no rule may add them up.
        Assert.Equal(["rules", "normative_docs"], report.Tables.Proactive!["art20_1"].Keys);
        Assert.Equal([2m, 0m, 5m], report.Tables.Proactive["art20_1"]["normative_docs"].Select(c => c.Number));
    }

    [Fact]
    public void Extra_rows_are_serialised_and_omitted_when_empty()
    {
        var withExtra = ReportJson.Serialize(new ReportDocument { Report = ReadText(Signed) });
        var without = ReportJson.Serialize(new ReportDocument { Report = ReadText(Signed with { ExtraRow = null }) });

        Assert.Contains("\"extra_rows\": {", withExtra, StringComparison.Ordinal);
        Assert.Contains("\"其他主动公开文件\"", withExtra, StringComparison.Ordinal);
        Assert.DoesNotContain("extra_rows", without, StringComparison.Ordinal);
        Assert.Equal(["其他主动公开文件"], ReportJson.Deserialize(withExtra).Report.Tables.ExtraRows!["proactive"]);
    }

    [Fact]
    public void Word_draft_gets_preamble_signature_labels_and_extra_rows()
    {
        var report = Read("draft.docx", SignedWordDraft());

        Assert.Equal(DraftFixture.DefaultPreamble, report.Preamble);
        Assert.Equal("2022-01-20", report.PublishedOn);
        Assert.DoesNotContain("2022年1月20日", report.Sections.Single(s => s.Key == "other").Text, StringComparison.Ordinal);
        Assert.Equal("规范性文件", report.Tables.Labels!["proactive/art20_1/normative_docs"]);
        Assert.Equal(["其他主动公开文件"], report.Tables.ExtraRows!["proactive"]);
        Assert.False(report.Tables.Proactive!["art20_1"].ContainsKey("other_docs"));
    }

    [Theory]
    [InlineData("2020-hangzhou-fuyang-bgs.txt", "根据《中华人民共和国政府信息公开条例》第五十条规定", "等六部分组成")]
    [InlineData("2021-baokang-nyncj.txt", "本报告依据《中华人民共和国政府信息公开条例》", "统计期限从2021年1月1日起到2021年12月31日止。")]
    [InlineData("2023-qu-tjj-61150.txt", "根据《中华人民共和国政府信息公开条例》规定", "等六部分组成。")]
    [InlineData("2021-anhui-tjj.txt", "本报告依据《中华人民共和国政府信息公开条例》", "自202111日起至20211231日止。")]
    [InlineData("2021-siping-simalu-jd.txt", "根据《中华人民共和国政府信息公开条例》的规定", "电话:0434-3519191")]
    public void Corpus_preambles(string name, string start, string contains)
    {
        var report = ReadCorpus(name);

        Assert.StartsWith(start, report.Preamble, StringComparison.Ordinal);
        Assert.Contains(contains, report.Preamble, StringComparison.Ordinal);
        Assert.DoesNotContain("发布时间", report.Preamble, StringComparison.Ordinal);
        Assert.DoesNotContain("发布日期", report.Preamble, StringComparison.Ordinal);
        Assert.DoesNotContain(report.Sections, s => s.Text.Contains(start, StringComparison.Ordinal));
    }

    [Fact]
    public void Zhashui_preamble_printed_under_the_first_heading_is_taken_out_of_the_overview()
    {
        var report = ReadCorpus("2021-zhashui-fenghuangzhen.txt");

        Assert.StartsWith("根據", report.Preamble, StringComparison.Ordinal);
        Assert.Contains("等六部分組成", report.Preamble, StringComparison.Ordinal);
        Assert.DoesNotContain("六部分組成", report.Sections.Single(s => s.Key == "overview").Text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("2021-siping-simalu-jd.txt", "2021-12-23")]
    [InlineData("2021-anhui-tjj.txt", "2022-01-21")]
    [InlineData("2021-yuhong-yingbinlu-jd.txt", "2022-01-18")]
    [InlineData("2020-hangzhou-fuyang-bgs.txt", null)]
    [InlineData("2021-baokang-nyncj.txt", null)]
    public void Corpus_publication_dates(string name, string? iso)
    {
        Assert.Equal(iso, ReadCorpus(name).PublishedOn);
    }

    [Fact]
    public void Baokang_label_drift_is_recorded_as_printed()
    {
        var labels = ReadCorpus("2021-baokang-nyncj.txt").Tables.Labels!;

        Assert.Equal("规章(县级无此项)", labels["proactive/art20_1/rules"]);
        Assert.Equal("行政规范性文件", labels["proactive/art20_1/normative_docs"]);
    }

    [Fact]
    public void No_corpus_file_has_an_extra_row()
    {
        // Wrapped label fragments (上海办公厅's "行政机关不再处理其政府信息公") and notes are not extra rows.
        var extras = Corpus.TextFiles().Select(n => (n, new DraftReader().Read(n, Corpus.Bytes(n)).Report?.Tables.ExtraRows))
            .Where(e => e.ExtraRows is not null)
            .Select(e => e.n + ": " + string.Join("、", e.ExtraRows!.SelectMany(t => t.Value)))
            .ToList();

        Assert.Empty(extras);
    }

    [Fact]
    public void Rules_check_what_the_reader_now_gives_them()
    {
        var report = ReadText(Signed with { Signature = [DraftFixture.Agency, "2021年12月28日"] });

        var a4 = Assert.Single(Findings(report, "A4"));
        Assert.Equal(Severity.Warning, a4.Severity);
        Assert.Contains("2021年12月28日", a4.Message, StringComparison.Ordinal);

        var b5 = Assert.Single(Findings(report, "B5"));
        Assert.Equal(new FindingLocation { Table = "proactive", Row = "art20_1/normative_docs" }, b5.Location);
        Assert.Contains("应为“行政规范性文件”", b5.Message, StringComparison.Ordinal);

        var b4 = Assert.Single(Findings(report, "B4"), f => f.Message.Contains("其他主动公开文件", StringComparison.Ordinal));
        Assert.Equal(Severity.Error, b4.Severity);
        Assert.Equal(new FindingLocation { Table = "proactive" }, b4.Location);
    }

    [Fact]
    public void H1_uses_the_signature_date()
    {
        var report = ReadText(Signed with { Signature = [DraftFixture.Agency, "2022年2月10日"] });

        var h1 = Assert.Single(Findings(report, "H1", new ValidationInputs { AgencyLevel = AgencyLevels.Department }));

        Assert.Equal(Severity.Warning, h1.Severity);
        Assert.Contains("逾期 10 天", h1.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void B9_fires_on_baokang_read_through_the_draft_reader()
    {
        var finding = Assert.Single(Findings(ReadCorpus("2021-baokang-nyncj.txt"), "B9"));

        Assert.Equal(new FindingLocation { Section = "preamble" }, finding.Location);
        Assert.Contains("缺少“收到和处理政府信息公开申请情况”", finding.Message, StringComparison.Ordinal);
    }

    /// <summary>
    /// The Word template filled with a full 2021 report, then edited as an author would: a 导语 paragraph after the title,
    /// the 落款 after part 六, 行政规范性文件 printed as 规范性文件, and an extra row under it.
    /// </summary>
    private static byte[] SignedWordDraft()
    {
        var content = TestReports.Full("2021").Report;
        var other = content.Sections.Single(s => s.Key == "other");
        other.Text += "\n青山街道办事处\n2022年1月20日";
        var bytes = ReportTemplateDocument.Create(TemplateCatalog.Get("2021"), content);

        using var stream = new MemoryStream();
        stream.Write(bytes);
        using (var document = WordprocessingDocument.Open(stream, isEditable: true))
        {
            var body = document.MainDocumentPart!.Document!.Body!;
            body.Elements<Paragraph>().First().InsertAfterSelf(new Paragraph(new Run(new Text(DraftFixture.DefaultPreamble))));

            var normative = body.Descendants<TableRow>().First(r => r.Elements<TableCell>().First().InnerText == "行政规范性文件");
            SetText(normative.Elements<TableCell>().First(), "规范性文件");
            var extra = (TableRow)normative.CloneNode(true);
            SetText(extra.Elements<TableCell>().First(), "其他主动公开文件");
            normative.InsertAfterSelf(extra);
        }

        return stream.ToArray();

        static void SetText(TableCell cell, string text)
        {
            var texts = cell.Descendants<Text>().ToList();
            texts[0].Text = text;
            foreach (var rest in texts.Skip(1))
            {
                rest.Text = "";
            }
        }
    }
}
