using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using PublishPipeline.Pipeline;
using PublishPipeline.Submissions;

namespace PublishPipeline.IntegrationTests.Pipeline;

/// <summary>The sweeper re-ingests drafts without a receipt, and ingest run again on a processed draft changes nothing.</summary>
[Collection(DevHostCollection.Name)]
public sealed class DraftSweeperTests(DevHostFixture fixture)
{
    [Fact]
    public async Task DraftWithoutAReceiptIsReingestedWithoutDuplicateStateOrMail()
    {
        var agency = await fixture.RegisterAgencyAsync("江屿市青山街道办事处", "乡镇街道");
        await fixture.UploadDraftBlobAsync(agency.Id, 2021, "draft.txt", await File.ReadAllBytesAsync(DevHostFixture.Sample("2021-qingshan-jiedao.txt")), agency.SubmitterEmails[0]);
        var submission = await fixture.WaitForSubmissionAsync(agency.Id, SubmissionState.NeedsChanges);
        Assert.Single(await fixture.WaitForMailAsync(agency.SubmitterEmails[0], 1));

        // Lose the receipt, as if the blob event had never been handled to the end.
        using var signals = new PipelineSignals();
        var blob = await fixture.Storage.Drafts.GetBlobClient(submission.DraftBlob).GetPropertiesAsync();
        var (partition, row) = IngestReceipt.KeyFor(submission.DraftBlob, blob.Value.ETag);
        await fixture.Storage.IngestReceipts.DeleteEntityAsync(partition, row);

        var services = fixture.Host.Services;
        var sweeper = new DraftSweeper(
            fixture.Storage,
            services.GetRequiredService<IngestHandler>(),
            TimeProvider.System,
            Options.Create(new PipelineOptions { SweepGrace = TimeSpan.Zero, SweepLookBack = TimeSpan.FromHours(1) }),
            NullLogger<DraftSweeper>.Instance);
        await sweeper.SweepAsync();

        // This sweep or the host's own (it sweeps every few seconds too) ingested the draft again, and found its version.
        await signals.WaitForAsync(h => h.Stage == "ingest" && h.Subject == submission.Id, what: $"ingest of {submission.DraftBlob} again");

        // With its receipt back (keyed on the ETag as the listing reports it), the next sweep leaves it alone.
        Assert.DoesNotContain(submission.DraftBlob, await sweeper.SweepAsync());

        Assert.True((await fixture.Storage.IngestReceipts.GetEntityIfExistsAsync<IngestReceipt>(partition, row)).HasValue);
        var audit = await fixture.Submissions.GetAuditTrailAsync(submission.Id);
        Assert.Equal(["Received", "NeedsChanges"], audit.Select(a => a.To));

        // No new state change, so no new message: the one validation email is all there is and will be.
        Assert.Equal([LifecycleMessage.ValidationNeedsChanges], (await fixture.OutboxAsync(submission.Report)).Select(m => m.Kind));
        Assert.Single(await fixture.WaitForMailAsync(agency.SubmitterEmails[0], 1));
    }
}
