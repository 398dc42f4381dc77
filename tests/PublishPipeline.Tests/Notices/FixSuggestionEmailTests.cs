using PublishPipeline.Checking;
using PublishPipeline.Documents;
using PublishPipeline.Notices;
using PublishPipeline.Reading;
using PublishPipeline.Reports;
using PublishPipeline.Site;
using PublishPipeline.Tests.Site;
using PublishPipeline.Tests.Validation.Fixes;
using PublishPipeline.Validation;
using PublishPipeline.Validation.Arithmetic;

namespace PublishPipeline.Tests.Notices;

/// <summary>
/// The 修改建议 where people read the D findings: a Word draft with one wrong cell goes through the checker, and the
/// validation-result email (HTML and text) and the status page name that cell and the value that makes table 三 add up.
/// </summary>
public sealed class FixSuggestionEmailTests
{
    private static readonly CellAddress WrongCell = new(ValidationContext.Requests, "r4_2", 1);

    private readonly EmailComposer composer = new();

    private readonly SiteRenderer renderer = new();

    /// <summary>The draft as an agency would upload it: the full 2021 report, table 三 and 四 adding up but for one cell.</summary>
    private static (DraftCheck Check, decimal Right, decimal Wrong) CheckedDraft(int offset = 20)
    {
        var template = TemplateCatalog.Get("2021");
        var report = TestReports.Full("2021").Report;
        var consistent = FixTables.Build(template, Enumerable.Range(0, 200).Select(i => 1 + (i * 5 % 13)).ToArray());
        report.Tables.Requests = consistent.Tables.Requests;
        report.Tables.ReviewLitigation = consistent.Tables.ReviewLitigation;
        var right = FixTables.Get(report, WrongCell).Number;
        FixTables.Set(report, WrongCell, CellValue.Of(right + offset));
        var check = new DraftChecker(new DraftReader(), new ReportValidator()).Check("draft.docx", ReportTemplateDocument.Create(template, report));
        return (check, right, right + offset);
    }

    private static ValidationNotice Notice(DraftCheck check) => new(
        "sub-20220301-7",
        "青山街道办事处",
        2021,
        "2021年青山街道报告.docx",
        TestFindings.ReceivedAt,
        check.HasErrors ? ValidationOutcome.NeedsChanges : ValidationOutcome.Accepted,
        check.Findings,
        "https://example.gov.cn/status/sub-20220301-7",
        FixSuggestions: FixSuggestionText.For(check.Document.Report, check.Findings));

    [Fact]
    public async Task The_email_names_the_wrong_cell_under_the_errors_and_before_the_warnings()
    {
        var (check, right, wrong) = CheckedDraft();
        var expected = $"若表三「（四）无法提供 2.没有现成信息需要另行制作」行「商业企业」列为 {right}（现为 {wrong}），则表三的全部勾稽关系成立。";

        var email = await composer.ComposeValidationResultAsync(Notice(check));

        var html = Html.Parse(email.Html);
        var headings = html.QuerySelectorAll("h2").Select(Html.Text).ToList();
        var block = headings.IndexOf(FixSuggestionText.Heading);
        Assert.True(block > 0, string.Join(" | ", headings));
        Assert.StartsWith("错误（", headings[block - 1], StringComparison.Ordinal);
        Assert.Contains(expected, html.Body!.TextContent, StringComparison.Ordinal);
        Assert.Contains(FixSuggestionText.Disclaimer, html.Body.TextContent, StringComparison.Ordinal);

        var text = email.Text;
        var at = text.IndexOf(FixSuggestionText.Heading + "\r\n" + expected, StringComparison.Ordinal) is var crlf and >= 0
            ? crlf
            : text.IndexOf(FixSuggestionText.Heading + "\n" + expected, StringComparison.Ordinal);
        Assert.True(at > text.IndexOf("错误（", StringComparison.Ordinal), text);
        var warnings = text.IndexOf("提示（", StringComparison.Ordinal);
        Assert.True(warnings < 0 || at < warnings, text);
    }

    [Fact]
    public async Task The_status_page_shows_the_same_sentence_in_its_own_block_inside_the_findings()
    {
        var (check, right, wrong) = CheckedDraft();
        var suggestions = FixSuggestionText.For(check.Document.Report, check.Findings);

        var html = await renderer.RenderSubmissionStatusAsync(StatusModel(check.Findings, suggestions));
        var dom = Html.Parse(html);

        PrivatePageChecks.AssertSelfContainedAndUnindexed(dom);
        var block = dom.QuerySelector("#findings .fix-suggestions")!;
        Assert.Equal(FixSuggestionText.Heading, Html.Text(block.QuerySelector("h3")!));
        Assert.Equal(
            [$"若表三「（四）无法提供 2.没有现成信息需要另行制作」行「商业企业」列为 {right}（现为 {wrong}），则表三的全部勾稽关系成立。"],
            block.QuerySelectorAll("p.fix-suggestion").Select(Html.Text));
    }

    [Fact]
    public async Task A_clean_report_has_no_suggestion_block_anywhere()
    {
        var (check, _, _) = CheckedDraft(offset: 0);
        Assert.DoesNotContain(check.Findings, f => f.Rule[0] == 'D');
        Assert.Empty(FixSuggestionText.For(check.Document.Report, check.Findings));

        var email = await composer.ComposeValidationResultAsync(Notice(check));
        var dom = Html.Parse(await renderer.RenderSubmissionStatusAsync(StatusModel(check.Findings, [])));

        Assert.DoesNotContain(FixSuggestionText.Heading, email.Html, StringComparison.Ordinal);
        Assert.DoesNotContain(FixSuggestionText.Heading, email.Text, StringComparison.Ordinal);
        Assert.Null(dom.QuerySelector(".fix-suggestions"));
    }

    [Fact]
    public async Task A_text_cell_from_the_draft_is_quoted_as_text_never_as_markup()
    {
        var report = FixTables.Build(TemplateCatalog.Get("2021"), Enumerable.Range(0, 200).Select(i => 1 + (i % 9)).ToArray());
        report.Tables.ReviewLitigation!["review"][0] = CellValue.OfText("<b>三</b>");
        var findings = new ReportValidator().Validate(report);
        var suggestions = FixSuggestionText.For(report, findings);
        Assert.Contains(suggestions, s => s.Contains("文字“<b>三</b>”", StringComparison.Ordinal));

        var html = await renderer.RenderSubmissionStatusAsync(StatusModel(findings, suggestions));
        var email = await composer.ComposeValidationResultAsync(new ValidationNotice(
            "sub-1", "青山街道办事处", 2021, "a.docx", TestFindings.ReceivedAt, ValidationOutcome.NeedsChanges, findings, "https://example.gov.cn/s", FixSuggestions: suggestions));

        Assert.DoesNotContain("<b>三</b>", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<b>三</b>", email.Html, StringComparison.Ordinal);
        Assert.Contains("文字“<b>三</b>”", Html.Text(Html.Parse(html).QuerySelector(".fix-suggestions")!), StringComparison.Ordinal);
    }

    private static SubmissionStatusModel StatusModel(IReadOnlyList<Finding> findings, IReadOnlyList<string> suggestions) => new()
    {
        SubmissionId = "0123456789abcdef01234567",
        AgencyId = "qingshan-jd",
        AgencyName = "青山街道办事处",
        Year = 2021,
        Version = new SubmissionVersionFacts(1, "draft.docx", 1000, new string('a', 64), TestFindings.ReceivedAt, "clerk@qingshan.gov.cn"),
        State = "NeedsChanges",
        Findings = findings,
        FixSuggestions = suggestions,
        PreviewAvailable = true,
    };
}
