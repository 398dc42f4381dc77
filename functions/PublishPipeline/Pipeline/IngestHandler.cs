using System.Security.Cryptography;
using Azure;
using Azure.Storage.Blobs.Models;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using PublishPipeline.Checking;
using PublishPipeline.Access;
using PublishPipeline.Notices;
using PublishPipeline.Pipeline.Alerts;
using PublishPipeline.Reports;
using PublishPipeline.Storage;
using PublishPipeline.Submissions;

namespace PublishPipeline.Pipeline;

/// <summary>
/// The ingest stage, started by a new blob in <c>drafts</c>: record the upload as the report's next version (or
/// find the version that already holds these bytes), read and validate the draft, store the result, then record the
/// outcome together with the messages it causes (the validation email, the review request, or the publication for an
/// auto-publishing agency), which are sent once that has committed. A crash before the commit is repaired by the
/// retry (the version is still Received); one after it by the outbox sweeper.
/// </summary>
public sealed class IngestHandler(
    PipelineStorage storage,
    SubmissionStore submissions,
    AgencyDirectory agencies,
    DraftChecker checker,
    ValidationInputsFactory inputs,
    SubmissionTransitions transitions,
    PipelineMetrics metrics,
    AlertRecorder alerts,
    IOptions<PipelineOptions> options,
    ILogger<IngestHandler> logger)
{
    public const string Actor = "system:ingest";

    /// <summary>Where drafts land whose path names no valid agency id: kept and recorded, never processed.</summary>
    public const string UnfiledAgency = "unfiled";

    public async Task<Submission> HandleAsync(string blobName, CancellationToken cancellationToken = default)
    {
        var draft = await ReadDraftAsync(blobName, cancellationToken);
        var (name, report) = (draft.Name, draft.Report);

        // A re-delivered event for a blob that already is a version (whatever became of it since) changes nothing.
        var known = await FindVersionOfBlobAsync(report, name, blobName, draft.Sha256, cancellationToken);

        // A draft dropped under a name of its own choosing is copied to a name of the version's, which nothing
        // overwrites; the copy's own blob event then finds its version and leaves the work to this one.
        var keepCopy = name.UploadVersion is null && draft.Content is not null && draft.Agency is not null && name.Year is not null;
        var (submission, created) = known is not null
            ? (known, false)
            : await submissions.AddVersionAsync(
                report,
                new Submission
                {
                    FileName = draft.FileName,
                    DraftBlob = blobName,
                    SourceBlob = keepCopy ? blobName : null,
                    Sha256 = draft.Sha256,
                    Size = draft.Size,
                    SubmittedBy = draft.Uploader,
                },
                draft.Uploader == Submission.UnknownUploader ? "system:blob" : draft.Uploader,
                draft.Uploader == Submission.UnknownUploader ? "草稿直接写入存储，上传者不明" : "收到上传的年度报告草稿",
                cancellationToken,
                keepCopy ? version => DraftBlobName.ForUpload(report.AgencyId, report.Year, version, draft.Sha256, draft.FileName) : null);
        using var scope = SubmissionLogScope.Begin(logger, submission.Id); // the version now exists: its id on every log below
        if (submission.SourceBlob is not null && submission.DraftBlob == blobName)
        {
            await WriteReceiptAsync(blobName, draft.ETag, submission.Id, cancellationToken);
            metrics.Handled("ingest", "kept-copy", submission.Id);
            return submission;
        }

        if (submission.CurrentState == SubmissionState.Received && submission.SourceBlob == blobName && draft.Content is not null)
        {
            await KeepCopyAsync(submission, draft.Content, cancellationToken);
        }

        if (submission.CurrentState != SubmissionState.Received)
        {
            logger.LogInformation("Draft {Blob} was already ingested as {Submission} ({State})", blobName, submission.Id, submission.State);
            await WriteReceiptAsync(blobName, draft.ETag, submission.Id, cancellationToken);
            metrics.Handled("ingest", "already-ingested", submission.Id);
            return submission;
        }

        logger.LogInformation("Ingesting {Blob} as submission {Submission} (new: {Created})", blobName, submission.Id, created);
        var processed = await ProcessAsync(draft, submission, cancellationToken);
        metrics.Handled("ingest", processed.State, processed.Id);
        return processed;
    }

    /// <summary>
    /// Reads and checks again a version an operator put back to Received after its ingest had failed: from the kept
    /// copy, or (when the failure came before the copy was made) from the drop itself if it still holds the same bytes.
    /// </summary>
    public async Task<Submission> ReprocessAsync(Submission submission, CancellationToken cancellationToken = default)
    {
        using var scope = SubmissionLogScope.Begin(logger, submission.Id);
        var kept = await storage.Drafts.GetBlobClient(submission.DraftBlob).ExistsAsync(cancellationToken);
        var draft = await ReadDraftAsync(kept.Value || submission.SourceBlob is null ? submission.DraftBlob : submission.SourceBlob, cancellationToken);
        if (draft.Sha256 != submission.Sha256)
        {
            throw new InvalidOperationException($"{draft.BlobName} no longer holds the bytes of {submission.Id} (SHA-256 {submission.Sha256})");
        }

        if (!kept.Value && draft.Content is not null)
        {
            await KeepCopyAsync(submission, draft.Content, cancellationToken);
        }

        return await ProcessAsync(draft, submission, cancellationToken);
    }

    /// <summary>Reads, checks and records a version in state Received: the check result, its emails, its next state.</summary>
    private async Task<Submission> ProcessAsync(Draft draft, Submission submission, CancellationToken cancellationToken)
    {
        if (submission.UploaderUnknown())
        {
            return await RejectUnknownUploaderAsync(draft.BlobName, draft.ETag, submission, draft.Agency, cancellationToken);
        }

        var document = await CheckAsync(draft.Name, draft.Agency, draft.FileName, draft.Content, draft.Sha256, draft.Size, submission.ReceivedAt, cancellationToken);
        await storage.SaveReportDocumentAsync(submission.Id, document.Document, cancellationToken);

        var (trigger, reason) = Decide(document, draft.Agency);
        var newer = await NewerLiveVersionAsync(submission, cancellationToken);
        if (newer is not null)
        {
            // A newer upload was checked while this one was being read: it is the one to review.
            trigger = LifecycleTrigger.OvertakenWhileChecked;
            reason = $"已由第 {newer} 版取代（重新提交）";
        }

        // The validation email, the review request or the publication are written with the state change and sent
        // after it commits (the lifecycle row of the trigger says which).
        var docReport = document.Document.Report;
        var result = await transitions.MoveAsync(
            submission.Id,
            trigger,
            Actor,
            reason,
            s =>
            {
                s.Format = document.Document.Source.Format;
                s.Template = docReport.Template;
                s.Title = docReport.Title;
                s.Errors = document.Document.Summary.Errors;
                s.Warnings = document.Document.Summary.Warnings;
                s.SupersededBy = newer;
            },
            cancellationToken: cancellationToken);
        await WriteReceiptAsync(draft.BlobName, draft.ETag, submission.Id, cancellationToken);
        return result.Updated ?? result.Current ?? submission;
    }

    /// <summary>A draft blob as ingest reads it: its bytes (up to the size cap), hash, names, agency and uploader.</summary>
    private sealed record Draft(
        string BlobName, ETag ETag, byte[]? Content, string Sha256, long Size, DraftBlobName Name, string FileName, Agency? Agency, string Uploader, ReportKey Report);

    private async Task<Draft> ReadDraftAsync(string blobName, CancellationToken cancellationToken)
    {
        var blob = storage.Drafts.GetBlobClient(blobName);
        BlobProperties properties = await blob.GetPropertiesAsync(cancellationToken: cancellationToken);
        var (content, sha256, size) = await DownloadAsync(blob, options.Value.MaxDraftBytes, cancellationToken);
        var name = DraftBlobName.Parse(blobName);
        var fileName = DraftMetadata.OriginalFileName(properties.Metadata) ?? DraftBlobName.SafeFileName(name.File);
        var agency = await agencies.GetAsync(name.Agency, cancellationToken);
        var uploader = DraftMetadata.SubmittedBy(properties.Metadata) is { } claimed && Caller.FromEmail(claimed, "metadata") is { } caller
            && agency is not null && AccessPolicy.IsSubmitter(agency, caller)
            ? caller.Email
            : Submission.UnknownUploader;
        var report = new ReportKey(AgencyDirectory.IsValidId(name.Agency) ? name.Agency : UnfiledAgency, name.Year ?? 0);
        return new Draft(blobName, properties.ETag, content, sha256, size, name, fileName, agency, uploader, report);
    }

    /// <summary>The newest later version of the report that was read and is in review, approved or live, if any.</summary>
    private async Task<int?> NewerLiveVersionAsync(Submission submission, CancellationToken cancellationToken)
    {
        var head = await submissions.GetHeadAsync(submission.Report, cancellationToken);
        if (head is null || head.VersionCount <= submission.Version)
        {
            return null;
        }

        return (await submissions.ListVersionsAsync(submission.Report, cancellationToken))
            .Where(v => v.Version > submission.Version
                && v.CurrentState is SubmissionState.NeedsChanges or SubmissionState.AwaitingReview or SubmissionState.Approved or SubmissionState.Published)
            .Select(v => (int?)v.Version)
            .Max();
    }

    /// <summary>The version this very blob was recorded as: named by an API upload's <c>v{n}-</c> prefix, or found by its bytes.</summary>
    private async Task<Submission?> FindVersionOfBlobAsync(ReportKey report, DraftBlobName name, string blobName, string sha256, CancellationToken cancellationToken)
    {
        if (name.UploadVersion is { } version && await submissions.GetVersionAsync(report, version, cancellationToken) is { } named && named.DraftBlob == blobName)
        {
            return named;
        }

        var byHash = await submissions.FindByHashAsync(report, sha256, cancellationToken);
        return byHash is not null && (byHash.DraftBlob == blobName || byHash.SourceBlob == blobName) ? byHash : null;
    }

    private async Task KeepCopyAsync(Submission submission, byte[] content, CancellationToken cancellationToken)
    {
        try
        {
            await storage.Drafts.GetBlobClient(submission.DraftBlob).UploadAsync(
                BinaryData.FromBytes(content),
                new BlobUploadOptions
                {
                    Metadata = DraftMetadata.Create(submission.FileName, submission.SubmittedBy),
                    Conditions = new BlobRequestConditions { IfNoneMatch = ETag.All },
                },
                cancellationToken);
        }
        catch (RequestFailedException e) when (e.Status is 409 or 412)
        {
            // Kept already (a retry of this ingest).
        }
    }

    /// <summary>
    /// Records a draft whose ingest failed on every retry: its version (found by its bytes, or made now) goes to
    /// Failed from Received, and the receipt stops the sweeper from trying again. Returns null when the blob is gone.
    /// </summary>
    public async Task<Submission?> RecordFailureAsync(string blobName, string reason, CancellationToken cancellationToken = default)
    {
        var blob = storage.Drafts.GetBlobClient(blobName);
        BlobProperties properties;
        try
        {
            properties = await blob.GetPropertiesAsync(cancellationToken: cancellationToken);
        }
        catch (RequestFailedException e) when (e.Status == 404)
        {
            return null;
        }

        var (_, sha256, size) = await DownloadAsync(blob, 0, cancellationToken);
        var name = DraftBlobName.Parse(blobName);
        var report = new ReportKey(AgencyDirectory.IsValidId(name.Agency) ? name.Agency : UnfiledAgency, name.Year ?? 0);
        var (submission, _) = await submissions.AddVersionAsync(
            report,
            new Submission
            {
                FileName = DraftMetadata.OriginalFileName(properties.Metadata) ?? DraftBlobName.SafeFileName(name.File),
                DraftBlob = blobName,
                Sha256 = sha256,
                Size = size,
                SubmittedBy = DraftMetadata.SubmittedBy(properties.Metadata) ?? Submission.UnknownUploader,
            },
            "system:blob",
            "收到上传的年度报告草稿",
            cancellationToken);
        var result = await transitions.MoveAsync(submission.Id, LifecycleTrigger.IngestFailed, PoisonHandler.Actor, reason, cancellationToken: cancellationToken);
        await WriteReceiptAsync(blobName, properties.ETag, submission.Id, cancellationToken);
        return result.Updated ?? result.Current ?? submission;
    }

    /// <summary>
    /// A draft written straight into storage by nobody the directory knows: kept and recorded, never read, never
    /// mailed about (no address from an upload is trusted), and the operators are told.
    /// </summary>
    private async Task<Submission> RejectUnknownUploaderAsync(string blobName, ETag blobETag, Submission submission, Agency? agency, CancellationToken cancellationToken)
    {
        var reason = agency is null
            ? $"上传路径中的机关编号「{submission.AgencyId}」未在机构名录中登记，且上传者不明，不予受理"
            : "上传者不明：草稿未经本机关登记的报送人通过接口提交，不予受理";
        await alerts.RecordAsync("upload", submission.Id, submission.AgencyId, reason, blobName, cancellationToken);
        var result = await transitions.MoveAsync(submission.Id, LifecycleTrigger.UnknownUploader, Actor, reason, cancellationToken: cancellationToken);
        await WriteReceiptAsync(blobName, blobETag, submission.Id, cancellationToken);
        return result.Updated ?? result.Current ?? submission;
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

    private static (LifecycleTrigger Trigger, string Reason) Decide(DraftCheck check, Agency? agency)
    {
        var summary = check.Document.Summary;
        if (check.ExitCode == DraftCheck.UnreadableCode)
        {
            var reasons = check.Document.Findings.Where(f => f.Severity == Severity.Error).Select(f => f.Message);
            return (LifecycleTrigger.Unreadable, string.Join("；", reasons));
        }

        if (summary.Errors > 0)
        {
            return (LifecycleTrigger.FoundErrors, $"校验发现 {summary.Errors} 处错误、{summary.Warnings} 处警告，需修改后重新提交");
        }

        return agency is { AutoPublish: true }
            ? (LifecycleTrigger.PassedAutoPublish, $"校验通过（{summary.Warnings} 处警告），本机关设置为自动发布")
            : (LifecycleTrigger.Passed, $"校验通过（{summary.Warnings} 处警告），等待审核");
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
