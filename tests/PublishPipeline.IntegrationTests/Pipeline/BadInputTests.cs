using System.Net;
using System.Text;
using Microsoft.Extensions.DependencyInjection;
using PublishPipeline.Submissions;

namespace PublishPipeline.IntegrationTests.Pipeline;

/// <summary>
/// Bad uploads end as recorded, rejected submissions with an email that says why; the upload is kept and the
/// host goes on processing the next draft.
/// </summary>
[Collection(DevHostCollection.Name)]
public sealed class BadInputTests(DevHostFixture fixture)
{
    public static TheoryData<string, byte[], string> BadDrafts => new()
    {
        { "empty", [], "文件为空" },
        { "binary", [0x00, 0x01, 0xFF, 0xFE, 0x89, 0x50, 0x4E, 0x47, 0x00, 0x00, 0x1A, 0x0A, 0xDE, 0xAD, 0xBE, 0xEF], "无法识别" },
        { "not a report", Encoding.UTF8.GetBytes("会议纪要\n\n今天下午召开了全体职工会议，讨论了食堂菜单和停车位安排。\n"), "不是政府信息公开工作年度报告" },
    };

    [Theory]
    [MemberData(nameof(BadDrafts))]
    public async Task BadDraftIsRejectedRecordedAndExplained(string kind, byte[] content, string reasonFragment)
    {
        var agency = await fixture.RegisterAgencyAsync("兰溪市文化和旅游局");
        await fixture.UploadDraftBlobAsync(agency.Id, 2021, $"{kind}.txt", content, agency.SubmitterEmails[0]);

        var submission = await fixture.WaitForSubmissionAsync(agency.Id, SubmissionState.Rejected);
        Assert.Contains(reasonFragment, submission.Reason, StringComparison.Ordinal);
        Assert.True(await fixture.Storage.Drafts.GetBlobClient(submission.DraftBlob).ExistsAsync(), "the upload must be kept");

        var mail = Assert.Single(await fixture.WaitForMailAsync(agency.SubmitterEmails[0], 1));
        Assert.Contains(reasonFragment, mail.Html, StringComparison.Ordinal);
        Assert.Contains(reasonFragment, mail.Text, StringComparison.Ordinal);
        var audit = await fixture.Submissions.GetAuditTrailAsync(submission.Id);
        Assert.Equal(["Received", "Rejected"], audit.Select(a => a.To));

        // The host is still running: a good draft right after is processed.
        await fixture.UploadDraftBlobAsync(agency.Id, 2020, "good.txt", await File.ReadAllBytesAsync(DevHostFixture.Sample("2020-lanxi-wenlvj.txt")), agency.SubmitterEmails[0]);
        await fixture.WaitForSubmissionAsync(agency.Id, SubmissionState.Published);
    }

    [Fact]
    public async Task DraftForAnUnregisteredAgencyIsKeptRejectedAndNobodyIsMailed()
    {
        var agencyId = "unregistered-" + Guid.NewGuid().ToString("N")[..8];
        await fixture.UploadDraftBlobAsync(agencyId, 2020, "draft.txt", await File.ReadAllBytesAsync(DevHostFixture.Sample("2020-lanxi-wenlvj.txt")), "someone@elsewhere.example");

        var submission = await fixture.WaitForSubmissionAsync(agencyId, SubmissionState.Rejected);
        Assert.Contains("未在机构名录中登记", submission.Reason, StringComparison.Ordinal);
        Assert.Equal(Submission.UnknownUploader, submission.SubmittedBy);
        Assert.True(await fixture.Storage.Drafts.GetBlobClient(submission.DraftBlob).ExistsAsync(), "the upload must be kept");
        await AssertAlertAndNoMailAsync(submission);
    }

    [Fact]
    public async Task DraftDroppedIntoStorageByAnUnknownUploaderIsKeptRecordedAndRejected()
    {
        var agency = await fixture.RegisterAgencyAsync("兰溪市文化和旅游局");
        var bytes = await File.ReadAllBytesAsync(DevHostFixture.Sample("2020-lanxi-wenlvj.txt"));
        await fixture.UploadDraftBlobAsync(agency.Id, 2020, "dropped.txt", bytes, uploadedBy: "stranger@elsewhere.example");

        var submission = await fixture.WaitForSubmissionAsync(agency.Id, SubmissionState.Rejected);
        Assert.Contains("上传者不明", submission.Reason, StringComparison.Ordinal);
        Assert.Equal(["Received", "Rejected"], (await fixture.Submissions.GetAuditTrailAsync(submission.Id)).Select(a => a.To));
        Assert.True(await fixture.Storage.Drafts.GetBlobClient(submission.DraftBlob).ExistsAsync(), "the upload must be kept");
        await AssertAlertAndNoMailAsync(submission);
        using var page = await fixture.Http.GetAsync($"{fixture.SiteUrl}/reports/2020/{agency.Id}/");
        Assert.Equal(HttpStatusCode.NotFound, page.StatusCode);

        // The same bytes from the registered submitter are a new version, checked and published as usual.
        var accepted = await fixture.SubmitDraftOkAsync(agency, 2020, "report.txt", bytes);
        Assert.False(accepted.Duplicate);
        Assert.Equal(2, accepted.Version);
        await fixture.WaitForStateAsync(accepted.Id, SubmissionState.Published);
    }

    private async Task AssertAlertAndNoMailAsync(Submission submission)
    {
        var alerts = fixture.Host.Services.GetRequiredService<PublishPipeline.Pipeline.Alerts.AlertRecorder>();
        var alert = Assert.Single(await alerts.ListRecentAsync(2), a => a.SubmissionId == submission.Id);
        Assert.Equal("upload", alert.Stage);
        Assert.Equal(submission.SourceBlob ?? submission.DraftBlob, alert.Payload);

        // No email about it, to anybody: its rejection caused no message (the outbox is empty), and no notice record
        // was ever made for this version.
        Assert.DoesNotContain(await fixture.OutboxAsync(submission.Report), m => m.SubmissionId == submission.Id);
        var notices = new List<Notices.NoticeRecord>();
        await foreach (var record in fixture.Storage.Notices.QueryAsync<Notices.NoticeRecord>(n => n.PartitionKey == submission.Id))
        {
            notices.Add(record);
        }

        Assert.Empty(notices);
    }
}
