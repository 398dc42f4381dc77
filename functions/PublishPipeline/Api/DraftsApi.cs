using System.Globalization;
using System.Security.Cryptography;
using Azure;
using Azure.Storage.Blobs.Models;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;
using PublishPipeline.Access;
using PublishPipeline.Pipeline;
using PublishPipeline.Storage;
using PublishPipeline.Submissions;

namespace PublishPipeline.Api;

/// <summary>
/// <c>POST /api/drafts</c> (multipart: file, agency, year), by one of the agency's registered submitters: records the
/// upload as the report's next version, keeps it as a blob in <c>drafts</c> and answers 202 with its id and status
/// URL; the blob event then starts ingest. The same bytes for the same agency and year find their version (200,
/// <c>duplicate: true</c>), so a retried request or a second upload of the same file changes nothing.
/// </summary>
public sealed class DraftsApi(
    PipelineStorage storage, SubmissionStore submissions, AgencyDirectory agencies, CallerResolver callers, IOptions<PipelineOptions> options)
{
    public const string Route = "drafts";

    public async Task<IResult> SubmitAsync(HttpRequest request, CancellationToken cancellationToken = default)
    {
        var caller = callers.Resolve(request);
        if (caller is null)
        {
            return Problems.Unauthenticated();
        }

        if (!request.HasFormContentType)
        {
            return Problems.BadRequest("请求格式错误", "请以 multipart/form-data 提交，字段：file（报告文件）、agency（机关编号）、year（年度）。");
        }

        var (form, malformed) = await RequestForms.ReadAsync(request, cancellationToken);
        if (form is null)
        {
            return malformed!.ToResult();
        }

        var file = form.Files.GetFile("file");
        var agencyId = form["agency"].ToString().Trim();
        var yearText = form["year"].ToString().Trim();
        if (file is null)
        {
            return Problems.BadRequest("缺少报告文件", "请在字段 file 中附上年度报告文件。");
        }

        if (!int.TryParse(yearText, NumberStyles.None, CultureInfo.InvariantCulture, out var year) || year is < 2000 or > 2100)
        {
            return Problems.BadRequest("年度无效", $"字段 year 应为四位年份，如 2024；收到的是「{yearText}」。");
        }

        var agency = await agencies.GetAsync(agencyId, cancellationToken);
        if (agency is null)
        {
            return Problems.Create(StatusCodes.Status404NotFound, "机关未登记", $"机关编号「{agencyId}」不在机构名录中。请联系政务公开办登记后再提交。");
        }

        if (!AccessPolicy.CanSubmit(agency, caller))
        {
            return Problems.Create(StatusCodes.Status403Forbidden, "无权提交", $"{caller.Email} 不是「{agency.Name}」登记的报送人员，不能为该机关提交年度报告。");
        }

        if (file.Length > options.Value.MaxDraftBytes)
        {
            return Problems.Create(
                StatusCodes.Status413PayloadTooLarge,
                "文件过大",
                $"文件大小 {file.Length / 1024.0 / 1024.0:F1} MB，超过 {options.Value.MaxDraftBytes / 1024 / 1024} MB 的上限。");
        }

        byte[] content;
        await using (var stream = file.OpenReadStream())
        {
            using var buffer = new MemoryStream();
            await stream.CopyToAsync(buffer, cancellationToken);
            content = buffer.ToArray();
        }

        var sha256 = Convert.ToHexStringLower(SHA256.HashData(content));
        var fileName = DraftBlobName.SafeFileName(file.FileName);
        var (submission, created) = await submissions.AddVersionAsync(
            new ReportKey(agency.Id, year),
            new Submission { FileName = fileName, Sha256 = sha256, Size = content.Length, SubmittedBy = caller.Email },
            caller.Email,
            "收到上传的年度报告草稿",
            cancellationToken,
            version => DraftBlobName.ForUpload(agency.Id, year, version, sha256, fileName));

        // Recorded first, then kept: if the upload fails the client retries and lands on the same version and blob.
        if (submission.CurrentState == SubmissionState.Received)
        {
            try
            {
                await storage.Drafts.GetBlobClient(submission.DraftBlob).UploadAsync(
                    BinaryData.FromBytes(content),
                    new BlobUploadOptions
                    {
                        Metadata = DraftMetadata.Create(fileName, submission.SubmittedBy),
                        Conditions = new BlobRequestConditions { IfNoneMatch = ETag.All },
                    },
                    cancellationToken);
            }
            catch (RequestFailedException e) when (e.Status is 409 or 412)
            {
                // The same bytes were already kept for this version.
            }
        }

        var statusUrl = options.Value.SubmissionStatusUrl(submission.Id);
        var body = new SubmissionAccepted(submission.Id, submission.Version, submission.State, statusUrl, !created);
        return created ? Results.Accepted(statusUrl, body) : Results.Ok(body);
    }
}

public sealed record SubmissionAccepted(string Id, int Version, string State, string StatusUrl, bool Duplicate);
