using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using AngleSharp.Html.Parser;
using Microsoft.Extensions.DependencyInjection;
using PublishPipeline.Api;
using PublishPipeline.Pipeline;
using PublishPipeline.Pipeline.Outbox;
using PublishPipeline.Reports;
using PublishPipeline.Submissions;

namespace PublishPipeline.IntegrationTests.Pipeline;

/// <summary>
/// The life of a report through the local host on Azurite, as agencies and reviewers live it: versions, review,
/// return, approval, correction after publication, withdrawal, each step in the audit trail and the mailbox.
/// </summary>
[Collection(DevHostCollection.Name)]
public sealed class WorkflowTests(DevHostFixture fixture)
{
    [Fact]
    public async Task WholeLifeOfAReport_EveryStepIsRecordedMailedAndPublished()
    {
        var agency = await fixture.RegisterAgencyAsync("兰溪市文化和旅游局", autoPublish: false);
        var submitter = agency.SubmitterEmails[0];
        var reviewer = agency.ReviewerEmails[0];

        // v1 has an arithmetic error: NeedsChanges, and the submitter is told where.
        var v1 = await fixture.SubmitDraftOkAsync(agency, 2021, "年报初稿.docx", TestDrafts.Docx2021(agency.Name, withError: true));
        Assert.Equal((1, "Received", false), (v1.Version, v1.State, v1.Duplicate));
        await fixture.WaitForStateAsync(v1.Id, SubmissionState.NeedsChanges);
        Assert.Contains(await fixture.WaitForMailAsync(submitter, 1), m => m.Notice == $"{v1.Id}/validation-result");

        // v2 is clean: AwaitingReview, the reviewer is asked, and v1 is superseded.
        var v2 = await fixture.SubmitDraftOkAsync(agency, 2021, "年报修改稿.docx", TestDrafts.Docx2021(agency.Name, note: "（第二稿）"));
        Assert.Equal(2, v2.Version);
        await fixture.WaitForStateAsync(v2.Id, SubmissionState.AwaitingReview);
        Assert.Equal(SubmissionState.Superseded, (await fixture.Submissions.GetAsync(v1.Id))!.CurrentState);
        var request = Assert.Single(await fixture.WaitForMailAsync(reviewer, 1), m => m.Notice == $"{v2.Id}/review-request");
        Assert.Contains(agency.Name, request.Subject, StringComparison.Ordinal);
        Assert.Contains($"/api/submissions/{v2.Id}/preview", request.Html, StringComparison.Ordinal);

        // The reviewer returns it with comments: NeedsChanges, and the submitter reads the comments.
        const string comments = "请补充主动公开工作的具体数据，并核对第五部分。";
        using (var returned = await fixture.ActAsync(v2.Id, "return", reviewer, new { comments }))
        {
            Assert.Equal(HttpStatusCode.OK, returned.StatusCode);
            var view = (await returned.Content.ReadFromJsonAsync<SubmissionView>(ReportJson.CompactOptions))!;
            Assert.Equal(("NeedsChanges", comments, reviewer), (view.State, view.Comments, view.ReviewedBy));
        }

        var returnedMail = Assert.Single(await fixture.WaitForNoticeAsync(submitter, $"{v2.Id}/returned"));
        Assert.Contains(comments, returnedMail.Text, StringComparison.Ordinal);

        // v3 answers the comments; the reviewer approves it and it goes live.
        var v3 = await fixture.SubmitDraftOkAsync(agency, 2021, "年报第三稿.docx", TestDrafts.Docx2021(agency.Name, note: "（第三稿）"));
        await fixture.WaitForStateAsync(v3.Id, SubmissionState.AwaitingReview);
        using (var approved = await fixture.ActAsync(v3.Id, "approve", reviewer, new { comments = "同意发布" }))
        {
            Assert.Equal(HttpStatusCode.OK, approved.StatusCode);
        }

        var live = await fixture.WaitForStateAsync(v3.Id, SubmissionState.Published);
        Assert.Equal($"{fixture.SiteUrl}/reports/2021/{agency.Id}/", live.PublicUrl);
        Assert.Contains("（第三稿）", await PublicPageTextAsync(agency.Id), StringComparison.Ordinal);
        Assert.Single(await fixture.WaitForNoticeAsync(submitter, $"{v3.Id}/published"));

        // A correction after publication: v4 is reviewed, goes live, and v3 is superseded.
        var v4 = await fixture.SubmitDraftOkAsync(agency, 2021, "年报更正稿.docx", TestDrafts.Docx2021(agency.Name, note: "（更正稿）"));
        await fixture.WaitForStateAsync(v4.Id, SubmissionState.AwaitingReview);
        Assert.Equal(SubmissionState.Published, (await fixture.Submissions.GetAsync(v3.Id))!.CurrentState);
        using (var approved = await fixture.ActAsync(v4.Id, "approve", reviewer))
        {
            Assert.Equal(HttpStatusCode.OK, approved.StatusCode);
        }

        await fixture.WaitForStateAsync(v4.Id, SubmissionState.Published);
        var superseded = await fixture.WaitForStateAsync(v3.Id, SubmissionState.Superseded);
        Assert.Equal(4, superseded.SupersededBy);
        var page = await PublicPageTextAsync(agency.Id);
        Assert.Contains("（更正稿）", page, StringComparison.Ordinal);
        Assert.Contains("更正日期", page, StringComparison.Ordinal);
        Assert.DoesNotContain("（第三稿）", page, StringComparison.Ordinal);
        Assert.Equal(4, (await fixture.Submissions.GetHeadAsync(new ReportKey(agency.Id, 2021)))!.PublishedVersion);

        // v5 is withdrawn by the submitter before review; v4 stays live.
        var v5 = await fixture.SubmitDraftOkAsync(agency, 2021, "误传.docx", TestDrafts.Docx2021(agency.Name, note: "（误传）"));
        await fixture.WaitForStateAsync(v5.Id, SubmissionState.AwaitingReview);
        using (var withdrawn = await fixture.ActAsync(v5.Id, "withdraw", submitter, new { reason = "误传了未定稿" }))
        {
            Assert.Equal(HttpStatusCode.OK, withdrawn.StatusCode);
        }

        Assert.Equal(SubmissionState.Withdrawn, (await fixture.Submissions.GetAsync(v5.Id))!.CurrentState);
        Assert.Contains("（更正稿）", await PublicPageTextAsync(agency.Id), StringComparison.Ordinal);

        // The report's audit trail, entry by entry: version, from, to, who.
        var trail = await fixture.Submissions.GetAuditTrailAsync(new ReportKey(agency.Id, 2021));
        (int, string, string, string)[] expected =
        [
            (1, "", "Received", submitter),
            (1, "Received", "NeedsChanges", IngestHandler.Actor),
            (2, "", "Received", submitter),
            (2, "Received", "AwaitingReview", IngestHandler.Actor),
            (1, "NeedsChanges", "Superseded", IngestHandler.Actor),
            (2, "AwaitingReview", "NeedsChanges", reviewer),
            (3, "", "Received", submitter),
            (3, "Received", "AwaitingReview", IngestHandler.Actor),
            (2, "NeedsChanges", "Superseded", IngestHandler.Actor),
            (3, "AwaitingReview", "Approved", reviewer),
            (3, "Approved", "Published", PublishHandler.Actor),
            (4, "", "Received", submitter),
            (4, "Received", "AwaitingReview", IngestHandler.Actor),
            (4, "AwaitingReview", "Approved", reviewer),
            (4, "Approved", "Published", PublishHandler.Actor),
            (3, "Published", "Superseded", PublishHandler.Actor),
            (5, "", "Received", submitter),
            (5, "Received", "AwaitingReview", IngestHandler.Actor),
            (5, "AwaitingReview", "Withdrawn", submitter),
        ];
        Assert.Equal(expected, trail.Select(e => (e.Version, e.From, e.To, e.Actor)));
        Assert.Equal(Enumerable.Range(1, expected.Length), trail.Select(e => e.Sequence));
        Assert.Contains(comments, trail[5].Reason, StringComparison.Ordinal);
        Assert.True(trail.Zip(trail.Skip(1)).All(p => p.First.At <= p.Second.At), "audit entries are in time order");

        // A late or repeated blob event for a superseded version's upload changes nothing.
        var firstUpload = (await fixture.Submissions.GetAsync(v1.Id))!.DraftBlob;
        var again = await fixture.Host.Services.GetRequiredService<IngestHandler>().HandleAsync(firstUpload);
        Assert.Equal((v1.Id, SubmissionState.Superseded), (again.Id, again.CurrentState));
        Assert.Equal(expected.Length, (await fixture.Submissions.GetAuditTrailAsync(new ReportKey(agency.Id, 2021))).Count);

        // The agency's listing shows every version, newest first, as its submitter and its reviewer see it.
        foreach (var user in new[] { submitter, reviewer })
        {
            using var listing = await fixture.SendAsync(HttpMethod.Get, $"/api/agencies/{agency.Id}/submissions", user);
            Assert.Equal(HttpStatusCode.OK, listing.StatusCode);
            Assert.True(listing.Headers.CacheControl is { Private: true, NoStore: true }, "private data must not be cached");
            var versions = (await listing.Content.ReadFromJsonAsync<AgencySubmissionsView>(ReportJson.CompactOptions))!.Submissions;
            Assert.Equal(
                ["Withdrawn", "Published", "Superseded", "Superseded", "Superseded"],
                versions.Select(v => v.State));
            Assert.Equal([5, 4, 3, 2, 1], versions.Select(v => v.Version));
        }
    }

    [Fact]
    public async Task ForbiddenActions_Get403ProblemsAndChangeNothing()
    {
        var agency = await fixture.RegisterAgencyAsync("兰溪市文化和旅游局", autoPublish: false);
        var other = await fixture.RegisterAgencyAsync("兰溪市教育局", autoPublish: false);
        var v1 = await fixture.SubmitDraftOkAsync(agency, 2021, "年报.docx", TestDrafts.Docx2021(agency.Name));
        await fixture.WaitForStateAsync(v1.Id, SubmissionState.AwaitingReview);
        var before = await fixture.Submissions.GetAuditTrailAsync(new ReportKey(agency.Id, 2021));

        // The submitter approving their own report, another agency's reviewer approving or returning it.
        await AssertProblemAsync(await fixture.ActAsync(v1.Id, "approve", agency.SubmitterEmails[0]), HttpStatusCode.Forbidden);
        await AssertProblemAsync(await fixture.ActAsync(v1.Id, "approve", other.ReviewerEmails[0]), HttpStatusCode.Forbidden);
        await AssertProblemAsync(await fixture.ActAsync(v1.Id, "return", other.ReviewerEmails[0], new { comments = "退回" }), HttpStatusCode.Forbidden);
        await AssertProblemAsync(await fixture.ActAsync(v1.Id, "withdraw", other.SubmitterEmails[0]), HttpStatusCode.Forbidden);

        // Another agency's submitter uploading for this agency, reading its submission or its listing.
        await AssertProblemAsync(await fixture.SubmitDraftAsync(agency, 2021, "冒名.docx", TestDrafts.Docx2021(agency.Name, note: "冒名"), other.SubmitterEmails[0]), HttpStatusCode.Forbidden);
        await AssertProblemAsync(await fixture.SendAsync(HttpMethod.Get, $"/api/submissions/{v1.Id}", other.SubmitterEmails[0]), HttpStatusCode.Forbidden);
        await AssertProblemAsync(await fixture.SendAsync(HttpMethod.Get, $"/api/submissions/{v1.Id}/preview", other.ReviewerEmails[0]), HttpStatusCode.Forbidden);
        await AssertProblemAsync(await fixture.SendAsync(HttpMethod.Get, $"/api/agencies/{agency.Id}/submissions", other.ReviewerEmails[0]), HttpStatusCode.Forbidden);

        // Nobody signed in.
        await AssertProblemAsync(await fixture.ActAsync(v1.Id, "approve", null), HttpStatusCode.Unauthorized);
        await AssertProblemAsync(await fixture.SendAsync(HttpMethod.Get, $"/api/submissions/{v1.Id}", null), HttpStatusCode.Unauthorized);

        // A return without comments is refused, an approval of a version not awaiting review is a conflict.
        await AssertProblemAsync(await fixture.ActAsync(v1.Id, "return", agency.ReviewerEmails[0], new { comments = "  " }), HttpStatusCode.BadRequest);
        await AssertProblemAsync(await fixture.ActAsync(v1.Id, "publish", agency.ReviewerEmails[0]), HttpStatusCode.Conflict);

        Assert.Equal(SubmissionState.AwaitingReview, (await fixture.Submissions.GetAsync(v1.Id))!.CurrentState);
        var after = await fixture.Submissions.GetAuditTrailAsync(new ReportKey(agency.Id, 2021));
        Assert.Equal(before.Select(e => e.RowKey), after.Select(e => e.RowKey));
        Assert.Single(await fixture.Submissions.ListForAgencyAsync(agency.Id));

        // A stranger dropping a draft straight into storage is recorded and rejected, and supersedes nothing.
        await fixture.UploadDraftBlobAsync(agency.Id, 2021, "stranger.docx", TestDrafts.Docx2021(agency.Name, note: "陌生人"), "stranger@elsewhere.example");
        await fixture.WaitForStateAsync(SubmissionIds.For(agency.Id, 2021, 2), SubmissionState.Rejected);
        Assert.Equal(SubmissionState.AwaitingReview, (await fixture.Submissions.GetAsync(v1.Id))!.CurrentState);

        // Once published, the submitter may no longer take it down; the reviewer may.
        using (var approved = await fixture.ActAsync(v1.Id, "approve", agency.ReviewerEmails[0]))
        {
            Assert.Equal(HttpStatusCode.OK, approved.StatusCode);
        }

        await fixture.WaitForStateAsync(v1.Id, SubmissionState.Published);
        await AssertProblemAsync(await fixture.ActAsync(v1.Id, "withdraw", agency.SubmitterEmails[0]), HttpStatusCode.Forbidden);
        Assert.Equal(SubmissionState.Published, (await fixture.Submissions.GetAsync(v1.Id))!.CurrentState);
    }

    [Fact]
    public async Task TwoReviewersApprovingAtOnce_LeaveOneApproval()
    {
        var agency = await fixture.RegisterAgencyAsync("兰溪市文化和旅游局", autoPublish: false, reviewers: 2);
        var v1 = await fixture.SubmitDraftOkAsync(agency, 2021, "年报.docx", TestDrafts.Docx2021(agency.Name));
        await fixture.WaitForStateAsync(v1.Id, SubmissionState.AwaitingReview);

        var responses = await Task.WhenAll(agency.ReviewerEmails.Select(r => fixture.ActAsync(v1.Id, "approve", r)));
        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.Conflict], responses.Select(r => r.StatusCode).Order());
        foreach (var response in responses)
        {
            response.Dispose();
        }

        await fixture.WaitForStateAsync(v1.Id, SubmissionState.Published);
        var trail = await fixture.Submissions.GetAuditTrailAsync(v1.Id);
        Assert.Single(trail, e => e.To == "Approved");
        Assert.Single(trail, e => e.To == "Published");
        // One approval caused one approval email and one publication: the outbox holds each once, and every email
        // about the version comes from a row of it, so no second one is on its way.
        var outbox = await fixture.OutboxAsync(new ReportKey(agency.Id, 2021));
        Assert.Equal(
            [LifecycleMessage.ValidationAccepted, LifecycleMessage.ReviewRequest, LifecycleMessage.Approved, LifecycleMessage.Publish, LifecycleMessage.Published],
            outbox.Select(m => m.Kind));
        Assert.Single(await fixture.WaitForNoticeAsync(agency.SubmitterEmails[0], $"{v1.Id}/approved"));
        Assert.Single(await fixture.WaitForNoticeAsync(agency.SubmitterEmails[0], $"{v1.Id}/published"));
    }

    [Fact]
    public async Task RedeliveredEventsAndMessages_ChangeNothing()
    {
        var agency = await fixture.RegisterAgencyAsync("兰溪市文化和旅游局");
        var v1 = await fixture.SubmitDraftOkAsync(agency, 2021, "年报.docx", TestDrafts.Docx2021(agency.Name));
        var published = await fixture.WaitForStateAsync(v1.Id, SubmissionState.Published);
        await fixture.WaitForNoticeAsync(agency.SubmitterEmails[0], $"{v1.Id}/published");
        await fixture.WaitForNoticeAsync(agency.SubmitterEmails[0], $"{v1.Id}/validation-result");
        var trail = await fixture.Submissions.GetAuditTrailAsync(new ReportKey(agency.Id, 2021));
        var mails = await fixture.WaitForMailAsync(agency.SubmitterEmails[0], 0);
        Assert.Equal(2, mails.Count);

        // The blob event again, the publish message again, every notice message again (with and without the change
        // they announce), each seen handled before anything is asserted.
        using var signals = new PipelineSignals();
        var ingest = fixture.Host.Services.GetRequiredService<IngestHandler>();
        var again = await ingest.HandleAsync(published.DraftBlob);
        Assert.Equal((v1.Id, SubmissionState.Published), (again.Id, again.CurrentState));
        var queue = fixture.Host.Services.GetRequiredService<MessageQueue>();
        await queue.SendPublishAsync(new PublishMessage(v1.Id));
        foreach (var message in await fixture.OutboxAsync(new ReportKey(agency.Id, 2021)))
        {
            if (OutboxDispatcher.NoticeKindOf(message.Kind) is not null)
            {
                await queue.SendNoticeAsync(OutboxDispatcher.NoticeFor(message));
            }
        }

        await queue.SendNoticeAsync(new NoticeMessage(v1.Id, Notices.NoticeKind.Published));
        await signals.WaitForAsync("ingest", "already-ingested", v1.Id);
        await signals.WaitForAsync("publish", "already-published", v1.Id);
        await signals.WaitForAsync("notify", "AlreadySent", v1.Id, count: 3);

        Assert.Equal(trail.Select(e => e.RowKey), (await fixture.Submissions.GetAuditTrailAsync(new ReportKey(agency.Id, 2021))).Select(e => e.RowKey));
        Assert.Equal(published.PublishedAt, (await fixture.Submissions.GetAsync(v1.Id))!.PublishedAt);
        Assert.Equal(mails.Select(m => m.Id), (await fixture.WaitForMailAsync(agency.SubmitterEmails[0], 0)).Select(m => m.Id));
        Assert.Single(await fixture.Submissions.ListForAgencyAsync(agency.Id));
    }

    [Fact]
    public async Task ApprovalForALaterTime_PublishesThen()
    {
        var agency = await fixture.RegisterAgencyAsync("兰溪市文化和旅游局", autoPublish: false);
        var v1 = await fixture.SubmitDraftOkAsync(agency, 2021, "年报.docx", TestDrafts.Docx2021(agency.Name));
        await fixture.WaitForStateAsync(v1.Id, SubmissionState.AwaitingReview);
        var at = DateTimeOffset.UtcNow.AddSeconds(6);

        using (var approved = await fixture.ActAsync(v1.Id, "approve", agency.ReviewerEmails[0], new { publishAt = at.ToString("O") }))
        {
            Assert.Equal(HttpStatusCode.OK, approved.StatusCode);
        }

        var waiting = await fixture.Submissions.GetAsync(v1.Id);
        Assert.Equal(SubmissionState.Approved, waiting!.CurrentState);
        Assert.Equal(at.ToUnixTimeSeconds(), waiting.PublishAt!.Value.ToUnixTimeSeconds());
        using (var early = await fixture.Http.GetAsync($"{fixture.SiteUrl}/reports/2021/{agency.Id}/"))
        {
            Assert.Equal(HttpStatusCode.NotFound, early.StatusCode);
        }

        var live = await fixture.WaitForStateAsync(v1.Id, SubmissionState.Published);
        Assert.True(live.PublishedAt >= at.AddSeconds(-1), $"published at {live.PublishedAt:O}, scheduled for {at:O}");
    }

    [Fact]
    public async Task ReviewerWithdrawingAPublishedReport_TakesThePageDown()
    {
        var agency = await fixture.RegisterAgencyAsync("兰溪市文化和旅游局");
        var v1 = await fixture.SubmitDraftOkAsync(agency, 2021, "年报.docx", TestDrafts.Docx2021(agency.Name));
        await fixture.WaitForStateAsync(v1.Id, SubmissionState.Published);
        Assert.Contains(agency.Name, await PublicPageTextAsync(agency.Id), StringComparison.Ordinal);

        using (var withdrawn = await fixture.ActAsync(v1.Id, "withdraw", agency.ReviewerEmails[0], new { reason = "报告内容有误，暂时撤下" }))
        {
            Assert.Equal(HttpStatusCode.OK, withdrawn.StatusCode);
        }

        var deadline = DateTime.UtcNow.AddSeconds(30);
        HttpStatusCode status;
        do
        {
            await Task.Delay(300);
            using var page = await fixture.Http.GetAsync($"{fixture.SiteUrl}/reports/2021/{agency.Id}/");
            status = page.StatusCode;
        }
        while (status != HttpStatusCode.NotFound && DateTime.UtcNow < deadline);

        Assert.Equal(HttpStatusCode.NotFound, status);
        var home = new HtmlParser().ParseDocument(await fixture.Http.GetStringAsync($"{fixture.SiteUrl}/"));
        Assert.DoesNotContain(home.QuerySelectorAll("a"), a => a.GetAttribute("href") == $"/reports/2021/{agency.Id}/");
        Assert.Null((await fixture.Submissions.GetHeadAsync(new ReportKey(agency.Id, 2021)))!.PublishedVersion);
        var mail = Assert.Single(await fixture.WaitForNoticeAsync(agency.ReviewerEmails[0], $"{v1.Id}/withdrawn"));
        Assert.Contains("报告内容有误", mail.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task PublishFailingEveryTime_EndsInThePoisonQueueWithTheVersionFailedAndAnAlert()
    {
        var agency = await fixture.RegisterAgencyAsync("兰溪市文化和旅游局", autoPublish: false);
        var v1 = await fixture.SubmitDraftOkAsync(agency, 2021, "年报.docx", TestDrafts.Docx2021(agency.Name));
        await fixture.WaitForStateAsync(v1.Id, SubmissionState.AwaitingReview);

        // The stored report is lost: publishing cannot succeed however often it is tried.
        var stored = (await fixture.Storage.Reports.GetBlobClient(Storage.StorageNames.ReportBlobName(v1.Id)).DownloadContentAsync()).Value.Content;
        await fixture.Storage.Reports.DeleteBlobAsync(Storage.StorageNames.ReportBlobName(v1.Id));
        using (var approved = await fixture.ActAsync(v1.Id, "approve", agency.ReviewerEmails[0]))
        {
            Assert.Equal(HttpStatusCode.OK, approved.StatusCode);
        }

        var failed = await fixture.WaitForStateAsync(v1.Id, SubmissionState.Failed);
        Assert.Equal(PoisonHandler.Actor, (await fixture.Submissions.GetAuditTrailAsync(v1.Id))[^1].Actor);
        Assert.Contains("发布多次失败", failed.Reason, StringComparison.Ordinal);
        var alerts = fixture.Host.Services.GetRequiredService<PublishPipeline.Pipeline.Alerts.AlertRecorder>();
        var alert = Assert.Single(await alerts.ListRecentAsync(2), a => a.SubmissionId == v1.Id);
        Assert.Equal("publish", alert.Stage);
        Assert.Contains(v1.Id, alert.Payload, StringComparison.Ordinal);

        // Nothing is lost: the upload is kept, and the failed message itself is in the alert for the operator.
        Assert.True(await fixture.Storage.Drafts.GetBlobClient(failed.DraftBlob).ExistsAsync());
        Assert.Equal(v1.Id, MessageQueue.Parse<PublishMessage>(alert.Payload).SubmissionId);

        // The operator restores the report and retries with pubpipe: the version goes back to Approved and is published.
        await fixture.Storage.Reports.GetBlobClient(Storage.StorageNames.ReportBlobName(v1.Id)).UploadAsync(stored);
        using var output = new StringWriter();
        using var error = new StringWriter();
        var code = await new System.CommandLine.RootCommand { Cli.Operations.RetryCommand.Create() }
            .Parse(["retry", v1.Id, "--operator", "ops@office.example", "--connection", fixture.StorageConnectionString])
            .InvokeAsync(new System.CommandLine.InvocationConfiguration { Output = output, Error = error });
        Assert.True(code == 0, error.ToString());
        await fixture.WaitForStateAsync(v1.Id, SubmissionState.Published);
        var retried = await fixture.Submissions.GetAuditTrailAsync(v1.Id);
        Assert.Equal(
            [("Approved", "Failed", PoisonHandler.Actor), ("Failed", "Approved", "operator:ops@office.example"), ("Approved", "Published", PublishHandler.Actor)],
            retried.TakeLast(3).Select(e => (e.From, e.To, e.Actor)));
        Assert.Equal("ops@office.example", (await alerts.ListRecentAsync(2)).Single(a => a.SubmissionId == v1.Id).ResolvedBy);
    }

    [Fact]
    public async Task IngestFailingEveryTime_EndsWithTheVersionFailedTheUploadKeptAndAnAlert()
    {
        var agency = await fixture.RegisterAgencyAsync("兰溪市文化和旅游局");

        // The parsed report cannot be stored (its container is gone): every attempt to ingest fails.
        await fixture.Storage.Reports.DeleteAsync();
        try
        {
            var accepted = await fixture.SubmitDraftOkAsync(agency, 2021, "年报.docx", TestDrafts.Docx2021(agency.Name));
            var failed = await fixture.WaitForStateAsync(accepted.Id, SubmissionState.Failed);
            Assert.Equal(["Received", "Failed"], (await fixture.Submissions.GetAuditTrailAsync(accepted.Id)).Select(a => a.To));
            Assert.Equal(PoisonHandler.Actor, (await fixture.Submissions.GetAuditTrailAsync(accepted.Id))[^1].Actor);
            Assert.True(await fixture.Storage.Drafts.GetBlobClient(failed.DraftBlob).ExistsAsync(), "the upload must be kept");

            var alerts = fixture.Host.Services.GetRequiredService<PublishPipeline.Pipeline.Alerts.AlertRecorder>();
            var alert = Assert.Single(await alerts.ListRecentAsync(2), a => a.SubmissionId == accepted.Id);
            Assert.Equal("ingest", alert.Stage);
            Assert.Contains(failed.DraftBlob, alert.Payload, StringComparison.Ordinal);

            // The receipt is written, so the sweeper does not keep retrying it.
            var blob = await fixture.Storage.Drafts.GetBlobClient(failed.DraftBlob).GetPropertiesAsync();
            var (partition, row) = IngestReceipt.KeyFor(failed.DraftBlob, blob.Value.ETag);
            Assert.True((await fixture.Storage.IngestReceipts.GetEntityIfExistsAsync<IngestReceipt>(partition, row)).HasValue);

            // The operator fixes storage and retries: the kept upload is read and checked again, and published.
            await fixture.Storage.Reports.CreateIfNotExistsAsync();
            var recovery = await fixture.Host.Services.GetRequiredService<FailureRecovery>().RetryAsync(accepted.Id, "ops@office.example");
            Assert.Equal(RecoveryOutcome.Retried, recovery.Outcome);
            await fixture.WaitForStateAsync(accepted.Id, SubmissionState.Published);
            Assert.Equal(
                ["Received", "Failed", "Received", "Approved", "Published"],
                (await fixture.Submissions.GetAuditTrailAsync(accepted.Id)).Select(a => a.To));

            // A version that has not failed is not retried.
            Assert.Equal(RecoveryOutcome.NotFailed, (await fixture.Host.Services.GetRequiredService<FailureRecovery>().RetryAsync(accepted.Id, "ops")).Outcome);
        }
        finally
        {
            await fixture.Storage.Reports.CreateIfNotExistsAsync();
        }
    }

    [Fact]
    public async Task DraftsDroppedTwiceUnderOneName_AreTwoVersionsEachKeptAsUploaded()
    {
        using var signals = new PipelineSignals();
        var agency = await fixture.RegisterAgencyAsync("兰溪市文化和旅游局", autoPublish: false);
        var first = TestDrafts.Docx2021(agency.Name, note: "（初稿）");
        var second = TestDrafts.Docx2021(agency.Name, note: "（修改稿）");
        await fixture.UploadDraftBlobAsync(agency.Id, 2021, "年报.docx", first, agency.SubmitterEmails[0]);
        var v1 = await fixture.WaitForStateAsync(SubmissionIds.For(agency.Id, 2021, 1), SubmissionState.AwaitingReview);

        // The agency's tool overwrites its drop: a second version, and the first version's bytes are still there.
        await fixture.UploadDraftBlobAsync(agency.Id, 2021, "年报.docx", second, agency.SubmitterEmails[0]);
        var v2 = await fixture.WaitForStateAsync(SubmissionIds.For(agency.Id, 2021, 2), SubmissionState.AwaitingReview);

        Assert.Equal($"{agency.Id}/2021/年报.docx", v1.SourceBlob);
        Assert.NotEqual(v1.DraftBlob, v2.DraftBlob);
        foreach (var (version, bytes) in new[] { (v1, first), (v2, second) })
        {
            var kept = (await fixture.Storage.Drafts.GetBlobClient(version.DraftBlob).DownloadContentAsync()).Value.Content.ToArray();
            Assert.Equal(bytes, kept);
            Assert.Equal(version.Sha256, Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(kept)));
        }

        // The copies' own blob events (seen handled) changed nothing: two versions, v1 superseded by v2.
        await signals.WaitForAsync("ingest", "kept-copy", v1.Id);
        await signals.WaitForAsync("ingest", "kept-copy", v2.Id);
        Assert.Equal([2, 1], (await fixture.Submissions.ListForAgencyAsync(agency.Id)).Select(s => s.Version));
        Assert.Equal(SubmissionState.Superseded, (await fixture.Submissions.GetAsync(v1.Id))!.CurrentState);
    }

    [Fact]
    public async Task ReviewerInABrowser_SeesTheStatusPageAndPreviewAndApprovesWithTheForm()
    {
        var agency = await fixture.RegisterAgencyAsync("兰溪市文化和旅游局", autoPublish: false);
        var v1 = await fixture.SubmitDraftOkAsync(agency, 2021, "年报.docx", TestDrafts.Docx2021(agency.Name, note: "<script>alert(1)</script>"));
        await fixture.WaitForStateAsync(v1.Id, SubmissionState.AwaitingReview);
        var reviewer = agency.ReviewerEmails[0];

        // The status link from the email, opened by a browser: a page, with the reviewer's forms, and private.
        using var statusRequest = new HttpRequestMessage(HttpMethod.Get, $"{fixture.ApiUrl}/api/submissions/{v1.Id}");
        statusRequest.Headers.Add("X-Dev-User", reviewer);
        statusRequest.Headers.Accept.ParseAdd("text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8");
        using var status = await fixture.Http.SendAsync(statusRequest);
        Assert.Equal("text/html", status.Content.Headers.ContentType?.MediaType);
        Assert.True(status.Headers.CacheControl is { Private: true, NoStore: true }, $"Cache-Control: {status.Headers.CacheControl}");
        var page = new HtmlParser().ParseDocument(await status.Content.ReadAsStringAsync());
        Assert.Contains("待审核", page.Body!.TextContent, StringComparison.Ordinal);
        Assert.NotNull(page.QuerySelector($"form[action='/api/submissions/{v1.Id}/approve']"));
        Assert.NotNull(page.QuerySelector($"form[action='/api/submissions/{v1.Id}/return']"));

        // The submitter's view of the same page has no review forms.
        using var submitterRequest = new HttpRequestMessage(HttpMethod.Get, $"{fixture.ApiUrl}/api/submissions/{v1.Id}");
        submitterRequest.Headers.Add("X-Dev-User", agency.SubmitterEmails[0]);
        submitterRequest.Headers.Accept.ParseAdd("text/html");
        using var submitterStatus = await fixture.Http.SendAsync(submitterRequest);
        var submitterPage = new HtmlParser().ParseDocument(await submitterStatus.Content.ReadAsStringAsync());
        Assert.Null(submitterPage.QuerySelector("form.action-approve"));

        // The preview shows the draft as it will be published, its text as text, no script anywhere.
        using var preview = await fixture.SendAsync(HttpMethod.Get, $"/api/submissions/{v1.Id}/preview", reviewer);
        Assert.Equal(HttpStatusCode.OK, preview.StatusCode);
        var policy = preview.Headers.GetValues("Content-Security-Policy").Single();
        Assert.StartsWith("default-src 'none'", policy, StringComparison.Ordinal);
        Assert.DoesNotContain("script-src", policy, StringComparison.Ordinal);
        var previewPage = new HtmlParser().ParseDocument(await preview.Content.ReadAsStringAsync());
        Assert.Empty(previewPage.QuerySelectorAll("script"));
        Assert.Contains("<script>alert(1)</script>", previewPage.Body!.TextContent, StringComparison.Ordinal);
        Assert.Contains("预览：本页尚未公开", previewPage.Body.TextContent, StringComparison.Ordinal);

        // A form posted from another site is refused; the reviewer's own form approves and lands back on the page.
        HttpRequestMessage FormPost(string origin) => new(HttpMethod.Post, $"{fixture.ApiUrl}/api/submissions/{v1.Id}/approve")
        {
            Headers = { { "X-Dev-User", reviewer }, { "Origin", origin } },
            Content = new FormUrlEncodedContent([new KeyValuePair<string, string>("publishAt", "")]),
        };
        using (var forged = await fixture.Http.SendAsync(FormPost("https://evil.example")))
        {
            Assert.Equal(HttpStatusCode.Forbidden, forged.StatusCode);
        }

        Assert.Equal(SubmissionState.AwaitingReview, (await fixture.Submissions.GetAsync(v1.Id))!.CurrentState);
        using var noRedirect = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false });
        using (var approved = await noRedirect.SendAsync(FormPost(fixture.ApiUrl)))
        {
            Assert.Equal(HttpStatusCode.SeeOther, approved.StatusCode);
            Assert.Equal($"{fixture.ApiUrl}/api/submissions/{v1.Id}", approved.Headers.Location?.ToString());
        }

        await fixture.WaitForStateAsync(v1.Id, SubmissionState.Published);
    }

    private async Task<string> PublicPageTextAsync(string agencyId)
    {
        var html = await fixture.Http.GetStringAsync($"{fixture.SiteUrl}/reports/2021/{agencyId}/");
        return new HtmlParser().ParseDocument(html).Body!.TextContent;
    }

    private static async Task AssertProblemAsync(HttpResponseMessage response, HttpStatusCode status)
    {
        using (response)
        {
            Assert.Equal(status, response.StatusCode);
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
            var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
            Assert.False(string.IsNullOrWhiteSpace(problem.GetProperty("title").GetString()));
            Assert.False(string.IsNullOrWhiteSpace(problem.GetProperty("detail").GetString()));
        }
    }
}
