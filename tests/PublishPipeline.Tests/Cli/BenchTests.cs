using System.Text.Json;
using PublishPipeline.Cli.Bench;
using PublishPipeline.Documents;
using PublishPipeline.Notices;
using PublishPipeline.Reading;
using PublishPipeline.Reports;
using PublishPipeline.Submissions;

namespace PublishPipeline.Tests.Cli;

public sealed class BenchTests
{
    [Theory]
    [InlineData("2020-lanxi-wenlvj.txt", "2019")]
    [InlineData("2021-qingshan-jiedao.txt", "2021")]
    public void The_text_and_HTML_forms_of_a_Word_draft_read_back_as_the_same_report(string sample, string template)
    {
        var report = new DraftReader().Read(sample, File.ReadAllBytes(Path.Combine(Corpus.RepoRoot, "samples", sample))).Report!;
        var docx = ReportTemplateDocument.Create(TemplateCatalog.Get(template), report);

        var fromWord = new DraftReader().Read("draft.docx", docx);
        var fromText = new DraftReader().Read("draft.txt", DraftForms.Text(docx));
        var fromHtml = new DraftReader().Read("draft.html", DraftForms.Html(docx, report.Title!));

        Assert.Equal(("docx", "text", "html"), (fromWord.Format, fromText.Format, fromHtml.Format));
        foreach (var read in new[] { fromText, fromHtml })
        {
            Assert.False(read.Unreadable, string.Join("; ", read.Findings.Select(f => f.Message)));
            Assert.Equal(template, read.Report!.Template);
            Assert.Equal(report.Title, read.Report.Title);
            Assert.Equal(Tables(fromWord.Report!), Tables(read.Report));
            Assert.Equal(fromWord.Report!.Sections.Select(s => s.Key), read.Report.Sections.Select(s => s.Key));
        }

        // The tables survive the round trip through Word: the forms are of the report itself, not of an empty template.
        Assert.Equal(Tables(report), Tables(fromWord.Report!));
    }

    [Fact]
    public void A_run_where_everything_arrived_once_passes_every_check()
    {
        var result = Result(Outcome(ReviewStep.Approve, SubmissionState.Published), Outcome(ReviewStep.None, SubmissionState.Published), Outcome(ReviewStep.Return, SubmissionState.NeedsChanges));

        Assert.True(result.Passed, string.Join("; ", result.Checks.Where(c => !c.Passed).SelectMany(c => c.Failures)));
    }

    [Fact]
    public void An_email_sent_twice_fails_the_run()
    {
        var twice = Outcome(ReviewStep.None, SubmissionState.Published, copies: (NoticeKind.Published, 2));

        var result = Result(Outcome(ReviewStep.None, SubmissionState.Published), twice);

        Assert.False(result.Passed);
        var failed = Assert.Single(result.Checks, c => !c.Passed);
        Assert.Equal("no email sent twice", failed.Name);
        Assert.Equal([$"{twice.Id}/published ×2"], failed.Failures);
    }

    [Fact]
    public void A_missing_email_a_wrong_state_and_an_unfinished_version_each_fail_their_check()
    {
        var missing = Outcome(ReviewStep.Approve, SubmissionState.Published, copies: (NoticeKind.Approved, 0));
        var wrong = Outcome(ReviewStep.Return, SubmissionState.Published);
        var unfinished = Outcome(ReviewStep.None, SubmissionState.Approved) with { DoneAt = null };

        var result = Result(missing, wrong, unfinished);

        var failed = result.Checks.Where(c => !c.Passed).ToDictionary(c => c.Name, c => c.Failures);
        Assert.Equal(["every submission in a final state", "every submission in its expected state", "every expected email present"], failed.Keys);
        Assert.Equal([$"{missing.Id}/approved missing"], failed["every expected email present"]);
        Assert.Equal(2, failed["every submission in its expected state"].Count);
        Assert.Equal([$"{unfinished.Id}: Approved"], failed["every submission in a final state"]);
    }

    [Fact]
    public void The_figures_are_taken_from_the_outcomes()
    {
        var result = Result(Outcome(ReviewStep.None, SubmissionState.Published, validationAfter: 2, pageAfter: 5), Outcome(ReviewStep.None, SubmissionState.Published, validationAfter: 4, pageAfter: 9));

        var figures = JsonSerializer.SerializeToElement(result.Figures(), JsonSerializerOptions.Web);

        Assert.Equal(2, figures.GetProperty("submissions").GetInt32());
        Assert.Equal(4.0, figures.GetProperty("uploadToValidationEmail").GetProperty("max").GetDouble(), 3);
        Assert.Equal(2.0, figures.GetProperty("uploadToValidationEmail").GetProperty("p50").GetDouble(), 3);
        Assert.Equal(9.0, figures.GetProperty("uploadToPageAutoPublish").GetProperty("p95").GetDouble(), 3);
        Assert.Equal(JsonValueKind.Null, figures.GetProperty("uploadToPageReviewed").ValueKind);
    }

    private static readonly DateTimeOffset Start = new(2027, 1, 25, 9, 0, 0, TimeSpan.Zero);
    private static int next;

    private static string Tables(Report report) => JsonSerializer.Serialize(
        new { report.Tables.Proactive, report.Tables.Requests, report.Tables.ReviewLitigation }, ReportJson.CompactOptions);

    private static BenchResult Result(params BenchOutcome[] outcomes) =>
        new(outcomes, Start, Start.AddSeconds(1), false, [], outcomes.Sum(o => o.Notices.Values.Sum()), 0, 200 << 20, 100 << 20, TimeSpan.FromSeconds(10), null, new Dictionary<string, double>());

    private static BenchOutcome Outcome(ReviewStep review, SubmissionState state, (string Kind, int Count)? copies = null, double validationAfter = 1, double pageAfter = 3)
    {
        var index = Interlocked.Increment(ref next);
        var agency = new Agency { RowKey = $"bench-{index}", Name = "兰溪市文化和旅游局", Region = "浙江省/金华市/兰溪市", AutoPublish = review == ReviewStep.None };
        var draft = new BenchDraft(index, agency, 2024, "2021", "docx", "2024.docx", [], false, review);
        var notices = draft.ExpectedNotices.ToDictionary(k => k, k => copies is { } c && c.Kind == k ? c.Count : 1);
        var answered = Start.AddSeconds(0.2);
        return new BenchOutcome(
            draft,
            $"bench-{index}-2024-v1",
            state,
            null,
            Start,
            answered,
            answered.AddSeconds(validationAfter),
            state == SubmissionState.Published ? answered.AddSeconds(pageAfter) : null,
            answered.AddSeconds(pageAfter + 1),
            notices);
    }
}
