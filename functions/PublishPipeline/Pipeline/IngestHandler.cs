using System.Security.Cryptography;
using Azure;
using Azure.Storage.Blobs.Models;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using PublishPipeline.Notices;
using PublishPipeline.Reports;
using PublishPipeline.Storage;
using PublishPipeline.Submissions;

namespace PublishPipeline.Pipeline;

/// <summary>
/// The ingest stage, started by a new blob in <c>drafts</c>: record the submission, read and validate the draft,
/// store the result, queue the validation email (and publication when the report is clean), then record the
/// outcome. Messages go out before the state changes and their consumers are idempotent, so a crash at any point
/// is repaired by the retry without losing or doubling anything.
/// </summary>
public sealed class IngestHandler(
    PipelineStorage storage,
    SubmissionStore submissions,
    AgencyDirectory agencies,
    DraftChecker checker,
    ValidationInputsFactory inputs,
    MessageQueue queue,
    IOptions<PipelineOptions> options,
    ILogger<IngestHandler> logger)
{
    public const string Actor = "system:ingest";

    public async Task<Submission> HandleAsync(string blobName, CancellationToken cancellationToken = default)
    {
        var blob = storage.Drafts.GetBlobClient(blobName);
        BlobProperties properties = await blob.GetPropertiesAsync(cancellationToken: cancellationToken);
        var (content, sha256, size) = await DownloadAsync(blob, options.Value.MaxDraftBytes, cancellationToken);
        var name = DraftBlobName.Parse(blobName);
        var fileName = DraftMetadata.OriginalFileName(properties.Metadata) ?? DraftBlobName.SafeFileName(name.File);
        var submittedBy = DraftMetadata.SubmittedBy(properties.Metadata) ?? "blob";

        var (submission, created) = await submissions.GetOrCreateAsync(
            new Submission
            {
                PartitionKey = SubmissionIds.For(blobName, sha256),
                AgencyId = name.Agency,
                Year = name.Year ?? 0,
                FileName = fileName,
                DraftBlob = blobName,
                Sha256 = sha256,
                Size = size,
                SubmittedBy = submittedBy,
            },
            submittedBy,
            cancellationToken);
        if (submission.CurrentState != SubmissionState.Received)
        {
            logger.LogInformation("Draft {Blob} was already ingested as {Submission} ({State})", blobName, submission.Id, submission.State);
            await WriteReceiptAsync(blobName, properties.ETag, submission.Id, cancellationToken);
            return submission;
        }

        logger.LogInformation("Ingesting {Blob} as submission {Submission} (new: {Created})", blobName, submission.Id, created);
        var agency = await agencies.GetAsync(name.Agency, cancellationToken);
        var document = await CheckAsync(name, agency, fileName, content, sha256, size, submission.ReceivedAt, cancellationToken);
        await storage.SaveReportDocumentAsync(submission.Id, document.Document, cancellationToken);

        var (outcome, next, reason) = Decide(document, agency);
        await queue.SendNoticeAsync(new NoticeMessage(submission.Id, NoticeKind.ValidationResult, outcome), cancellationToken);
        if (next == SubmissionState.Approved)
        {
            await queue.SendPublishAsync(new PublishMessage(submission.Id), cancellationToken);
        }

        var report = document.Document.Report;
        var updated = await submissions.TransitionAsync(
            submission,
            SubmissionState.Received,
            next,
            Actor,
            reason,
            s =>
            {
                s.Format = document.Document.Source.Format;
                s.Template = report.Template;
                s.Title = report.Title;
                s.Errors = document.Document.Summary.Errors;
                s.Warnings = document.Document.Summary.Warnings;
            },
            cancellationToken);
        await WriteReceiptAsync(blobName, properties.ETag, submission.Id, cancellationToken);
        return updated ?? await submissions.GetAsync(submission.Id, cancellationToken) ?? submission;
    }

    private async Task WriteReceiptAsync(string blobName, ETag blobETag, string submissionId, CancellationToken cancellationToken)
    {
        var (partition, row) = IngestReceipt.KeyFor(blobName, blobETag);
        await storage.IngestReceipts.UpsertEntityAsync(
            new IngestReceipt { PartitionKey = partition, RowKey = row, BlobName = blobName, SubmissionId = submissionId },
            Azure.Data.Tables.TableUpdateMode.Replace,
            cancellationToken);
    }

    private async Task<DraftCheck> CheckAsync(
        DraftBlobName name, Agency? agency, string fileName, byte[]? content, string sha256, long size, DateTimeOffset receivedAt, CancellationToken cancellationToken)
    {
        string? refusal = null;
        if (agency is null)
        {
            refusal = $"上传路径中的机关编号「{name.Agency}」未在机构名录中登记，无法受理。请通过本机关的账号上传，或联系政务公开办登记。";
        }
        else if (name.Year is null)
        {
            refusal = $"上传路径中的年度「{name.YearText}」无效，应为四位年份，如 2024。";
        }
        else if (content is null)
        {
            refusal = $"文件大小 {size / 1024.0 / 1024.0:F1} MB，超过 {options.Value.MaxDraftBytes / 1024 / 1024} MB 的上限，未能读取。请删除图片等内容后重新上传。";
        }

        if (refusal is null && content is not null && agency is not null && name.Year is { } year)
        {
            return checker.Check(fileName, content, await inputs.CreateAsync(agency, year, receivedAt, cancellationToken));
        }

        var document = new ReportDocument
        {
            Source = new ReportSource { File = fileName, Sha256 = sha256 },
            Findings = [new Finding { Rule = "A0", Severity = Severity.Error, Message = refusal ?? "无法读取该文件。" }],
        };
        document.Summarise();
        return new DraftCheck(document, DraftCheck.UnreadableCode);
    }

    private static (ValidationOutcome Outcome, SubmissionState Next, string Reason) Decide(DraftCheck check, Agency? agency)
    {
        var summary = check.Document.Summary;
        if (check.ExitCode == DraftCheck.UnreadableCode)
        {
            var reasons = check.Document.Findings.Where(f => f.Severity == Severity.Error).Select(f => f.Message);
            return (ValidationOutcome.Rejected, SubmissionState.Rejected, string.Join("；", reasons));
        }

        if (summary.Errors > 0)
        {
            return (ValidationOutcome.NeedsChanges, SubmissionState.NeedsChanges, $"校验发现 {summary.Errors} 处错误、{summary.Warnings} 处警告，需修改后重新提交");
        }

        return agency is { AutoPublish: true }
            ? (ValidationOutcome.Accepted, SubmissionState.Approved, $"校验通过（{summary.Warnings} 处警告），本机关设置为自动发布")
            : (ValidationOutcome.Accepted, SubmissionState.AwaitingReview, $"校验通过（{summary.Warnings} 处警告），等待审核");
    }

    /// <summary>Hashes the whole blob as it streams, keeping the bytes only up to the size cap.</summary>
    private static async Task<(byte[]? Content, string Sha256, long Size)> DownloadAsync(
        Azure.Storage.Blobs.BlobClient blob, long maxBytes, CancellationToken cancellationToken)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        using var kept = new MemoryStream();
        var buffer = new byte[81920];
        long size = 0;
        try
        {
            await using var stream = await blob.OpenReadAsync(cancellationToken: cancellationToken);
            int read;
            while ((read = await stream.ReadAsync(buffer, cancellationToken)) > 0)
            {
                hash.AppendData(buffer, 0, read);
                if (size + read <= maxBytes)
                {
                    kept.Write(buffer, 0, read);
                }

                size += read;
            }
        }
        catch (RequestFailedException e) when (e.Status == 416)
        {
            // An empty blob: Range requests on zero bytes are refused by some storage emulators.
        }

        var sha = Convert.ToHexStringLower(hash.GetHashAndReset());
        return (size <= maxBytes ? kept.ToArray() : null, sha, size);
    }
}
