using System.Text;
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
        await fixture.UploadDraftBlobAsync(agency.Id, 2021, $"{kind}.txt", content);

        var submission = await fixture.WaitForSubmissionAsync(agency.Id, SubmissionState.Rejected);
        Assert.Contains(reasonFragment, submission.Reason, StringComparison.Ordinal);
        Assert.True(await fixture.Storage.Drafts.GetBlobClient(submission.DraftBlob).ExistsAsync(), "the upload must be kept");

        var mail = Assert.Single(await fixture.WaitForMailAsync(agency.SubmitterEmails[0], 1));
        Assert.Contains(reasonFragment, mail.Html, StringComparison.Ordinal);
        Assert.Contains(reasonFragment, mail.Text, StringComparison.Ordinal);
        var audit = await fixture.Submissions.GetAuditTrailAsync(submission.Id);
        Assert.Equal(["Received", "Rejected"], audit.Select(a => a.To));

        // The host is still running: a good draft right after is processed.
        await fixture.UploadDraftBlobAsync(agency.Id, 2020, "good.txt", await File.ReadAllBytesAsync(DevHostFixture.Sample("2020-lanxi-wenlvj.txt")));
        await fixture.WaitForSubmissionAsync(agency.Id, SubmissionState.Published);
    }

    [Fact]
    public async Task DraftForAnUnregisteredAgencyIsRejectedAndNobodyIsMailed()
    {
        var agencyId = "unregistered-" + Guid.NewGuid().ToString("N")[..8];
        await fixture.UploadDraftBlobAsync(agencyId, 2020, "draft.txt", await File.ReadAllBytesAsync(DevHostFixture.Sample("2020-lanxi-wenlvj.txt")));

        var submission = await fixture.WaitForSubmissionAsync(agencyId, SubmissionState.Rejected);
        Assert.Contains("未在机构名录中登记", submission.Reason, StringComparison.Ordinal);
        var deadline = DateTime.UtcNow.AddSeconds(30);
        Azure.Response<Notices.NoticeRecord>? record = null;
        while (DateTime.UtcNow < deadline)
        {
            var found = await fixture.Storage.Notices.GetEntityIfExistsAsync<Notices.NoticeRecord>(submission.Id, Notices.NoticeKind.ValidationResult);
            if (found.HasValue)
            {
                record = Azure.Response.FromValue(found.Value!, found.GetRawResponse());
                break;
            }

            await Task.Delay(200);
        }

        Assert.NotNull(record);
        Assert.Equal(Notices.NoticeRecord.NoRecipient, record!.Value.Status);
    }
}
