using Microsoft.Extensions.DependencyInjection;
using PublishPipeline.Pipeline.Outbox;
using PublishPipeline.Submissions;

namespace PublishPipeline.IntegrationTests.Pipeline;

/// <summary>
/// The report's outbox: a state change and the messages it causes commit together, and whatever happens between the
/// commit and the send, each message is delivered once and each email is sent once, in the order of the audit trail.
/// </summary>
[Collection(DevHostCollection.Name)]
public sealed class OutboxTests(DevHostFixture fixture)
{
    [Fact]
    public async Task WorkKilledBetweenTheCommitAndTheSend_IsDeliveredOnceByTheSweeper()
    {
        var (agency, v1) = await AwaitingReviewAsync();
        var reviewer = agency.ReviewerEmails[0];
        var report = new ReportKey(agency.Id, 2021);

        // The approval commits and the work dies before it sends anything: the store's transaction alone.
        var approved = await fixture.Submissions.TransitionAsync(v1, LifecycleTrigger.Approve, reviewer, "审核通过，立即发布", s => s.ReviewedBy = reviewer);
        Assert.Equal(SubmissionState.Approved, approved.Updated?.CurrentState);
        var pending = await fixture.Submissions.ListPendingOutboxAsync(report);
        Assert.Equal([LifecycleMessage.Approved, LifecycleMessage.Publish], pending.Select(m => m.Kind));
        var approval = Assert.Single(await fixture.Submissions.GetAuditTrailAsync(v1), e => e.To == "Approved");
        Assert.All(pending, m => Assert.Equal(approval.Sequence, m.Sequence));

        // Two sweepers at once (the timer firing on two instances) lease each message once and send it once.
        var dispatcher = fixture.Host.Services.GetRequiredService<OutboxDispatcher>();
        await Task.WhenAll(dispatcher.SweepAsync(TimeSpan.Zero), dispatcher.SweepAsync(TimeSpan.Zero));
        var dispatched = (await fixture.OutboxAsync(report)).Where(m => m.Sequence == approval.Sequence).ToList();
        Assert.All(dispatched, m => Assert.False(m.Pending, $"{m.Message} still pending"));
        Assert.All(dispatched, m => Assert.Equal(1, m.Attempts));

        // The publication happened and each email went out once, the approval before the publication.
        await fixture.WaitForStateAsync(v1, SubmissionState.Published);
        var publishedMail = Assert.Single(await fixture.WaitForNoticeAsync(agency.SubmitterEmails[0], $"{v1}/published"));
        var approvedMail = Assert.Single(await fixture.WaitForNoticeAsync(agency.SubmitterEmails[0], $"{v1}/approved"));
        Assert.True(approvedMail.Id < publishedMail.Id, "the approval email went out after the publication email");

        // Now the work dies after the send and before the mark: the sweeper sends the approval email's message again,
        // the notify stage finds it sent, and nobody gets it twice.
        using var signals = new PipelineSignals();
        var row = (await fixture.OutboxAsync(report)).Single(m => m.Kind == LifecycleMessage.Approved);
        row.Pending = true;
        row.DispatchedAt = null;
        Assert.True(await fixture.Submissions.TryUpdateOutboxAsync(row));
        await dispatcher.SweepAsync(TimeSpan.Zero);
        await signals.WaitForAsync("notify", "AlreadySent", v1);
        Assert.Single(await fixture.WaitForNoticeAsync(agency.SubmitterEmails[0], $"{v1}/approved"));
        Assert.DoesNotContain(await fixture.OutboxAsync(report), m => m.Pending);
    }

    [Fact]
    public async Task ApprovalEmailDelayedOnItsWay_StillGoesOutBeforeThePublicationEmail()
    {
        var (agency, v1) = await AwaitingReviewAsync();
        var reviewer = agency.ReviewerEmails[0];
        var report = new ReportKey(agency.Id, 2021);
        await fixture.Submissions.TransitionAsync(v1, LifecycleTrigger.Approve, reviewer, "审核通过，立即发布", s => s.ReviewedBy = reviewer);

        // The approval email's message is lost on its way (marked sent, never queued); the publication goes ahead.
        var approvedRow = (await fixture.Submissions.ListPendingOutboxAsync(report)).Single(m => m.Kind == LifecycleMessage.Approved);
        approvedRow.Pending = false;
        approvedRow.DispatchedAt = DateTimeOffset.UtcNow;
        Assert.True(await fixture.Submissions.TryUpdateOutboxAsync(approvedRow));
        Assert.Equal(1, await fixture.Host.Services.GetRequiredService<OutboxDispatcher>().DispatchAsync(report));

        // The publication email's delivery sends the version's earlier email first.
        await fixture.WaitForStateAsync(v1, SubmissionState.Published);
        var publishedMail = Assert.Single(await fixture.WaitForNoticeAsync(agency.SubmitterEmails[0], $"{v1}/published"));
        var approvedMail = Assert.Single(await fixture.WaitForNoticeAsync(agency.SubmitterEmails[0], $"{v1}/approved"));
        Assert.True(approvedMail.Id < publishedMail.Id, "the approval email went out after the publication email");
    }

    [Fact]
    public async Task EveryTransitionOfAWholeLife_WritesExactlyTheMessagesOfItsLifecycleRow()
    {
        var (agency, v1) = await AwaitingReviewAsync();
        using (var returned = await fixture.ActAsync(v1, "return", agency.ReviewerEmails[0], new { comments = "请补充第五部分" }))
        {
            Assert.Equal(System.Net.HttpStatusCode.OK, returned.StatusCode);
        }

        var v2 = await fixture.SubmitDraftOkAsync(agency, 2021, "年报.docx", TestDrafts.Docx2021(agency.Name, note: "（修改稿）"));
        await fixture.WaitForStateAsync(v2.Id, SubmissionState.AwaitingReview);
        using (var withdrawn = await fixture.ActAsync(v2.Id, "withdraw", agency.SubmitterEmails[0], new { reason = "数据需核对" }))
        {
            Assert.Equal(System.Net.HttpStatusCode.OK, withdrawn.StatusCode);
        }

        // Each audit entry's outbox rows are the messages of the lifecycle row it took, in the row's order.
        var report = new ReportKey(agency.Id, 2021);
        var outbox = await fixture.OutboxAsync(report);
        foreach (var entry in await fixture.Submissions.GetAuditTrailAsync(report))
        {
            var expected = entry.From.Length == 0
                ? []
                : Lifecycle.Steps.Single(s => s.From.ToString() == entry.From && s.To.ToString() == entry.To && Matches(s, entry)).Messages;
            Assert.Equal(expected, outbox.Where(m => m.Sequence == entry.Sequence).Select(m => m.Kind));
        }

        await fixture.WaitForNoticeAsync(agency.SubmitterEmails[0], $"{v1}/returned");
        await fixture.WaitForNoticeAsync(agency.ReviewerEmails[0], $"{v2.Id}/withdrawn");
    }

    /// <summary>Received → Rejected has two rows (unreadable, unknown uploader); this life has no upload from an unknown uploader.</summary>
    private static bool Matches(LifecycleStep step, AuditEntry entry) => step.Trigger != LifecycleTrigger.UnknownUploader && entry.To.Length > 0;

    private async Task<(Agency Agency, string Id)> AwaitingReviewAsync()
    {
        var agency = await fixture.RegisterAgencyAsync("兰溪市文化和旅游局", autoPublish: false);
        var v1 = await fixture.SubmitDraftOkAsync(agency, 2021, "年报.docx", TestDrafts.Docx2021(agency.Name));
        await fixture.WaitForStateAsync(v1.Id, SubmissionState.AwaitingReview);
        await fixture.WaitForNoticeAsync(agency.ReviewerEmails[0], $"{v1.Id}/review-request");
        return (agency, v1.Id);
    }
}
